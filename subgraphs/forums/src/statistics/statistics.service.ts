import { organisationOf, type Viewer } from '@peacegraph/kit/auth';
import { badInput } from '@peacegraph/kit/errors';
import { isoDate } from '@peacegraph/kit/input';
import type { Forum } from '../forum/forum.entity';
import type { ForumFilter } from '../forum/forum.repository';
import type { QueryForumImplementationArgs } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { RecommendationFilter } from '../recommendation/recommendation.repository';
import type { Repositories } from '../repositories';
import { RECOMMENDATION_ADDRESSEES, RECOMMENDATION_THEMES } from '../common/values';
import { discloseParticipants, participationAcross, type DisclosedParticipants } from './statistics.disclosure';
import type { ImplementationInterval, StandingRow } from './statistics.repository';

/** The participation figures cover at most this many forums; a wider question is refused, not cut short. */
export const MAX_FORUMS_COUNTED = 500;
/** The implementation series has at most this many periods (ten years of months). */
export const MAX_PERIODS = 120;

export interface ImplementationPoint {
  period: string;
  asOf: string;
  recommendations: number;
  pending: number;
  inProgress: number;
  implemented: number;
  rejected: number;
  implementationRate: number | null;
}

/** The periods generate_series gives for an interval: from the start of `from`'s period to `to`. */
export function periodsOf(interval: ImplementationInterval, from: string, to: string): { starts: string; ends: string; label: string }[] {
  const [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const months = interval === 'MONTH' ? 1 : interval === 'QUARTER' ? 3 : 12;
  const firstMonth = interval === 'MONTH' ? month : interval === 'QUARTER' ? Math.floor((month - 1) / 3) * 3 + 1 : 1;
  const periods: { starts: string; ends: string; label: string }[] = [];
  for (let n = 0; ; n += 1) {
    const start = new Date(Date.UTC(year, firstMonth - 1 + n * months, 1));
    const starts = start.toISOString().slice(0, 10);
    if (starts > to) break;
    const next = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
    const last = new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
    const y = start.getUTCFullYear();
    const label =
      interval === 'YEAR' ? `${y}` : interval === 'QUARTER' ? `${y}-Q${Math.floor(start.getUTCMonth() / 3) + 1}` : starts.slice(0, 7);
    periods.push({ starts, ends: last < to ? last : to, label });
    if (periods.length > MAX_PERIODS) break;
  }
  return periods;
}

function point(
  period: { ends: string; label: string },
  row: Omit<StandingRow, 'starts' | 'ends' | 'key'> | undefined,
): ImplementationPoint {
  const recommendations = row?.recommendations ?? 0;
  const inProgress = row?.inProgress ?? 0;
  const implemented = row?.implemented ?? 0;
  const rejected = row?.rejected ?? 0;
  return {
    period: period.label,
    asOf: period.ends,
    recommendations,
    pending: recommendations - inProgress - implemented - rejected,
    inProgress,
    implemented,
    rejected,
    implementationRate: recommendations ? implemented / recommendations : null,
  };
}

/** Rows by their forum, in the order read. */
function byForum<T extends { forumId: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const held = grouped.get(row.forumId);
    if (held) held.push(row);
    else grouped.set(row.forumId, [row]);
  }
  return grouped;
}

/**
 * Figures: participants (PARTNER, through disclosure control unless the caller owns the forum) and the
 * implementation of published recommendations (PUBLIC: counts of recommendations, not of people).
 */
