import { COMMUNITIES, ORGS, OTHER_PARTNER, OWNER, startConflicts, startStack, type StackUnderTest } from './support';
import { SESSION, change, changed, createCommission, daysAgo, reportCase, type CaseRef } from './fixtures';

let stack: StackUnderTest;
let commission: string;
let kase: CaseRef;

beforeAll(async () => {
  stack = await startStack();
  const { owner } = stack.conflicts;
  commission = (await createCommission(owner, COMMUNITIES.djibo)).id;
  kase = await reportCase(owner, commission, {
    reportedOn: daysAgo(50),
    narrative: 'Dispute over a field between two households.',
    parties: [
      { kind: 'INDIVIDUAL', sex: 'FEMALE', ageGroup: 'ADULT', name: 'A. D.' },
      { kind: 'FAMILY', sex: 'MIXED', ageGroup: 'MIXED' },
    ],
  });
  kase = await changed(owner, 'startMediation', kase, { on: daysAgo(45), note: 'Both households agreed to meet.' });
  kase = await changed(owner, 'recordMediationSession', kase, { ...SESSION, heldOn: daysAgo(40), notes: 'The elders heard both sides.' });
  kase = await changed(owner, 'recordResolution', kase, {
    outcome: 'FULL_AGREEMENT',
    reachedOn: daysAgo(30),
    termsSummary: 'The field is shared by season.',
  });
});
afterAll(() => stack.stop());

const READ = `query ($id: ID!) { conflictCase(id: $id) {
  reference type level status reportedOn community { id }
  narrative
  parties { label kind sex ageGroup name }
  history { to madeBy note }
  mediationSessions { heldOn notes }
  resolutions { outcome termsSummary }
} }`;

