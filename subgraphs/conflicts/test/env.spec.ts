import { EnvError, authProblems, readEnv } from '@peacegraph/kit';
import { conflictsEnv } from '../src/env';

describe('configuration', () => {
  it('defaults to port 4003 and the directory on 4001', () => {
    const config = readEnv(conflictsEnv, { DATABASE_URL: 'postgres://db/peacegraph_conflicts', AUTH_HS256_SECRET: 'x'.repeat(32) }, authProblems);
    expect(config).toMatchObject({ PORT: 4003, DIRECTORY_URL: 'http://localhost:4001/graphql', DB_POOL_SIZE: 10 });
  });

  it('lists every problem at once', () => {
    let problems: string[] = [];
    try {
      readEnv(conflictsEnv, { PORT: '70000', DIRECTORY_URL: 'ftp://directory' });
    } catch (error) {
      problems = (error as EnvError).problems;
    }
    expect(problems).toEqual([
      expect.stringMatching(/^DATABASE_URL is required/),
      expect.stringMatching(/^PORT must be a port number/),
      expect.stringMatching(/^DIRECTORY_URL must be a http or https URL/),
    ]);
  });
});
