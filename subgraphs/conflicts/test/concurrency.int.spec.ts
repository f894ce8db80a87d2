import { AuditRecorder } from '@peacegraph/kit/audit';
import { type Viewer } from '@peacegraph/kit/auth';
import { createDirectoryClient } from '@peacegraph/kit/input';
import { createContextFactory } from '../src/context';
import { COMMUNITIES, OWNER, startStack, type StackUnderTest } from './support';
import { SESSION, change, changed, createCommission, daysAgo, reportCase } from './fixtures';

let stack: StackUnderTest;
let commission: string;
beforeAll(async () => {
  stack = await startStack();
  commission = (await createCommission(stack.conflicts.owner, COMMUNITIES.ansongo)).id;
});
afterAll(() => stack.stop());

const codes = (responses: { errors?: { extensions?: Record<string, unknown> }[] }[]) =>
  responses.map((r) => (r.errors ? String(r.errors[0]!.extensions!.code) : 'OK'));

async function caseState(id: string) {
  const [kase] = await stack.conflicts.db.dataSource.query(`SELECT status, version FROM conflict_case WHERE id = $1`, [id]);
  const history = await stack.conflicts.db.dataSource.query(
    `SELECT from_status, to_status FROM case_status_change WHERE case_id = $1 ORDER BY created_at`,
    [id],
  );
  const sessions = await stack.conflicts.db.dataSource.query(
    `SELECT attendance_women FROM mediation_session WHERE case_id = $1 ORDER BY attendance_women`,
    [id],
  );
  const writes = await stack.conflicts.db.dataSource.query(
    `SELECT operation FROM audit_log WHERE action = 'WRITE' AND $1 = ANY(record_ids) ORDER BY id`,
    [id],
  );
  return {
    ...kase,
    history,
    sessions: sessions.map((s: { attendance_women: number }) => s.attendance_women),
    writes: writes.map((w: { operation: string }) => w.operation),
  };
}

describe('two mediators writing to one case at once', () => {
  it('applies one session, answers the other CONFLICT, and the second lands once retried on the new version', async () => {
    const second = await stack.conflicts.as(OWNER, 'conflicts:write', 'mediator-2');
    let kase = await reportCase(stack.conflicts.owner, commission, { reportedOn: daysAgo(40) });
    kase = await changed(stack.conflicts.owner, 'startMediation', kase, { on: daysAgo(35) });
    const session = (women: number) => ({ ...SESSION, heldOn: daysAgo(30), attendance: { women, men: 2 } });
    const responses = await Promise.all([
      change(stack.conflicts.owner, 'recordMediationSession', kase, session(3)),
      change(second, 'recordMediationSession', kase, session(7)),
    ]);
    expect(codes(responses).sort()).toEqual(['CONFLICT', 'OK']);
    const loser = responses.find((r) => r.errors)!;
    expect(loser.errors![0]!.extensions).toEqual({ code: 'CONFLICT', currentVersion: 3 });
    expect(loser.data).toEqual({ recordMediationSession: null });
    const winner = responses.find((r) => !r.errors)!.data!.recordMediationSession!;
    let state = await caseState(kase.id);
    expect(state).toMatchObject({ status: 'UNDER_MEDIATION', version: 3 });
    expect(state.sessions).toHaveLength(1);
    expect(state.writes).toEqual(['reportConflictCase', 'startMediation', 'recordMediationSession']);
    // Nothing is lost: the refused mediator reads the new version and records the session again.
    const retried = responses[0]!.errors ? session(3) : session(7);
    await changed(responses[0]!.errors ? stack.conflicts.owner : second, 'recordMediationSession', winner, retried);
    state = await caseState(kase.id);
    expect(state.sessions).toEqual([3, 7]);
    expect(state.version).toBe(4);
  });

  it('lets exactly one of two different status changes through, and the history agrees with the case', async () => {
    const cases = await Promise.all(
      Array.from({ length: 8 }, (_, i) => reportCase(stack.conflicts.owner, commission, { reportedOn: daysAgo(20 + i) })),
    );
    const responses = await Promise.all(
      cases.flatMap((kase) => [
        change(stack.conflicts.owner, 'startMediation', kase, { on: daysAgo(10) }),
        change(stack.conflicts.owner, 'referConflictCase', kase, { referredTo: 'VILLAGE_CHIEF', referredOn: daysAgo(10) }),
      ]),
    );
    for (const [i, kase] of cases.entries()) {
      const pair = codes(responses.slice(2 * i, 2 * i + 2));
      expect(pair.sort()).toEqual(['CONFLICT', 'OK']);
      const state = await caseState(kase.id);
      expect(state.version).toBe(2);
      expect(state.history).toHaveLength(2);
      expect(state.history[1].from_status).toBe('REPORTED');
      expect(state.history[1].to_status).toBe(state.status);
      expect(await stack.conflicts.db.dataSource.query(`SELECT count(*)::int AS n FROM referral WHERE case_id = $1`, [kase.id])).toEqual([
        { n: state.status === 'REFERRED' ? 1 : 0 },
      ]);
    }
  });

  it('refuses at the database the second of two writes that both passed the version check', async () => {
    const kase = await reportCase(stack.conflicts.owner, commission, { reportedOn: daysAgo(15) });
    const mediator = (subject: string): Viewer => ({
      kind: 'partner',
      subject,
      organisationId: OWNER,
      scopes: new Set(['conflicts:write']),
      via: 'token',
    });
    const factory = createContextFactory(stack.conflicts.db.dataSource, () => createDirectoryClient(stack.directory.url));
    const request = (viewer: Viewer) =>
      factory(viewer, new AuditRecorder(stack.conflicts.db.dataSource, viewer, { operation: null, purpose: null, requestId: null }));
    const [first, second] = await Promise.all([request(mediator('mediator-a')), request(mediator('mediator-b'))]);
    // Both read version 1 before either writes: only the WHERE-version update can tell them apart.
    expect((await first.loaders.case.load(kase.id))!.version).toBe(1);
    expect((await second.loaders.case.load(kase.id))!.version).toBe(1);
    const settled = await Promise.allSettled([
      first.mediation.start(kase.id, 1, { on: daysAgo(5) }),
      second.referrals.refer(kase.id, 1, { referredTo: 'MAYOR', referredOn: daysAgo(5) }),
    ]);
    const refused = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason.extensions).toEqual({ code: 'CONFLICT', currentVersion: 2 });
    const state = await caseState(kase.id);
    expect(state.history).toHaveLength(2);
    expect(state.history[1].to_status).toBe(state.status);
    expect(state.writes).toHaveLength(2);
  });
});
