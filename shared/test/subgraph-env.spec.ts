import { authProblems } from '../src/auth/env';
import { EnvError, readEnv } from '../src/server/env';
import { subgraphEnv } from '../src/server/subgraph-env';

describe('the settings every subgraph reads', () => {
  it('defaults to its own port and the directory on 4001', () => {
    const config = readEnv(
      subgraphEnv('conflicts', 4003),
      { DATABASE_URL: 'postgres://db/peacegraph_conflicts', AUTH_HS256_SECRET: 'x'.repeat(32) },
      authProblems,
    );
    expect(config).toMatchObject({ PORT: 4003, DIRECTORY_URL: 'http://localhost:4001/graphql', DB_POOL_SIZE: 10, LOG_LEVEL: 'info' });
  });

  it('lists every problem at once', () => {
    let problems: string[] = [];
    try {
      readEnv(subgraphEnv('conflicts', 4003), { PORT: '70000', DIRECTORY_URL: 'ftp://directory' });
    } catch (error) {
      problems = (error as EnvError).problems;
    }
    expect(problems).toEqual([
      expect.stringMatching(/^DATABASE_URL is required/),
      expect.stringMatching(/^PORT must be a port number/),
      expect.stringMatching(/^DIRECTORY_URL must be a http or https URL/),
    ]);
  });

  it('refuses to start without a way to verify callers', () => {
    expect(() => readEnv(subgraphEnv('curriculum', 4002), { DATABASE_URL: 'postgres://db/x' }, authProblems)).toThrow(
      /one of AUTH_HS256_SECRET, AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM is required/,
    );
  });
});
