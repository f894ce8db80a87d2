import { ok } from './fixtures';
import { OTHER_PARTNER, OWNER, startDisplacement, type DisplacementUnderTest } from './support';
import { createCorridor, createCountingPoint, createSpot, record } from './transhumance-world';

let sub: DisplacementUnderTest;
let reader: DisplacementUnderTest['owner'];
let communities: { id: string; latitude: number; longitude: number }[];
let pcodes: string[];
let organisations: string[];

/**
 * Sixty places, each in its own admin-2 area of the directory, 0.1° of latitude apart: at each an alert
 * (written in SQL, the volume is what matters) disseminated to its own organisation, and a community
 * standing 1 km from it. Sixty observations at one counting point.
 */
beforeAll(async () => {
  sub = await startDisplacement();
  reader = await sub.as(OTHER_PARTNER, 'displacement:read');
  const corridor = await createCorridor(sub.owner, {});
  const spot = await createSpot(sub.owner, { name: 'Volume spot', latitude: 14.0, corridor: corridor.id });
  const point = await createCountingPoint(sub.owner, { name: 'Volume point', latitude: 14.55, corridor: corridor.id });
  await record(
    sub.owner,
    Array.from({ length: 60 }, (_, i) => ({
      countingPoint: point.id,
      observedAt: new Date(Date.now() - (20 + i) * 86_400_000).toISOString(),
      direction: 'FORWARD',
      sheep: 10 + i,
      herders: 2,
    })),
  );
  const areas = (await sub.directory.db.dataSource.query(
    `SELECT pcode FROM admin_area WHERE level = 2 AND country_code IN ('ML', 'BF', 'NE') ORDER BY pcode LIMIT 60`,
  )) as { pcode: string }[];
  pcodes = areas.map((a) => a.pcode);
  const rows = (await sub.db.dataSource.query(
    `INSERT INTO transhumance_alert (owner_org, created_by, kind, severity, raised_by, summary, spot_id, corridor_id, admin_pcode, country_code, latitude, longitude, raised_at)
     SELECT $1, 'test', 'EVENT', 'LOW', 'PARTNER', 'Volume ' || n, $2, $3, pcode, left(pcode, 2), 10 + n * 0.1, 1.0, now() - n * interval '1 hour'
     FROM unnest($4::text[]) WITH ORDINALITY AS a(pcode, n) RETURNING id, latitude`,
    [OWNER, spot.id, corridor.id, pcodes],
  )) as { id: string; latitude: number }[];
  await sub.db.dataSource.query(
    `INSERT INTO transhumance_alert_recipient (alert_id, position, kind, name, organisation_id, disseminated_at)
     SELECT id, 1, 'AUTHORITY', 'Prefect', gen_random_uuid(), now() FROM transhumance_alert WHERE summary LIKE 'Volume %'`,
  );
  await sub.db.dataSource.query(
    `INSERT INTO transhumance_alert_transition (alert_id, owner_org, to_status, at, actor) SELECT id, owner_org, 'RAISED', raised_at, 'test' FROM transhumance_alert`,
  );
  organisations = (
    (await sub.db.dataSource.query(`SELECT organisation_id FROM transhumance_alert_recipient ORDER BY organisation_id`)) as {
      organisation_id: string;
    }[]
  ).map((r) => r.organisation_id);
  communities = rows.map((r, i) => ({
    id: `00000000-0000-4000-b000-${String(i + 1).padStart(12, '0')}`,
    latitude: r.latitude + 0.009,
    longitude: 1.0,
  }));
}, 120_000);
afterAll(() => sub?.stop());

async function statementsFor(query: string, variables: Record<string, unknown> = {}): Promise<number> {
  sub.db.statements.reset();
  await ok(reader, query, variables);
  return sub.db.statements.count;
}

const refs = (typename: string, key: string, values: string[]) => values.map((value) => ({ __typename: typename, [key]: value }));
const NEARBY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community {
  transhumanceAlertsNearby(radiusKm: 5) { id severity spot { name } corridor { name } recipients { name } history { to } }
} } }`;

describe('SQL statements per request (no N+1)', () => {
  it('communities (with the directory’s coordinates) → alerts nearby → spot, corridor, recipients, history: the same for 5 as for 50', async () => {
    const five = await statementsFor(NEARBY, { r: communities.slice(0, 5).map((c) => ({ __typename: 'Community', ...c })) });
    const fifty = await statementsFor(NEARBY, { r: communities.slice(0, 50).map((c) => ({ __typename: 'Community', ...c })) });
    // alerts nearby, spots, corridors, recipients, history.
    expect(five).toBe(5);
    expect(fifty).toBe(five);
    const { _entities } = await ok<{ _entities: { transhumanceAlertsNearby: { id: string }[] }[] }>(reader, NEARBY, {
      r: communities.slice(0, 50).map((c) => ({ __typename: 'Community', ...c })),
    });
    // Each community is 1 km from its own alert and 10 km from its neighbours': one alert each within 5 km.
    expect(_entities.every((c) => c.transhumanceAlertsNearby.length === 1)).toBe(true);
  });

  it('admin areas → alerts and spots in the area and below: one statement each, for 5 as for 50', async () => {
    const AREAS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdminArea { transhumanceAlerts(first: 3) { id } sensitiveSpots { name } } } }`;
    const five = await statementsFor(AREAS, { r: refs('AdminArea', 'pcode', pcodes.slice(0, 5)) });
    const fifty = await statementsFor(AREAS, { r: refs('AdminArea', 'pcode', [...pcodes.slice(0, 47), 'ML', 'BF56', 'NE006']) });
    expect(five).toBe(2);
    expect(fifty).toBe(five);
  });

  it('organisations → alerts received: one statement, for 5 as for 50', async () => {
    const ORGS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { transhumanceAlertsReceived { id summary } } } }`;
    expect(await statementsFor(ORGS, { r: refs('Organisation', 'id', organisations.slice(0, 5)) })).toBe(1);
    expect(await statementsFor(ORGS, { r: refs('Organisation', 'id', organisations.slice(0, 50)) })).toBe(1);
  });

  it('a page of alerts or observations with what they hold: one statement per kind of record, for 5 as for 50', async () => {
    const ALERTS = `query ($n: Int) { transhumanceAlerts(first: $n) { edges { node { id spot { name } corridor { name } recipients { name } history { to } } } } }`;
    expect(await statementsFor(ALERTS, { n: 5 })).toBe(5);
    expect(await statementsFor(ALERTS, { n: 50 })).toBe(5);
    const FLOWS = `query ($n: Int) { flowObservations(first: $n) { edges { node { heads { tlu } herders { count } countingPoint { name } corridor { name } } } } }`;
    expect(await statementsFor(FLOWS, { n: 5 })).toBe(3);
    expect(await statementsFor(FLOWS, { n: 50 })).toBe(3);
  });
});
