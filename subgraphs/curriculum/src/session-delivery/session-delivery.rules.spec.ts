import { problemsIn, refusalOf } from '@peacegraph/kit/testing';
import type { Cohort } from '../cohort/cohort.entity';
import { emptyAudienceCounts, emptyHeadcount } from '../common/headcount';
import type { RecordSessionDeliveryInput } from '../generated/resolvers';
import type { SessionPlan } from '../module/module.entity';
import type { SessionDelivery } from './session-delivery.entity';
import {
  MAX_MAKE_UPS_PER_PLAN,
  checkRepeat,
  correctionValues,
  deliveryValues,
  sessionPlanOf,
  takesSessions,
} from './session-delivery.rules';

const FACILITATORS = ['0b7c7c38-98f4-4f0e-9c5a-7a3f1b6f0a01', '0b7c7c38-98f4-4f0e-9c5a-7a3f1b6f0a02'];
const cohort = {
  id: 'c0000000-0000-4000-8000-000000000001',
  status: 'IN_PROGRESS',
  startedOn: '2025-01-06',
  completedOn: null,
  suspendedOn: null,
  suspendedReason: null,
  facilitatorIds: FACILITATORS,
  audiences: ['WOMEN', 'MEN'],
  enrolment: { ...emptyHeadcount(), femaleAdults: 10, maleAdults: 8 },
  enrolmentByAudience: { ...emptyAudienceCounts(), women: 10, men: 8 },
} as unknown as Cohort;

const delivery: RecordSessionDeliveryInput = {
  cohort: cohort.id,
  sessionNumber: 2,
  deliveredOn: '2025-01-13',
  attendance: { femaleAdults: 9, maleAdults: 7 },
};

describe('recording a session delivery', () => {
  it('accepts a good delivery: every facilitator of the cohort when none is named', () => {
    expect(deliveryValues(delivery, cohort)).toEqual({
      deliveredOn: '2025-01-13',
      counts: {
        attendance: { ...emptyHeadcount(), femaleAdults: 9, maleAdults: 7 },
        attendanceByAudience: emptyAudienceCounts(),
      },
      facilitatorIds: FACILITATORS,
      notes: null,
    });
  });

  it('reports every problem of the input at once, each on its field', () => {
    const input = {
      ...delivery,
      deliveredOn: '2024-12-30',
      attendance: { femaleAdults: 11 },
      facilitators: [FACILITATORS[0]!, '0b7c7c38-98f4-4f0e-9c5a-7a3f1b6f0a99'],
      notes: 'x'.repeat(5000),
    };
    expect(problemsIn(() => deliveryValues(input, cohort))).toEqual([
      ['input.deliveredOn', expect.stringMatching(/before the day the cohort started/)],
      ['input.attendance.femaleAdults', '11 women (25 and over) attended, but the cohort enrolled 10'],
      ['input.facilitators.1', "Facilitator 0b7c7c38-98f4-4f0e-9c5a-7a3f1b6f0a99 is not one of the cohort's facilitators"],
      ['input.notes', expect.stringMatching(/notes/i)],
    ]);
  });

  it('refuses a cohort that does not take sessions, and a session the module does not have', () => {
    const planned = { ...cohort, status: 'PLANNED' } as Cohort;
    expect(refusalOf(() => takesSessions(planned, false)).field).toBe('input.cohort');
    const completed = { ...cohort, status: 'COMPLETED', completedOn: '2025-03-01' } as Cohort;
    expect(refusalOf(() => takesSessions(completed, false))).toEqual({
      field: 'input.cohort',
      message: 'The cohort received all its sessions by 2025-03-01; a repeat is a make-up session (makeUp: true)',
    });
    expect(() => takesSessions(completed, true)).not.toThrow();
    const plans = [{ number: 1 }, { number: 2 }] as SessionPlan[];
    expect(sessionPlanOf(plans, 'Peace education', 2)).toBe(plans[1]);
    expect(refusalOf(() => sessionPlanOf(plans, 'Peace education', 3))).toEqual({
      field: 'input.sessionNumber',
      message: 'Peace education has sessions 1 to 2; there is no session 3',
    });
  });
});

