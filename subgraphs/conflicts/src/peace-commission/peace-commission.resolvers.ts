import { decodeCursor, encodeCursor, pageSize, type Connection, type CursorList, type PageArgs } from '@peacegraph/kit/sql';
import { CASE_ORDER } from '../conflict-case/conflict-case.repository';
import type { ConflictsContext } from '../context';
import type { ConflictCase, PeaceCommission as PeaceCommissionRow } from '../entities';
import { caseFilterFrom, type CaseFilterInput } from '../conflict-case/conflict-case.filter';
import { membersOf } from './peace-commission.rules';

/** `conflictCases`' own list identity, so a commission's cases and `conflictCases` share cursors. */
const CASE_LIST: CursorList = { table: 'conflict_case', keys: CASE_ORDER.keys, direction: CASE_ORDER.direction ?? 'ASC' };

/** A cursor of the case lists: the (reportedOn, id) of the case it points after. */
function caseCursor(after: string | null | undefined): [string, string] | null {
  if (after === null || after === undefined) return null;
  return decodeCursor(CASE_LIST, after, 'after') as [string, string];
}

export const PeaceCommission = {
  community: (commission: PeaceCommissionRow) => ({ __typename: 'Community', id: commission.communityId }),
  members: (commission: PeaceCommissionRow) => membersOf(commission.membership),
  recordedBy: (commission: PeaceCommissionRow) => ({ __typename: 'Organisation', id: commission.ownerOrg }),
  /** The same order and cursors as `conflictCases`, batched over every commission of the request. */
  cases: async (
    commission: PeaceCommissionRow,
    args: { filter?: CaseFilterInput | null } & PageArgs,
    { loaders }: ConflictsContext,
  ): Promise<Connection<ConflictCase>> => {
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
