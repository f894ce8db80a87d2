import { PeaceGraphError } from '@peacegraph/kit/errors';
import { CASE_STATUSES, type CaseStatus } from '../common/values';
import { canMove, checkTransition } from './conflict-case.status';

/** The life of a case as the partners describe it (issue 5), written out independently of the code. */
const ALLOWED: Record<CaseStatus, CaseStatus[]> = {
  REPORTED: ['UNDER_MEDIATION', 'REFERRED'],
  UNDER_MEDIATION: ['RESOLVED', 'REFERRED', 'UNRESOLVED'],
  REFERRED: ['UNDER_MEDIATION', 'RESOLVED'],
  UNRESOLVED: ['UNDER_MEDIATION', 'REFERRED'],
  RESOLVED: ['FOLLOW_UP_HELD', 'RELAPSED'],
  FOLLOW_UP_HELD: ['RELAPSED'],
  RELAPSED: ['UNDER_MEDIATION', 'REFERRED'],
};

const pairs = CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => [from, to] as const));

describe('the life of a case', () => {
  it('covers all 49 (from, to) pairs, 14 of them allowed', () => {
    expect(pairs).toHaveLength(49);
    expect(pairs.filter(([from, to]) => canMove(from, to))).toHaveLength(14);
  });

  it.each(pairs.filter(([from, to]) => ALLOWED[from].includes(to)))('allows %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(true);
    expect(() => checkTransition(from, to)).not.toThrow();
  });

  it.each(pairs.filter(([from, to]) => !ALLOWED[from].includes(to)))('refuses %s → %s, naming the allowed ones', (from, to) => {
    expect(canMove(from, to)).toBe(false);
    let refusal: unknown;
    try {
      checkTransition(from, to);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(PeaceGraphError);
    const { message, extensions } = refusal as PeaceGraphError;
    expect(extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id', status: from, allowedStatuses: ALLOWED[from] });
    expect(message).toBe(`A case that is ${from} cannot become ${to}; from ${from} it can become ${ALLOWED[from].join(' or ')}`);
  });

  it('names the input field it is given', () => {
    expect(() => checkTransition('REFERRED', 'UNRESOLVED', 'input.outcome')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field: 'input.outcome' }) }),
    );
  });
});
