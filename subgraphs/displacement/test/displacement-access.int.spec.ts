import { daysAgo, ok } from './fixtures';
import { DEMO_COMMUNITIES, OTHER_PARTNER, OWNER, startDisplacement, type DisplacementUnderTest } from './support';
import { beneficiary, M, programme, report, write } from './displacement-world';

let sub: DisplacementUnderTest;
let programmeId: string;
let caseIds: string[];

type Profile = [area: string, category: string, count: number, assistance?: string];
/** Cases by admin-2 area and category; some cells hold 1 to 4 people. */
const CASELOAD: Profile[] = [
  ['BF5602', 'FORMER_COMBATANT', 6, 'PSYCHOSOCIAL'],
  ['BF5602', 'ASSOCIATED_PERSON', 3],
  ['BF5602', 'COMMUNITY_MEMBER', 5],
  ['BF5603', 'FORMER_COMBATANT', 7],
  ['BF5603', 'COMMUNITY_MEMBER', 8, 'LIVELIHOOD'],
  ['NE006011', 'FORMER_COMBATANT', 2],
  ['NE006011', 'COMMUNITY_MEMBER', 9],
];

beforeAll(async () => {
  sub = await startDisplacement();
  programmeId = (await write(sub.owner, 'createReintegrationProgramme', { input: programme() })).id;
  caseIds = [];
  for (const [adminArea, category, count, assistance] of CASELOAD) {
    for (let i = 0; i < count; i++) {
      const created = await write(sub.owner, 'registerReintegrationCase', {
        input: beneficiary(programmeId, { adminArea, category, ageGroup: 'AGE_25_35' }),
      });
      caseIds.push(created.id);
      // Two of the livelihood group are assisted: a count of 2, to be withheld.
      if (assistance && (assistance === 'PSYCHOSOCIAL' || i < 2)) {
        await write(sub.owner, 'recordReintegrationAssistance', {
          id: created.id,
          version: created.version,
          input: { kind: assistance, startedOn: daysAgo(100) },
        });
      }
    }
  }
}, 180_000);
afterAll(() => sub?.stop());

type Errors = { path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
const codes = (errors: Errors) => (errors ?? []).map((e) => `${e.path?.join('.')}:${e.extensions?.code}`).sort();
const readRows = async () =>
  (await sub.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'READ'`))[0].n as number;

const CASE = `query ($id: ID!) { reintegrationCase(id: $id) { id beneficiaryCode category ageGroup adminArea { pcode } } }`;
const CASES = `{ reintegrationCases(first: 5) { totalCount edges { node { beneficiaryCode sex status } } } }`;

describe('anonymous callers', () => {
  it('read IDMC figures and nothing else; cannot write', async () => {
    expect((await sub.request(`{ idmcDisplacementFigures(country: "NE", fromYear: 2024) { totalIdps } }`)).data).toEqual({
      idmcDisplacementFigures: [{ totalIdps: 411685 }],
    });
    for (const field of [
      'displacementReports { totalCount }',
      'reintegrationCases { totalCount }',
      'reintegrationStats { total { cases { count } } }',
      'awarenessSessions { totalCount }',
    ]) {
      const { errors } = await sub.request(`{ ${field} }`);
      expect(codes(errors)).toEqual([`${field.split(' ')[0]}:UNAUTHENTICATED`]);
    }
    const before = await sub.allRows();
    const { errors } = await sub.request(M.recordDisplacementReport, { input: report() });
    expect(errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await sub.allRows()).toEqual(before);
  });

  it('get the directory entities’ own fields, with ours refused at their path only', async () => {
    const { data, errors } = await sub.request<{ _entities: unknown[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { id awarenessSessions { id } } } }`,
      { r: [{ __typename: 'Community', id: DEMO_COMMUNITIES.Dori }] },
    );
    expect(data!._entities).toEqual([{ id: DEMO_COMMUNITIES.Dori, awarenessSessions: null }]);
    expect(codes(errors)).toEqual(['_entities.0.awarenessSessions:UNAUTHENTICATED']);
  });
});

