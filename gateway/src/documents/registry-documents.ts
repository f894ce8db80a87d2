import type { Logger } from '@peacegraph/kit/server';
import { fetchFailure } from '../registry-http';

/** A registered persisted document, as the registry's GET /documents/<sha256> gives it. */
export interface RegisteredDocument {
  id: string;
  body: string;
  /** Organisations whose client applications registered it. */
  organisations: ReadonlySet<string>;
}

export type DocumentLookup = { found: RegisteredDocument } | { missing: true } | { unavailable: string };

export interface RegistryDocumentsOptions {
  /** The registry's base URL. */
  url: string;
  token: string;
  log: Logger;
  /** Most documents held; the least recently used goes first. Default 5000. */
  max?: number;
  /** Most characters of documents held, all together (a document may have 100,000). Default 20,000,000. */
  maxChars?: number;
  /** A document held longer than this is asked for again (new clients may have registered it); kept if the registry does not answer. Default 60 s. */
  refreshMs?: number;
  /** How long "no client registered it" is believed before asking again. Default 2 s. */
  missMs?: number;
  /** Longest wait for the registry. Default 2000 ms. */
  timeoutMs?: number;
}

interface Held {
  document: RegisteredDocument | null;
  at: number;
}

/**
 * The registry's persisted documents, as a gateway serves them: fetched by id on first use, held in a
 * bounded map (least recently used out first), and served from there while the registry is down —
 * a document never changes under its id, only the clients that registered it can grow, so what was
 * fetched stays true. An unknown id is remembered briefly, so a client retrying it does not reach the
 * registry at every request, while a document uploaded a moment ago is found within `missMs`.
 */
/** Unknown ids remembered at once: each for `missMs` only, so a few hundred cover any real retry storm. */
const MAX_MISSES = 1000;

export class RegistryDocuments {
  private readonly held = new Map<string, Held>();
  /**
   * Ids the registry did not know, and when: apart from the documents, so that a stream of random ids
   * (anyone may send one) can never push a fetched document out and leave it unserved when the
   * registry is down.
   */
  private readonly misses = new Map<string, number>();
  private readonly asking = new Map<string, Promise<DocumentLookup>>();
  private readonly max: number;
  private readonly maxChars: number;
  private chars = 0;
  private readonly refreshMs: number;
  private readonly missMs: number;
  private readonly timeoutMs: number;
  private reachable = true;

  constructor(private readonly options: RegistryDocumentsOptions) {
    this.max = options.max ?? 5000;
    this.maxChars = options.maxChars ?? 20_000_000;
    this.refreshMs = options.refreshMs ?? 60_000;
    this.missMs = options.missMs ?? 2000;
    this.timeoutMs = options.timeoutMs ?? 2000;
  }

  get size(): number {
    return this.held.size;
  }

  /**
   * `id` is 64 hex digits. With `organisation`, a held document that organisation has not registered
   * is asked again once older than `missMs`: it may have registered it since.
   */
  async lookup(id: string, organisation?: string): Promise<DocumentLookup> {
    const held = this.held.get(id);
    const age = held ? Date.now() - held.at : Infinity;
    const current = !organisation || !held?.document || held.document.organisations.has(organisation) || age < this.missMs;
    if (held?.document && age < this.refreshMs && current) return this.touch(id, held);
    const missedAt = this.misses.get(id);
    if (missedAt !== undefined && Date.now() - missedAt < this.missMs) return { missing: true };
    const answer = await this.ask(id);
    // The registry down or odd: what was fetched before still serves.
    if ('unavailable' in answer && held?.document) return this.touch(id, held);
    return answer;
  }

  private touch(id: string, held: Held & { document: RegisteredDocument | null }): DocumentLookup {
    this.held.delete(id);
    this.held.set(id, held);
    return held.document ? { found: held.document } : { missing: true };
  }

  private ask(id: string): Promise<DocumentLookup> {
    let pending = this.asking.get(id);
    if (!pending) {
      pending = this.fetchDocument(id).finally(() => this.asking.delete(id));
      this.asking.set(id, pending);
    }
    return pending;
  }

  private async fetchDocument(id: string): Promise<DocumentLookup> {
    const base = this.options.url.endsWith('/') ? this.options.url : `${this.options.url}/`;
    let response: Response;
    try {
      response = await fetch(new URL(`documents/${id}`, base), {
        headers: { authorization: `Bearer ${this.options.token}` },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return this.unavailable(`the registry ${fetchFailure(error, this.timeoutMs)}`);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      this.rememberMiss(id);
      this.noteReachable();
      return { missing: true };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return this.unavailable(`the registry answered HTTP ${response.status}`);
    }
    const body = (await response.json().catch(() => null)) as {
      id?: unknown;
      body?: unknown;
      clientApplications?: { ownerOrganisationId?: unknown }[];
    } | null;
    if (body?.id !== id || typeof body.body !== 'string' || !Array.isArray(body.clientApplications))
      return this.unavailable('the registry answered something that is not a document');
    const document: RegisteredDocument = {
      id,
      body: body.body,
      organisations: new Set(
        body.clientApplications.flatMap((c) => (typeof c.ownerOrganisationId === 'string' ? [c.ownerOrganisationId] : [])),
      ),
    };
    this.remember(id, document);
    this.noteReachable();
    return { found: document };
  }

  private rememberMiss(id: string): void {
    this.misses.delete(id);
    this.misses.set(id, Date.now());
    while (this.misses.size > MAX_MISSES) this.misses.delete(this.misses.keys().next().value!);
  }

  private remember(id: string, document: RegisteredDocument | null): void {
    this.misses.delete(id);
    this.forget(id);
    this.held.set(id, { document, at: Date.now() });
    this.chars += document?.body.length ?? 0;
    while (this.held.size > this.max || (this.chars > this.maxChars && this.held.size > 1)) this.forget(this.held.keys().next().value!);
  }

  private forget(id: string): void {
    this.chars -= this.held.get(id)?.document?.body.length ?? 0;
    this.held.delete(id);
  }

  /** Logged once when the registry stops answering and once when it is back, not at every request. */
  private unavailable(why: string): DocumentLookup {
    if (this.reachable) this.options.log.warn({ why }, 'persisted documents: the registry cannot be asked; serving those already fetched');
    this.reachable = false;
    return { unavailable: why };
  }

  private noteReachable(): void {
    if (!this.reachable) this.options.log.info('persisted documents: the registry answers again');
    this.reachable = true;
  }
}
