import os from 'node:os';
import type { UsageReport } from '@peacegraph/kit/usage';
import type { Logger } from '@peacegraph/kit/server';
import { UsageBuffer, type ServedOperation } from './buffer';
import { splitReport, type UsageLimits } from './batches';
import { fetchFailure, registryEndpoint, registryErrorMessage } from '../registry-http';

export interface UsageReporterOptions {
  /** The registry's base URL: reports go to `{url}/usage`. */
  registryUrl: string;
  token: string;
  /** Time between reports, ms. Default 5000. */
  flushMs?: number;
  /** Most distinct entries held between reports. Default 10000. */
  bufferMax?: number;
  /** Longest wait for the registry to take one report, ms. Default 5000. */
  timeoutMs?: number;
  /** Names this gateway in its reports. Default the host name and process id. */
  gatewayId?: string;
  /** The live composition, asked for at each report. */
  compositionId: () => string | null;
  /** The registry's limits on one report; USAGE_LIMITS by default (tests lower them). */
  limits?: UsageLimits;
  log: Logger;
}

/** What became of one flush. */
export interface FlushOutcome {
  /** Reports the registry accepted. */
  sent: number;
  /** Reports it did not (unreachable, timed out, refused). */
  failed: number;
  /** Operations in the accepted reports. */
  operations: number;
}

/** A warning about undelivered reports at most this often, however often they fail. */
const WARN_EVERY_MS = 60_000;

/**
 * Records the operations the gateway serves and sends them to the registry every `flushMs` and on
 * stop. It never holds up a request: recording is a map update; sending happens on a timer, one flush
 * at a time. When the registry cannot take a report (down, slow past `timeoutMs`, refusing it) the
 * report is not retried: its operations are counted as dropped and the count goes with the next
 * report that arrives, so the registry knows what it is missing. A warning is logged at most once a
 * minute.
 */
export class UsageReporter {
  readonly buffer: UsageBuffer;
  /** Totals since start, for tests and the log. */
  readonly totals = { reportsSent: 0, reportsFailed: 0, operationsSent: 0, operationsDropped: 0 };

  private readonly flushMs: number;
  private readonly timeoutMs: number;
  private readonly gatewayId: string;
  private readonly endpoint: string;
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<FlushOutcome>;
  private lastWarnedAt = 0;
  private failuresSinceWarning = 0;
  private stopping = false;
  private stopped = false;

  constructor(private readonly options: UsageReporterOptions) {
    this.buffer = new UsageBuffer(options.bufferMax ?? 10_000);
    this.flushMs = options.flushMs ?? 5000;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.gatewayId = options.gatewayId ?? `${os.hostname()}:${process.pid}`;
    this.endpoint = registryEndpoint(options.registryUrl, 'usage');
  }

  start(): void {
    this.schedule();
  }

  record(served: ServedOperation): void {
    if (this.stopped) return;
    this.buffer.record(served);
  }

  /** Sends what was recorded; waits for a flush already running rather than start a second one. */
  flush(): Promise<FlushOutcome> {
    this.flushing ??= this.send().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /** Stops the timer and sends what is left, once. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.flushing;
    await this.flush();
    this.stopped = true;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      void this.flush().finally(() => {
        if (!this.stopping) this.schedule();
      });
    }, this.flushMs);
    // A pending report must not keep a stopping process alive.
    this.timer.unref();
  }

  private async send(): Promise<FlushOutcome> {
    const outcome: FlushOutcome = { sent: 0, failed: 0, operations: 0 };
    const { entries, dropped } = this.buffer.drain();
    if (entries.length === 0 && dropped === 0) return outcome;
    const base = { gateway: this.gatewayId, compositionId: this.options.compositionId(), dropped };
    const { reports, unsendable } = splitReport(base, entries, this.options.limits);
    if (unsendable > 0) this.buffer.countDropped(unsendable);
    for (const report of reports) {
      const operations = report.operations.reduce((sum, entry) => sum + entry.count, 0);
      const failure = await this.post(report);
      if (failure === undefined) {
        outcome.sent += 1;
        outcome.operations += operations;
        this.totals.reportsSent += 1;
        this.totals.operationsSent += operations;
        continue;
      }
      outcome.failed += 1;
      this.totals.reportsFailed += 1;
      this.totals.operationsDropped += operations;
      // The report is gone: its operations, and the drops it was carrying, go in the next one's count.
      this.buffer.countDropped(operations + report.dropped);
      this.warn(failure, operations);
    }
    return outcome;
  }

  /** Undefined when the registry took the report; else why not. */
  private async post(report: UsageReport): Promise<string | undefined> {
    try {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
        body: JSON.stringify(report),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text();
      if (response.ok) return undefined;
      return `the registry answered HTTP ${response.status}${registryErrorMessage(text)}`;
    } catch (error) {
      return `the registry ${fetchFailure(error, this.timeoutMs)}`;
    }
  }

  private warn(reason: string, operations: number): void {
    this.failuresSinceWarning += 1;
    const now = Date.now();
    if (now - this.lastWarnedAt < WARN_EVERY_MS) return;
    this.options.log.warn(
      { reason, operations, failedReports: this.failuresSinceWarning, endpoint: this.endpoint },
      'usage report not delivered; its operations are counted as dropped (next warning in a minute at the earliest)',
    );
    this.lastWarnedAt = now;
    this.failuresSinceWarning = 0;
  }
}
