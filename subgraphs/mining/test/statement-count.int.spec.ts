import { sahelAreas } from '../../directory/test/support';
import { ok } from './fixtures';
import { OTHER_PARTNER, OWNER, startMining, type MiningUnderTest } from './support';
import { buildWorld, type World } from './world';

let mining: MiningUnderTest;
let world: World;
let reader: MiningUnderTest['owner'];
let communities: string[];
let organisations: string[];
let pcodes: string[];

/**
 * Sixty more communities, each in its own admin-2 area, with a site operated by its own organisation,
 * two trainings given by that organisation and the forum (participants by group, knowledge scores) and
 * a consultation: written in SQL, the volume is what matters here.
 */
beforeAll(async () => {
  mining = await startMining();
  world = await buildWorld(mining);
  reader = await mining.as(OTHER_PARTNER, 'mining:read');
  const areas = await sahelAreas(mining.directory, 60);
  pcodes = areas.map((a) => a.pcode);
  const db = mining.db.dataSource;
  const rows = (await db.query(
    `WITH area AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS a(pcode, region, country, n))
     INSERT INTO mining_site (owner_org, created_by, community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, name, kind, minerals, operator_id)
     SELECT $4, 'test', gen_random_uuid(), pcode, region, pcode, country, 'Site ' || n, 'INDUSTRIAL', '{GOLD}', gen_random_uuid() FROM area
     RETURNING id, community_id, operator_id`,
    [areas.map((a) => a.pcode), areas.map((a) => a.region), areas.map((a) => a.country_code), OWNER],
  )) as { id: string; community_id: string; operator_id: string }[];
  communities = rows.map((r) => r.community_id);
  organisations = rows.map((r) => r.operator_id);
  await db.query(
    `INSERT INTO mining_training (owner_org, created_by, community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, instrument_id, provision_ids,
                                  title, kind, starts_on, ends_on, site_id, trainer_ids, participants_total, score_scale_min, score_scale_max)
     SELECT s.owner_org, 'test', s.community_id, s.admin_pcode, s.admin1_pcode, s.admin2_pcode, s.country_code, $1, $2::uuid[],
            'Training ' || k || ' at ' || s.name, CASE WHEN k = 1 THEN 'ADVOCACY' ELSE 'TECHNICAL' END,
            DATE '2025-01-01' + k * 30, DATE '2025-01-02' + k * 30, s.id, ARRAY[s.operator_id, s.owner_org], 30, 0, 20
     FROM mining_site s CROSS JOIN generate_series(1, 2) AS k WHERE s.name LIKE 'Site %'`,
    [world.emmmda.id, [world.emmmda.articles['36'], world.emmmda.articles['41']]],
  );
  await db.query(
    `INSERT INTO training_participant_group (training_id, stakeholder_group, women, men, assessed, mean_pre_score, mean_post_score)
     SELECT t.id, g, 5, 10, 12, 8, 14 FROM mining_training t CROSS JOIN unnest('{COMMUNITY_LEADERS,YOUTH}'::text[]) AS g WHERE t.title LIKE 'Training %'`,
  );
  await db.query(
    `INSERT INTO community_consultation (owner_org, created_by, community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, site_id, held_on, participants_total)
     SELECT owner_org, 'test', community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, id, DATE '2024-12-01', 20 FROM mining_site WHERE name LIKE 'Site %'`,
  );
});
afterAll(() => mining.stop());

async function statementsFor(query: string, variables: Record<string, unknown> = {}): Promise<number> {
  mining.db.statements.reset();
  await ok(reader, query, variables);
  return mining.db.statements.count;
}

