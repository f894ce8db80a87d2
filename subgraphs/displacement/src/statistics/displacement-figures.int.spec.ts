import { ok } from '../../test/fixtures';
import { OTHER_PARTNER, startDisplacement, type DisplacementUnderTest } from '../../test/support';
import { write } from '../../test/displacement-world';

let sub: DisplacementUnderTest;

/**
 * Rounds of 2024 in Mopti (ML05: Douentza ML0504, Bandiagara ML0501, and the region's own reports) and
 * Gao (Ansongo ML0701). Households are a fifth of the people; returnees only where given.
 */
const ROUNDS: [area: string, round: number, date: string, idps: number, returnees?: number][] = [
  ['ML0504', 1, '2024-01-05', 1000],
  ['ML0504', 2, '2024-01-20', 1200, 50],
  ['ML0504', 3, '2024-02-10', 1500],
  ['ML0504', 4, '2024-05-12', 1100, 80],
  ['ML0501', 1, '2024-01-10', 400],
  ['ML0501', 2, '2024-03-03', 600],
  ['ML05', 1, '2024-02-15', 9000],
  ['ML05', 2, '2024-04-02', 8000],
  ['ML0701', 1, '2024-01-15', 700],
];

beforeAll(async () => {
  sub = await startDisplacement();
  for (const [adminArea, roundNumber, dataDate, idpIndividuals, returneeIndividuals] of ROUNDS) {
    await write(sub.owner, 'recordDisplacementReport', {
      input: {
        adminArea,
        roundNumber,
        dataDate,
        idpIndividuals,
        idpHouseholds: idpIndividuals / 5,
        returneeIndividuals: returneeIndividuals ?? null,
      },
    });
  }
}, 120_000);
afterAll(() => sub?.stop());

type Period = {
  periodStart: string;
  periodEnd: string;
  areasReporting: number;
  exact: boolean;
  idpIndividuals: { count: number | null } | null;
};
const OVER_TIME = `query ($area: PCode, $country: CountryCode, $interval: DisplacementInterval!, $from: Date!, $to: Date!) {
  idpsOverTime(area: $area, country: $country, interval: $interval, from: $from, to: $to) { periodStart periodEnd areasReporting exact idpIndividuals { count } }
}`;
const overTime = async (variables: Record<string, unknown>, client = sub.owner) =>
  (await ok<{ idpsOverTime: Period[] }>(client, OVER_TIME, variables)).idpsOverTime;
const counts = (periods: Period[]) => periods.map((p) => [p.periodStart, p.areasReporting, p.idpIndividuals?.count ?? null]);

