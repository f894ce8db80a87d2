import { daysAgo, ok } from './fixtures';
import { DEMO_COMMUNITIES, ECOWAS_COMMISSION, OTHER_PARTNER, OWNER, startDisplacement, type DisplacementUnderTest } from './support';
import { beneficiary, M, programme, report, write } from './displacement-world';
import { createLogger, prepareSubgraphDatabase } from '@peacegraph/kit/server';
import { subgraph } from '../src/subgraph';

let sub: DisplacementUnderTest;
beforeAll(async () => {
  sub = await startDisplacement();
}, 120_000);
afterAll(() => sub?.stop());

describe('IDMC national figures', () => {
  it('are loaded for the platform countries, with IDMC named and blank cells as null', async () => {
    const { data, errors } = await sub.request<{ idmcDisplacementFigures: Record<string, unknown>[] }>(
      `{ idmcDisplacementFigures(country: "BF", fromYear: 2019, toYear: 2020) { country year newDisplacements newDisplacementsRounded totalIdps totalIdpsRounded source } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.idmcDisplacementFigures).toEqual([
      expect.objectContaining({
        country: 'BF',
        year: 2019,
        newDisplacements: 513004,
        newDisplacementsRounded: 513000,
        totalIdps: 560033,
        totalIdpsRounded: 560000,
      }),
      expect.objectContaining({ country: 'BF', year: 2020, newDisplacements: 514960, totalIdps: 1074993 }),
    ]);
    expect(data!.idmcDisplacementFigures[0]!.source).toMatch(/IDMC.*CC BY-IGO/);
    // Senegal 2016 has no new-displacement figure in the source; Gambia 2017 no rounded total.
    const senegal = await ok<{ idmcDisplacementFigures: { newDisplacements: number | null; totalIdps: number }[] }>(
      sub.request,
      `{ idmcDisplacementFigures(country: "SN", fromYear: 2016, toYear: 2016) { newDisplacements totalIdps } }`,
    );
    expect(senegal.idmcDisplacementFigures).toEqual([{ newDisplacements: null, totalIdps: 24000 }]);
    const gambia = await ok<{ idmcDisplacementFigures: { year: number; totalIdps: number | null; totalIdpsRounded: number | null }[] }>(
      sub.request,
      `{ idmcDisplacementFigures(country: "GM") { year totalIdps totalIdpsRounded } }`,
    );
    expect(gambia.idmcDisplacementFigures[0]).toEqual({ year: 2017, totalIdps: 0, totalIdpsRounded: null });
    const [{ n }] = await sub.db.dataSource.query(`SELECT count(*)::int AS n FROM idmc_displacement_figure`);
    expect(n).toBe(59);
  });

  it('are reloaded at every start as upserts: a figure changed in the database is put back, nothing doubles', async () => {
    await sub.db.dataSource.query(`UPDATE idmc_displacement_figure SET total_idps = 1 WHERE country_code = 'ML' AND year = 2024`);
    await prepareSubgraphDatabase(subgraph, sub.db.dataSource, createLogger('displacement-test', 'silent'));
    const [row] = await sub.db.dataSource.query(
      `SELECT total_idps, (SELECT count(*)::int FROM idmc_displacement_figure) AS n FROM idmc_displacement_figure WHERE country_code = 'ML' AND year = 2024`,
    );
    expect(row).toEqual({ total_idps: 360591, n: 59 });
  });

  it('refuse a country outside the platform and years upside down', async () => {
    const ghana = await sub.request(`{ idmcDisplacementFigures(country: "GH") { year } }`);
    expect(ghana.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'country' });
    const years = await sub.request(`{ idmcDisplacementFigures(country: "ML", fromYear: 2020, toYear: 2019) { year } }`);
    expect(years.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toYear' });
  });
});

describe('displacement reports', () => {
  it('record a round with its breakdowns, and another partner sees it through disclosure control', async () => {
    const created = await write(sub.owner, 'recordDisplacementReport', {
      input: report({ roundNumber: 90, adminArea: 'BF5604', idpIndividuals: 1200 }),
    });
    const query = `query ($id: ID!) { displacementReport(id: $id) { adminLevel country roundNumber dataDate idpIndividuals { count suppressed }
      idpsBySexAndAge { sex ageGroup individuals { count } } reasons { reason individuals { count suppressed } } origins { adminArea { pcode } individuals { count } } } }`;
    const own = await ok<{ displacementReport: Record<string, unknown> }>(sub.owner, query, { id: created.id });
    expect(own.displacementReport).toMatchObject({
      adminLevel: 2,
      country: 'BF',
      roundNumber: 90,
      idpIndividuals: { count: 1200, suppressed: false },
    });
    expect(own.displacementReport.reasons).toEqual([
      { reason: 'CONFLICT', individuals: { count: 1150, suppressed: false } },
      { reason: 'DISASTER', individuals: { count: 50, suppressed: false } },
    ]);
    const other = await sub.as(OTHER_PARTNER, 'displacement:write');
    const theirs = await ok<{ displacementReport: { idpIndividuals: { count: number } } }>(other, query, { id: created.id });
    expect(theirs.displacementReport.idpIndividuals.count).toBe(1200);
  });

  it('lists by area and below, round and dates, latest data first', async () => {
    await write(sub.owner, 'recordDisplacementReport', {
      input: report({ adminArea: 'ML0504', roundNumber: 91, dataDate: daysAgo(30), idpsBySexAndAge: [], reasons: [], origins: [] }),
    });
    await write(sub.owner, 'recordDisplacementReport', {
      input: report({ adminArea: 'ML0504', roundNumber: 92, dataDate: daysAgo(10), idpsBySexAndAge: [], reasons: [], origins: [] }),
    });
    const list = await ok<{ displacementReports: { totalCount: number; edges: { node: { roundNumber: number } }[] } }>(
      sub.owner,
      `query ($from: Date) { displacementReports(filter: { adminArea: "ML05", from: $from }) { totalCount edges { node { roundNumber } } } }`,
      { from: daysAgo(40) },
    );
    expect(list.displacementReports.edges.map((e) => e.node.roundNumber)).toEqual([92, 91]);
    const round = await ok<{ displacementReports: { totalCount: number } }>(
      sub.owner,
      `{ displacementReports(filter: { roundNumber: 91 }) { totalCount } }`,
    );
    expect(round.displacementReports.totalCount).toBe(1);
  });

  it('refuse a second report of an area and round (BAD_USER_INPUT naming the round), and nothing is written', async () => {
    await write(sub.owner, 'recordDisplacementReport', { input: report({ adminArea: 'ML0701', roundNumber: 5 }) });
    const before = await sub.allRows();
    const { errors } = await sub.owner(M.recordDisplacementReport, { input: report({ adminArea: 'ML0701', roundNumber: 5 }) });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roundNumber' });
    expect(await sub.allRows()).toEqual(before);
  });

  it('two concurrent updates of one version: one succeeds, the other is a CONFLICT and writes nothing', async () => {
    const created = await write(sub.owner, 'recordDisplacementReport', { input: report({ adminArea: 'NE006002', roundNumber: 1 }) });
    const colleague = await sub.as(OWNER, 'displacement:write', 'officer-2');
    const results = await Promise.all([
      sub.owner(M.updateDisplacementReport, { id: created.id, version: created.version, input: { roundName: 'Round 1 (revised)' } }),
      colleague(M.updateDisplacementReport, { id: created.id, version: created.version, input: { roundName: 'Round 1 (corrected)' } }),
    ]);
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const [row] = await sub.db.dataSource.query(`SELECT version FROM displacement_report WHERE id = $1`, [created.id]);
    expect(row.version).toBe(2);
    const [{ n }] = await sub.db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'WRITE' AND $1 = ANY(record_ids) AND operation = 'updateDisplacementReport'`,
      [created.id],
    );
    expect(n).toBe(1);
  });
});

