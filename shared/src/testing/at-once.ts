import type { GraphQLResponse } from './graphql-client';
import type { TestDatabase } from './test-database';

/** `times` requests sent at once (Promise.all over HTTP), as a partner's retries or many clerks arrive. */
export function atOnce<D>(times: number, send: (i: number) => Promise<GraphQLResponse<D>>): Promise<GraphQLResponse<D>[]> {
  return Promise.all(Array.from({ length: times }, (_, i) => send(i)));
}

export interface Outcomes {
  /** The id of the record each accepted answer carries, in the order sent. */
  ids: string[];
  /** Each refused answer as "<code> <field>" (the field a BAD_USER_INPUT names), in the order sent. */
  refusals: string[];
}

/** What the answers to many copies of one mutation say: the records made, and the refusals. */
export function outcomes(responses: GraphQLResponse<Record<string, unknown>>[], mutation: string): Outcomes {
  const ids: string[] = [];
  const refusals: string[] = [];
  for (const response of responses) {
    const error = response.errors?.[0];
    if (error) {
      const { code, field } = error.extensions ?? {};
      refusals.push([code, field].filter((part) => part !== undefined).join(' '));
      continue;
    }
    const record = response.data?.[mutation] as { id?: string } | null | undefined;
    if (!record?.id) throw new Error(`${mutation} answered without an id: ${JSON.stringify(response)}`);
    ids.push(record.id);
  }
  return { ids, refusals };
}

/** Rows of `table` the organisation's retries with this clientMutationId left: one, whatever the copies. */
export async function rowsWithKey(db: TestDatabase, table: string, clientMutationId: string): Promise<number> {
  const [row] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE client_mutation_id = $1`, [clientMutationId])) as { n: number }[];
  return row!.n;
}