describe('reintegration cases, caller by caller', () => {
  it('the owner with displacement:sensitive reads them, and each read is audited, one row per case', async () => {
    const before = await readRows();
    const data = await ok<{ reintegrationCases: { totalCount: number; edges: { node: { beneficiaryCode: string } }[] } }>(sub.owner, CASES);
    expect(data.reintegrationCases.totalCount).toBe(40);
    expect(data.reintegrationCases.edges).toHaveLength(5);
    expect(data.reintegrationCases.edges.every((e) => /^CVRSAHEL-\d{4}$/.test(e.node.beneficiaryCode))).toBe(true);
    expect(await readRows()).toBe(before + 5);
    const [row] = await sub.db.dataSource.query(
      `SELECT actor, record_type, fields, owner_org FROM audit_log WHERE action = 'READ' ORDER BY at DESC, id DESC LIMIT 1`,
    );
    expect(row).toMatchObject({ actor: 'officer-1', record_type: 'ReintegrationCase', owner_org: OWNER });
    expect([...row.fields].sort()).toEqual(['beneficiaryCode', 'sex', 'status']);
  });

  it('the owner without displacement:sensitive can neither list, read nor register them', async () => {
    const plain = await sub.as(OWNER, 'displacement:write', 'clerk');
    expect(codes((await plain(CASES)).errors)).toEqual(['reintegrationCases:FORBIDDEN']);
    expect(codes((await plain(CASE, { id: caseIds[0] })).errors)).toEqual(['reintegrationCase:FORBIDDEN']);
    const before = await sub.allRows();
    const { errors } = await plain(M.registerReintegrationCase, { input: beneficiary(programmeId) });
    expect(codes(errors)).toEqual(['registerReintegrationCase:FORBIDDEN']);
    expect(await sub.allRows()).toEqual(before);
  });

  it('another partner, even with displacement:sensitive or admin, sees none of them and changes none', async () => {
    const other = await sub.as(OTHER_PARTNER, 'displacement:write displacement:sensitive admin');
    const before = await sub.allRows();
    expect(
      (await ok<{ reintegrationCases: { totalCount: number } }>(other, `{ reintegrationCases { totalCount } }`)).reintegrationCases
        .totalCount,
    ).toBe(0);
    expect((await ok<{ reintegrationCase: null }>(other, CASE, { id: caseIds[0] })).reintegrationCase).toBeNull();
    const change = await other(M.changeReintegrationCaseStatus, {
      id: caseIds[0],
      version: 1,
      input: { status: 'DROPPED_OUT', on: daysAgo(1) },
    });
    expect(codes(change.errors)).toEqual(['changeReintegrationCaseStatus:FORBIDDEN']);
    const register = await other(M.registerReintegrationCase, { input: beneficiary(programmeId) });
    expect(codes(register.errors)).toEqual(['registerReintegrationCase:FORBIDDEN']);
    expect(await sub.allRows()).toEqual(before);
  });

  it('another partner reads the programmes (PARTNER), never their cases', async () => {
    const other = await sub.as(OTHER_PARTNER, 'displacement:write displacement:sensitive');
    const programmes = await other(`{ reintegrationProgrammes { edges { node { code owner { id } } } } }`);
    expect(programmes.errors).toBeUndefined();
    expect(programmes.data).toEqual({ reintegrationProgrammes: { edges: [{ node: { code: 'CVRSAHEL', owner: { id: OWNER } } }] } });
  });
});

