import { authProblems } from '../src/auth/env';
import { EnvError, readEnv } from '../src/server/env';
import { subgraphEnv } from '../src/server/subgraph-env';
import { databaseTimeouts, poolTimeouts } from '../src/sql/timeouts';

describe('database timeouts', () => {
  it('has a limit on every statement, connection wait and idle transaction by default', () => {
    const timeouts = databaseTimeouts({});
    expect(timeouts).toEqual({ statementMs: 20_000, connectMs: 10_000, idleInTransactionMs: 30_000 });
    expect(poolTimeouts(timeouts)).toEqual({
      statement_timeout: 20_000,
      connectionTimeoutMillis: 10_000,
      idle_in_transaction_session_timeout: 30_000,
    });
  });

  it('takes each from the environment; 0 lifts the statement and transaction limits', () => {
    expect(
      databaseTimeouts({ DB_STATEMENT_TIMEOUT_MS: '0', DB_CONNECT_TIMEOUT_MS: '2500', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0' }),
    ).toEqual({
      statementMs: 0,
      connectMs: 2500,
      idleInTransactionMs: 0,
    });
  });

  it.each([
    ['DB_STATEMENT_TIMEOUT_MS', '-1'],
    ['DB_STATEMENT_TIMEOUT_MS', '1.5'],
    ['DB_STATEMENT_TIMEOUT_MS', 'ten seconds'],
    ['DB_CONNECT_TIMEOUT_MS', '0'],
    ['DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', '30s'],
  ])('refuses %s=%s when a subgraph starts, with its other problems', (name, value) => {
    let problems: string[] = [];
    try {
      readEnv(subgraphEnv('conflicts', 4003), { [name]: value, AUTH_HS256_SECRET: 'x'.repeat(32) }, authProblems);
    } catch (error) {
      problems = (error as EnvError).problems;
    }
    expect(problems).toEqual([
      expect.stringMatching(/^DATABASE_URL is required/),
      expect.stringMatching(new RegExp(`^${name} must be a whole number`)),
    ]);
  });
});