const COMMUNITY_FIELDS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community {
  miningSites { name trainings { title provisions { article } } }
  miningTrainings { title participants { total { count } } knowledgeAssessment { byGroup { meanGain } } }
  miningConsultations { heldOn participants { total { count } } }
} } }`;
const AREA_FIELDS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdminArea {
  miningTrainings(first: 3) { title } miningReach { miningSites trainings peopleTrained { count } consultations mediaInterventions }
} } }`;
const ORGANISATION_FIELDS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { miningTrainingsGiven { title } miningSitesOperated { name } } } }`;
const TRAININGS = `query ($first: Int) { miningTrainings(first: $first) { edges { node {
  title community { id } site { name } trainers { id } instrument { title } provisions { article }
  participants { total { count } byGroup { stakeholderGroup total { count } } } knowledgeAssessment { byGroup { meanGain } }
} } } }`;

const refs = (typename: string, key: string, values: string[]) => values.map((value) => ({ __typename: typename, [key]: value }));

describe('SQL statements per request (no N+1)', () => {
  it('communities → sites → trainings → provisions, trainings and consultations: one statement per field, for 5 as for 50', async () => {
    const five = await statementsFor(COMMUNITY_FIELDS, { r: refs('Community', 'id', communities.slice(0, 5)) });
    const fifty = await statementsFor(COMMUNITY_FIELDS, { r: refs('Community', 'id', communities.slice(0, 50)) });
    // sites, trainings at the sites, provisions, trainings of the communities, their groups, consultations, their groups.
    expect(five).toBe(7);
    expect(fifty).toBe(five);
    const { _entities } = await ok<{ _entities: { miningSites: { trainings: unknown[] }[]; miningTrainings: unknown[] }[] }>(
      reader,
      COMMUNITY_FIELDS,
      {
        r: refs('Community', 'id', communities.slice(0, 50)),
      },
    );
    expect(_entities.every((c) => c.miningSites[0]!.trainings.length === 2 && c.miningTrainings.length === 2)).toBe(true);
  });

  it('admin areas → trainings in the area and below, and its reach: one statement each, for 5 as for 50', async () => {
    const five = await statementsFor(AREA_FIELDS, { r: refs('AdminArea', 'pcode', pcodes.slice(0, 5)) });
    const fifty = await statementsFor(AREA_FIELDS, { r: refs('AdminArea', 'pcode', [...pcodes.slice(0, 47), 'ML03', 'BF56', 'NE006']) });
    expect(five).toBe(2);
    expect(fifty).toBe(five);
    const { _entities } = await ok<{ _entities: { miningTrainings: unknown[]; miningReach: { trainings: number } }[] }>(
      reader,
      AREA_FIELDS,
      {
        r: refs('AdminArea', 'pcode', [pcodes[0]!, 'ML03']),
      },
    );
    expect(_entities[0]).toMatchObject({ miningReach: { trainings: 2 } });
    expect(_entities[1]!.miningTrainings).toHaveLength(3);
  });

  it('organisations → trainings given and sites operated: one statement each, for 5 as for 50', async () => {
    const five = await statementsFor(ORGANISATION_FIELDS, { r: refs('Organisation', 'id', organisations.slice(0, 5)) });
    const fifty = await statementsFor(ORGANISATION_FIELDS, { r: refs('Organisation', 'id', [...organisations.slice(0, 49), OWNER]) });
    expect(five).toBe(2);
    expect(fifty).toBe(five);
  });

  it('a page of trainings with everything they hold: one statement per kind of record, for 5 as for 50', async () => {
    const five = await statementsFor(TRAININGS, { first: 5 });
    const fifty = await statementsFor(TRAININGS, { first: 50 });
    // trainings, sites, instruments, provisions, participant groups.
    expect(five).toBe(5);
    expect(fifty).toBe(five);
  });

  it('aggregates cost the same whatever they group: one statement from the rollup, two for people trained from the trainings, one for knowledge gain and for coverage', async () => {
    expect(await statementsFor(`{ miningPeopleTrained(groupBy: COMMUNITY) { groups { key } total { total { count } } } }`)).toBe(2);
    expect(await statementsFor(`{ miningPeopleTrained(groupBy: STAKEHOLDER_GROUP) { groups { key } total { total { count } } } }`)).toBe(1);
    expect(
      await statementsFor(`{ miningPeopleTrained(groupBy: REGION, filter: { from: "2025-01-10", to: "2025-06-20" }) { groups { key } } }`),
    ).toBe(1);
    expect(await statementsFor(`{ miningCoverage { areas { adminArea { pcode } } total { trainings } } }`)).toBe(1);
    expect(await statementsFor(`{ miningKnowledgeGain { groups { key } } }`)).toBe(1);
    expect(await statementsFor(`{ miningCoverage(level: ADMIN2) { areas { adminArea { pcode } } total { trainings } } }`)).toBe(1);
  });
});
