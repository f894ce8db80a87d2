import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { QueryFailedError, CannotExecuteNotConnectedError } from 'typeorm';
import { createErrorFormatter, withHttpStatus, serviceUnavailable, badInput, unauthenticated } from '../src/errors/errors';
import { platformFaultOf } from '../src/errors/platform-faults';

/** A pg error as node-postgres raises it: a SQLSTATE in `code`. */
function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}
function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 10.0.0.5:5432`), {
    code,
    errno: -111,
    syscall: 'connect',
    address: '10.0.0.5',
    port: 5432,
  });
}
/** TypeORM wraps a failed statement, copying the driver's fields. */
function failedStatement(driverError: Error): Error {
  return new QueryFailedError('SELECT * FROM conflict_case WHERE id = $1', ['x'], driverError);
}

const UNAVAILABLE: [string, unknown][] = [
  ['08000 connection exception', pgError('08000', 'connection exception')],
  ['08003 connection does not exist', pgError('08003', 'connection does not exist')],
  ['08006 connection failure', pgError('08006', 'connection failure')],
  ['08001 cannot establish', pgError('08001', 'could not establish connection')],
  ['08P01 protocol violation', pgError('08P01', 'protocol violation')],
  ['57P01 admin shutdown (pg_terminate_backend)', failedStatement(pgError('57P01', 'terminating connection due to administrator command'))],
  ['57P02 crash shutdown', pgError('57P02', 'terminating connection because of crash of another server process')],
  ['57P03 cannot connect now', pgError('57P03', 'the database system is starting up')],
  ['53300 too many connections', pgError('53300', 'sorry, too many clients already')],
  ['53100 disk full', failedStatement(pgError('53100', 'could not extend file: No space left on device'))],
  ['53200 out of memory', failedStatement(pgError('53200', 'out of memory'))],
  ['57014 cancelled for a caller who left', failedStatement(pgError('57014', 'canceling statement due to user request'))],
  ['25P03 idle in transaction timeout', pgError('25P03', 'terminating connection due to idle-in-transaction timeout')],
  ['40001 serialization failure', failedStatement(pgError('40001', 'could not serialize access due to concurrent update'))],
  ['40P01 deadlock', failedStatement(pgError('40P01', 'deadlock detected'))],
  ['28P01 platform credentials refused', pgError('28P01', 'password authentication failed for user "peacegraph"')],
  ['3D000 database missing', pgError('3D000', 'database "peacegraph_mining" does not exist')],
  ['55000 database not accepting connections', pgError('55000', 'database "peacegraph_mining" is not currently accepting connections')],
  ...['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].map(
    (code): [string, unknown] => [code, socketError(code)],
  ),
  [
    'AggregateError of refusals (localhost: ::1 and 127.0.0.1)',
    Object.assign(new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')], ''), {}),
  ],
  ['Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
  [
    'Connection terminated due to connection timeout',
    new Error('Connection terminated due to connection timeout', { cause: new Error('Connection terminated unexpectedly') }),
  ],
  ['pool exhausted', new Error('timeout exceeded when trying to connect')],
  ['pool ended', new Error('Cannot use a pool after calling end on the pool')],
  ['client broken', new Error('Client has encountered a connection error and is not queryable')],
  ['TypeORM not connected', new CannotExecuteNotConnectedError('default')],
  ['wrapped as cause', new Error('loading communities failed', { cause: failedStatement(pgError('57P01', 'terminating connection')) })],
];

const TIMEOUT: [string, unknown][] = [
  ['57014 statement timeout', failedStatement(pgError('57014', 'canceling statement due to statement timeout'))],
  ['55P03 lock timeout', failedStatement(pgError('55P03', 'canceling statement due to lock timeout'))],
];

/** Bugs on our side: hidden as INTERNAL_SERVER_ERROR, never offered for retry. */
const OURS: [string, unknown][] = [
  ['42P01 missing relation', failedStatement(pgError('42P01', 'relation "conflict_cases" does not exist'))],
  ['42703 missing column', failedStatement(pgError('42703', 'column "ownr_org" does not exist'))],
  ['22P02 bad text representation', failedStatement(pgError('22P02', 'invalid input syntax for type uuid: "x"'))],
  ['23505 unique violation left unhandled', failedStatement(pgError('23505', 'duplicate key value violates unique constraint'))],
  ['TypeError', new TypeError("Cannot read properties of undefined (reading 'title')")],
  ['plain Error', new Error('something odd')],
  ['a string', 'thrown string'],
  ['null', null],
];

const format = createErrorFormatter(() => {});
function formatted(original: unknown): GraphQLFormattedError {
  const error = new GraphQLError('raw', { path: ['conflictCases'], originalError: original instanceof Error ? original : undefined });
  return format(
    {
      message: (original as Error | null)?.message ?? String(original),
      path: ['conflictCases'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    },
    error,
  );
}

describe('platform faults', () => {
  it.each(UNAVAILABLE)('%s → SERVICE_UNAVAILABLE, retryable, nothing internal said', (_, error) => {
    expect(platformFaultOf(error)).toBe('unavailable');
    const answer = formatted(error);
    expect(answer.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(answer.path).toEqual(['conflictCases']);
    expect(answer.message).not.toMatch(/5432|10\.0\.0|peacegraph|SELECT|terminat|ECONN|pool/i);
  });

  it.each(TIMEOUT)('%s → QUERY_TIMEOUT, retryable', (_, error) => {
    expect(platformFaultOf(error)).toBe('timeout');
    expect(formatted(error).extensions).toEqual({ code: 'QUERY_TIMEOUT', retryable: true });
    expect(formatted(error).message).not.toMatch(/SELECT|canceling/);
  });

  it.each(OURS)('%s → INTERNAL_SERVER_ERROR, not retryable', (_, error) => {
    expect(platformFaultOf(error)).toBeUndefined();
    expect(formatted(error).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it("keeps the kit's own SERVICE_UNAVAILABLE as it is", () => {
    const error = serviceUnavailable('The directory, which verifies callers, cannot be reached just now; retry in a few seconds');
    const answer = format({ message: error.message, extensions: error.extensions }, error);
    expect(answer).toEqual({ message: error.message, extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } });
  });
});

describe('HTTP status of a failed context', () => {
  const statusOf = (error: unknown) =>
    ((withHttpStatus(error, 401) as GraphQLError).extensions?.http as { status: number } | undefined)?.status;

  it("is the caller's status for the caller's fault", () => {
    expect(statusOf(unauthenticated('The token has expired'))).toBe(401);
    expect(statusOf(badInput('authorization', 'x'))).toBe(401);
  });

  it.each([...UNAVAILABLE, ...TIMEOUT])('is 503 with a retryable code when the platform is at fault: %s', (_, error) => {
    const answered = withHttpStatus(error, 401) as GraphQLError;
    expect(statusOf(error)).toBe(503);
    expect(answered.extensions.retryable).toBe(true);
  });

  it("is 503 for the kit's own SERVICE_UNAVAILABLE", () => {
    expect(statusOf(serviceUnavailable())).toBe(503);
  });

  it('leaves our own bugs alone (Apollo answers them 500, masked)', () => {
    const bug = new TypeError('x is undefined');
    expect(withHttpStatus(bug, 401)).toBe(bug);
  });
});

describe('a socket error seen from another realm', () => {
  it('is still recognised from the code graphql-js wrote into its message', () => {
    const wrapped = new Error(
      'Unexpected error value: { errno: -111, code: "ECONNREFUSED", syscall: "connect", address: "127.0.0.1", port: 5432 }',
    );
    expect(platformFaultOf(wrapped)).toBe('unavailable');
    expect(platformFaultOf(new Error('Unexpected error value: { code: "42P01" }'))).toBeUndefined();
    expect(platformFaultOf(new Error('Unexpected error value: "no code here"'))).toBeUndefined();
  });
});
