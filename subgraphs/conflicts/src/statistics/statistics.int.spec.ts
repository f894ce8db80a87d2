import { COMMUNITIES, OTHER_PARTNER, startStack, type StackUnderTest } from '../../test/support';
import { changed, createCommission, daysAgo, reportCase } from '../../test/fixtures';

let stack: StackUnderTest;

/**
 * Burkina Faso, Sahel region (BF56):
 *   Dori (BF5602), owner: 6 resolved after 10…60 days (median 35), 1 relapsed after its resolution,
 *     3 just reported, 2 referred — 12 cases, all LAND, COMMUNITY;
 *   Djibo (BF5603), owner: 1 resolved after 15 days, 2 unresolved — 3 cases, FARMER_HERDER;
 *   Gorom-Gorom (BF5601), another partner: 2 cases just reported.
 */
beforeAll(async () => {
  stack = await startStack();
  const { owner } = stack.conflicts;
  const dori = (await createCommission(owner, COMMUNITIES.dori)).id;
  const djibo = (await createCommission(owner, COMMUNITIES.djibo)).id;
  const resolvedAfter = async (commission: string, days: number, type = 'LAND') => {
    let kase = await reportCase(owner, commission, { reportedOn: daysAgo(100), type });
    kase = await changed(owner, 'startMediation', kase, { on: daysAgo(100) });
    return changed(owner, 'recordResolution', kase, { outcome: 'FULL_AGREEMENT', reachedOn: daysAgo(100 - days) });
  };
  for (const days of [10, 20, 30, 40, 50, 60]) await resolvedAfter(dori, days);
  await changed(owner, 'reportRelapse', await resolvedAfter(dori, 5), { on: daysAgo(20) });
  for (let i = 0; i < 3; i += 1) await reportCase(owner, dori, { reportedOn: daysAgo(10) });
  for (let i = 0; i < 2; i += 1)
    await changed(owner, 'referConflictCase', await reportCase(owner, dori, { reportedOn: daysAgo(10) }), {
      referredTo: 'MAYOR',
      referredOn: daysAgo(5),
    });
  await resolvedAfter(djibo, 15, 'FARMER_HERDER');
  for (let i = 0; i < 2; i += 1) {
    const kase = await changed(
      owner,
      'startMediation',
      await reportCase(owner, djibo, { reportedOn: daysAgo(100), type: 'FARMER_HERDER' }),
      { on: daysAgo(90) },
    );
    await changed(owner, 'recordResolution', kase, { outcome: 'NO_AGREEMENT', reachedOn: daysAgo(80) });
  }
  const otherWriter = await stack.conflicts.as(OTHER_PARTNER, 'conflicts:write');
  const gorom = (await createCommission(otherWriter, COMMUNITIES.goromGorom)).id;
  for (let i = 0; i < 2; i += 1) await reportCase(otherWriter, gorom, { reportedOn: daysAgo(10) });
});
afterAll(() => stack.stop());

const FIGURES = `exact reported { count suppressed } open { count suppressed } resolved { count suppressed } referred { count suppressed } unresolved { count suppressed } relapsed { count suppressed } medianDaysToResolution`;
const STATS = `query ($country: CountryCode, $adminArea: PCode, $from: Date, $to: Date, $type: ConflictType, $level: ConflictLevel, $groupBy: ConflictStatsGrouping!) {
  conflictStats(country: $country, adminArea: $adminArea, from: $from, to: $to, type: $type, level: $level, groupBy: $groupBy) {
    exact groupBy groups { key adminArea { pcode } figures { ${FIGURES} } } total { ${FIGURES} }
  }
}`;
type Cell = { count: number | null; suppressed: boolean };
type Figures = {
  exact: boolean;
  reported: Cell;
  open: Cell;
  resolved: Cell;
  referred: Cell;
  unresolved: Cell;
  relapsed: Cell;
  medianDaysToResolution: number | null;
};
type Stats = {
  conflictStats: { exact: boolean; groups: { key: string; adminArea: { pcode: string } | null; figures: Figures }[]; total: Figures };
};