describe('reintegration', () => {
  it('registers cases under pseudonymous codes, follows them through assistance to reintegration', async () => {
    const made = await write(sub.owner, 'createReintegrationProgramme', { input: programme({ code: 'DDRRSAH' }) });
    const first = await write(sub.owner, 'registerReintegrationCase', { input: beneficiary(made.id) });
    const second = await write(sub.owner, 'registerReintegrationCase', {
      input: beneficiary(made.id, { category: 'ASSOCIATED_PERSON', ageGroup: 'AGE_15_17', community: DEMO_COMMUNITIES.Dori }),
    });
    expect([first.beneficiaryCode, second.beneficiaryCode]).toEqual(['DDRRSAH-0001', 'DDRRSAH-0002']);
    const assisted = await write(sub.owner, 'recordReintegrationAssistance', {
      id: first.id,
      version: first.version,
      input: { kind: 'PSYCHOSOCIAL', startedOn: daysAgo(150) },
    });
    expect(assisted.status).toBe('IN_ASSISTANCE');
    const done = await write(sub.owner, 'changeReintegrationCaseStatus', {
      id: first.id,
      version: assisted.version,
      input: { status: 'REINTEGRATED', on: daysAgo(20) },
    });
    expect(done.status).toBe('REINTEGRATED');
    const read = await ok<{
      reintegrationCase: {
        status: string;
        statusSince: string;
        assistance: { kind: string; startedOn: string }[];
        programme: { code: string };
      };
    }>(
      sub.owner,
      `query ($id: ID!) { reintegrationCase(id: $id) { status statusSince assistance { kind startedOn } programme { code } } }`,
      { id: first.id },
    );
    expect(read.reintegrationCase).toEqual({
      status: 'REINTEGRATED',
      statusSince: daysAgo(20),
      assistance: [{ kind: 'PSYCHOSOCIAL', startedOn: daysAgo(150) }],
      programme: { code: 'DDRRSAH' },
    });
    const listed = await ok<{ reintegrationCases: { totalCount: number } }>(
      sub.owner,
      `query ($p: ID) { reintegrationCases(filter: { programme: $p, status: REINTEGRATED }) { totalCount } }`,
      { p: made.id },
    );
    expect(listed.reintegrationCases.totalCount).toBe(1);
  });
  it('lists programmes working in an area: covering it, an area above it or an area inside it', async () => {
    await write(sub.owner, 'createReintegrationProgramme', { input: programme({ code: 'AREAS1', adminAreas: ['ML0504'] }) });
    await write(sub.owner, 'createReintegrationProgramme', { input: programme({ code: 'AREAS2', adminAreas: ['ML05', 'NE006002'] }) });
    const codes = async (adminArea: string) =>
      (
        await ok<{ reintegrationProgrammes: { edges: { node: { code: string } }[] } }>(
          sub.owner,
          `query ($a: PCode) { reintegrationProgrammes(filter: { adminArea: $a }, first: 50) { edges { node { code } } } }`,
          { a: adminArea },
        )
      ).reintegrationProgrammes.edges
        .map((e) => e.node.code)
        .filter((code) => code.startsWith('AREAS'))
        .sort();
    expect(await codes('ML0504')).toEqual(['AREAS1', 'AREAS2']);
    expect(await codes('ML05')).toEqual(['AREAS1', 'AREAS2']);
    expect(await codes('ML0501')).toEqual(['AREAS2']);
    expect(await codes('NE006')).toEqual(['AREAS2']);
    expect(await codes('NE006011')).toEqual([]);
  });
});