export class StatsService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly viewer: Viewer,
  ) {}

  /** One forum's participants: exact for its owner. */
  async participantsOf(forum: Forum): Promise<DisclosedParticipants> {
    const [groups, origins] = await Promise.all([
      this.loaders.participantGroupsOfForum.load(forum.id),
      this.loaders.participantOriginsOfForum.load(forum.id),
    ]);
    return discloseParticipants(groups, origins, forum.ownerOrg === organisationOf(this.viewer));
  }

  /**
   * Kept until a write raises the read generation (the kit's ReadCache, repositories.ts), per
   * organisation: each forum is exact for its owner only, so one organisation's answer is never another's.
   */
  async participation(filter: ForumFilter) {
    const { readCache } = this.repositories;
    const key = `participation:${JSON.stringify([organisationOf(this.viewer), filter])}`;
    return readCache.get(await readCache.version(), key, () => this.participationNow(filter));
  }

  /**
   * Reads the participants with its own statements, never through the request's loaders: a loader may
   * have been filled earlier in this request (by `Forum.participants`), before a write that committed
   * since, and the answer is kept under the generation read just now — it must be at least that new.
   */
  private async participationNow(filter: ForumFilter) {
    const { forums: repository } = this.repositories;
    const forums = await repository.matching(filter, MAX_FORUMS_COUNTED + 1);
    if (forums.length > MAX_FORUMS_COUNTED) throw badInput('filter', `More than ${MAX_FORUMS_COUNTED} forums match: narrow the filter`);
    const ids = forums.map((f) => f.id);
    const [groups, origins] = await Promise.all([repository.participantGroups(ids), repository.participantOrigins(ids)]);
    const groupsOf = byForum(groups);
    const originsOf = byForum(origins);
    const ownOrg = organisationOf(this.viewer);
    const rows = forums.map((forum) => ({
      forum,
      ...discloseParticipants(groupsOf.get(forum.id) ?? [], originsOf.get(forum.id) ?? [], forum.ownerOrg === ownOrg),
    }));
    return { exact: rows.every((r) => r.exact), forums: rows, ...participationAcross(rows) };
  }

  /** The query's arguments, its filter as the repository takes it. */
  async implementation(args: Omit<QueryForumImplementationArgs, 'filter'> & { filter: RecommendationFilter }) {
    const from = isoDate(args.from);
    const to = isoDate(args.to);
    if (to < from) throw badInput('to', `The period ends (${to}) before it starts (${from})`);
    const periods = periodsOf(args.interval, from, to);
    if (periods.length > MAX_PERIODS)
      throw badInput('interval', `That is more than ${MAX_PERIODS} periods: choose a longer interval or a shorter time`);
    // The same for every caller (PUBLIC, drafts never counted): kept until a write raises the read
    // generation (the kit's ReadCache, repositories.ts).
    const { implementation, readCache } = this.repositories;
    const key = `implementation:${JSON.stringify([args.filter, args.groupBy, args.interval, from, to])}`;
    const rows = await readCache.get(await readCache.version(), key, () =>
      implementation.standing(args.filter, args.groupBy, args.interval, from, to),
    );
    const byKey = new Map<string, Map<string, StandingRow>>();
    for (const row of rows) byKey.set(row.key, (byKey.get(row.key) ?? new Map()).set(row.starts, row));
    const series = (key: string) => periods.map((p) => point(p, byKey.get(key)!.get(p.starts)));
    // Groups in the order of their enum, each named by the field of its grouping.
    const groups =
      args.groupBy === 'THEME'
        ? RECOMMENDATION_THEMES.filter((k) => byKey.has(k)).map((theme) => ({ theme, series: series(theme) }))
        : RECOMMENDATION_ADDRESSEES.filter((k) => byKey.has(k)).map((addressee) => ({ addressee, series: series(addressee) }));
    return {
      groupBy: args.groupBy,
      interval: args.interval,
      groups,
      overall: periods.map((p) => {
        const cells = [...byKey.values()].map((m) => m.get(p.starts)).filter((r): r is StandingRow => Boolean(r));
        const sum = (f: 'recommendations' | 'inProgress' | 'implemented' | 'rejected') => cells.reduce((n, r) => n + r[f], 0);
        return point(p, {
          recommendations: sum('recommendations'),
          inProgress: sum('inProgress'),
          implemented: sum('implemented'),
          rejected: sum('rejected'),
        });
      }),
    };
  }
}