const shown = (count: number): Cell => ({ count, suppressed: false });
const withheld: Cell = { count: null, suppressed: true };
/** Figures as compact rows: [reported, open, resolved, referred, unresolved, relapsed, median], null when withheld. */
const compact = (f: Figures) =>
  [f.reported, f.open, f.resolved, f.referred, f.unresolved, f.relapsed].map((c) => c.count).concat([f.medianDaysToResolution]);

describe('conflictStats', () => {
  it('shows the owner exact figures where it owns every case, even small ones, with true medians', async () => {
    const { data, errors } = await stack.conflicts.owner<Stats>(STATS, { adminArea: 'BF5602', groupBy: 'ADMIN2' });
    expect(errors).toBeUndefined();
    expect(data!.conflictStats.exact).toBe(true);
    expect(data!.conflictStats.groups.map((g) => [g.key, g.adminArea?.pcode, ...compact(g.figures)])).toEqual([
      ['BF5602', 'BF5602', 12, 4, 6, 2, 0, 1, 35],
    ]);
    const djibo = await stack.conflicts.owner<Stats>(STATS, { adminArea: 'BF5603', groupBy: 'TYPE' });
    expect(djibo.data!.conflictStats.groups.map((g) => [g.key, ...compact(g.figures)])).toEqual([['FARMER_HERDER', 3, 0, 1, 0, 2, 0, 15]]);
  });

  it('puts other partners through disclosure control: small cells and the cells that would give them away are withheld', async () => {
    const other = await stack.conflicts.as(OTHER_PARTNER, 'conflicts:read');
    const { data } = await other<Stats>(STATS, { country: 'BF', groupBy: 'ADMIN2' });
    const stats = data!.conflictStats;
    expect(stats.exact).toBe(false);
    const byKey = Object.fromEntries(stats.groups.map((g) => [g.key, g.figures]));
    expect(Object.keys(byKey)).toEqual(['BF5601', 'BF5602', 'BF5603']);
    // Gorom-Gorom: 2 open cases, its total of 2 withheld too.
    expect(byKey.BF5601).toMatchObject({ reported: withheld, open: withheld, resolved: shown(0) });
    // Dori: 4 open and 2 referred withheld; 6 resolved withheld as well, since the resolved total (7)
    // less Dori's 6 would give away Djibo's single resolved case. Its total and median are shown.
    expect(byKey.BF5602).toMatchObject({
      reported: shown(12),
      open: withheld,
      resolved: withheld,
      referred: withheld,
      unresolved: shown(0),
      medianDaysToResolution: 35,
    });
    // Djibo: 1 resolved and 2 unresolved, total 3: all withheld, and no median of a single resolution.
    expect(byKey.BF5603).toMatchObject({ reported: withheld, resolved: withheld, unresolved: withheld, medianDaysToResolution: null });
    // The single relapse is withheld, and the relapsed total with it (nothing else to hide it among).
    expect(byKey.BF5602!.relapsed).toEqual(withheld);
    expect(stats.total).toMatchObject({
      exact: false,
      reported: shown(17),
      open: shown(6),
      resolved: shown(7),
      referred: withheld,
      unresolved: withheld,
      relapsed: withheld,
      medianDaysToResolution: 30,
    });
    // No visible total lets a reader work out a withheld cell: each line shows none or at least two withheld.
    for (const f of stats.groups.map((g) => g.figures)) {
      const hidden = [f.open, f.resolved, f.referred, f.unresolved].filter((c) => c.suppressed).length;
      if (!f.reported.suppressed) expect(hidden === 0 || hidden >= 2).toBe(true);
    }
  });

  it("is not exact for the owner either when another organisation's cases are counted", async () => {
    const { data } = await stack.conflicts.owner<Stats>(STATS, { country: 'BF', groupBy: 'ADMIN1' });
    expect(data!.conflictStats.exact).toBe(false);
    expect(data!.conflictStats.groups.map((g) => [g.key, g.figures.reported])).toEqual([['BF56', shown(17)]]);
    expect(data!.conflictStats.total.open).toEqual(shown(6));
  });

  it('groups by country, type, level, month and year, and filters by period, type and level', async () => {
    const { owner } = stack.conflicts;
    const keys = async (variables: Record<string, unknown>) =>
      (await owner<Stats>(STATS, variables)).data!.conflictStats.groups.map((g) => [g.key, g.figures.reported.count]);
    expect(await keys({ groupBy: 'COUNTRY' })).toEqual([['BF', 17]]);
    expect(await keys({ groupBy: 'LEVEL', adminArea: 'BF5602' })).toEqual([['COMMUNITY', 12]]);
    const years = new Map<string, number>();
    for (const [date, n] of [
      [daysAgo(100), 7],
      [daysAgo(10), 5],
    ] as const)
      years.set(date.slice(0, 4), (years.get(date.slice(0, 4)) ?? 0) + n);
    expect(await keys({ groupBy: 'YEAR', adminArea: 'BF5602' })).toEqual([...years]);
    const months = await keys({ groupBy: 'MONTH', adminArea: 'BF5603' });
    expect(months).toEqual([[daysAgo(100).slice(0, 7), 3]]);
    expect(await keys({ groupBy: 'TYPE', type: 'FARMER_HERDER', country: 'BF' })).toEqual([['FARMER_HERDER', 3]]);
    expect(await keys({ groupBy: 'ADMIN2', from: daysAgo(20), to: daysAgo(0), adminArea: 'BF5602' })).toEqual([['BF5602', 5]]);
    expect(await keys({ groupBy: 'ADMIN2', level: 'INTERCOMMUNITY' })).toEqual([]);
    const none = await owner<Stats>(STATS, { groupBy: 'TYPE', country: 'NE' });
    expect(none.data!.conflictStats).toMatchObject({
      exact: true,
      groups: [],
      total: { reported: shown(0), medianDaysToResolution: null },
    });
  });

  it('refuses a period that ends before it starts, and anonymous callers', async () => {
    const backwards = await stack.conflicts.owner(STATS, { groupBy: 'YEAR', from: '2026-05-01', to: '2026-01-01' });
    expect(backwards.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'to' });
    const anonymous = await stack.conflicts.request(STATS, { groupBy: 'YEAR' });
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('figures on the directory’s communities and admin areas', () => {
  const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Community { id caseStats { ${FIGURES} } }
    ... on AdminArea { pcode conflictStats { ${FIGURES} } }
  } }`;
  type Entities = { _entities: ({ id: string; caseStats: Figures } | { pcode: string; conflictStats: Figures })[] };
  const representations = [
    { __typename: 'Community', id: COMMUNITIES.dori },
    { __typename: 'AdminArea', pcode: 'BF56' },
    { __typename: 'AdminArea', pcode: 'BF5603' },
  ];

  it('are exact for the owner of every case counted, disclosure-controlled otherwise', async () => {
    const owner = (await stack.conflicts.owner<Entities>(ENTITIES, { representations })).data!._entities;
    expect(compact((owner[0] as { caseStats: Figures }).caseStats)).toEqual([12, 4, 6, 2, 0, 1, 35]);
    expect((owner[0] as { caseStats: Figures }).caseStats.exact).toBe(true);
    // The region holds another partner's cases: the owner sees it like everyone else.
    expect((owner[1] as { conflictStats: Figures }).conflictStats).toMatchObject({
      exact: false,
      reported: shown(17),
      open: shown(6),
      resolved: shown(7),
      referred: withheld,
    });
    expect(compact((owner[2] as { conflictStats: Figures }).conflictStats)).toEqual([3, 0, 1, 0, 2, 0, 15]);

    const other = await stack.conflicts.as(OTHER_PARTNER, 'conflicts:read');
    const seen = (await other<Entities>(ENTITIES, { representations })).data!._entities;
    expect((seen[0] as { caseStats: Figures }).caseStats).toMatchObject({
      exact: false,
      reported: shown(12),
      open: withheld,
      resolved: shown(6),
      referred: withheld,
      relapsed: withheld,
      medianDaysToResolution: 35,
    });
    expect((seen[2] as { conflictStats: Figures }).conflictStats).toMatchObject({
      reported: withheld,
      resolved: withheld,
      unresolved: withheld,
      medianDaysToResolution: null,
    });
  });
});
