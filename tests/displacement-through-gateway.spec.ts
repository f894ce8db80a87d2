import { dataOf } from '@peacegraph/kit/testing';
import fs from 'node:fs';
import path from 'node:path';
import { addDays, today } from '@peacegraph/kit/input';
import { ORGS, ROOT, startPlatform, type PlatformUnderTest } from './support';

let platform: PlatformUnderTest;
type Client = Awaited<ReturnType<PlatformUnderTest['as']>>;
let agency: Client;
let otherPartner: Client;
const places: Record<string, string> = {};
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
/** 'MM-DD' of the day `n` days from today. */
const monthDay = (n: number) => addDays(today(), n).slice(5);

/**
 * Through the gateway only, as partners would: the educators record Dori (Séno, Burkina Faso) and
 * Ayorou (Niger, about 115 km east) in the directory with their coordinates; then, as the agency of
 * this test (the educators' organisation holding displacement scopes), a corridor drawn north to
 * south through Dori, a cropland just north of the town, a counting point 44 km up the corridor, and
 * a large herd counted there two hours ago heading south: at 15 km/day it reaches the fields within
 * the five-day horizon, so the service raises an alert by itself.
 */
beforeAll(async () => {
  platform = await startPlatform();
  const directoryWriter = await platform.as(ORGS.educators, 'directory:write');
  for (const [name, adminArea, latitude, longitude] of [
    ['Dori', 'BF5602', 14.03, -0.03],
    ['Ayorou', 'NE006002', 14.73, 0.92],
  ] as const) {
    const created = await dataOf(
      directoryWriter<{ createCommunity: { id: string } }>(
        `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
        {
          input: { name, adminArea, latitude, longitude, languages: ['fuh'] },
        },
      ),
    );
    places[name] = created.createCommunity.id;
  }
  agency = await platform.as(ORGS.educators, 'displacement:write displacement:sensitive');
  otherPartner = await platform.as(ORGS.mediators, 'displacement:read');

  const corridor = await dataOf(
    agency<{ createTranshumanceCorridor: { id: string } }>(
      `mutation ($input: CreateTranshumanceCorridorInput!) { createTranshumanceCorridor(input: $input) { id } }`,
      {
        input: {
          name: 'Séno north–south corridor',
          formality: 'FORMAL',
          path: {
            coordinates: [
              [-0.03, 14.6],
              [-0.03, 13.6],
            ],
          },
          adminAreas: ['BF5602'],
          // The descent is in season now, so the herd is judged on its size and where it is heading.
          season: [{ direction: 'FORWARD', opens: monthDay(-30), closes: monthDay(30), label: 'descent' }],
        },
      },
    ),
  );
  const corridorId = corridor.createTranshumanceCorridor.id;
  await dataOf(
    agency(`mutation ($input: CreateSensitiveSpotInput!) { createSensitiveSpot(input: $input) { id } }`, {
      input: {
        name: 'Dori market gardens',
        kind: 'CROPLAND',
        latitude: 14.05,
        longitude: -0.03,
        adminArea: 'BF5602',
        corridor: corridorId,
      },
    }),
  );
  const point = await dataOf(
    agency<{ createCountingPoint: { id: string } }>(
      `mutation ($input: CreateCountingPointInput!) { createCountingPoint(input: $input) { id } }`,
      {
        input: { name: 'Northern well counting point', latitude: 14.45, longitude: -0.03, adminArea: 'BF5602', corridor: corridorId },
      },
    ),
  );
  await dataOf(
    agency(`mutation ($input: RecordFlowObservationsInput!) { recordFlowObservations(input: $input) { alerts { id } } }`, {
      input: {
        observations: [
          {
            countingPoint: point.createCountingPoint.id,
            observedAt: hoursAgo(2),
            direction: 'FORWARD',
            cattle: 300,
            sheep: 400,
            goats: 100,
            herders: 9,
          },
        ],
      },
    }),
  );

  const programme = await dataOf(
    agency<{ createReintegrationProgramme: { id: string } }>(
      `mutation ($input: CreateReintegrationProgrammeInput!) { createReintegrationProgramme(input: $input) { id } }`,
      {
        input: {
          code: 'SENCVR',
          kind: 'COMMUNITY_VIOLENCE_REDUCTION',
          name: 'Séno community violence reduction',
          adminAreas: ['BF5602'],
          startsOn: addDays(today(), -200),
        },
      },
    ),
  );
  for (const [category, sex, ageGroup] of [
    ['FORMER_COMBATANT', 'MALE', 'AGE_25_35'],
    ['ASSOCIATED_PERSON', 'FEMALE', 'AGE_15_17'],
    ['COMMUNITY_MEMBER', 'FEMALE', 'AGE_18_24'],
  ]) {
    await dataOf(
      agency(`mutation ($input: RegisterReintegrationCaseInput!) { registerReintegrationCase(input: $input) { id } }`, {
        input: {
          programme: programme.createReintegrationProgramme.id,
          category,
          sex,
          ageGroup,
          adminArea: 'BF5602',
          registeredOn: addDays(today(), -100),
        },
      }),
    );
  }
}, 180_000);

afterAll(() => platform?.stop());

const NEARBY = `query ($id: ID!) { community(id: $id) { name transhumanceAlertsNearby(radiusKm: 30) { kind trigger raisedBy reasoning spot { name } expectedArrival } } }`;

describe('displacement and transhumance through the gateway', () => {
  it("finds the alert the service raised near Dori from the directory's coordinates, and none near Ayorou", async () => {
    const dori = await dataOf(
      otherPartner<{
        community: {
          name: string;
          transhumanceAlertsNearby: { kind: string; trigger: string; raisedBy: string; reasoning: string; spot: { name: string } }[];
        };
      }>(NEARBY, { id: places.Dori }),
    );
    expect(dori.community.name).toBe('Dori');
    expect(dori.community.transhumanceAlertsNearby).toHaveLength(1);
    const [alert] = dori.community.transhumanceAlertsNearby;
    expect(alert).toMatchObject({ kind: 'PREVENTION', raisedBy: 'SERVICE', spot: { name: 'Dori market gardens' } });
    expect(alert!.reasoning).toMatch(/Dori market gardens/);
    expect(alert!.reasoning).toMatch(/15 km\/day/);

    const ayorou = await dataOf(
      otherPartner<{ community: { name: string; transhumanceAlertsNearby: unknown[] } }>(NEARBY, { id: places.Ayorou }),
    );
    expect(ayorou.community).toEqual({ name: 'Ayorou', transhumanceAlertsNearby: [] });
  });

  it('keeps the public community for an anonymous caller and refuses only the alerts', async () => {
    const { data, errors } = await platform.request<{ community: { name: string; transhumanceAlertsNearby: unknown } }>(NEARBY, {
      id: places.Dori,
    });
    expect(data?.community).toEqual({ name: 'Dori', transhumanceAlertsNearby: null });
    expect(errors?.map((e) => e.extensions?.code)).toContain('UNAUTHENTICATED');
  });

  it("serves IDMC's national figures to anyone, as the source file has them", async () => {
    const csv = fs.readFileSync(path.join(ROOT, 'subgraphs/displacement/reference-data/idmc-displacement.csv'), 'utf8');
    const row = csv
      .split('\n')
      .find((line) => line.startsWith('BFA,Burkina Faso,2018,'))!
      .split(',');
    const { data, errors } = await platform.request<{
      idmcDisplacementFigures: { year: number; newDisplacements: number | null; totalIdps: number | null; source: string }[];
    }>(`{ idmcDisplacementFigures(country: BF, fromYear: 2018, toYear: 2018) { year newDisplacements totalIdps source } }`);
    expect(errors).toBeUndefined();
    expect(data!.idmcDisplacementFigures).toEqual([
      { year: 2018, newDisplacements: Number(row[3]), totalIdps: Number(row[5]), source: expect.stringMatching(/IDMC/) },
    ]);
  });

  it('shows another partner the reintegration caseload of Séno only as withheld counts, and the agency its exact three cases', async () => {
    const STATS = `{ adminArea(pcode: "BF5602") { name reintegrationStats { exact cases { count suppressed } } } }`;
    const other = await dataOf(
      otherPartner<{
        adminArea: { name: string; reintegrationStats: { exact: boolean; cases: { count: number | null; suppressed: boolean } } };
      }>(STATS),
    );
    expect(other.adminArea.name).toBe('Seno'); // as OCHA spells it
    expect(other.adminArea.reintegrationStats).toEqual({ exact: false, cases: { count: null, suppressed: true } });
    const own = await dataOf(agency<typeof other>(STATS));
    expect(own.adminArea.reintegrationStats).toEqual({ exact: true, cases: { count: 3, suppressed: false } });

    const { data, errors } = await otherPartner<{ reintegrationCases: unknown }>(
      `{ reintegrationCases(first: 5) { edges { node { id } } } }`,
    );
    expect(data?.reintegrationCases ?? null).toBeNull();
    expect(errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });
});
