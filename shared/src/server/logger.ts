import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs, one line per event. `service` names the process so that lines from several
 * subgraphs interleaved by `npm start` or a log collector can be told apart.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.password'], remove: true },
  });
}