describe('caseload figures', () => {
  const STATS = `query ($level: ReintegrationLevel, $org: ID) { reintegrationStats(level: $level, breakdown: CATEGORY, filter: { organisation: $org }) {
    exact areas { code adminArea { pcode } cases { count } byKey { key cases { count } } assistance { kind cases { count } } }
    total { cases { count } byKey { key cases { count } } assistance { kind cases { count } } } } }`;
  type Line = {
    code: string;
    cases: { count: number | null };
    byKey: { key: string; cases: { count: number | null } }[];
    assistance: { kind: string; cases: { count: number | null } }[];
  };
  type Stats = { reintegrationStats: { exact: boolean; areas: Line[]; total: Line } };
  const byKey = (line: Line) => line.byKey.map((c) => c.cases.count);
  const assisted = (line: Line, kind: string) => line.assistance.find((a) => a.kind === kind)!.cases.count;

  it('another partner gets cells 1–4 withheld, and the cells that would give them away', async () => {
    const other = await sub.as(OTHER_PARTNER, 'displacement:write');
    const { reintegrationStats: stats } = await ok<Stats>(other, STATS, { level: 'ADMIN2' });
    expect(stats.exact).toBe(false);
    // FORMER_COMBATANT, ASSOCIATED_PERSON, IDP, RETURNEE, COMMUNITY_MEMBER. The 3 associated people of
    // Séno and the 2 former combatants of Téra are withheld; then Séno's 5 community members (its line),
    // Téra's 9 (its line), Séno's 6 former combatants (their column), and the former combatants' total
    // (the margin of categories, where the associated people's 3 is withheld).
    expect(stats.areas.map((a) => [a.code, a.cases.count, byKey(a)])).toEqual([
      ['BF5602', 14, [null, null, 0, 0, null]],
      ['BF5603', 15, [7, 0, 0, 0, 8]],
      ['NE006011', 11, [null, 0, 0, 0, null]],
    ]);
    expect(byKey(stats.total)).toEqual([null, null, 0, 0, 22]);
    expect(stats.total.cases.count).toBe(40);
    // Six former combatants of Séno had psychosocial support; two of Soum's community members livelihood help.
    expect(stats.areas.map((a) => assisted(a, 'PSYCHOSOCIAL'))).toEqual([6, 0, 0]);
    expect(stats.areas.map((a) => assisted(a, 'LIVELIHOOD'))).toEqual([0, null, 0]);
    expect(assisted(stats.total, 'LIVELIHOOD')).toBeNull();
  });

  it('the owner gets them exact, by region and country too', async () => {
    const { reintegrationStats: stats } = await ok<Stats>(sub.owner, STATS, { level: 'ADMIN1' });
    expect(stats.exact).toBe(true);
    expect(stats.areas.map((a) => [a.code, byKey(a)])).toEqual([
      ['BF56', [13, 3, 0, 0, 13]],
      ['NE006', [2, 0, 0, 0, 9]],
    ]);
    expect(assisted(stats.total, 'LIVELIHOOD')).toBe(2);
    const countries = await ok<Stats>(sub.owner, STATS, { level: 'COUNTRY' });
    expect(countries.reintegrationStats.areas.map((a) => [a.code, a.cases.count])).toEqual([
      ['BF', 29],
      ['NE', 11],
    ]);
  });

  it('AdminArea.reintegrationStats: the same figures per area and below, exact for the owner only', async () => {
    const AREAS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdminArea { pcode reintegrationStats { exact cases { count } byKey { key cases { count } } } } } }`;
    const r = ['BF5602', 'BF5603', 'BF56', 'NE006011'].map((pcode) => ({ __typename: 'AdminArea', pcode }));
    const own = await ok<{
      _entities: { reintegrationStats: { exact: boolean; cases: { count: number }; byKey: { cases: { count: number | null } }[] } }[];
    }>(sub.owner, AREAS, { r });
    expect(own._entities.map((e) => [e.reintegrationStats.exact, e.reintegrationStats.cases.count])).toEqual([
      [true, 14],
      [true, 15],
      [true, 29],
      [true, 11],
    ]);
    const other = await sub.as(OTHER_PARTNER, 'displacement:write');
    const theirs = (await ok<typeof own>(other, AREAS, { r }))._entities.map((e) => e.reintegrationStats.byKey.map((c) => c.cases.count));
    // Asked area by area, Sahel once showed 13 community members beside Yagha's 8: 13 − 8 gave Séno's
    // withheld 5, and 14 − 6 − 5 its 3 associated people. Now every answer reads one pattern.
    expect(theirs).toEqual([
      [null, null, 0, 0, null],
      [7, 0, 0, 0, 8],
      [null, null, 0, 0, null],
      [null, 0, 0, 0, null],
    ]);
    const [seno, yagha, sahel] = theirs;
    sahel!.forEach((cell, k) => expect([cell, seno![k], yagha![k]].filter((c) => c === null)).not.toHaveLength(1));
    // The same lines as the caseload by admin-2 area and by region.
    const byArea = (await ok<Stats>(other, STATS, { level: 'ADMIN2' })).reintegrationStats.areas;
    const byRegion = (await ok<Stats>(other, STATS, { level: 'ADMIN1' })).reintegrationStats.areas;
    expect([byArea[0]!, byArea[1]!, byRegion[0]!, byArea[2]!].map(byKey)).toEqual(theirs);
  });

  it('read an area filter as the cases in it, at any level, from the same pattern', async () => {
    const AREA_STATS = `query ($level: ReintegrationLevel, $country: CountryCode, $area: PCode) { reintegrationStats(level: $level, filter: { country: $country, adminArea: $area }) {
      exact areas { code cases { count } byKey { key cases { count } } } total { cases { count } byKey { key cases { count } } } } }`;
    type AreaStats = { reintegrationStats: { exact: boolean; areas: Line[]; total: Line } };
    const lines = (stats: AreaStats) => stats.reintegrationStats.areas.map((a) => [a.code, a.cases.count]);
    // Grouping Sahel's cases by country gives one line, Burkina Faso's, with Sahel's 29.
    const byCountry = await ok<AreaStats>(sub.owner, AREA_STATS, { level: 'COUNTRY', area: 'BF56' });
    expect(lines(byCountry)).toEqual([['BF', 29]]);
    const byArea = await ok<AreaStats>(sub.owner, AREA_STATS, { level: 'ADMIN2', country: 'BF', area: 'BF56' });
    expect(lines(byArea)).toEqual([
      ['BF5602', 14],
      ['BF5603', 15],
    ]);
    expect(byArea.reintegrationStats.total.cases.count).toBe(29);
    const apart = await ok<AreaStats>(sub.owner, AREA_STATS, { level: 'ADMIN2', country: 'NE', area: 'BF56' });
    expect(apart.reintegrationStats).toMatchObject({ areas: [], total: { cases: { count: 0 } } });

    const other = await sub.as(OTHER_PARTNER, 'displacement:write');
    const theirs = await ok<AreaStats>(other, AREA_STATS, { level: 'ADMIN2', area: 'BF56' });
    const everywhere = (await ok<Stats>(other, STATS, { level: 'ADMIN2' })).reintegrationStats.areas;
    const regions = (await ok<Stats>(other, STATS, { level: 'ADMIN1' })).reintegrationStats.areas;
    expect(theirs.reintegrationStats.exact).toBe(false);
    expect(theirs.reintegrationStats.areas.map(byKey)).toEqual(everywhere.slice(0, 2).map(byKey));
    expect(byKey(theirs.reintegrationStats.total)).toEqual(byKey(regions.find((r) => r.code === 'BF56')!));
    // Part of a P-code reads the areas just under it: BF5 is Sahel (BF56) here.
    const partial = await ok<AreaStats>(other, AREA_STATS, { level: 'ADMIN1', area: 'BF5' });
    expect(partial.reintegrationStats.areas.map(byKey)).toEqual([byKey(regions.find((r) => r.code === 'BF56')!)]);
    expect(byKey(partial.reintegrationStats.total)).toEqual(byKey(regions.find((r) => r.code === 'BF56')!));
  });

  it('are no longer exact for the owner once another organisation’s case is counted; filtering to its own makes them exact again', async () => {
    const other = await sub.as(OTHER_PARTNER, 'displacement:write displacement:sensitive');
    const theirs = await write(other, 'createReintegrationProgramme', { input: programme({ code: 'MEDIATE', adminAreas: ['BF5602'] }) });
    await write(other, 'registerReintegrationCase', { input: beneficiary(theirs.id) });
    expect((await ok<{ reintegrationStats: { exact: boolean } }>(sub.owner, STATS, { level: 'ADMIN1' })).reintegrationStats.exact).toBe(
      false,
    );
    const own = await ok<{ reintegrationStats: { exact: boolean; total: { cases: { count: number } } } }>(sub.owner, STATS, {
      level: 'ADMIN1',
      org: OWNER,
    });
    expect(own.reintegrationStats).toMatchObject({ exact: true, total: { cases: { count: 40 } } });
  });
});
