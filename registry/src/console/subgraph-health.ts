export interface SubgraphHealth {
  status: 'UP' | 'DOWN';
  checkedAt: Date;
  /** Until the answer came; null when none came. */
  latencyMs: number | null;
  detail: string | null;
}

/**
 * Whether each subgraph answers `/ready` at its routing URL's origin, as every subgraph on the kit
 * does. At most one probe per subgraph every `cacheMs`: a console that refreshes, or many at once,
 * never multiplies the requests a subgraph gets. Never throws: a failure is DOWN with its reason.
 */
export class SubgraphHealthProbe {
  private readonly probes = new Map<string, { url: string; at: number; health: Promise<SubgraphHealth> }>();

  constructor(
    private readonly timeoutMs = 2000,
    private readonly cacheMs = 5000,
  ) {}

  of(subgraph: { name: string; routingUrl: string }): Promise<SubgraphHealth> {
    const now = Date.now();
    const cached = this.probes.get(subgraph.name);
    if (cached && cached.url === subgraph.routingUrl && now - cached.at < this.cacheMs) return cached.health;
    const health = this.probe(subgraph.routingUrl);
    this.probes.set(subgraph.name, { url: subgraph.routingUrl, at: now, health });
    return health;
  }

  private async probe(routingUrl: string): Promise<SubgraphHealth> {
    const started = performance.now();
    const checkedAt = new Date();
    let url: string;
    try {
      url = new URL('/ready', routingUrl).href;
    } catch {
      return { status: 'DOWN', checkedAt, latencyMs: null, detail: `${routingUrl} is not a URL` };
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), redirect: 'manual' });
      await response.body?.cancel();
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      return response.ok
        ? { status: 'UP', checkedAt, latencyMs, detail: null }
        : { status: 'DOWN', checkedAt, latencyMs, detail: `${url} answered HTTP ${response.status}` };
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return {
        status: 'DOWN',
        checkedAt,
        latencyMs: null,
        detail: `${url}: ${timedOut ? `no answer within ${this.timeoutMs} ms` : 'not reachable'}`,
      };
    }
  }
}
