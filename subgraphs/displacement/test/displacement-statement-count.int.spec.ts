import { sahelAreas } from '../../directory/test/support';
import { ok } from './fixtures';
import { OTHER_PARTNER, OWNER, startDisplacement, type DisplacementUnderTest } from './support';

let sub: DisplacementUnderTest;
let reader: DisplacementUnderTest['owner'];
let pcodes: string[];
let communities: string[];
let organisations: string[];

/**
 * Sixty admin-2 areas of Mali, Burkina Faso and Niger, each with two rounds, three cases (each given health care and shelter),
 * a community with two awareness sessions facilitated by its own organisation and the agency, and that
 * organisation's programme: written in SQL, the volume is what matters here.
 */
beforeAll(async () => {
  sub = await startDisplacement();
  reader = await sub.as(OTHER_PARTNER, 'displacement:write');
  const areas = await sahelAreas(sub.directory, 60);
  pcodes = areas.map((a) => a.pcode);
  const db = sub.db.dataSource;
  const area = `WITH area AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS a(pcode, region, country, n))`;
  const columns = [areas.map((a) => a.pcode), areas.map((a) => a.region), areas.map((a) => a.country_code)];
  await db.query(
    `${area} INSERT INTO displacement_report (owner_org, created_by, admin_pcode, admin_level, admin1_pcode, country_code, round_number, data_date, idp_individuals, idp_households)
     SELECT $4, 'test', pcode, 2, region, country, k, DATE '2024-01-01' + k * 60, 1000 * n + k, 100 * n FROM area CROSS JOIN generate_series(1, 2) AS k`,
    [...columns, OWNER],
  );
  const [programme] = await db.query(
    `INSERT INTO reintegration_programme (owner_org, created_by, code, kind, name, admin_pcodes, starts_on, last_case_number)
     VALUES ($1, 'test', 'VOLUME', 'COMMUNITY_STABILISATION', 'Volume', '{ML01,BF56,NE006}', DATE '2023-01-01', 180) RETURNING id`,
    [OWNER],
  );
  await db.query(
    `${area} INSERT INTO reintegration_case (owner_org, created_by, programme_id, beneficiary_code, category, sex, age_group, admin_pcode, admin1_pcode, country_code, registered_on, status, status_since)
     SELECT $4, 'test', $5, 'VOLUME-' || lpad((n * 3 + k)::text, 4, '0'), 'FORMER_COMBATANT', 'MALE', 'AGE_25_35', pcode, region, country, DATE '2024-01-01', 'REGISTERED', DATE '2024-01-01'
     FROM area CROSS JOIN generate_series(0, 2) AS k`,
    [...columns, OWNER, programme.id],
  );
  await db.query(
    `INSERT INTO reintegration_assistance (case_id, owner_org, kind, started_on, created_by)
     SELECT id, owner_org, kind, DATE '2024-02-01', 'test' FROM reintegration_case CROSS JOIN unnest('{HEALTH,SHELTER}'::text[]) AS kind`,
  );
  const sessions = (await db.query(
    `${area} INSERT INTO awareness_session (owner_org, created_by, kind, community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, held_on, participants, participants_total, facilitator_ids)
     SELECT $4, 'test', 'SOCIAL_COHESION', c.community, pcode, region, pcode, country, DATE '2024-03-01' + k, '[{"sex":"FEMALE","ageGroup":"AGE_18_59","people":12}]', 12, ARRAY[c.organisation, $4::uuid]
     FROM area CROSS JOIN LATERAL (SELECT md5('c' || pcode)::uuid AS community, md5('o' || pcode)::uuid AS organisation) AS c CROSS JOIN generate_series(1, 2) AS k
     RETURNING community_id, facilitator_ids[1] AS organisation`,
    [...columns, OWNER],
  )) as { community_id: string; organisation: string }[];
  communities = [...new Set(sessions.map((s) => s.community_id))];
  organisations = [...new Set(sessions.map((s) => s.organisation))];
  await db.query(
    `INSERT INTO reintegration_programme (owner_org, created_by, code, kind, name, admin_pcodes, starts_on)
     SELECT o, 'test', 'P' || n, 'COMMUNITY_POLICING', 'Programme ' || n, '{ML01}', DATE '2024-01-01' FROM unnest($1::uuid[]) WITH ORDINALITY AS x(o, n)`,
    [organisations],
  );
}, 180_000);
afterAll(() => sub?.stop());

const timings: Record<string, number[]> = {};
async function statementsFor(name: string, query: string, variables: Record<string, unknown> = {}, client = reader): Promise<number> {
  sub.db.statements.reset();
  const started = performance.now();
  await ok(client, query, variables);
  (timings[name] ??= []).push(Math.round(performance.now() - started));
  return sub.db.statements.count;
}
afterAll(() => {
  // The measured numbers for README.md (shared 2-core machine, one request each, warm).
  if (process.env.DISPLACEMENT_TIMINGS) process.stdout.write(`${JSON.stringify(timings)}\n`);
});

