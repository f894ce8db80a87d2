import fs from 'node:fs';
import path from 'node:path';
import type { SupergraphSdlHook, SupergraphSdlUpdateFunction } from '@apollo/gateway';
import type { Logger } from '@peacegraph/kit/server';
import {
  firstLine,
  inspectSupergraph,
  nextOutcome,
  settleWaiters,
  sha256,
  type LoadedSupergraph,
  type ReloadOutcome,
  type SupergraphReloads,
} from './supergraph-file';
import { fetchFailure, registryEndpoint, registryErrorMessage } from './registry-http';

export interface RegistrySupergraphOptions {
  /** The registry's base URL; the supergraph is at `{url}/supergraph`. */
  url: string;
  token: string;
  /** Where the last good supergraph is kept, for a start while the registry is unreachable. */
  cachePath: string;
  /** Time between two polls, ms. Default 2000. */
  pollMs?: number;
  /** Longest wait for one answer from the registry, ms. Default 5000. */
  timeoutMs?: number;
  log: Logger;
}

/** What the last poll of the registry found. */
export type PollOutcome =
  /** A new composition, validated and now served. */
  | 'updated'
  /** 304: the registry's launched composition is the one served. */
  | 'not-modified'
  /** A new composition that is not a supergraph the gateway can serve; the last good one stays. */
  | 'rejected'
  /** 404: nothing is launched in the registry. */
  | 'not-launched'
  /** 401 or 403: the registry refused REGISTRY_TOKEN. */
  | 'unauthorized'
  /** No answer (down, timed out) or an unexpected status. */
  | 'unreachable';

export interface LastPoll {
  at: string;
  outcome: PollOutcome;
  /** HTTP status, when the registry answered. */
  status?: number;
  /** The composition the registry offered, for `updated` and `rejected`. */
  compositionId?: string;
  reason?: string;
}

export class RegistrySupergraphError extends Error {}

type Fetched =
  | { kind: 'supergraph'; sdl: string; compositionId: string; launchedAt?: string }
  | { kind: 'not-modified' }
  | { kind: 'refused'; outcome: 'not-launched' | 'unauthorized' | 'unreachable'; status?: number; reason: string };

type Waiter = (outcome: ReloadOutcome) => void;

const CACHE_BANNER =
  '# PeaceGraph: the last supergraph the gateway took from the schema registry, served when the registry is unreachable.';
const CACHE_END = '# ---';

/**
 * The supergraph, taken from the schema registry and followed there. At start the gateway asks for the
 * launched composition; when the registry cannot give it (unreachable, nothing launched, a bad token,
 * an invalid supergraph) it serves the copy kept at `cachePath` instead, and says so. Then it polls
 * every `pollMs` with `If-None-Match`, so an unchanged composition costs a 304. A new composition is
 * validated as a supergraph file is, then handed to ApolloGateway (which swaps schemas between
 * requests: none is dropped) and written to the cache by rename; one that is not valid is logged once
 * and the last good one keeps serving. The registry going down changes nothing being served.
 */
export class RegistrySupergraph implements SupergraphReloads {
  applied = 0;
  rejected = 0;
  last?: ReloadOutcome;
  current?: LoadedSupergraph;
  lastPoll?: LastPoll;

  private readonly supergraphUrl: string;
  private readonly pollMs: number;
  private readonly timeoutMs: number;
  private readonly log: Logger;
  private readonly waiters: Waiter[] = [];
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;
  private closed = false;
  /** A composition refused once is not checked (nor logged) again at every poll. */
  private refusedId?: string;
  private lastRefusal?: string;
  private reachable = true;

  constructor(private readonly options: RegistrySupergraphOptions) {
    this.supergraphUrl = registryEndpoint(options.url, 'supergraph');
    this.pollMs = options.pollMs ?? 2000;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.log = options.log;
  }

  /** The `supergraphSdl` option of ApolloGateway. */
  readonly hook: SupergraphSdlHook = async ({ update }) => {
    const sdl = await this.initial();
    this.schedule(update);
    return { supergraphSdl: sdl, cleanup: () => this.close() };
  };

  next(timeoutMs = 5000): Promise<ReloadOutcome> {
    return nextOutcome(this.waiters, timeoutMs);
  }