describe('IDPs over time are stocks: each area’s latest report per period, added across areas', () => {
  it('by month in Mopti: rounds of one month are not added, the region’s own report stands only where no admin-2 area reported', async () => {
    expect(counts(await overTime({ area: 'ML05', interval: 'MONTH', from: '2024-01-01', to: '2024-06-30' }))).toEqual([
      ['2024-01-01', 2, 1600], // Douentza's round 2 (1,200, not 1,000 + 1,200) + Bandiagara 400
      ['2024-02-01', 1, 1500], // Douentza 1,500; the region's 9,000 is left out, Douentza reported
      ['2024-03-01', 1, 600],
      ['2024-04-01', 1, 8000], // only the region reported
      ['2024-05-01', 1, 1100],
      ['2024-06-01', 0, null], // no report: no figure, not zero
    ]);
  });

  it('by quarter and by year, and for a country', async () => {
    expect(counts(await overTime({ area: 'ML05', interval: 'QUARTER', from: '2024-01-01', to: '2024-06-30' }))).toEqual([
      ['2024-01-01', 2, 2100], // Douentza 1,500 (Feb) + Bandiagara 600 (Mar)
      ['2024-04-01', 1, 1100], // Douentza 1,100 (May); the region's April report is left out
    ]);
    expect(counts(await overTime({ country: 'ML', interval: 'YEAR', from: '2024-01-01', to: '2024-12-31' }))).toEqual([
      ['2024-01-01', 3, 2400], // Douentza 1,100 + Bandiagara 600 + Ansongo 700
    ]);
  });

  it('counts only reports inside from and to, and names each period by its calendar bounds', async () => {
    const periods = await overTime({ area: 'ML0504', interval: 'MONTH', from: '2024-01-15', to: '2024-02-29' });
    expect(periods.map((p) => [p.periodStart, p.periodEnd, p.idpIndividuals?.count])).toEqual([
      ['2024-01-01', '2024-01-31', 1200],
      ['2024-02-01', '2024-02-29', 1500],
    ]);
    expect(periods.every((p) => p.exact)).toBe(true);
  });

  it('are exact for the owner only', async () => {
    const other = await sub.as(OTHER_PARTNER, 'displacement:write');
    const periods = await overTime({ area: 'ML05', interval: 'QUARTER', from: '2024-01-01', to: '2024-06-30' }, other);
    expect(periods.map((p) => [p.exact, p.idpIndividuals?.count])).toEqual([
      [false, 2100],
      [false, 1100],
    ]);
  });

  it('refuse an area and a country together, a period upside down and too many periods', async () => {
    for (const [variables, field] of [
      [{ area: 'ML05', country: 'ML', interval: 'MONTH', from: '2024-01-01', to: '2024-02-01' }, 'area'],
      [{ area: 'ML05', interval: 'MONTH', from: '2024-03-01', to: '2024-02-01' }, 'to'],
      [{ area: 'ML05', interval: 'MONTH', from: '1990-01-01', to: '2024-02-01' }, 'to'],
      [{ country: 'GH', interval: 'YEAR', from: '2020-01-01', to: '2024-02-01' }, 'country'],
    ] as const) {
      const { errors } = await sub.owner(OVER_TIME, variables);
      expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('AdminArea.displacementFigures', () => {
  const AREAS = `query ($r: [_Any!]!, $asOf: Date) { _entities(representations: $r) { ... on AdminArea {
    displacementFigures(asOf: $asOf) { areasReporting asOf exact idpIndividuals { count } idpHouseholds { count } returneeIndividuals { count } }
  } } }`;
  const refs = (...pcodes: string[]) => pcodes.map((pcode) => ({ __typename: 'AdminArea', pcode }));

  it('add up each area’s latest report, now or as of a date, region by region', async () => {
    const now = await ok<{ _entities: { displacementFigures: Record<string, unknown> }[] }>(sub.owner, AREAS, {
      r: refs('ML05', 'ML0504', 'ML07', 'BF56'),
    });
    expect(now._entities.map((e) => e.displacementFigures)).toEqual([
      {
        areasReporting: 2,
        asOf: '2024-05-12',
        exact: true,
        idpIndividuals: { count: 1700 },
        idpHouseholds: { count: 340 },
        returneeIndividuals: { count: 80 },
      },
      {
        areasReporting: 1,
        asOf: '2024-05-12',
        exact: true,
        idpIndividuals: { count: 1100 },
        idpHouseholds: { count: 220 },
        returneeIndividuals: { count: 80 },
      },
      {
        areasReporting: 1,
        asOf: '2024-01-15',
        exact: true,
        idpIndividuals: { count: 700 },
        idpHouseholds: { count: 140 },
        returneeIndividuals: null,
      },
      { areasReporting: 0, asOf: null, exact: true, idpIndividuals: null, idpHouseholds: null, returneeIndividuals: null },
    ]);
    const then = await ok<{ _entities: { displacementFigures: { idpIndividuals: { count: number } } }[] }>(sub.owner, AREAS, {
      r: refs('ML05'),
      asOf: '2024-02-12',
    });
    expect(then._entities[0]!.displacementFigures.idpIndividuals.count).toBe(1900); // Douentza 1,500 + Bandiagara 400
  });
});
