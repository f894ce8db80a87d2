import type { DataSource } from 'typeorm';
import type { Viewer } from '@peacegraph/kit/auth';
import { CALENDAR_EDGE_DAYS, CALENDAR_EDGE_PERIODS } from '@peacegraph/kit/testing';
import { ok } from '../../test/fixtures';
import { COMMUNITIES, OTHER_PARTNER, OWNER, startMining, type MiningUnderTest } from '../../test/support';
import type { Repositories } from '../repositories';
import { AggregateRepository, type KnowledgeGainGrouping, type PeopleTrainedGrouping } from './statistics.repository';
import { AggregateService } from './statistics.service';
import {
  refreshTrainingMonths,
  refreshTrainingMonthsSql,
  trainingMonthRowsSql,
  TRAINING_MONTH_COLUMNS,
} from './training-months.repository';
import type { TrainingFilterInput } from '../training/training.rules';

/**
 * The monthly rollup against the computation it replaces: on generated trainings of three owners over
 * three countries, three years, both kinds, every grouping and the filters the rollup answers, the
 * figures from the rollup equal those from the trainings (people trained, knowledge gain, the coverage map), for the owner and for another partner
 * (disclosure control included); after records, corrections and a deletion the rollup holds exactly
 * what recomputing it from scratch gives; a rolled-back write leaves it as it was.
 */
let mining: MiningUnderTest;
let dataSource: DataSource;
const THIRD = '00000000-0000-4000-8000-0000000000c3';

beforeAll(async () => {
  mining = await startMining();
  dataSource = mining.db.dataSource;
  await generateTrainings(dataSource, 900);
  await backfill();
});

/** The migration's and the bench's way: every key recomputed at once. */
async function backfill(): Promise<void> {
  for (const statement of refreshTrainingMonthsSql(`SELECT owner_org, country_code, kind, starts_on FROM mining_training`))
    await dataSource.query(statement);
}
afterAll(() => mining.stop());

function viewerOf(organisationId: string): Viewer {
  return { kind: 'partner', subject: 'test', organisationId, scopes: new Set(['mining:read']), via: 'token' };
}

function services(organisationId: string): { rollup: AggregateService; raw: AggregateService } {
  const of = (useRollup: boolean) =>
    new AggregateService(
      { aggregates: new AggregateRepository(dataSource, useRollup) } as unknown as Repositories,
      viewerOf(organisationId),
    );
  return { rollup: of(true), raw: of(false) };
}

const PEOPLE_GROUPINGS: (PeopleTrainedGrouping | null)[] = [null, 'STAKEHOLDER_GROUP', 'REGION', 'COUNTRY', 'TRAINING_KIND', 'YEAR'];
const KNOWLEDGE_GROUPINGS: KnowledgeGainGrouping[] = ['STAKEHOLDER_GROUP', 'TRAINING_KIND', 'REGION'];
const FILTERS: TrainingFilterInput[] = [
  {},
  { kind: 'TECHNICAL' },
  { country: 'BF' },
  { adminArea: 'ML' },
  { adminArea: 'ML02' },
  { adminArea: 'NE0103' },
  { adminArea: 'NE010302' },
  { organisation: OWNER },
  { organisation: OTHER_PARTNER, kind: 'ADVOCACY' },
  { from: '2024-03-01', to: '2025-05-31' },
  { from: '2024-03-17', to: '2025-05-04' },
  { from: '2025-02-10' },
  { to: '2024-11-20' },
  { from: '2024-06-03', to: '2024-06-21' },
  { from: '2025-01-31', to: '2025-02-01', country: 'ML' },
  { from: '2024-09-09', adminArea: 'BF02', kind: 'ADVOCACY', organisation: THIRD },
];
/**
 * The ends of the calendar the API takes: the day after 9999-12-31 and its month are in year 10000,
 * and the years 0–99 are where Date.UTC would have read 1900–1999.
 */
