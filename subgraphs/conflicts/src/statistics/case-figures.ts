import { daysBetween, isoDate } from '@peacegraph/kit/input';
import { STATUS_GROUPS, type CaseStatus } from '../common/values';
import type { ConflictCase } from '../conflict-case/conflict-case.entity';

/**
 * The rollup's row of a place and owner over all time has this month: a date before every other, so
 * that no key holds a NULL and "whole months from … until …" never takes it for a month.
 */
export const ALL_TIME = '-infinity';

/** What of a case its figures count: where it is, whose it is, when it was reported and how it stands. */
export type CountedCase = Pick<
  ConflictCase,
  'countryCode' | 'adminPcode' | 'admin1Pcode' | 'admin2Pcode' | 'ownerOrg' | 'reportedOn' | 'status' | 'resolvedOn' | 'everRelapsed'
>;

/** A change of one rollup row: its key, and what to add to each count (negative to take away). */
export interface FigureDelta {
  month: string;
  countryCode: string;
  adminPcode: string;
  admin1Pcode: string;
  admin2Pcode: string | null;
  ownerOrg: string;
  /** Days from report to the current resolution of the cases now resolved; null for the others. */
  resolutionDays: number | null;
  reported: number;
  open: number;
  resolved: number;
  referred: number;
  unresolved: number;
  relapsed: number;
}

const COUNTS = ['reported', 'open', 'resolved', 'referred', 'unresolved', 'relapsed'] as const;

function statusGroup(status: CaseStatus): keyof typeof STATUS_GROUPS {
  const group = (Object.keys(STATUS_GROUPS) as (keyof typeof STATUS_GROUPS)[]).find((g) =>
    (STATUS_GROUPS[g] as readonly CaseStatus[]).includes(status),
  );
  if (!group) throw new Error(`Status ${status} is in no group of the figures`);
  return group;
}

/**
 * What one case adds to the rollup, times `sign`: the row of its report month and the row over all
 * time. The days to resolution are those the median of the figures is taken over (resolved_on is set
 * exactly while a case is resolved), as PostgreSQL's date subtraction counts them.
 */
function contribution(kase: CountedCase, sign: 1 | -1): FigureDelta[] {
  const reportedOn = isoDate(kase.reportedOn);
  const group = statusGroup(kase.status);
  const counts = {
    reported: sign,
    open: group === 'open' ? sign : 0,
    resolved: group === 'resolved' ? sign : 0,
    referred: group === 'referred' ? sign : 0,
    unresolved: group === 'unresolved' ? sign : 0,
    relapsed: kase.everRelapsed ? sign : 0,
  };
  const place = {
    countryCode: kase.countryCode,
    adminPcode: kase.adminPcode,
    admin1Pcode: kase.admin1Pcode,
    admin2Pcode: kase.admin2Pcode ?? null,
    ownerOrg: kase.ownerOrg,
    resolutionDays: kase.resolvedOn ? daysBetween(reportedOn, isoDate(kase.resolvedOn)) : null,
  };
  return [
    { month: `${reportedOn.slice(0, 7)}-01`, ...place, ...counts },
    { month: ALL_TIME, ...place, ...counts },
  ];
}

const keyOf = (d: FigureDelta) =>
  JSON.stringify([d.month, d.countryCode, d.adminPcode, d.admin1Pcode, d.admin2Pcode, d.ownerOrg, d.resolutionDays]);

/**
 * The rollup rows a write changes: the case as it was (null for a new case) taken away, the case as
 * it is (null for a removed one) added, one delta per key, and none where the two cancel out (a case
 * moving between two open statuses changes no figure).
 */
export function figureDeltas(before: CountedCase | null, after: CountedCase | null): FigureDelta[] {
  const merged = new Map<string, FigureDelta>();
  for (const delta of [...(before ? contribution(before, -1) : []), ...(after ? contribution(after, 1) : [])]) {
    const key = keyOf(delta);
    const seen = merged.get(key);
    if (!seen) merged.set(key, delta);
    else for (const count of COUNTS) seen[count] += delta[count];
  }
  return [...merged.values()].filter((d) => COUNTS.some((count) => d[count] !== 0));
}
