import { Client } from 'pg';

/** `count(*) AS n` of a statement, as a number. */
export type Count = (sql: string, params?: unknown[]) => Promise<number>;

/**
 * One connection of the bench's data steps: opened, handed over with a counting helper, rolled back if
 * the work fails inside a transaction (a no-op otherwise), and closed whatever happens.
 */
export async function withBenchDatabase<T>(databaseUrl: string, work: (client: Client, count: Count) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'peacegraph-bench' });
  await client.connect();
  const count: Count = async (sql, params = []) => Number((await client.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
  try {
    return await work(client, count);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