  private async initial(): Promise<string> {
    const fetched = await this.fetch(undefined);
    let why: string;
    if (fetched.kind === 'supergraph') {
      try {
        const loaded = inspectSupergraph(fetched.sdl, 'registry', fetched.compositionId);
        this.accept(loaded);
        this.polled({ outcome: 'updated', status: 200, compositionId: fetched.compositionId });
        this.writeCache(fetched.sdl, fetched.compositionId, fetched.launchedAt);
        this.log.info({ compositionId: loaded.id, subgraphs: loaded.subgraphs.map((s) => s.name) }, 'supergraph loaded from the registry');
        return fetched.sdl;
      } catch (error) {
        this.rejected += 1;
        this.refusedId = fetched.compositionId;
        this.lastRefusal = firstLine(error);
        why = `offered composition ${fetched.compositionId}, which is not a valid supergraph: ${firstLine(error)}`;
        this.polled({ outcome: 'rejected', status: 200, compositionId: fetched.compositionId, reason: firstLine(error) });
      }
    } else if (fetched.kind === 'refused') {
      why = fetched.reason;
      this.reachable = fetched.outcome !== 'unreachable';
      this.polled({ outcome: fetched.outcome, status: fetched.status, reason: fetched.reason });
    } else {
      // A 304 to a request without If-None-Match: the registry is not keeping its contract.
      why = 'answered 304 to a request for its supergraph';
      this.polled({ outcome: 'unreachable', status: 304, reason: why });
    }
    const cached = this.readCache();
    if (!cached.ok) {
      throw new RegistrySupergraphError(
        `No supergraph to serve: the registry at ${this.options.url} ${why}, and ${cached.reason}. ` +
          'Launch a composition in the registry, or unset REGISTRY_URL to serve SUPERGRAPH_PATH.',
      );
    }
    this.accept(cached.loaded);
    this.log.warn(
      { compositionId: cached.loaded.id, cachePath: this.options.cachePath, fetchedAt: cached.fetchedAt, reason: why },
      'serving the cached supergraph: the registry could not give one; still polling it',
    );
    return cached.sdl;
  }