const refs = (typename: string, key: string, values: string[]) => values.map((value) => ({ __typename: typename, [key]: value }));
const COMMUNITY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { awarenessSessions { id heldOn participants { total { count } } facilitators { id } } } } }`;
const AREA = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdminArea {
  displacementFigures { areasReporting idpIndividuals { count } } reintegrationStats(breakdown: STATUS) { cases { count } assistance { kind cases { count } } }
} } }`;
const ORGANISATION = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { reintegrationProgrammes { code } awarenessSessionsFacilitated { id } } } }`;

describe('SQL statements per request (no N+1)', () => {
  it('communities → awareness sessions: one statement, for 5 as for 50', async () => {
    const five = await statementsFor('community x5', COMMUNITY, { r: refs('Community', 'id', communities.slice(0, 5)) });
    const fifty = await statementsFor('community x50', COMMUNITY, { r: refs('Community', 'id', communities.slice(0, 50)) });
    expect(five).toBe(1);
    expect(fifty).toBe(five);
  });

  it('admin areas → displacement figures and reintegration stats: one statement each, for 5 as for 50', async () => {
    const five = await statementsFor('area x5', AREA, { r: refs('AdminArea', 'pcode', pcodes.slice(0, 5)) });
    const fifty = await statementsFor('area x50', AREA, {
      r: refs('AdminArea', 'pcode', [...pcodes.slice(0, 47), 'ML05', 'BF56', 'NE006']),
    });
    expect(five).toBe(2);
    expect(fifty).toBe(five);
    const { _entities } = await ok<{
      _entities: { displacementFigures: { areasReporting: number }; reintegrationStats: { cases: { count: number } } }[];
    }>(reader, AREA, {
      r: refs('AdminArea', 'pcode', [pcodes[0]!, 'ML01']),
    });
    // Three cases in an area: withheld from another partner. The region reads the same pattern as the
    // caseload by region, so the two answers cannot be subtracted from one another.
    expect(_entities[0]).toMatchObject({ displacementFigures: { areasReporting: 1 }, reintegrationStats: { cases: { count: null } } });
    const regions = await ok<{ reintegrationStats: { areas: { code: string; cases: { count: number | null } }[] } }>(
      reader,
      `{ reintegrationStats(level: ADMIN1, breakdown: STATUS) { areas { code cases { count } } } }`,
    );
    expect(_entities[1]!.reintegrationStats.cases).toEqual(regions.reintegrationStats.areas.find((a) => a.code === 'ML01')!.cases);
    expect(regions.reintegrationStats.areas.some((a) => (a.cases.count ?? 0) > 4)).toBe(true);
  });

  it('organisations → programmes and sessions facilitated: one statement each, for 5 as for 50', async () => {
    const five = await statementsFor('organisation x5', ORGANISATION, { r: refs('Organisation', 'id', organisations.slice(0, 5)) });
    const fifty = await statementsFor('organisation x50', ORGANISATION, {
      r: refs('Organisation', 'id', [...organisations.slice(0, 49), OWNER]),
    });
    expect(five).toBe(2);
    expect(fifty).toBe(five);
  });

  it('lists: one statement per kind of record, for 5 as for 50', async () => {
    for (const [name, list] of [
      [
        'reports',
        `query ($first: Int) { displacementReports(first: $first) { edges { node { roundNumber adminArea { pcode } idpIndividuals { count } recordedBy { id } } } } }`,
      ],
      ['programmes', `query ($first: Int) { reintegrationProgrammes(first: $first) { edges { node { code adminAreas { pcode } } } } }`],
      [
        'sessions',
        `query ($first: Int) { awarenessSessions(first: $first) { edges { node { heldOn participants { groups { people { count } } } facilitators { id } } } } }`,
      ],
    ] as const) {
      const five = await statementsFor(`${name} x5`, list, { first: 5 });
      const fifty = await statementsFor(`${name} x50`, list, { first: 50 });
      expect([name, five]).toEqual([name, 1]);
      expect(fifty).toBe(five);
    }
  });

  it('cases with their programme and assistance: cases, programmes, assistance and one audit insert per sensitive type, for 5 as for 50', async () => {
    const owner = sub.owner;
    const CASES = `query ($first: Int) { reintegrationCases(first: $first) { edges { node { beneficiaryCode programme { code } assistance { kind } } } } }`;
    const five = await statementsFor('cases x5', CASES, { first: 5 }, owner);
    const fifty = await statementsFor('cases x50', CASES, { first: 50 }, owner);
    expect(five).toBe(5);
    expect(fifty).toBe(five);
  });

  it('aggregates: one statement each, whatever they group', async () => {
    expect(await statementsFor('stats ADMIN2', `{ reintegrationStats(level: ADMIN2) { areas { code cases { count } } } }`)).toBe(1);
    expect(
      await statementsFor(
        'idps over time',
        `{ idpsOverTime(country: "ML", interval: MONTH, from: "2024-01-01", to: "2024-12-31") { idpIndividuals { count } } }`,
      ),
    ).toBe(1);
    expect(await statementsFor('participants', `{ awarenessParticipants { total { count } } }`)).toBe(1);
  });
});
