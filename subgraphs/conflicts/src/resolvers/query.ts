import { badInput } from '@peacegraph/kit/errors';
import { type PageArgs } from '@peacegraph/kit/sql';
import type { ConflictsContext } from '../context';
import type { PeaceCommissionFilter } from '../peace-commission/peace-commission.repository';
import type { StatsGrouping } from '../statistics/statistics.repository';
import { caseFilterFrom, type CaseFilterInput } from '../conflict-case/conflict-case.filter';
import type { StatsArgs } from '../statistics/statistics.service';

export const Query = {
  peaceCommission: (_: unknown, { id }: { id: string }, { loaders }: ConflictsContext) => loaders.commission.load(id),
  peaceCommissions: (_: unknown, args: { filter?: PeaceCommissionFilter | null } & PageArgs, { repositories }: ConflictsContext) =>
    repositories.commissions.list(args.filter ?? {}, args),

  conflictCase: (_: unknown, { id, reference }: { id?: string | null; reference?: string | null }, { loaders }: ConflictsContext) => {
    if (id && reference) throw badInput('reference', 'Give the case id or its reference, not both');
    if (id) return loaders.case.load(id);
    if (reference) return loaders.caseByReference.load(reference.trim().toUpperCase());
    throw badInput('id', 'Give the case id or its reference');
  },
  conflictCases: (_: unknown, args: { filter?: CaseFilterInput | null } & PageArgs, { repositories }: ConflictsContext) =>
    repositories.cases.list(caseFilterFrom(args.filter), args),

  conflictStats: (_: unknown, args: StatsArgs & { groupBy: StatsGrouping }, { stats }: ConflictsContext) => stats.stats(args, args.groupBy),
};