  private schedule(update: SupergraphSdlUpdateFunction): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll(update)
        .catch((error: unknown) => this.log.error({ err: error }, 'registry poll failed'))
        .finally(() => {
          this.polling = undefined;
          this.schedule(update);
        });
    }, this.pollMs);
    this.timer.unref();
  }

  private async poll(update: SupergraphSdlUpdateFunction): Promise<void> {
    const fetched = await this.fetch(this.current?.id);
    if (this.closed) return;
    if (fetched.kind === 'refused') {
      // Logged when the registry's answer changes, not at every poll.
      const before = this.lastPoll?.outcome;
      this.polled({ outcome: fetched.outcome, status: fetched.status, reason: fetched.reason });
      if (fetched.outcome === 'unreachable' && this.reachable) {
        this.log.warn(
          { reason: fetched.reason, compositionId: this.current?.id },
          'registry unreachable; still serving the current supergraph',
        );
      } else if (fetched.outcome !== 'unreachable' && before !== fetched.outcome) {
        this.log.error({ reason: fetched.reason }, 'registry refused to give its supergraph; still serving the current one');
      }
      this.reachable = fetched.outcome !== 'unreachable';
      return;
    }
    if (!this.reachable) this.log.info({ compositionId: this.current?.id }, 'registry reachable again');
    this.reachable = true;
    if (fetched.kind === 'not-modified' || fetched.compositionId === this.current?.id) {
      this.confirm();
      this.polled({ outcome: 'not-modified', status: fetched.kind === 'not-modified' ? 304 : 200 });
      return;
    }
    if (fetched.compositionId === this.refusedId) {
      this.polled({ outcome: 'rejected', status: 200, compositionId: fetched.compositionId, reason: this.lastRefusal });
      return;
    }
    this.apply(fetched, update);
  }

  private apply(fetched: Extract<Fetched, { kind: 'supergraph' }>, update: SupergraphSdlUpdateFunction): void {
    try {
      const loaded = inspectSupergraph(fetched.sdl, 'registry', fetched.compositionId);
      update(fetched.sdl);
      this.accept(loaded);
      this.applied += 1;
      this.refusedId = undefined;
      this.polled({ outcome: 'updated', status: 200, compositionId: loaded.id });
      this.settle({ applied: true, id: loaded.id, at: loaded.loadedAt });
      this.writeCache(fetched.sdl, fetched.compositionId, fetched.launchedAt);
      this.log.info({ compositionId: loaded.id, subgraphs: loaded.subgraphs.map((s) => s.name) }, 'supergraph reloaded from the registry');
    } catch (error) {
      const reason = firstLine(error);
      this.rejected += 1;
      this.refusedId = fetched.compositionId;
      this.lastRefusal = reason;
      this.polled({ outcome: 'rejected', status: 200, compositionId: fetched.compositionId, reason });
      this.settle({ applied: false, reason, at: new Date() });
      this.log.error(
        { compositionId: fetched.compositionId, reason, serving: this.current?.id },
        'registry offered a supergraph that is not valid; still serving the last good one',
      );
    }
  }

  /** The registry says the cached copy being served is its launched composition. */
  private confirm(): void {
    if (this.current?.source !== 'cache') return;
    this.current = { ...this.current, source: 'registry' };
    this.log.info({ compositionId: this.current.id }, 'registry confirms the cached supergraph is its launched one');
  }

  private async fetch(etag: string | undefined): Promise<Fetched> {
    let response: Response;
    let body: string;
    try {
      response = await fetch(this.supergraphUrl, {
        headers: { authorization: `Bearer ${this.options.token}`, ...(etag ? { 'if-none-match': `"${etag}"` } : {}) },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      body = await response.text();
    } catch (error) {
      return { kind: 'refused', outcome: 'unreachable', reason: fetchFailure(error, this.timeoutMs) };
    }
    const status = response.status;
    if (status === 304) return { kind: 'not-modified' };
    if (status === 200) {
      const compositionId = response.headers.get('x-composition-id') ?? unquote(response.headers.get('etag')) ?? sha256(body);
      return { kind: 'supergraph', sdl: body, compositionId, launchedAt: response.headers.get('x-launched-at') ?? undefined };
    }
    if (status === 404)
      return {
        kind: 'refused',
        outcome: 'not-launched',
        status,
        reason: `has no launched supergraph yet (404${registryErrorMessage(body)})`,
      };
    if (status === 401 || status === 403) {
      return {
        kind: 'refused',
        outcome: 'unauthorized',
        status,
        reason: `refused REGISTRY_TOKEN (HTTP ${status}${registryErrorMessage(body)})`,
      };
    }
    return { kind: 'refused', outcome: 'unreachable', status, reason: `answered HTTP ${status}${registryErrorMessage(body)}` };
  }

  private accept(loaded: LoadedSupergraph): void {
    this.current = loaded;
  }

  private polled(poll: Omit<LastPoll, 'at'>): void {
    this.lastPoll = { at: new Date().toISOString(), ...poll };
  }

  private settle(outcome: ReloadOutcome): void {
    this.last = outcome;
    settleWaiters(this.waiters, outcome);
  }

  /** Written beside and renamed over: a reader (the next start) never sees half a file. */
  private writeCache(sdl: string, compositionId: string, launchedAt: string | undefined): void {
    const file = this.options.cachePath;
    const header = [
      CACHE_BANNER,
      `# composition-id: ${compositionId}`,
      `# launched-at: ${launchedAt ?? ''}`,
      `# fetched-at: ${new Date().toISOString()}`,
      `# sha256: ${sha256(sdl)}`,
      CACHE_END,
    ];
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(temporary, `${header.join('\n')}\n${sdl}`);
      fs.renameSync(temporary, file);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      this.log.warn(
        { cachePath: file, reason: firstLine(error) },
        'could not keep a copy of the supergraph; a start without the registry would fail',
      );
    }
  }

  private readCache(): { ok: true; sdl: string; loaded: LoadedSupergraph; fetchedAt?: string } | { ok: false; reason: string } {
    const file = this.options.cachePath;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return { ok: false, reason: `there is no cached copy at ${file}` };
    }
    const parsed = parseCache(text);
    if (!parsed) return { ok: false, reason: `the cached copy at ${file} is damaged` };
    try {
      return {
        ok: true,
        sdl: parsed.sdl,
        loaded: inspectSupergraph(parsed.sdl, 'cache', parsed.compositionId),
        fetchedAt: parsed.fetchedAt,
      };
    } catch (error) {
      return { ok: false, reason: `the cached copy at ${file} is not a valid supergraph (${firstLine(error)})` };
    }
  }

  /** Stops polling; a poll already running ends without touching the gateway. */
  private async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.polling;
  }
}

/** The SDL and composition id of a cache file; undefined when it was not written by the gateway or was altered. */
export function parseCache(text: string): { sdl: string; compositionId: string; fetchedAt?: string } | undefined {
  const end = text.indexOf(`\n${CACHE_END}\n`);
  if (!text.startsWith(CACHE_BANNER) || end === -1) return undefined;
  const fields = new Map<string, string>();
  for (const line of text.slice(0, end).split('\n').slice(1)) {
    const match = /^# ([a-z0-9-]+): (.*)$/.exec(line);
    if (match) fields.set(match[1]!, match[2]!);
  }
  const sdl = text.slice(end + CACHE_END.length + 2);
  const compositionId = fields.get('composition-id');
  if (!compositionId || fields.get('sha256') !== sha256(sdl)) return undefined;
  return { sdl, compositionId, fetchedAt: fields.get('fetched-at') };
}

function unquote(etag: string | null): string | undefined {
  if (!etag) return undefined;
  return etag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}
