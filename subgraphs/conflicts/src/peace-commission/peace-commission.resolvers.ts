import { decodeCursor, encodeCursor, pageSize, type CursorList } from '@peacegraph/kit/sql';
import { communityRef, organisationRef } from '../common/references';
import { caseFilterFrom } from '../conflict-case/conflict-case.filter';
import { CASE_ORDER } from '../conflict-case/conflict-case.repository';
import type { MutationResolvers, PeaceCommissionResolvers, QueryResolvers } from '../generated/resolvers';
import { membersOf } from './peace-commission.rules';

/** `conflictCases`' own list identity, so a commission's cases and `conflictCases` share cursors. */
const CASE_LIST: CursorList = { table: 'conflict_case', keys: CASE_ORDER.keys, direction: CASE_ORDER.direction ?? 'ASC' };

/** A cursor of the case lists: the (reportedOn, id) of the case it points after. */
function caseCursor(after: string | null | undefined): [string, string] | null {
  if (after === null || after === undefined) return null;
  return decodeCursor(CASE_LIST, after, 'after') as [string, string];
}

export const peaceCommissionQueries: QueryResolvers = {
  peaceCommission: (_, { id }, { loaders }) => loaders.commission.load(id),
  peaceCommissions: (_, args, { repositories }) => repositories.commissions.list(args.filter ?? {}, args),
};

export const peaceCommissionMutations: MutationResolvers = {
  createPeaceCommission: (_, { input }, { commissions }) => commissions.create(input),
  updatePeaceCommission: (_, { id, version, input }, { commissions }) => commissions.update(id, version, input),
};

export const PeaceCommission: PeaceCommissionResolvers = {
  // Through the request's loaders: a list of 50 references costs one statement.
  __resolveReference: (ref, { loaders }) => loaders.commission.load(ref.id),
  community: (commission) => communityRef(commission.communityId),
  members: (commission) => membersOf(commission.membership),
  recordedBy: (commission) => organisationRef(commission.ownerOrg),
  /** The same order and cursors as `conflictCases`, batched over every commission of the request. */
  cases: async (commission, args, { loaders }) => {
    const first = pageSize(args.first);
    const after = caseCursor(args.after);
    const filter = caseFilterFrom(args.filter);
    const rows = await loaders.casesOfCommission({ filter, limit: first + 1, after }).load(commission.id);
    const edges = rows.slice(0, first).map((node) => ({ node, cursor: encodeCursor(CASE_LIST, [node.reportedOn, node.id]) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: async () => (await loaders.caseCountOfCommission(filter).load(commission.id))?.count ?? 0,
    };
  },
};
