import type {
  ConflictLevel,
  ConflictType,
  FollowUpFinding,
  MediationOutcome,
  PartyAgeGroup,
  PartyKind,
  PartySex,
  ReferralBody,
  ResolutionOutcome,
} from '../common/values';
import { addDays, today } from '@peacegraph/kit/input';
import type { PartyInput } from '../generated/resolvers';
import { DEMO_COMMISSIONS, NARRATIVES, TYPE_WEIGHTS, type DemoCommission } from './demo-data';

/** The demo data's calendar: reports from 2023 on, nothing after the end of October 2026 (or today). */
export const FIRST_REPORT = '2023-01-01';
export const LAST_DAY = '2026-10-31';

export type Step =
  | { action: 'startMediation'; on: string }
  | {
      action: 'session';
      heldOn: string;
      mediators: { women: number; men: number };
      attendance: { women: number; men: number };
      outcome: MediationOutcome;
    }
  | { action: 'refer'; referredTo: ReferralBody; referredToOther: string | null; referredOn: string; reason: string }
  | { action: 'feedback'; receivedOn: string; feedback: string }
  | { action: 'resolution'; outcome: ResolutionOutcome; reachedOn: string; termsSummary: string; followUpsDue: string[] }
  | { action: 'followUp'; heldOn: string; finding: FollowUpFinding }
  | { action: 'relapse'; on: string };

export interface CasePlan {
  clientMutationId: string;
  commission: DemoCommission;
  reportedOn: string;
  level: ConflictLevel;
  /** Positions of the other communities, for intercommunity cases. */
  otherCommunities: number[];
  type: ConflictType;
  parties: PartyInput[];
  narrative: string;
  steps: Step[];
}

/** mulberry32: small, fast and the same everywhere, so the demo data is the same on every machine. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    weighted: <T extends string>(weights: Partial<Record<T, number>>): T => {
      const entries = Object.entries(weights) as [T, number][];
      let roll = next() * entries.reduce((n, [, w]) => n + w, 0);
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries.at(-1)![0];
    },
  };
}
type Random = ReturnType<typeof prng>;

const REFERRAL_REASONS: Record<ReferralBody, string> = {
  VILLAGE_CHIEF: 'The parties asked for the village chief’s arbitration.',
  MAYOR: 'The dispute concerns land registered with the commune.',
  LAND_COMMISSION: 'The boundary needs the land commission’s survey.',
  COURT: 'One party refused mediation and went to court.',
  GENDARMERIE_POLICE: 'Threats were made; the commission informed the gendarmerie.',
  OTHER: 'Referred to the livestock service for an assessment of the damage.',
};

const TERMS = [
  'The parties agreed on compensation to be paid in two instalments.',
  'The boundary was marked again in the presence of the elders.',
  'The parties agreed on a schedule for using the resource.',
  'Apologies were made and accepted before the commission.',
];

function levelFor(type: ConflictType, random: Random): ConflictLevel {
  if (type === 'INHERITANCE' || type === 'MARRIAGE_AND_FAMILY') return random.chance(0.85) ? 'FAMILY' : 'COMMUNITY';
  if (type === 'CHIEFTAINCY' || type === 'RELIGIOUS' || type === 'POLITICAL' || type === 'OTHER') return 'COMMUNITY';
  if (type === 'LAND') return random.weighted({ FAMILY: 30, COMMUNITY: 50, INTERCOMMUNITY: 20 });
  return random.chance(0.3) ? 'INTERCOMMUNITY' : 'COMMUNITY';
}

function person(random: Random): PartyInput {
  return {
    kind: 'INDIVIDUAL',
    sex: random.pick<PartySex>(['FEMALE', 'MALE', 'MALE']),
    ageGroup: random.pick<PartyAgeGroup>(['YOUTH', 'ADULT', 'ADULT', 'ELDER']),
  };
}

function collective(kind: Exclude<PartyKind, 'INDIVIDUAL' | 'INSTITUTION'>, random: Random): PartyInput {
  return {
    kind,
    sex: random.pick<PartySex>(['MIXED', 'MIXED', 'MALE', 'FEMALE']),
    ageGroup: random.pick<PartyAgeGroup>(['MIXED', 'YOUTH', 'ADULT']),
  };
}

/** Pseudonymised parties; no name is ever recorded in demo data. */
function partiesFor(type: ConflictType, level: ConflictLevel, random: Random): PartyInput[] {
  if (level === 'FAMILY')
    return Array.from({ length: random.chance(0.2) ? 3 : 2 }, () => (random.chance(0.7) ? person(random) : collective('FAMILY', random)));
  if (level === 'INTERCOMMUNITY') return [collective('GROUP', random), collective('GROUP', random)];
  if (type === 'MINING' && random.chance(0.3))
    return [collective('GROUP', random), { kind: 'INSTITUTION', sex: 'NOT_APPLICABLE', ageGroup: 'NOT_APPLICABLE' }];
  return Array.from({ length: random.chance(0.25) ? 3 : 2 }, () =>
    random.chance(0.5) ? collective('FAMILY', random) : collective('GROUP', random),
  );
}

/**
 * A realistic life for a case, step by step, stopping at the last demo day: most cases go to mediation
 * and are resolved, some are referred or stay unresolved, and a few relapse after a resolution.
 */