describe('awareness sessions', () => {
  it('are recorded in a community with facilitators, listed by area and community, and under the directory entities', async () => {
    const session = await write(sub.owner, 'recordAwarenessSession', {
      input: {
        kind: 'PEACEFUL_TRANSHUMANCE',
        community: DEMO_COMMUNITIES.Tera,
        heldOn: daysAgo(12),
        participants: [
          { sex: 'FEMALE', ageGroup: 'AGE_18_59', people: 14 },
          { sex: 'MALE', ageGroup: 'AGE_18_59', people: 22 },
          { sex: 'MALE', ageGroup: 'AGE_60_PLUS', people: 3 },
        ],
        topics: ['Corridor markers', 'Crop damage and compensation'],
        facilitators: [OWNER, ECOWAS_COMMISSION],
      },
    });
    const listed = await ok<{ awarenessSessions: { edges: { node: { id: string; participants: { total: { count: number } } } }[] } }>(
      sub.owner,
      `{ awarenessSessions(filter: { adminArea: "NE006", kind: PEACEFUL_TRANSHUMANCE }) { edges { node { id participants { total { count } } } } } }`,
    );
    expect(listed.awarenessSessions.edges).toEqual([{ node: { id: session.id, participants: { total: { count: 39 } } } }]);
    const entities = await ok<{ _entities: { awarenessSessions?: { id: string }[]; awarenessSessionsFacilitated?: { id: string }[] }[] }>(
      sub.owner,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { awarenessSessions { id } } ... on Organisation { awarenessSessionsFacilitated { id } } } }`,
      {
        r: [
          { __typename: 'Community', id: DEMO_COMMUNITIES.Tera },
          { __typename: 'Organisation', id: ECOWAS_COMMISSION },
        ],
      },
    );
    expect(entities._entities).toEqual([
      { awarenessSessions: [{ id: session.id }] },
      { awarenessSessionsFacilitated: [{ id: session.id }] },
    ]);
    // For another partner the 3 men over 60 are withheld, then whatever would give them away: the 22 men
    // of 18–59 (the men's line), the 14 women (their age group's line), and the totals by sex (the
    // women's would equal their one cell). Only the grand total stays.
    const other = await sub.as(OTHER_PARTNER, 'displacement:write');
    const theirs = await ok<{
      awarenessSession: {
        participants: {
          exact: boolean;
          groups: { people: { count: number | null } }[];
          bySex: { people: { count: number | null } }[];
          total: { count: number };
        };
      };
    }>(
      other,
      `query ($id: ID!) { awarenessSession(id: $id) { participants { exact groups { people { count } } bySex { people { count } } total { count } } } }`,
      { id: session.id },
    );
    expect(theirs.awarenessSession.participants.exact).toBe(false);
    expect(theirs.awarenessSession.participants.groups.map((g) => g.people.count)).toEqual([null, null, null]);
    expect(theirs.awarenessSession.participants.bySex.map((g) => g.people.count)).toEqual([null, null]);
    expect(theirs.awarenessSession.participants.total.count).toBe(39);
    const own = await ok<{ awarenessSession: { participants: { exact: boolean; groups: { people: { count: number } }[] } } }>(
      sub.owner,
      `query ($id: ID!) { awarenessSession(id: $id) { participants { exact groups { people { count } } } } }`,
      { id: session.id },
    );
    expect(own.awarenessSession.participants).toEqual({
      exact: true,
      groups: [{ people: { count: 14 } }, { people: { count: 22 } }, { people: { count: 3 } }],
    });
  });
});
