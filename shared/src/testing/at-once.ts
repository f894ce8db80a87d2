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
  const [row] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE client_mutation_id = $1`, [
    clientMutationId,
  ])) as { n: number }[];
  return row!.n;
}

export interface Retried {
  /** Refusals among the copies (there should be none). */
  refusals: string[];
  /** Answers that carried a record, and how many different records they named. */
  answered: number;
  records: number;
  /** Rows the key left in the table. */
  rows: number;
  /** A copy sent again afterwards answers with the same record. */
  laterAnswersTheSame: boolean;
}

/**
 * A partner's retries of one keyed create: `copies` sent at once, then one more afterwards. What a
 * user checks of them — every copy answered with one record, one row — in one value to compare.
 */
export async function retriedCreate(
  copies: number,
  send: () => Promise<GraphQLResponse<Record<string, unknown>>>,
  mutation: string,
  stored: { db: TestDatabase; table: string; clientMutationId: string },
): Promise<Retried> {
  const { ids, refusals } = outcomes(await atOnce(copies, send), mutation);
  const later = outcomes([await send()], mutation);
  return {
    refusals,
    answered: ids.length,
    records: new Set(ids).size,
    rows: await rowsWithKey(stored.db, stored.table, stored.clientMutationId),
    laterAnswersTheSame: later.ids.length === 1 && later.ids[0] === ids[0],
  };
}

/** What `retriedCreate` finds when retries are idempotent: every copy answered with one record. */
export function answeredOnce(copies: number): Retried {
  return { refusals: [], answered: copies, records: 1, rows: 1, laterAnswersTheSame: true };
}