function lifeOf(reportedOn: string, lastDay: string, random: Random): Step[] {
  const steps: Step[] = [];
  let status = 'REPORTED';
  let date = reportedOn;
  let relapses = 0;
  const later = (min: number, max: number) => addDays(date, random.int(min, max));
  const add = (on: string, step: Step, next: string) => {
    if (on > lastDay) return false;
    steps.push(step);
    date = on;
    status = next;
    return true;
  };
  const refer = () => {
    const on = later(1, 10);
    const referredTo = random.weighted<ReferralBody>({
      VILLAGE_CHIEF: 35,
      MAYOR: 15,
      LAND_COMMISSION: 15,
      COURT: 10,
      GENDARMERIE_POLICE: 15,
      OTHER: 10,
    });
    const referredToOther = referredTo === 'OTHER' ? 'Livestock service' : null;
    return add(on, { action: 'refer', referredTo, referredToOther, referredOn: on, reason: REFERRAL_REASONS[referredTo] }, 'REFERRED');
  };
  const mediate = () => {
    const on = later(2, 14);
    return add(on, { action: 'startMediation', on }, 'UNDER_MEDIATION');
  };
  for (let guard = 0; guard < 12; guard += 1) {
    let moved = false;
    if (status === 'REPORTED' || status === 'RELAPSED') {
      // Some relapses are recent: the commission has not taken the case up again yet.
      if (status === 'RELAPSED' && random.chance(0.3)) return steps;
      moved = random.chance(0.85) ? mediate() : refer();
    } else if (status === 'UNDER_MEDIATION') {
      const sessions = random.int(1, 3);
      for (let s = 0; s < sessions; s += 1) {
        const heldOn = later(3, 20);
        const outcome: MediationOutcome =
          s === sessions - 1 ? random.pick(['AGREEMENT_REACHED', 'PROGRESS']) : random.pick(['PROGRESS', 'ADJOURNED']);
        const session: Step = {
          action: 'session',
          heldOn,
          mediators: { women: random.int(0, 2), men: random.int(1, 3) },
          attendance: { women: random.int(1, 8), men: random.int(2, 12) },
          outcome,
        };
        if (!add(heldOn, session, 'UNDER_MEDIATION')) return steps;
      }
      const roll = random.int(1, 100);
      if (roll <= 70) {
        const reachedOn = later(0, 7);
        const outcome = random.weighted<ResolutionOutcome>({ FULL_AGREEMENT: 60, PARTIAL_AGREEMENT: 30, WITHDRAWN: 10 });
        const due = [addDays(reachedOn, 30), addDays(reachedOn, 120)];
        moved = add(
          reachedOn,
          { action: 'resolution', outcome, reachedOn, termsSummary: random.pick(TERMS), followUpsDue: due },
          'RESOLVED',
        );
      } else if (roll <= 85) {
        const reachedOn = later(0, 7);
        moved = add(
          reachedOn,
          { action: 'resolution', outcome: 'NO_AGREEMENT', reachedOn, termsSummary: '', followUpsDue: [] },
          'UNRESOLVED',
        );
      } else {
        moved = refer();
      }
    } else if (status === 'REFERRED') {
      if (random.chance(0.15)) return steps; // still waiting for the referral body
      const receivedOn = later(10, 60);
      if (
        !add(
          receivedOn,
          { action: 'feedback', receivedOn, feedback: 'The referral body heard the parties and sent its decision to the commission.' },
          'REFERRED',
        )
      )
        return steps;
      if (random.chance(0.6)) {
        const reachedOn = later(0, 10);
        const outcome = random.weighted<ResolutionOutcome>({ FULL_AGREEMENT: 70, PARTIAL_AGREEMENT: 30 });
        moved = add(
          reachedOn,
          { action: 'resolution', outcome, reachedOn, termsSummary: random.pick(TERMS), followUpsDue: [addDays(reachedOn, 60)] },
          'RESOLVED',
        );
      } else {
        moved = mediate();
      }
    } else if (status === 'UNRESOLVED') {
      const roll = random.int(1, 100);
      if (roll <= 50) return steps;
      moved = roll <= 80 ? mediate() : refer();
    } else if (status === 'RESOLVED' || status === 'FOLLOW_UP_HELD') {
      const heldOn = later(25, 100);
      const relapse = relapses < 2 && random.chance(status === 'RESOLVED' ? 0.12 : 0.05);
      if (status === 'FOLLOW_UP_HELD' && !relapse && random.chance(0.5)) return steps;
      moved = add(
        heldOn,
        { action: 'followUp', heldOn, finding: relapse ? 'RELAPSED' : 'HOLDING' },
        relapse ? 'RELAPSED' : 'FOLLOW_UP_HELD',
      );
      if (relapse) relapses += 1;
    }
    if (!moved) return steps;
  }
  return steps;
}

/** Every demo case, in a fixed order, from a fixed seed. */
export function demoCasePlans(now: Date = new Date()): CasePlan[] {
  const random = prng(20260307);
  const lastDay = [LAST_DAY, today(now)].sort()[0]!;
  const plans: CasePlan[] = [];
  for (const commission of DEMO_COMMISSIONS) {
    const first = [FIRST_REPORT, commission.establishedOn].sort().at(-1)!;
    // Reports run up to the last days, so that the newest cases are still waiting for the commission.
    const span = Math.max(0, Math.round((Date.parse(lastDay) - Date.parse(first)) / 86_400_000) - 2);
    for (let n = 1; n <= commission.cases; n += 1) {
      const type = random.weighted(TYPE_WEIGHTS[commission.zone]);
      const level = levelFor(type, random);
      const reportedOn = addDays(first, random.int(0, span));
      plans.push({
        clientMutationId: `demo:case:${commission.position}:${n}`,
        commission,
        reportedOn,
        level,
        otherCommunities: level === 'INTERCOMMUNITY' ? [random.pick(commission.neighbours)] : [],
        type,
        parties: partiesFor(type, level, random),
        narrative: random.pick(NARRATIVES[type]),
        steps: lifeOf(reportedOn, lastDay, random),
      });
    }
  }
  return plans;
}