const EDGE_FILTERS: TrainingFilterInput[] = [
  ...CALENDAR_EDGE_PERIODS.map(({ from, to }) => ({ from, to })),
  { from: '9999-12-01', to: '9999-12-31', country: 'ML' },
];
/** Training starts at the ends of the calendar, for the filters above to cut. */
const EDGE_DATES = CALENDAR_EDGE_DAYS;

/** Every figure of every grouping and filter, for a caller, from the rollup and from the trainings. */
async function figuresBothWays(
  organisationId: string,
  filters: TrainingFilterInput[] = FILTERS,
): Promise<{ rollup: unknown[]; raw: unknown[]; nonEmpty: number }> {
  const { rollup, raw } = services(organisationId);
  const fromRollup: unknown[] = [];
  const fromTrainings: unknown[] = [];
  let nonEmpty = 0;
  for (const filter of filters) {
    for (const groupBy of PEOPLE_GROUPINGS) {
      const figures = await rollup.peopleTrained(filter, groupBy);
      if (figures.trainings > 0) nonEmpty++;
      fromRollup.push({ filter, groupBy, figures });
      fromTrainings.push({ filter, groupBy, figures: await raw.peopleTrained(filter, groupBy) });
    }
    for (const groupBy of KNOWLEDGE_GROUPINGS) {
      fromRollup.push({ filter, groupBy, figures: await rollup.knowledgeGain(filter, groupBy) });
      fromTrainings.push({ filter, groupBy, figures: await raw.knowledgeGain(filter, groupBy) });
    }
    // The map takes a place (an admin area's P-code, not a country's code) and a period only.
    const adminArea = filter.adminArea && /[0-9]/.test(filter.adminArea) ? filter.adminArea : null;
    const place = { country: filter.country, adminArea, from: filter.from, to: filter.to };
    for (const level of ['REGION', 'ADMIN2'] as const) {
      fromRollup.push({ place, level, figures: await rollup.coverage(place, level) });
      fromTrainings.push({ place, level, figures: await raw.coverage(place, level) });
    }
  }
  return { rollup: fromRollup, raw: fromTrainings, nonEmpty };
}

/** The rollup as stored, and as recomputing it from every training gives. */
async function storedAndRecomputed(): Promise<{ stored: unknown[]; recomputed: unknown[] }> {
  const order = 'ORDER BY area_level, owner_org, country_code, kind, month, admin1_pcode, admin_pcode, stakeholder_group';
  // Sums of fractions to 9 decimals: the same terms added in another order differ in their last bits.
  const shown = `area_level, owner_org, country_code, admin1_pcode, admin_pcode, kind, to_char(month, 'YYYY-MM-DD') AS month, stakeholder_group,
                 trainings, women, men, not_broken_down, trainings_measured, assessed, round(pre_sum::numeric, 9) AS pre, round(post_sum::numeric, 9) AS post`;
  return {
    stored: await dataSource.query(`SELECT ${shown} FROM training_month ${order}`),
    recomputed: await dataSource.query(
      `SELECT ${shown} FROM (SELECT ${TRAINING_MONTH_COLUMNS} FROM (${trainingMonthRowsSql('mining_training t', '')}) AS r) AS r ${order}`,
    ),
  };
}

