import { readEnv, env, EnvError } from '../src/server/env';

const spec = {
  PORT: env.port('port the subgraph listens on', 4001),
  DATABASE_URL: env.url('PostgreSQL connection URL', ['postgres', 'postgresql']),
  LOG_LEVEL: env.oneOf('log level', ['debug', 'info', 'warn', 'error'] as const, 'info'),
  POOL_SIZE: env.integer('connection pool size', 10, 1),
};

describe('readEnv', () => {
  it('applies defaults and parses typed values', () => {
    const config = readEnv(spec, { DATABASE_URL: 'postgres://u:p@localhost:5432/directory', POOL_SIZE: '4' });
    expect(config).toEqual({
      PORT: 4001,
      DATABASE_URL: 'postgres://u:p@localhost:5432/directory',
      LOG_LEVEL: 'info',
      POOL_SIZE: 4,
    });
  });

  it('lists every problem at once and never echoes a password', () => {
    let caught: unknown;
    try {
      readEnv(spec, { PORT: '99999', DATABASE_URL: 'mysql://admin:secret@db/x', LOG_LEVEL: 'loud', POOL_SIZE: '0' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const problems = (caught as EnvError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT must be a port number/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL must be a postgres or postgresql URL/);
    expect(problems.join('\n')).not.toContain('secret');
    expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of debug, info, warn, error/);
    expect(problems.join('\n')).toMatch(/POOL_SIZE must be a whole number of at least 1/);
  });

  it('names a missing required variable', () => {
    expect(() => readEnv(spec, {})).toThrow(/DATABASE_URL is required \(PostgreSQL connection URL\)/);
  });
});
