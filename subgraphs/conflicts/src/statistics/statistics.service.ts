import { badInput } from '@peacegraph/kit/errors';
import { isoDate } from '@peacegraph/kit/input';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import type { CaseFilter } from '../conflict-case/conflict-case.filter';
import { emptyStatsRow, type StatsGrouping } from './statistics.repository';
import { discloseFigures, discloseOne, type CaseFigures } from './statistics.disclosure';
import type { QueryConflictStatsArgs } from '../generated/resolvers';

/** The arguments of `conflictStats` but its grouping: `caseStats` and an area's `conflictStats` take some of them. */
export type StatsArgs = Omit<QueryConflictStatsArgs, 'groupBy'>;

export interface ConflictStats {
  exact: boolean;
  groupBy: StatsGrouping;
  groups: { key: string; figures: CaseFigures; adminPcode: string | null }[];
  total: CaseFigures;
}

/** Statistics arguments as a case filter; a period that ends before it starts is refused. */
export function statsFilter(args: StatsArgs): CaseFilter {
  const from = args.from ? isoDate(args.from) : null;
  const to = args.to ? isoDate(args.to) : null;
  if (from && to && to < from) throw badInput('to', `The period ends (${to}) before it starts (${from})`);
  return { country: args.country, adminArea: args.adminArea, type: args.type, level: args.level, reportedFrom: from, reportedTo: to };
}

/**
 * Case figures as partners may see them: exact when the caller's organisation owns every case
 * counted, otherwise through disclosure control. Counting happens in SQL, one statement per request.
 */
export class ConflictStatsService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly viewerOrg: string | null,
  ) {}

  async stats(args: StatsArgs, groupBy: StatsGrouping): Promise<ConflictStats> {
    const { groups, total } = await this.repositories.stats.grouped(statsFilter(args), groupBy, this.viewerOrg);
    const exact = total.notOwned === 0;
    const disclosed = discloseFigures(groups, total, exact);
    return {
      exact,
      groupBy,
      groups: groups.map((g, i) => ({
        key: g.key,
        figures: disclosed.groups[i]!,
        adminPcode: groupBy === 'ADMIN1' || groupBy === 'ADMIN2' ? g.key : null,
      })),
      total: disclosed.total,
    };
  }

  async ofArea(pcode: string, args: StatsArgs): Promise<CaseFigures> {
    return discloseOne((await this.loaders.figuresOfArea(statsFilter(args)).load(pcode)) ?? emptyStatsRow(pcode));
  }

  async ofCommunity(communityId: string, args: StatsArgs): Promise<CaseFigures> {
    return discloseOne((await this.loaders.figuresOfCommunity(statsFilter(args)).load(communityId)) ?? emptyStatsRow(communityId));
  }
}
