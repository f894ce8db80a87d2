import { loadVolume } from '../src/seed/volume';
import { EMMMDA_ARTICLES, EMMMDA_INPUT, instrument, ok } from './fixtures';
import { ECOWAS_COMMISSION, OTHER_PARTNER, OWNER, startMining, type MiningUnderTest } from './support';

/** 300 trainings here; `MINING_VOLUME=20000` measures the aggregates at the bench scale. */
const VOLUME = Number(process.env.MINING_VOLUME ?? 300);

let mining: MiningUnderTest;
let areas: string[];
beforeAll(async () => {
  mining = await startMining();
  const emmmda = await instrument(mining.owner, EMMMDA_INPUT, EMMMDA_ARTICLES);
  const rows = (await mining.directory.db.dataSource.query(
    `SELECT a.pcode, a.parent_pcode, a.country_code FROM admin_area a WHERE a.level = 2 AND a.country_code IN ('ML', 'BF', 'NE') ORDER BY a.pcode`,
  )) as { pcode: string; parent_pcode: string; country_code: string }[];
  areas = rows.map((r) => r.pcode);
  const started = Date.now();
  await loadVolume(mining.db.dataSource, {
    trainings: VOLUME,
    ownerOrg: OWNER,
    // Four communities in each admin-2 area of the three Liptako-Gourma countries.
    places: rows.flatMap((r) =>
      [1, 2, 3, 4].map(() => ({
        communityId: crypto.randomUUID(),
        adminPcode: r.pcode,
        admin1Pcode: r.parent_pcode,
        admin2Pcode: r.pcode,
        countryCode: r.country_code,
      })),
    ),
    instrumentId: emmmda.id,
    provisionIds: Object.values(emmmda.articles),
    trainerIds: [OWNER, ECOWAS_COMMISSION],
  });
  await mining.db.dataSource.query('ANALYZE');
  if (process.env.MINING_VOLUME) process.stdout.write(`${VOLUME} trainings generated in ${Date.now() - started} ms\n`);
}, 600_000);
afterAll(() => mining.stop());

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  await run();
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < 5; i += 1) {
    const started = process.hrtime.bigint();
    result = await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  if (process.env.MINING_VOLUME) process.stdout.write(`${label}: median ${times[2]!.toFixed(1)} ms over 5 (${VOLUME} trainings)\n`);
  return result!;
}

describe(`aggregates over ${VOLUME} generated trainings`, () => {
  it('agree with the stored rows, exactly for the owner', async () => {
    const owner = await mining.as(OWNER, 'mining:read');
    const [expected] = (await mining.db.dataSource.query(
      `SELECT count(*)::int AS trainings, sum(participants_total)::int AS people, (SELECT sum(women)::int FROM training_participant_group) AS women FROM mining_training`,
    )) as { trainings: number; people: number; women: number }[];
    const { miningPeopleTrained } = await timed('people trained by community', () =>
      ok<{
        miningPeopleTrained: {
          exact: boolean;
          trainings: number;
          total: { total: { count: number }; women: { count: number } };
          groups: { people: { total: { count: number } } }[];
        };
      }>(
        owner,
        `{ miningPeopleTrained(groupBy: COMMUNITY) { exact trainings total { total { count } women { count } } groups { people { total { count } } } } }`,
      ),
    );
    expect(miningPeopleTrained).toMatchObject({
      exact: true,
      trainings: expected!.trainings,
      total: { total: { count: expected!.people }, women: { count: expected!.women } },
    });
    expect(miningPeopleTrained.groups.reduce((sum, g) => sum + g.people.total.count, 0)).toBe(expected!.people);
    await timed('people trained by stakeholder group', () =>
      ok(owner, `{ miningPeopleTrained(groupBy: STAKEHOLDER_GROUP) { groups { key people { women { count } men { count } } } } }`),
    );
    await timed('people trained by provision', () =>
      ok(owner, `{ miningPeopleTrained(groupBy: PROVISION) { groups { key people { total { count } } } } }`),
    );
    const gain = await timed('knowledge gain by stakeholder group', () =>
      ok<{ miningKnowledgeGain: { overall: { meanGainPoints: number } } }>(
        owner,
        `{ miningKnowledgeGain { groups { key figures { meanGainPoints } } overall { meanGainPoints } } }`,
      ),
    );
    expect(gain.miningKnowledgeGain.overall.meanGainPoints).toBeGreaterThan(0);
    await timed('coverage by region', () =>
      ok(owner, `{ miningCoverage { areas { adminArea { pcode } figures { trainings peopleTrained { count } } } } }`),
    );
    await timed('coverage by admin-2 area', () =>
      ok(owner, `{ miningCoverage(level: ADMIN2) { areas { adminArea { pcode } figures { trainings peopleTrained { count } } } } }`),
    );
  });

  it('stay protected and cheap for another partner and for 50 areas at once', async () => {
    const other = await mining.as(OTHER_PARTNER, 'mining:read');
    const { miningPeopleTrained } = await timed('people trained by region, another partner', () =>
      ok<{ miningPeopleTrained: { exact: boolean } }>(
        other,
        `{ miningPeopleTrained(groupBy: REGION) { exact groups { people { women { count } } } } }`,
      ),
    );
    expect(miningPeopleTrained.exact).toBe(false);
    mining.db.statements.reset();
    await timed('reach and trainings of 50 admin areas', () =>
      ok(
        other,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdminArea { miningTrainings(first: 5) { title } miningReach { trainings peopleTrained { count } } } } }`,
        {
          r: areas.slice(0, 50).map((pcode) => ({ __typename: 'AdminArea', pcode })),
        },
      ),
    );
    expect(mining.db.statements.count).toBe(6 * 2);
    await timed('first page of trainings, filtered by region', () =>
      ok(
        other,
        `{ miningTrainings(first: 20, filter: { adminArea: "ML03" }) { totalCount edges { node { title participants { total { count } } } } } }`,
      ),
    );
  });
});
