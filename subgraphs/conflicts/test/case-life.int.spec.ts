import { COMMUNITIES, startStack, type StackUnderTest } from './support';
import { SESSION, change, changed, createCommission, daysAgo, reportCase, type CaseRef } from './fixtures';

let stack: StackUnderTest;
let commission: string;
beforeAll(async () => {
  stack = await startStack();
  commission = (await createCommission(stack.conflicts.owner, COMMUNITIES.douentza)).id;
});
afterAll(() => stack.stop());

const LIFE = `query ($id: ID!) { conflictCase(id: $id) {
  status statusSince version relapsed daysToResolution nextStatuses
  history { from to changedOn }
  mediationSessions { heldOn mediators { exact women { count } men { count } total { count } } attendance { exact total { count suppressed } } outcome }
  referrals { referredTo referredToOther referredOn feedbackOn feedback reason }
  resolutions { outcome reachedOn reachedThrough termsSummary }
  followUps { id dueOn heldOn finding }
} }`;
type Life = {
  conflictCase: {
    status: string;
    version: number;
    relapsed: boolean;
    daysToResolution: number | null;
    nextStatuses: string[];
    history: { from: string | null; to: string; changedOn: string }[];
    followUps: { id: string; dueOn: string | null; heldOn: string | null; finding: string | null }[];
    [key: string]: unknown;
  };
};
const life = async (id: string) => (await stack.conflicts.owner<Life>(LIFE, { id })).data!.conflictCase;

describe('the life of a case through the graph', () => {
  it('goes from report through mediation, referral, resolution, follow-ups and a relapse, recording each step', async () => {
    const { owner } = stack.conflicts;
    let kase = await reportCase(owner, commission, { reportedOn: daysAgo(200) });
    kase = await changed(owner, 'startMediation', kase, { on: daysAgo(195) });
    kase = await changed(owner, 'recordMediationSession', kase, { heldOn: daysAgo(190), ...SESSION });
    kase = await changed(owner, 'referConflictCase', kase, {
      referredTo: 'LAND_COMMISSION',
      referredOn: daysAgo(185),
      reason: 'Boundary survey needed.',
    });
    kase = await changed(owner, 'recordReferralFeedback', kase, { receivedOn: daysAgo(160), feedback: 'Survey done; boundary confirmed.' });
    kase = await changed(owner, 'recordResolution', kase, {
      outcome: 'FULL_AGREEMENT',
      reachedOn: daysAgo(150),
      termsSummary: 'Boundary stones placed.',
      followUpsDue: [daysAgo(120)],
    });
    const afterResolution = await life(kase.id);
    expect(afterResolution).toMatchObject({ status: 'RESOLVED', daysToResolution: 50, nextStatuses: ['FOLLOW_UP_HELD', 'RELAPSED'] });
    const scheduled = afterResolution.followUps[0]!;
    kase = await changed(owner, 'recordFollowUp', kase, { followUp: scheduled.id, heldOn: daysAgo(118), finding: 'HOLDING' });
    kase = await changed(owner, 'scheduleFollowUp', kase, { dueOn: daysAgo(-30) });
    kase = await changed(owner, 'recordFollowUp', kase, { heldOn: daysAgo(90), finding: 'HOLDING' });
    expect(kase.status).toBe('FOLLOW_UP_HELD');
    kase = await changed(owner, 'reportRelapse', kase, { on: daysAgo(60), note: 'Stones moved again.' });
    kase = await changed(owner, 'startMediation', kase, { on: daysAgo(55) });
    kase = await changed(owner, 'recordResolution', kase, { outcome: 'NO_AGREEMENT', reachedOn: daysAgo(40) });

    const final = await life(kase.id);
    expect(final).toMatchObject({
      status: 'UNRESOLVED',
      version: 12,
      relapsed: true,
      daysToResolution: null,
      nextStatuses: ['UNDER_MEDIATION', 'REFERRED'],
    });
    expect(final.history.map((h) => [h.from, h.to, h.changedOn])).toEqual([
      [null, 'REPORTED', daysAgo(200)],
      ['REPORTED', 'UNDER_MEDIATION', daysAgo(195)],
      ['UNDER_MEDIATION', 'REFERRED', daysAgo(185)],
      ['REFERRED', 'RESOLVED', daysAgo(150)],
      ['RESOLVED', 'FOLLOW_UP_HELD', daysAgo(118)],
      ['FOLLOW_UP_HELD', 'RELAPSED', daysAgo(60)],
      ['RELAPSED', 'UNDER_MEDIATION', daysAgo(55)],
      ['UNDER_MEDIATION', 'UNRESOLVED', daysAgo(40)],
    ]);
    expect(final.mediationSessions).toEqual([
      {
        heldOn: daysAgo(190),
        mediators: { exact: true, women: { count: 1 }, men: { count: 2 }, total: { count: 3 } },
        attendance: { exact: true, total: { count: 10, suppressed: false } },
        outcome: 'PROGRESS',
      },
    ]);
    expect(final.referrals).toEqual([
      {
        referredTo: 'LAND_COMMISSION',
        referredToOther: null,
        referredOn: daysAgo(185),
        feedbackOn: daysAgo(160),
        feedback: 'Survey done; boundary confirmed.',
        reason: 'Boundary survey needed.',
      },
    ]);
    expect(final.resolutions).toEqual([
      { outcome: 'FULL_AGREEMENT', reachedOn: daysAgo(150), reachedThrough: 'REFERRAL', termsSummary: 'Boundary stones placed.' },
      { outcome: 'NO_AGREEMENT', reachedOn: daysAgo(40), reachedThrough: 'MEDIATION', termsSummary: null },
    ]);
    expect(final.followUps.map((f) => [f.dueOn, f.heldOn, f.finding])).toEqual([
      [daysAgo(120), daysAgo(118), 'HOLDING'],
      [daysAgo(-30), null, null],
      [null, daysAgo(90), 'HOLDING'],
    ]);
  });
});

