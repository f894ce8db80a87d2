/** A DataSource, or the EntityManager of a transaction: what the stores need is `query`. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, parameters?: unknown[]): Promise<any>;
}