describe('correcting a session delivery', () => {
  const current = {
    id: 'd0000000-0000-4000-8000-000000000001',
    deliveredOn: '2025-01-13',
    makeUp: false,
    attendance: { ...emptyHeadcount(), femaleAdults: 9, maleAdults: 7 },
    attendanceByAudience: emptyAudienceCounts(),
    facilitatorIds: FACILITATORS,
    notes: 'Held under the mango tree',
  } as SessionDelivery;

  it('keeps what the correction leaves out', () => {
    expect(correctionValues({ notes: null }, current, cohort)).toEqual({
      deliveredOn: '2025-01-13',
      counts: { attendance: current.attendance, attendanceByAudience: current.attendanceByAudience },
      facilitatorIds: FACILITATORS,
      notes: null,
    });
  });

  it('refuses a null attendance at once, then reports the other problems together', () => {
    expect(problemsIn(() => correctionValues({ attendance: null, deliveredOn: '2024-12-30' }, current, cohort))).toEqual([
      ['input.attendance', 'A delivery needs its attendance'],
    ]);
    expect(
      problemsIn(() =>
        correctionValues(
          { deliveredOn: '2024-12-30', attendance: { maleAdults: 9 }, facilitators: [FACILITATORS[1]!, FACILITATORS[1]!] },
          current,
          cohort,
        ),
      ),
    ).toEqual([
      ['input.deliveredOn', expect.stringMatching(/before the day the cohort started/)],
      ['input.attendance.maleAdults', '9 men (25 and over) attended, but the cohort enrolled 8'],
      ['input.facilitators.1', expect.stringMatching(/twice/)],
    ]);
  });
});

describe('a session delivered once, and its make-ups', () => {
  const plan = { number: 4 };
  const first = { id: 'a', makeUp: false, deliveredOn: '2025-02-03' };
  const makeUp = (n: number, deliveredOn: string) => ({ id: `m${n}`, makeUp: true, deliveredOn });

  it('accepts a first delivery and a later make-up', () => {
    expect(() => checkRepeat(plan, false, '2025-02-03', [], null)).not.toThrow();
    expect(() => checkRepeat(plan, true, '2025-02-10', [first], null)).not.toThrow();
    // A correction is checked against the other deliveries, not against itself.
    expect(() => checkRepeat(plan, false, '2025-02-04', [first], first.id)).not.toThrow();
  });

  it('refuses a second delivery, a make-up before the delivery, two make-ups a day and one too many', () => {
    expect(refusalOf(() => checkRepeat(plan, false, '2025-02-10', [first], null))).toEqual({
      field: 'input.sessionNumber',
      message: 'Session 4 was already delivered to this cohort on 2025-02-03; record a re-delivery as a make-up session (makeUp: true)',
    });
    expect(refusalOf(() => checkRepeat(plan, true, '2025-02-10', [], null))).toEqual({
      field: 'input.makeUp',
      message: 'Session 4 has not been delivered to this cohort yet: a make-up repeats a session already delivered',
    });
    expect(refusalOf(() => checkRepeat(plan, true, '2025-02-03', [first], null))).toEqual({
      field: 'input.deliveredOn',
      message: 'A make-up of session 4 comes after its delivery on 2025-02-03',
    });
    expect(refusalOf(() => checkRepeat(plan, true, '2025-02-10', [first, makeUp(1, '2025-02-10')], null))).toEqual({
      field: 'input.deliveredOn',
      message: 'A make-up of session 4 is already recorded on 2025-02-10',
    });
    const full = [first, ...Array.from({ length: MAX_MAKE_UPS_PER_PLAN }, (_, n) => makeUp(n, `2025-03-0${n + 1}`))];
    expect(refusalOf(() => checkRepeat(plan, true, '2025-04-01', full, null))).toEqual({
      field: 'input.makeUp',
      message: `Session 4 already had ${MAX_MAKE_UPS_PER_PLAN} make-up sessions in this cohort`,
    });
    expect(refusalOf(() => checkRepeat(plan, false, '2025-03-02', [makeUp(1, '2025-03-01')], 'a'))).toEqual({
      field: 'input.deliveredOn',
      message: 'Session 4 had a make-up on 2025-03-01: it was delivered before that',
    });
  });
});
