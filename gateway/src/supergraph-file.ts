import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { SupergraphSdlHook, SupergraphSdlUpdateFunction } from '@apollo/gateway';
import { Supergraph } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { listSizesFromSdl, type ListSizes, type Logger } from '@peacegraph/kit/server';

/** Where the supergraph being served came from. */
export type SupergraphSource = 'file' | 'registry' | 'cache';

export interface LoadedSupergraph {
  /**
   * The composition id: the registry's for a supergraph from the registry (or its cached copy); for a
   * file, sha256 of its content, as the gateway's own.
   */
  id: string;
  source: SupergraphSource;
  loadedAt: Date;
  /** Names and routing URLs as written in the supergraph (before any override). */
  subgraphs: readonly { name: string; url: string }[];
  /** The subgraphs' `@listSize` hints, which composition keeps in the supergraph, for the cost limit. */
  listSizes: ListSizes;
}

export type ReloadOutcome = { applied: true; id: string; at: Date } | { applied: false; reason: string; at: Date };

/** What happened to the new supergraphs (a changed file, a new composition) since the gateway started. */
export interface SupergraphReloads {
  readonly applied: number;
  readonly rejected: number;
  readonly last?: ReloadOutcome;
  /** The supergraph being served; undefined until the first is loaded. */
  readonly current?: LoadedSupergraph;
  /** Resolves with the outcome of the next reload attempt; rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<ReloadOutcome>;
}

export class SupergraphFileError extends Error {}

/**
 * The supergraph, served from a file and reloaded when the file changes. The directory is watched
 * (not the file) because `npm run compose` and editors replace the file by renaming over it. A change
 * that is not a valid supergraph is logged and ignored: the gateway keeps serving the last good one.
 * Requests already running finish on the schema they started with; ApolloGateway swaps schemas
 * between requests.
 */
export class SupergraphFile implements SupergraphReloads {
  applied = 0;
  rejected = 0;
  last?: ReloadOutcome;
  current?: LoadedSupergraph;

  private watcher?: fs.FSWatcher;
  private timer?: NodeJS.Timeout;
  private currentSdl?: string;
  private readonly waiters: Waiter[] = [];

  constructor(
    readonly file: string,
    private readonly log: Logger,
    private readonly debounceMs = 200,
  ) {}

  /** The `supergraphSdl` option of ApolloGateway. */
  readonly hook: SupergraphSdlHook = async ({ update }) => {
    const sdl = this.readInitial();
    this.accept(sdl, inspectSupergraph(sdl, 'file'));
    this.watch(update);
    return { supergraphSdl: sdl, cleanup: async () => this.close() };
  };

  next(timeoutMs = 5000): Promise<ReloadOutcome> {
    return nextOutcome(this.waiters, timeoutMs);
  }

  private readInitial(): string {
    let sdl: string;
    try {
      sdl = fs.readFileSync(this.file, 'utf8');
    } catch {
      throw new SupergraphFileError(`No supergraph at ${this.file}: run \`npm run compose\` first`);
    }
    try {
      inspectSupergraph(sdl, 'file');
    } catch (error) {
      throw new SupergraphFileError(`${this.file} is not a valid supergraph: ${firstLine(error)}`);
    }
    return sdl;
  }

  private watch(update: SupergraphSdlUpdateFunction): void {
    const name = path.basename(this.file);
    this.watcher = fs.watch(path.dirname(this.file), (_event, changed) => {
      if (changed !== null && changed !== name) return;
      clearTimeout(this.timer);
      // Several events arrive for one save; reading after they settle avoids reading a half-written file.
      this.timer = setTimeout(() => this.reload(update), this.debounceMs);
    });
    this.watcher.on('error', (error) => this.log.error({ err: error }, 'stopped watching the supergraph file'));
  }

  private reload(update: SupergraphSdlUpdateFunction): void {
    let sdl: string;
    try {
      sdl = fs.readFileSync(this.file, 'utf8');
    } catch {
      this.log.warn({ file: this.file }, 'supergraph file is gone; still serving the last one loaded');
      return;
    }
    if (sdl === this.currentSdl) return;
    try {
      const loaded = inspectSupergraph(sdl, 'file');
      update(sdl);
      this.accept(sdl, loaded);
      this.applied += 1;
      this.settle({ applied: true, id: loaded.id, at: loaded.loadedAt });
      this.log.info({ id: loaded.id, subgraphs: loaded.subgraphs.map((s) => s.name) }, 'supergraph reloaded');
    } catch (error) {
      this.rejected += 1;
      const reason = firstLine(error);
      this.settle({ applied: false, reason, at: new Date() });
      this.log.error({ file: this.file, reason }, 'supergraph file changed but is not valid; still serving the last one loaded');
    }
  }

  private accept(sdl: string, loaded: LoadedSupergraph): void {
    this.currentSdl = sdl;
    this.current = loaded;
  }

  private settle(outcome: ReloadOutcome): void {
    this.last = outcome;
    settleWaiters(this.waiters, outcome);
  }

  private close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
  }
}

/**
 * Throws when the text is not a supergraph the gateway could serve. `id` is the composition id when
 * one is known (the registry's); without it, sha256 of the text.
 */
export function inspectSupergraph(sdl: string, source: SupergraphSource, id?: string): LoadedSupergraph {
  const supergraph = Supergraph.build(sdl);
  supergraph.apiSchema();
  return {
    id: id ?? sha256(sdl),
    source,
    loadedAt: new Date(),
    subgraphs: supergraph.subgraphsMetadata().map(({ name, url }) => ({ name, url })),
    listSizes: listSizesFromSdl(parse(sdl)),
  };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

type Waiter = (outcome: ReloadOutcome) => void;

/** A promise of the next outcome pushed to `waiters`; rejects after `timeoutMs`. */
export function nextOutcome(waiters: Waiter[], timeoutMs: number): Promise<ReloadOutcome> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      const index = waiters.indexOf(settle);
      if (index !== -1) waiters.splice(index, 1);
      reject(new Error(`no supergraph reload within ${timeoutMs} ms`));
    }, timeoutMs);
    const settle: Waiter = (outcome) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    waiters.push(settle);
  });
}

/** Resolves every waiter with the outcome and empties the list. */
export function settleWaiters(waiters: Waiter[], outcome: ReloadOutcome): void {
  for (const waiter of waiters.splice(0)) waiter(outcome);
}

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}