describe('the monthly rollup of trainings', () => {
  it('gives the figures the trainings give, to their owner and to another partner, for every grouping and filter', async () => {
    for (const caller of [OWNER, OTHER_PARTNER]) {
      const { rollup, raw, nonEmpty } = await figuresBothWays(caller);
      expect(rollup).toEqual(raw);
      expect(rollup).toHaveLength(FILTERS.length * (PEOPLE_GROUPINGS.length + KNOWLEDGE_GROUPINGS.length + 2));
      // All but two filters (a two-day window, a narrow combination) select trainings: the comparison is about figures.
      expect(nonEmpty).toBe((FILTERS.length - 2) * PEOPLE_GROUPINGS.length);
      // Disclosure control is part of what is compared: where the caller does not own everything counted, cells are withheld, and means.
      const shown = JSON.stringify(rollup);
      const withheldCells = shown.match(/"suppressed":true/g)?.length ?? 0;
      const withheldMeans = shown.match(/"withheld":true/g)?.length ?? 0;
      expect(Math.min(withheldCells, withheldMeans)).toBeGreaterThan(5);
    }
    const all = await services(OTHER_PARTNER).rollup.peopleTrained({}, 'STAKEHOLDER_GROUP');
    expect([all.trainings, all.exact]).toEqual([900, false]);
    const own = await services(OWNER).rollup.peopleTrained({ organisation: OWNER }, 'STAKEHOLDER_GROUP');
    expect([own.trainings, own.exact]).toEqual([300, true]);
  });

  it('is what recomputing it from the trainings gives, after the backfill, and after a second one over it', async () => {
    const first = await storedAndRecomputed();
    expect(first.stored.length).toBeGreaterThan(1000);
    expect(first.stored).toEqual(first.recomputed);
    await backfill();
    expect((await storedAndRecomputed()).stored).toEqual(first.stored);
  });

  it('follows records and corrections of participants, scores, kind and start through the API', async () => {
    const owner = mining.owner;
    const record = (title: string, input: Record<string, unknown>) =>
      ok<{ recordMiningTraining: { id: string; version: number } }>(
        owner,
        `mutation ($input: RecordMiningTrainingInput!) { recordMiningTraining(input: $input) { id version } }`,
        {
          input: {
            title,
            kind: 'ADVOCACY',
            startsOn: '2025-03-10',
            endsOn: '2025-03-11',
            community: COMMUNITIES.Kalana,
            trainers: [OWNER],
            participants: { byGroup: [{ stakeholderGroup: 'COMMUNITY_LEADERS', women: 3, men: 14 }] },
            ...input,
          },
        },
      ).then((r) => r.recordMiningTraining);
    const update = (training: { id: string; version: number }, input: Record<string, unknown>) =>
      ok<{ updateMiningTraining: { id: string; version: number } }>(
        owner,
        `mutation ($id: ID!, $version: Int!, $input: UpdateMiningTrainingInput!) { updateMiningTraining(id: $id, version: $version, input: $input) { id version } }`,
        { id: training.id, version: training.version, input },
      ).then((r) => r.updateMiningTraining);
    const before = await services(OWNER).rollup.peopleTrained({ organisation: OWNER }, null);

    const first = await record('Leaders and the mining code', {});
    const second = await record('Scores of the mining code', {
      participants: {
        byGroup: [
          { stakeholderGroup: 'WOMEN', women: 12, men: 0 },
          { stakeholderGroup: 'YOUTH', women: 2, men: 3 },
        ],
      },
      knowledgeAssessment: {
        scaleMin: 0,
        scaleMax: 20,
        byGroup: [{ stakeholderGroup: 'WOMEN', assessed: 10, meanPreScore: 7, meanPostScore: 15 }],
      },
    });
    const third = await record('Only a total', { participants: { total: 31 }, startsOn: '2025-03-31', endsOn: '2025-03-31' });
    let after = await services(OWNER).rollup.peopleTrained({ organisation: OWNER }, null);
    expect(after.trainings).toBe(before.trainings + 3);
    expect(after.total.total.count).toBe(before.total.total.count! + 17 + 17 + 31);

    // Corrections: other participants, other scores, another kind, another month (and year).
    const firstAgain = await update(first, { participants: { byGroup: [{ stakeholderGroup: 'COMMUNITY_LEADERS', women: 5, men: 14 }] } });
    await update(firstAgain, { kind: 'TECHNICAL', startsOn: '2024-12-30', endsOn: '2025-01-02' });
    await update(second, {
      knowledgeAssessment: {
        scaleMin: 0,
        scaleMax: 100,
        byGroup: [
          { stakeholderGroup: 'WOMEN', assessed: 12, meanPreScore: 41.5, meanPostScore: 77.25 },
          { stakeholderGroup: 'YOUTH', assessed: 4, meanPreScore: 30, meanPostScore: 60 },
        ],
      },
    });
    await update(third, { participants: { total: 9 }, startsOn: '2025-04-01', endsOn: '2025-04-01' });
    after = await services(OWNER).rollup.peopleTrained({ organisation: OWNER }, null);
    expect(after.total.total.count).toBe(before.total.total.count! + 19 + 17 + 9);

    const { stored, recomputed } = await storedAndRecomputed();
    expect(stored).toEqual(recomputed);
    for (const caller of [OWNER, OTHER_PARTNER]) {
      const { rollup, raw } = await figuresBothWays(caller);
      expect(rollup).toEqual(raw);
    }
    const gain = await services(OWNER).rollup.knowledgeGain(
      { adminArea: 'ML0306', from: '2025-03-01', to: '2025-03-31' },
      'STAKEHOLDER_GROUP',
    );
    // (12 × 41.5 + 4 × 30) / 16 = 38.6 before; (12 × 77.25 + 4 × 60) / 16 = 72.9 after.
    expect(gain.overall).toMatchObject({
      trainingsMeasured: 1,
      meanPreScorePercent: 38.6,
      meanPostScorePercent: 72.9,
      meanGainPoints: 34.3,
    });
  });

  it('drops the figures of a training deleted, with its month and kind', async () => {
    const [gone] = (await dataSource.query(
      `SELECT id, owner_org, country_code, kind, starts_on::text FROM mining_training WHERE owner_org = $1 ORDER BY starts_on, id LIMIT 1`,
      [THIRD],
    )) as { id: string; owner_org: string; country_code: string; kind: string; starts_on: string }[];
    await dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM mining_training WHERE id = $1`, [gone!.id]);
      await refreshTrainingMonths(manager, [
        { ownerOrg: gone!.owner_org, countryCode: gone!.country_code, kind: gone!.kind, startsOn: gone!.starts_on },
      ]);
    });
    const { stored, recomputed } = await storedAndRecomputed();
    expect(stored).toEqual(recomputed);
    const { rollup, raw } = await figuresBothWays(OTHER_PARTNER);
    expect(rollup).toEqual(raw);
  });

  it('stays as it was when the write rolls back', async () => {
    const before = await mining.tableValues(['training_month']);
    const [victim] = (await dataSource.query(
      `SELECT id, owner_org, country_code, kind, starts_on::text FROM mining_training t
       WHERE owner_org = $1 AND EXISTS (SELECT 1 FROM training_participant_group g WHERE g.training_id = t.id)
       ORDER BY starts_on DESC, id LIMIT 1`,
      [OWNER],
    )) as { id: string; owner_org: string; country_code: string; kind: string; starts_on: string }[];
    const key = { ownerOrg: victim!.owner_org, countryCode: victim!.country_code, kind: victim!.kind, startsOn: victim!.starts_on };
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE training_participant_group SET women = women + 100 WHERE training_id = $1`, [victim!.id]);
        await refreshTrainingMonths(manager, [key]);
        const [changed] = (await manager.query(`SELECT count(*)::int AS n FROM training_month WHERE owner_org = $1 AND women >= 100`, [
          key.ownerOrg,
        ])) as { n: number }[];
        expect(changed!.n).toBeGreaterThan(0);
        throw new Error('the write fails after the rollup was brought up to date');
      }),
    ).rejects.toThrow('the write fails');
    expect(await mining.tableValues(['training_month'])).toEqual(before);
  });

  it('answers periods to the ends of the calendar as counting the trainings does, with trainings on those days', async () => {
    // Two trainings move to each date, in SQL: no caller can record a training starting in year 9999.
    // Chosen by their generated number, not by id (random): the same trainings on every run, with
    // Malian ones among those moved to December 9999 for the last filter.
    const moved = (await dataSource.query(
      `SELECT id, owner_org, country_code, kind, starts_on::text FROM mining_training
       WHERE created_by = 'rollup-test' ORDER BY substr(title, 11)::int LIMIT $1`,
      [EDGE_DATES.length * 2],
    )) as { id: string; owner_org: string; country_code: string; kind: string; starts_on: string }[];
    await dataSource.transaction(async (manager) => {
      const keys = [];
      for (const [i, training] of moved.entries()) {
        const startsOn = EDGE_DATES[i % EDGE_DATES.length]!;
        await manager.query(`UPDATE mining_training SET starts_on = $2, ends_on = $2 WHERE id = $1`, [training.id, startsOn]);
        const key = { ownerOrg: training.owner_org, countryCode: training.country_code, kind: training.kind };
        keys.push({ ...key, startsOn: training.starts_on }, { ...key, startsOn });
      }
      await refreshTrainingMonths(manager, keys);
    });
    const [edges] = (await dataSource.query(
      `SELECT count(*)::int AS n FROM mining_training WHERE starts_on < '1000-01-01' OR starts_on > '9999-01-01'`,
    )) as { n: number }[];
    expect(edges!.n).toBe(EDGE_DATES.length * 2);
    const [malianInDecember] = (await dataSource.query(
      `SELECT count(*)::int AS n FROM mining_training WHERE country_code = 'ML' AND starts_on BETWEEN '9999-12-01' AND '9999-12-31'`,
    )) as { n: number }[];
    expect(malianInDecember!.n).toBeGreaterThan(0);
    const { stored, recomputed } = await storedAndRecomputed();
    expect(stored).toEqual(recomputed);
    for (const caller of [OWNER, OTHER_PARTNER]) {
      const { rollup, raw, nonEmpty } = await figuresBothWays(caller, EDGE_FILTERS);
      expect(rollup).toEqual(raw);
      // Every filter finds trainings: figures are compared, not empty answers.
      expect(nonEmpty).toBe(EDGE_FILTERS.length * PEOPLE_GROUPINGS.length);
    }
    const all = await services(OWNER).rollup.peopleTrained({ from: '0001-01-01', to: '9999-12-31' }, null);
    expect(all.trainings).toBe(
      await services(OWNER)
        .raw.peopleTrained({}, null)
        .then((f) => f.trainings),
    );
  });

  it('counts two trainings recorded at once in the same month, kind and country', async () => {
    const owner = mining.owner;
    const record = (title: string, women: number) =>
      ok<{ recordMiningTraining: { id: string } }>(
        owner,
        `mutation ($input: RecordMiningTrainingInput!) { recordMiningTraining(input: $input) { id } }`,
        {
          input: {
            title,
            kind: 'TECHNICAL',
            startsOn: '2025-06-12',
            endsOn: '2025-06-12',
            community: COMMUNITIES.Kalana,
            trainers: [OWNER],
            participants: { byGroup: [{ stakeholderGroup: 'WOMEN', women, men: 0 }] },
          },
        },
      );
    await Promise.all([record('At once, one', 7), record('At once, two', 9), record('At once, three', 11)]);
    const { stored, recomputed } = await storedAndRecomputed();
    expect(stored).toEqual(recomputed);
  });
});

