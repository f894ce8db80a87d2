import { DEMO_COMMUNITIES } from '../../directory/src/seed/demo-data';
import { CONFLICT_LEVELS, CONFLICT_TYPES } from '../src/common/values';
import { DEMO_COMMISSIONS } from '../src/seed/demo-data';
import { demoCasePlans, LAST_DAY } from '../src/seed/generate';

const now = new Date('2026-11-23T12:00:00Z');

describe('demo case plans', () => {
  it('name the directory demo communities by their position', () => {
    for (const commission of DEMO_COMMISSIONS) expect(DEMO_COMMUNITIES[commission.position - 1]!.name).toBe(commission.name);
  });

  it('are the same on every run and span every type and level, in the past', () => {
    const plans = demoCasePlans(now);
    expect(JSON.stringify(plans)).toBe(JSON.stringify(demoCasePlans(now)));
    expect(plans).toHaveLength(DEMO_COMMISSIONS.reduce((n, c) => n + c.cases, 0));
    expect(new Set(plans.map((p) => p.type))).toEqual(new Set(CONFLICT_TYPES));
    expect(new Set(plans.map((p) => p.level))).toEqual(new Set(CONFLICT_LEVELS));
    const dates = plans.flatMap((p) => [
      p.reportedOn,
      ...p.steps.map((s) =>
        'on' in s
          ? s.on
          : 'heldOn' in s
            ? s.heldOn
            : s.action === 'refer'
              ? s.referredOn
              : s.action === 'feedback'
                ? s.receivedOn
                : s.reachedOn,
      ),
    ]);
    expect(dates.every((d) => d <= LAST_DAY)).toBe(true);
  });

  it('stop at today when the demo calendar runs past it', () => {
    const earlier = new Date('2025-06-30T12:00:00Z');
    expect(demoCasePlans(earlier).every((p) => p.reportedOn <= '2025-06-30')).toBe(true);
  });
});
