import { dataOf } from '@peacegraph/kit/testing';
import { addDays, today } from '@peacegraph/kit/input';
import { ORGS, startPlatform, type PlatformUnderTest } from './support';

let platform: PlatformUnderTest;
type Client = Awaited<ReturnType<PlatformUnderTest['as']>>;
let owner: Client;
let otherPartner: Client;
const places: Record<string, string> = {};
const references: string[] = [];
const daysAgo = (n: number) => addDays(today(), -n);

/**
 * Through the gateway only, as partners would: the platform's directory gets three communities of the
 * Sahel region of Burkina Faso; the mediators' network records the Peace Commission of Dori and six
 * cases there — five resolved after 10 to 50 days, one still under mediation — and one intercommunity
 * case involving Djibo.
 */
beforeAll(async () => {
  platform = await startPlatform();
  const directoryWriter = await platform.as(ORGS.educators, 'directory:write');
  for (const [name, adminArea] of [
    ['Dori', 'BF5602'],
    ['Djibo', 'BF5603'],
    ['Gorom-Gorom', 'BF5601'],
  ]) {
    const created = await dataOf(
      directoryWriter<{ createCommunity: { id: string } }>(
        `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
        { input: { name, adminArea, languages: ['fuh'] } },
      ),
    );
    places[name!] = created.createCommunity.id;
  }
  owner = await platform.as(ORGS.mediators, 'conflicts:write conflicts:sensitive');
  otherPartner = await platform.as(ORGS.educators, 'conflicts:read');
  const commission = await dataOf(
    owner<{ createPeaceCommission: { id: string } }>(
      `mutation ($input: CreatePeaceCommissionInput!) { createPeaceCommission(input: $input) { id } }`,
      {
        input: {
          community: places.Dori,
          managementCommittee: 'Comité de gestion communautaire de Dori',
          establishedOn: '2021-04-22',
          membership: [
            { role: 'CHAIR', women: 0, men: 1 },
            { role: 'MEDIATOR', women: 3, men: 3 },
            { role: 'WOMENS_REPRESENTATIVE', women: 1, men: 0 },
          ],
        },
      },
    ),
  );
  const change = async (mutation: string, inputType: string, kase: { id: string; version: number }, input: Record<string, unknown>) =>
    (
      await dataOf(
        owner<Record<string, { id: string; version: number }>>(
          `mutation ($id: ID!, $version: Int!, $input: ${inputType}!) { ${mutation}(id: $id, version: $version, input: $input) { id version } }`,
          { id: kase.id, version: kase.version, input },
        ),
      )
    )[mutation]!;
  const report = async (input: Record<string, unknown>) => {
    const reported = await dataOf(
      owner<{ reportConflictCase: { id: string; version: number; reference: string } }>(
        `mutation ($input: ReportConflictCaseInput!) { reportConflictCase(input: $input) { id version reference } }`,
        {
          input: {
            peaceCommission: commission.createPeaceCommission.id,
            reportedOn: daysAgo(80),
            level: 'COMMUNITY',
            type: 'FARMER_HERDER',
            parties: [
              { kind: 'GROUP', sex: 'MALE', ageGroup: 'YOUTH' },
              { kind: 'FAMILY', sex: 'MIXED', ageGroup: 'MIXED' },
            ],
            narrative: 'A herd crossed a field before the harvest.',
            ...input,
          },
        },
      ),
    );
    references.push(reported.reportConflictCase.reference);
    return reported.reportConflictCase;
  };
  for (const days of [10, 20, 30, 40, 50]) {
    const started = await change('startMediation', 'StatusChangeInput', await report({}), { on: daysAgo(80) });
    await change('recordResolution', 'ResolutionInput', started, {
      outcome: 'FULL_AGREEMENT',
      reachedOn: daysAgo(80 - days),
      termsSummary: 'Damages paid in millet.',
    });
  }
  await change(
    'startMediation',
    'StatusChangeInput',
    await report({ level: 'INTERCOMMUNITY', otherCommunities: [places.Djibo], reportedOn: daysAgo(5) }),
    { on: daysAgo(3) },
  );
});
afterAll(() => platform.stop());

type Cell = { count: number | null; suppressed: boolean };

describe('conflict figures on the directory’s admin areas, through the gateway', () => {
  const AREA = `{ adminArea(pcode: "BF56") {
    name level conflictStats { exact reported { count suppressed } open { count suppressed } resolved { count suppressed } medianDaysToResolution }
    children { pcode name conflictStats { reported { count } } }
  } }`;
  type Area = {
    adminArea: {
      name: string;
      level: number;
      conflictStats: { exact: boolean; reported: Cell; open: Cell; resolved: Cell; medianDaysToResolution: number | null };
      children: { pcode: string; name: string; conflictStats: { reported: { count: number | null } } }[];
    };
  };

  it('shows the owner exact figures for the region and each of its provinces', async () => {
    const { adminArea } = await dataOf(owner<Area>(AREA));
    expect(adminArea).toMatchObject({
      name: 'Sahel',
      level: 1,
      conflictStats: {
        exact: true,
        reported: { count: 6, suppressed: false },
        open: { count: 1, suppressed: false },
        resolved: { count: 5, suppressed: false },
        medianDaysToResolution: 30,
      },
    });
    expect(adminArea.children.map((c) => [c.pcode, c.name, c.conflictStats.reported.count])).toEqual([
      ['BF5601', 'Oudalan', 0],
      ['BF5602', 'Seno', 6],
      ['BF5603', 'Soum', 0],
      ['BF5604', 'Yagha', 0],
    ]);
  });

  it('shows another partner the total, withholding the single open case and the resolved count that would give it away', async () => {
    const { adminArea } = await dataOf(otherPartner<Area>(AREA));
    expect(adminArea.conflictStats).toEqual({
      exact: false,
      reported: { count: 6, suppressed: false },
      open: { count: null, suppressed: true },
      resolved: { count: null, suppressed: true },
      medianDaysToResolution: 30,
    });
  });

  it('costs the conflicts subgraph one statement for every admin area of a country', async () => {
    platform.conflicts.db.statements.reset();
    const { adminAreas } = await dataOf(
      otherPartner<{ adminAreas: { edges: { node: { conflictStats: { reported: Cell } } }[] } }>(
        `{ adminAreas(country: "BF", level: 2, first: 50) { edges { node { pcode conflictStats { reported { count suppressed } } } } } }`,
      ),
    );
    expect(adminAreas.edges).toHaveLength(45);
    expect(platform.conflicts.db.statements.count).toBe(1);
  });
});

describe('community → peace commission → cases, through the gateway', () => {
  const COMMUNITIES = `{ communities(adminArea: "BF56") { edges { node {
    name adminArea { name }
    peaceCommission { managementCommittee members { women men total }
      cases(first: 10, filter: { status: RESOLVED }) { totalCount edges { node { reference status daysToResolution narrative parties { label kind } } } } }
    caseStats { reported { count suppressed } }
  } } } }`;
  type Communities = {
    communities: {
      edges: {
        node: {
          name: string;
          peaceCommission: null | {
            managementCommittee: string;
            members: { total: number };
            cases: {
              totalCount: number;
              edges: { node: { reference: string; daysToResolution: number; narrative: string | null; parties: { label: string }[] } }[];
            };
          };
          caseStats: { reported: Cell };
        };
      }[];
    };
  };

  it('walks from the directory’s communities to their commission and its cases, narratives for the owner only', async () => {
    const { communities } = await dataOf(owner<Communities>(COMMUNITIES));
    const byName = Object.fromEntries(communities.edges.map((e) => [e.node.name, e.node]));
    expect(Object.keys(byName).sort()).toEqual(['Djibo', 'Dori', 'Gorom-Gorom']);
    expect(byName.Djibo!.peaceCommission).toBeNull();
    expect(byName.Djibo!.caseStats.reported).toEqual({ count: 0, suppressed: false });
    const dori = byName.Dori!;
    expect(dori.caseStats.reported).toEqual({ count: 6, suppressed: false });
    expect(dori.peaceCommission).toMatchObject({
      managementCommittee: 'Comité de gestion communautaire de Dori',
      members: { total: 8 },
      cases: { totalCount: 5 },
    });
    expect(dori.peaceCommission!.cases.edges.map((e) => e.node.daysToResolution).sort((a, b) => a - b)).toEqual([10, 20, 30, 40, 50]);
    expect(dori.peaceCommission!.cases.edges[0]!.node).toMatchObject({
      narrative: 'A herd crossed a field before the harvest.',
      parties: [{ label: 'Party A' }, { label: 'Party B' }],
    });
    expect(dori.peaceCommission!.cases.edges.map((e) => e.node.reference).sort()).toEqual(references.slice(0, 5).sort());

    const seen = await otherPartner<Communities>(COMMUNITIES);
    const doriSeen = seen.data!.communities.edges.find((e) => e.node.name === 'Dori')!.node;
    expect(doriSeen.peaceCommission!.cases.edges.every((e) => e.node.narrative === null)).toBe(true);
    expect(seen.errors!.length).toBe(5);
    expect(seen.errors!.every((e) => e.extensions!.code === 'FORBIDDEN' && e.path!.at(-1) === 'narrative')).toBe(true);
  });

  it('names a case’s communities and admin area from the directory', async () => {
    const { conflictCase } = await dataOf(
      otherPartner<{ conflictCase: unknown }>(
        `query ($reference: String!) { conflictCase(reference: $reference) {
        reference level status community { name } otherCommunities { name languages { code } } adminArea { name parent { name country { nameEn } } }
      } }`,
        { reference: references[5] },
      ),
    );
    expect(conflictCase).toEqual({
      reference: references[5],
      level: 'INTERCOMMUNITY',
      status: 'UNDER_MEDIATION',
      community: { name: 'Dori' },
      otherCommunities: [{ name: 'Djibo', languages: [{ code: 'fuh' }] }],
      adminArea: { name: 'Seno', parent: { name: 'Sahel', country: { nameEn: 'Burkina Faso' } } },
    });
    expect(references[5]).toMatch(/^BF5602-\d{4}-0006$/);
  });
});

describe('errors through the gateway', () => {
  it('passes BAD_USER_INPUT with its field, and CONFLICT, to the client, writing nothing', async () => {
    const before = await platform.conflicts.allRows();
    const data = await dataOf(
      owner<{ conflictCase: { id: string; version: number } }>(
        `query ($reference: String!) { conflictCase(reference: $reference) { id version } }`,
        { reference: references[0] },
      ),
    );
    const refer = (version: number, referredOn: string) =>
      owner(
        `mutation ($id: ID!, $version: Int!, $input: ReferralInput!) { referConflictCase(id: $id, version: $version, input: $input) { id } }`,
        {
          id: data.conflictCase.id,
          version,
          input: { referredTo: 'COURT', referredOn },
        },
      );
    const refused = await refer(data.conflictCase.version, daysAgo(1));
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
      allowedStatuses: ['FOLLOW_UP_HELD', 'RELAPSED'],
    });
    expect(refused.errors![0]!.message).toBe(
      'A case that is RESOLVED cannot become REFERRED; from RESOLVED it can become FOLLOW_UP_HELD or RELAPSED',
    );
    const stale = await refer(1, daysAgo(1));
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: data.conflictCase.version });
    expect(await platform.conflicts.allRows()).toEqual(before);
  });

  it('answers anonymous callers UNAUTHENTICATED for conflict data, and never shows SQL', async () => {
    const { data, errors } = await platform.request(`{ adminArea(pcode: "BF56") { name conflictStats { reported { count } } } }`);
    expect(data).toEqual({ adminArea: { name: 'Sahel', conflictStats: null } });
    expect(errors!.map((e) => e.extensions!.code)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(errors)).not.toMatch(/SELECT|conflict_case/);
  });
});

describe('a mediation session’s headcounts through the gateway', () => {
  const SESSIONS = `query ($reference: String!) { conflictCase(reference: $reference) { mediationSessions {
    mediators { exact women { count suppressed } men { count suppressed } total { count suppressed } }
    attendance { exact women { count suppressed } men { count suppressed } total { count suppressed } }
  } } }`;
  type Sessions = { conflictCase: { mediationSessions: { mediators: unknown; attendance: unknown }[] } };
  const shown = (count: number): Cell => ({ count, suppressed: false });
  const withheld: Cell = { count: null, suppressed: true };

  it('are exact for the owner and disclosure-controlled for another partner', async () => {
    const { conflictCase } = await dataOf(
      owner<{ conflictCase: { id: string; version: number } }>(
        `query ($reference: String!) { conflictCase(reference: $reference) { id version } }`,
        { reference: references[5] },
      ),
    );
    await dataOf(
      owner(
        `mutation ($id: ID!, $version: Int!, $input: MediationSessionInput!) { recordMediationSession(id: $id, version: $version, input: $input) { id } }`,
        {
          id: conflictCase.id,
          version: conflictCase.version,
          input: { heldOn: daysAgo(2), mediators: { women: 1, men: 2 }, attendance: { women: 6, men: 9 }, outcome: 'PROGRESS' },
        },
      ),
    );

    const mine = await dataOf(owner<Sessions>(SESSIONS, { reference: references[5] }));
    expect(mine.conflictCase.mediationSessions).toEqual([
      {
        mediators: { exact: true, women: shown(1), men: shown(2), total: shown(3) },
        attendance: { exact: true, women: shown(6), men: shown(9), total: shown(15) },
      },
    ]);
    const theirs = await dataOf(otherPartner<Sessions>(SESSIONS, { reference: references[5] }));
    expect(theirs.conflictCase.mediationSessions).toEqual([
      {
        mediators: { exact: false, women: withheld, men: withheld, total: withheld },
        attendance: { exact: false, women: shown(6), men: shown(9), total: shown(15) },
      },
    ]);
  });
});