/**
 * Trainings of three owners in three countries (regions, admin-2 areas and areas below), both kinds,
 * from 2024 to 2026: most broken down by group (one group a few people, for disclosure control), one in
 * nine only in total, a few with media or government experts (a handful of people, for disclosure control); a third with knowledge tests on three scales, some groups not assessed.
 */
async function generateTrainings(db: DataSource, count: number): Promise<void> {
  await db.query(
    `INSERT INTO mining_training (owner_org, created_by, community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, title, kind, starts_on, ends_on,
                                  trainer_ids, participants_total, score_scale_min, score_scale_max)
     SELECT (ARRAY[$2::uuid, $3::uuid, $4::uuid])[1 + (i * 7 / 5) % 3], 'rollup-test', gen_random_uuid(),
            place.admin1 || lpad((1 + i % 3)::text, 2, '0') || CASE WHEN i % 5 = 0 THEN '' ELSE lpad((1 + i % 2)::text, 2, '0') END,
            place.admin1, CASE WHEN i % 13 = 0 THEN NULL ELSE place.admin1 || lpad((1 + i % 3)::text, 2, '0') END, place.country,
            'Generated ' || i, (ARRAY['TECHNICAL', 'ADVOCACY'])[1 + (i / 3) % 2], DATE '2024-01-01' + (i * 37) % 1000, DATE '2024-01-01' + (i * 37) % 1000,
            ARRAY[$2::uuid], 1,
            CASE i % 6 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 1 END, CASE i % 6 WHEN 0 THEN 20 WHEN 1 THEN 100 WHEN 2 THEN 10 END
     FROM generate_series(1, $1::int) AS i
     CROSS JOIN LATERAL (SELECT (ARRAY['ML', 'BF', 'NE'])[1 + i % 3] AS country) AS c
     CROSS JOIN LATERAL (SELECT c.country AS country, c.country || lpad((1 + (i / 3) % 4)::text, 2, '0') AS admin1) AS place`,
    [count, OWNER, OTHER_PARTNER, THIRD],
  );
  await db.query(
    `INSERT INTO training_participant_group (training_id, stakeholder_group, women, men, assessed, mean_pre_score, mean_post_score)
     SELECT t.id, g.name, g.women, g.men,
            CASE WHEN t.score_scale_max IS NOT NULL AND g.scored THEN greatest(1, (g.women + g.men) * 3 / 4) END,
            CASE WHEN t.score_scale_max IS NOT NULL AND g.scored THEN t.score_scale_min + (t.score_scale_max - t.score_scale_min) * (abs(hashtext('pre' || t.title || g.name)) % 500) / 1000.0 END,
            CASE WHEN t.score_scale_max IS NOT NULL AND g.scored THEN t.score_scale_min + (t.score_scale_max - t.score_scale_min) * (500 + abs(hashtext('post' || t.title || g.name)) % 500) / 1000.0 END
     FROM (SELECT *, substr(title, 11)::int AS i FROM mining_training WHERE created_by = 'rollup-test') t
     CROSS JOIN LATERAL (VALUES
       ('COMMUNITY_LEADERS', 1 + t.i % 9, 2 + t.i % 11, true),
       ('WOMEN', 3 + t.i % 7, 0, t.i % 4 <> 1),
       ('YOUTH', t.i % 5, 1 + t.i % 6, t.i % 3 <> 0),
       ('MEDIA', t.i % 3, 1 + t.i % 2, t.i % 2 = 0),
       ('GOVERNMENT_EXPERTS', 1 + t.i % 2, 0, true)
     ) AS g(name, women, men, scored)
     WHERE t.i % 9 <> 0 AND (g.name <> 'MEDIA' OR t.i % 20 = 0) AND (g.name <> 'GOVERNMENT_EXPERTS' OR t.i % 50 = 0)
       AND (g.name <> 'YOUTH' OR t.i % 2 = 0)`,
  );
  await db.query(
    `UPDATE mining_training t SET participants_total = CASE WHEN g.people IS NULL THEN 5 + substr(t.title, 11)::int % 40 ELSE g.people END,
            score_scale_min = CASE WHEN g.people IS NULL THEN NULL ELSE t.score_scale_min END,
            score_scale_max = CASE WHEN g.people IS NULL THEN NULL ELSE t.score_scale_max END
     FROM mining_training t2 LEFT JOIN (SELECT training_id, sum(women + men)::int AS people FROM training_participant_group GROUP BY training_id) g ON g.training_id = t2.id
     WHERE t2.id = t.id AND t.created_by = 'rollup-test'`,
  );
}