type Errors = { path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
const codes = (errors: Errors) => (errors ?? []).map((e) => `${e.path?.join('.')}:${e.extensions?.code}`).sort();

const SENSITIVE_PATHS = [
  'conflictCase.narrative',
  'conflictCase.parties.0.name',
  'conflictCase.parties.1.name',
  'conflictCase.history.0.madeBy',
  'conflictCase.history.0.note',
  'conflictCase.history.1.madeBy',
  'conflictCase.history.1.note',
  'conflictCase.history.2.madeBy',
  'conflictCase.history.2.note',
  'conflictCase.mediationSessions.0.notes',
  'conflictCase.resolutions.0.termsSummary',
];

describe('reading a case, caller by caller', () => {
  it('anonymous: nothing, UNAUTHENTICATED', async () => {
    const { data, errors } = await stack.conflicts.request(READ, { id: kase.id });
    expect(data).toEqual({ conflictCase: null });
    expect(codes(errors)).toEqual(['conflictCase:UNAUTHENTICATED']);
  });

  it.each([
    ['another partner, even with conflicts:sensitive', OTHER_PARTNER, 'conflicts:read conflicts:sensitive'],
    ['the owner without conflicts:sensitive', OWNER, 'conflicts:read conflicts:write'],
    ['an admin of the platform', ORGS.platform, 'admin'],
  ])('%s: the case, its pseudonymised parties and its life, every sensitive field FORBIDDEN', async (_label, organisation, scope) => {
    const caller = await stack.conflicts.as(organisation, scope);
    const { data, errors } = await caller<{ conflictCase: Record<string, unknown> }>(READ, { id: kase.id });
    expect(data!.conflictCase).toMatchObject({
      reference: kase.reference,
      type: 'LAND',
      level: 'COMMUNITY',
      status: 'RESOLVED',
      reportedOn: daysAgo(50),
      community: { id: COMMUNITIES.djibo },
      narrative: null,
      parties: [
        { label: 'Party A', kind: 'INDIVIDUAL', sex: 'FEMALE', ageGroup: 'ADULT', name: null },
        { label: 'Party B', kind: 'FAMILY', sex: 'MIXED', ageGroup: 'MIXED', name: null },
      ],
      resolutions: [{ outcome: 'FULL_AGREEMENT', termsSummary: null }],
    });
    expect(codes(errors)).toEqual(SENSITIVE_PATHS.map((p) => `${p}:FORBIDDEN`).sort());
    expect(JSON.stringify(data)).not.toMatch(/A\. D\.|households|elders|by season|mediator-1/);
  });

  it('the owner with conflicts:sensitive reads everything, and each read is audited with its purpose', async () => {
    const owner = await stack.conflicts.as(OWNER, 'conflicts:read conflicts:sensitive');
    const before = await stack.conflicts.rows('audit_log');
    const { data, errors } = await owner<{ conflictCase: Record<string, unknown> }>(
      READ,
      { id: kase.id },
      { 'x-purpose': 'follow-up visit' },
    );
    expect(errors).toBeUndefined();
    expect(data!.conflictCase).toMatchObject({
      narrative: 'Dispute over a field between two households.',
      parties: [{ name: 'A. D.' }, { name: null }],
      history: [
        { madeBy: 'mediator-1', note: null },
        { madeBy: 'mediator-1', note: 'Both households agreed to meet.' },
        { madeBy: 'mediator-1', note: null },
      ],
      mediationSessions: [{ notes: 'The elders heard both sides.' }],
      resolutions: [{ termsSummary: 'The field is shared by season.' }],
    });
    const reads = (await stack.conflicts.db.dataSource.query(
      `SELECT record_type, fields, owner_org, actor_org, purpose FROM audit_log WHERE action = 'READ' AND id > $1 ORDER BY record_type, record_ids`,
      [before],
    )) as { record_type: string; fields: string[]; owner_org: string; actor_org: string; purpose: string }[];
    expect(reads.map((r) => `${r.record_type}:${[...r.fields].sort().join(',')}`)).toEqual([
      'CaseStatusChange:madeBy,note',
      'CaseStatusChange:madeBy,note',
      'CaseStatusChange:madeBy,note',
      'ConflictCase:narrative',
      'MediationSession:notes',
      'Party:name',
      'Party:name',
      'Resolution:termsSummary',
    ]);
    expect(reads.every((r) => r.owner_org === OWNER && r.actor_org === OWNER && r.purpose === 'follow-up visit')).toBe(true);
  });

  it("shows the owner its audit log and hides the owner's entries from other partners", async () => {
    const QUERY = `query ($id: ID!) { conflictsAuditLog(recordId: $id) { totalCount edges { node { action operation ownerOrganisation } } } }`;
    type Log = { conflictsAuditLog: { totalCount: number; edges: { node: { action: string; operation: string } }[] } };
    const owner = await stack.conflicts.as(OWNER, 'conflicts:read');
    const mine = await owner<Log>(QUERY, { id: kase.id });
    expect(mine.data!.conflictsAuditLog.edges.filter((e) => e.node.action === 'WRITE').map((e) => e.node.operation)).toEqual([
      'recordResolution',
      'recordMediationSession',
      'startMediation',
      'reportConflictCase',
    ]);
    const other = await stack.conflicts.as(OTHER_PARTNER, 'conflicts:read');
    expect((await other<Log>(QUERY, { id: kase.id })).data!.conflictsAuditLog.totalCount).toBe(0);
  });

  it('filters the audit log by the purpose a reader stated, exactly', async () => {
    const reader = await stack.conflicts.as(OWNER, 'conflicts:read conflicts:sensitive');
    await reader(READ, { id: kase.id }, { 'x-purpose': 'quarterly protection review' });
    await reader(READ, { id: kase.id }, { 'x-purpose': 'quarterly protection review (draft)' });
    const QUERY = `query ($id: ID!, $purpose: String) { conflictsAuditLog(recordId: $id, purpose: $purpose) { totalCount edges { node { action purpose } } } }`;
    type Log = { conflictsAuditLog: { totalCount: number; edges: { node: { action: string; purpose: string | null } }[] } };
    const owner = await stack.conflicts.as(OWNER, 'conflicts:read');
    const count = async (purpose: string | null) => {
      const log = (await owner<Log>(QUERY, { id: kase.id, purpose })).data!.conflictsAuditLog;
      expect(log.edges.every((e) => purpose === null || (e.node.action === 'READ' && e.node.purpose === purpose))).toBe(true);
      return log.totalCount;
    };
    // The case's own narrative read once for each stated purpose (the other records have their own ids).
    expect(await count('quarterly protection review')).toBe(1);
    expect(await count('quarterly protection review (draft)')).toBe(1);
    expect(await count('follow-up visit')).toBe(1);
    expect(await count('quarterly')).toBe(0);
    expect(await count('%')).toBe(0);
    expect(await count(null)).toBeGreaterThan(3);
  });
});

describe('writes belong to their organisation', () => {
  it.each([
    ['report a case into its peace commission', 'report'],
    ['start mediation of its case', 'startMediation'],
    ['correct its case', 'updateConflictCase'],
    ['schedule a follow-up of its case', 'scheduleFollowUp'],
  ])("refuses another partner's attempt to %s, and writes nothing", async (_label, what) => {
    const other = await stack.conflicts.as(OTHER_PARTNER, 'conflicts:write conflicts:sensitive');
    const before = await stack.conflicts.allRows();
    const response =
      what === 'report'
        ? await other(`mutation ($input: ReportConflictCaseInput!) { reportConflictCase(input: $input) { id } }`, {
            input: {
              peaceCommission: commission,
              reportedOn: daysAgo(3),
              level: 'FAMILY',
              type: 'INHERITANCE',
              parties: [
                { kind: 'INDIVIDUAL', sex: 'MALE', ageGroup: 'YOUTH' },
                { kind: 'INDIVIDUAL', sex: 'FEMALE', ageGroup: 'ADULT' },
              ],
            },
          })
        : await change(
            other,
            what,
            kase,
            what === 'startMediation'
              ? { on: daysAgo(1) }
              : what === 'scheduleFollowUp'
                ? { dueOn: daysAgo(-10) }
                : { narrative: 'changed' },
          );
    expect(response.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(response.errors![0]!.message).toMatch(/belongs to another organisation/);
    expect(await stack.conflicts.allRows()).toEqual(before);
  });

  it('refuses writes without conflicts:write, and anonymous writes', async () => {
    const reader = await stack.conflicts.as(OWNER, 'conflicts:read conflicts:sensitive');
    const before = await stack.conflicts.allRows();
    const refused = await change(reader, 'scheduleFollowUp', kase, { dueOn: daysAgo(-10) });
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toMatch(/conflicts:write/);
    const anonymous = await change(stack.conflicts.request, 'scheduleFollowUp', kase, { dueOn: daysAgo(-10) });
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await stack.conflicts.allRows()).toEqual(before);
  });
});

describe('a deployment that requires a stated purpose for sensitive reads (REQUIRE_PURPOSE)', () => {
  let strict: Awaited<ReturnType<typeof startConflicts>>;
  let strictCase: CaseRef;
  beforeAll(async () => {
    process.env.REQUIRE_PURPOSE = 'true';
    try {
      strict = await startConflicts(stack.directory.url);
    } finally {
      delete process.env.REQUIRE_PURPOSE;
    }
    const strictCommission = (await createCommission(strict.owner, COMMUNITIES.djibo)).id;
    strictCase = await reportCase(strict.owner, strictCommission, { reportedOn: daysAgo(5), narrative: 'Cattle strayed into a garden.' });
  });
  afterAll(() => strict?.stop());

  it.each([
    ['no X-Purpose', {}],
    ['an empty one', { 'x-purpose': '' }],
    ['only spaces', { 'x-purpose': '   ' }],
  ])('refuses each sensitive field with PURPOSE_REQUIRED when the owner sends %s, and records no read', async (_label, headers) => {
    const owner = await strict.as(OWNER, 'conflicts:read conflicts:sensitive');
    const before = await strict.rows('audit_log');
    const { data, errors } = await owner<{ conflictCase: { reference: string; narrative: string | null } }>(
      `query ($id: ID!) { conflictCase(id: $id) { reference narrative } }`,
      { id: strictCase.id },
      headers,
    );
    expect(data!.conflictCase).toEqual({ reference: expect.any(String), narrative: null });
    expect(errors!.map((e) => [e.path!.join('.'), e.extensions!.code, e.message])).toEqual([
      [
        'conflictCase.narrative',
        'PURPOSE_REQUIRED',
        'Reading ConflictCase.narrative needs a stated purpose: send the header X-Purpose with why you read it (this deployment requires one for sensitive data)',
      ],
    ]);
    expect(await strict.rows('audit_log')).toBe(before);
  });

  it('serves the owner who states one, recording it; others are still told FORBIDDEN, not asked for a purpose', async () => {
    const owner = await strict.as(OWNER, 'conflicts:read conflicts:sensitive');
    const read = await owner<{ conflictCase: { narrative: string } }>(
      `query ($id: ID!) { conflictCase(id: $id) { narrative } }`,
      { id: strictCase.id },
      { 'x-purpose': 'follow-up visit' },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.conflictCase.narrative).toBe('Cattle strayed into a garden.');
    const [audited] = (await strict.db.dataSource.query(
      `SELECT purpose FROM audit_log WHERE action = 'READ' ORDER BY id DESC LIMIT 1`,
    )) as {
      purpose: string;
    }[];
    expect(audited!.purpose).toBe('follow-up visit');
    const other = await strict.as(OTHER_PARTNER, 'conflicts:read conflicts:sensitive');
    const refused = await other(`query ($id: ID!) { conflictCase(id: $id) { narrative } }`, { id: strictCase.id });
    expect(refused.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN']);
  });
});