/** A case brought to `status` through the graph, dated from 100 days ago. */
async function caseIn(status: string): Promise<CaseRef> {
  const { owner } = stack.conflicts;
  let kase = await reportCase(owner, commission, { reportedOn: daysAgo(100) });
  if (status === 'REPORTED') return kase;
  if (status === 'REFERRED') return changed(owner, 'referConflictCase', kase, { referredTo: 'VILLAGE_CHIEF', referredOn: daysAgo(95) });
  kase = await changed(owner, 'startMediation', kase, { on: daysAgo(95) });
  if (status === 'UNDER_MEDIATION') return kase;
  if (status === 'UNRESOLVED') return changed(owner, 'recordResolution', kase, { outcome: 'NO_AGREEMENT', reachedOn: daysAgo(90) });
  kase = await changed(owner, 'recordResolution', kase, { outcome: 'PARTIAL_AGREEMENT', reachedOn: daysAgo(90) });
  if (status === 'RESOLVED') return kase;
  if (status === 'FOLLOW_UP_HELD') return changed(owner, 'recordFollowUp', kase, { heldOn: daysAgo(80), finding: 'HOLDING' });
  return changed(owner, 'reportRelapse', kase, { on: daysAgo(80) });
}

describe('refused status changes', () => {
  it.each([
    ['RESOLVED', 'referConflictCase', { referredTo: 'COURT', referredOn: daysAgo(5) }, 'REFERRED', 'FOLLOW_UP_HELD or RELAPSED'],
    ['UNDER_MEDIATION', 'startMediation', { on: daysAgo(5) }, 'UNDER_MEDIATION', 'RESOLVED or REFERRED or UNRESOLVED'],
    ['REPORTED', 'recordResolution', { outcome: 'FULL_AGREEMENT', reachedOn: daysAgo(5) }, 'RESOLVED', 'UNDER_MEDIATION or REFERRED'],
    ['FOLLOW_UP_HELD', 'referConflictCase', { referredTo: 'MAYOR', referredOn: daysAgo(5) }, 'REFERRED', 'RELAPSED'],
    ['RELAPSED', 'reportRelapse', { on: daysAgo(5) }, 'RELAPSED', 'UNDER_MEDIATION or REFERRED'],
    ['UNRESOLVED', 'recordResolution', { outcome: 'WITHDRAWN', reachedOn: daysAgo(5) }, 'RESOLVED', 'UNDER_MEDIATION or REFERRED'],
  ] as [string, string, Record<string, unknown>, string, string][])(
    'refuses a %s case its %s, naming the statuses it can take, and writes nothing',
    async (from, mutation, input, to, allowed) => {
      const kase = await caseIn(from);
      const before = await stack.conflicts.allRows();
      const { data, errors } = await change(stack.conflicts.owner, mutation, kase, input);
      expect(data).toEqual({ [mutation]: null });
      expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', status: from });
      expect(errors![0]!.message).toBe(`A case that is ${from} cannot become ${to}; from ${from} it can become ${allowed}`);
      expect(await stack.conflicts.allRows()).toEqual(before);
    },
  );

  it('blames the outcome when another outcome would fit: a referral body does not end a case without agreement', async () => {
    let kase = await caseIn('REFERRED');
    kase = await changed(stack.conflicts.owner, 'recordReferralFeedback', kase, {
      receivedOn: daysAgo(50),
      feedback: 'The chief could not reconcile them.',
    });
    const { errors } = await change(stack.conflicts.owner, 'recordResolution', kase, { outcome: 'NO_AGREEMENT', reachedOn: daysAgo(40) });
    expect(errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.outcome',
      allowedStatuses: ['UNDER_MEDIATION', 'RESOLVED'],
    });
  });

  it("keeps a referred case REFERRED until the referral body's feedback is recorded, and not before it arrived", async () => {
    const kase = await caseIn('REFERRED');
    const before = await stack.conflicts.allRows();
    const early = await change(stack.conflicts.owner, 'startMediation', kase, { on: daysAgo(60) });
    expect(early.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(early.errors![0]!.message).toMatch(/awaits the referral body's feedback/);
    expect(await stack.conflicts.allRows()).toEqual(before);
    const withFeedback = await changed(stack.conflicts.owner, 'recordReferralFeedback', kase, {
      receivedOn: daysAgo(50),
      feedback: 'Sent back to the commission.',
    });
    const beforeFeedback = await change(stack.conflicts.owner, 'startMediation', withFeedback, { on: daysAgo(55) });
    expect(beforeFeedback.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.on' });
    expect(beforeFeedback.errors![0]!.message).toMatch(/before the referral body's feedback arrived/);
    expect((await changed(stack.conflicts.owner, 'startMediation', withFeedback, { on: daysAgo(50) })).status).toBe('UNDER_MEDIATION');
  });
});

describe('bad input for every change to a case', () => {
  const cases: [string, string, string, Record<string, unknown>, string, RegExp][] = [
    ['startMediation', 'REPORTED', 'a date in the future', { on: daysAgo(-1) }, 'input.on', /in the future/],
    ['startMediation', 'REPORTED', 'a date before the report', { on: daysAgo(101) }, 'input.on', /before the case was reported/],
    [
      'recordMediationSession',
      'UNDER_MEDIATION',
      'a session before mediation started',
      { ...SESSION, heldOn: daysAgo(97) },
      'input.heldOn',
      /before the case's last status change/,
    ],
    [
      'recordMediationSession',
      'UNDER_MEDIATION',
      'more women mediators than the commission has',
      { ...SESSION, heldOn: daysAgo(90), mediators: { women: 9, men: 1 } },
      'input.mediators.women',
      /the commission has 5 women/,
    ],
    [
      'recordMediationSession',
      'UNDER_MEDIATION',
      'no mediator',
      { ...SESSION, heldOn: daysAgo(90), mediators: { women: 0, men: 0 } },
      'input.mediators',
      /at least one mediator/,
    ],
    [
      'recordMediationSession',
      'UNDER_MEDIATION',
      'negative attendance',
      { ...SESSION, heldOn: daysAgo(90), attendance: { women: -1, men: 3 } },
      'input.attendance.women',
      /0 to 2000/,
    ],
    [
      'recordMediationSession',
      'REPORTED',
      'a session of a case not under mediation',
      { ...SESSION, heldOn: daysAgo(90) },
      'id',
      /while a case is UNDER_MEDIATION/,
    ],
    [
      'referConflictCase',
      'UNDER_MEDIATION',
      'a referral to OTHER without saying whom',
      { referredTo: 'OTHER', referredOn: daysAgo(90) },
      'input.referredToOther',
      /Say to whom/,
    ],
    [
      'referConflictCase',
      'UNDER_MEDIATION',
      'a referral in the future',
      { referredTo: 'COURT', referredOn: daysAgo(-5) },
      'input.referredOn',
      /in the future/,
    ],
    [
      'recordReferralFeedback',
      'REFERRED',
      'feedback before the referral',
      { receivedOn: daysAgo(96), feedback: 'x' },
      'input.receivedOn',
      /before the case was referred/,
    ],
    [
      'recordReferralFeedback',
      'REFERRED',
      'empty feedback',
      { receivedOn: daysAgo(90), feedback: '  ' },
      'input.feedback',
      /cannot be empty/,
    ],
    [
      'recordReferralFeedback',
      'UNDER_MEDIATION',
      'feedback on a case not referred',
      { receivedOn: daysAgo(90), feedback: 'x' },
      'id',
      /no referral awaits feedback/,
    ],
    [
      'recordResolution',
      'UNDER_MEDIATION',
      'a resolution before mediation started',
      { outcome: 'FULL_AGREEMENT', reachedOn: daysAgo(99) },
      'input.reachedOn',
      /before the case's last status change/,
    ],
    [
      'recordResolution',
      'UNDER_MEDIATION',
      'a follow-up due before the resolution',
      { outcome: 'FULL_AGREEMENT', reachedOn: daysAgo(90), followUpsDue: [daysAgo(91)] },
      'input.followUpsDue.0',
      /before the resolution/,
    ],
    [
      'recordResolution',
      'UNDER_MEDIATION',
      'follow-ups for a case left unresolved',
      { outcome: 'NO_AGREEMENT', reachedOn: daysAgo(90), followUpsDue: [daysAgo(10)] },
      'input.followUpsDue',
      /for resolved cases/,
    ],
    ['scheduleFollowUp', 'RESOLVED', 'a check due before the resolution', { dueOn: daysAgo(95) }, 'input.dueOn', /before the resolution/],
    ['scheduleFollowUp', 'UNDER_MEDIATION', 'a check of a case not resolved', { dueOn: daysAgo(10) }, 'id', /for resolved cases/],
    [
      'recordFollowUp',
      'RESOLVED',
      'a check held in the future',
      { heldOn: daysAgo(-2), finding: 'HOLDING' },
      'input.heldOn',
      /in the future/,
    ],
    [
      'recordFollowUp',
      'RESOLVED',
      'an unknown scheduled check',
      { followUp: '00000000-0000-4000-8000-00000000f011', heldOn: daysAgo(10), finding: 'HOLDING' },
      'input.followUp',
      /No follow-up check/,
    ],
    [
      'recordFollowUp',
      'FOLLOW_UP_HELD',
      'a later check before the resolution',
      { heldOn: daysAgo(91), finding: 'HOLDING' },
      'input.heldOn',
      /before the resolution/,
    ],
    [
      'reportRelapse',
      'RESOLVED',
      'a relapse before the resolution',
      { on: daysAgo(95) },
      'input.on',
      /before the case's last status change/,
    ],
    [
      'updateConflictCase',
      'REPORTED',
      'a narrative over 4000 characters',
      { narrative: 'x'.repeat(4001) },
      'input.narrative',
      /4000 characters/,
    ],
  ];

  it.each(cases)(
    '%s on a %s case refuses %s, names the field, and writes nothing',
    async (mutation, status, _label, input, field, message) => {
      const kase = await caseIn(status);
      const before = await stack.conflicts.allRows();
      const { data, errors } = await change(stack.conflicts.owner, mutation, kase, input);
      expect(data).toEqual({ [mutation]: null });
      expect(errors).toHaveLength(1);
      expect(errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(errors![0]!.message).toMatch(message);
      expect(await stack.conflicts.allRows()).toEqual(before);
    },
  );

  it('answers NOT_FOUND for an unknown case and CONFLICT for a stale version, writing nothing', async () => {
    const kase = await caseIn('REPORTED');
    const before = await stack.conflicts.allRows();
    const unknown = await change(
      stack.conflicts.owner,
      'startMediation',
      { id: '00000000-0000-4000-8000-00000000dead', version: 1 },
      { on: daysAgo(1) },
    );
    expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const stale = await change(stack.conflicts.owner, 'startMediation', { id: kase.id, version: 7 }, { on: daysAgo(1) });
    expect(stale.errors![0]!.extensions).toEqual({ code: 'CONFLICT', currentVersion: 1 });
    expect(await stack.conflicts.allRows()).toEqual(before);
  });
});
