import { runService, type Entry, type Service } from './processes';

/** How a crashed service comes back: after 1 s, 2 s, 4 s … at most `maxBackoffMs`. */
export interface RestartPolicy {
  firstBackoffMs: number;
  maxBackoffMs: number;
  /** Give up on a service that crashed this many times within `windowMs`. */
  maxCrashes: number;
  windowMs: number;
}

export const DEFAULT_POLICY: RestartPolicy = { firstBackoffMs: 1000, maxBackoffMs: 30_000, maxCrashes: 5, windowMs: 60_000 };

export interface ServiceSpec {
  name: string;
  /** Colour of its log label. */
  index: number;
  entry: Entry;
  env: NodeJS.ProcessEnv;
  /** Resolves once the started process serves (a /ready answer, a message); rejects if it cannot. */
  ready: (service: Service) => Promise<void>;
  /** Runs before the first start and before a restart asked for by an operator (migrations, seeds). */
  prepare?: () => Promise<void>;
}

export type ServiceState = 'starting' | 'running' | 'restarting' | 'gave up' | 'stopped';

export interface ServiceStatus {
  name: string;
  state: ServiceState;
  pid: number | undefined;
  restarts: number;
  /** Why it gave up, when it did. */
  reason?: string;
}

interface Supervised {
  spec: ServiceSpec;
  state: ServiceState;
  current?: Service;
  restarts: number;
  crashes: number[];
  timer?: NodeJS.Timeout;
  reason?: string;
}

/**
 * Keeps the platform's processes running. A service that exits on its own is started again after a
 * growing pause, and the others keep serving meanwhile; one that keeps crashing (`maxCrashes` within
 * `windowMs`) is left stopped, said in the log and in `status()`, while the rest runs on. `stop`
 * stops groups in order (the gateway, then the subgraphs, then PostgreSQL).
 */
export class Supervisor {
  private readonly services = new Map<string, Supervised>();
  private stopping = false;

  constructor(
    private readonly say: (line: string) => void,
    private readonly policy: RestartPolicy = DEFAULT_POLICY,
    private readonly onChange: (statuses: ServiceStatus[]) => void = () => {},
  ) {}

  /** Starts a service and resolves once it is ready (a failure to get ready on first start rejects). */
  async start(spec: ServiceSpec): Promise<void> {
    const entry: Supervised = { spec, state: 'starting', restarts: 0, crashes: [] };
    this.services.set(spec.name, entry);
    await spec.prepare?.();
    await this.launch(entry);
  }

  /** An operator's restart: prepare again (new migrations), then start; past crashes are forgiven. */
  async restart(name: string): Promise<void> {
    const entry = this.services.get(name);
    if (!entry) throw new Error(`no service named "${name}" (known: ${[...this.services.keys()].join(', ')})`);
    if (this.stopping) throw new Error('the platform is stopping');
    clearTimeout(entry.timer);
    entry.state = 'restarting';
    this.changed();
    await this.terminate(entry);
    entry.crashes = [];
    entry.reason = undefined;
    this.say(`${name}: restarting on request`);
    await entry.spec.prepare?.();
    await this.launch(entry);
    entry.restarts += 1;
    this.say(`${name}: restarted (pid ${entry.current?.child.pid})`);
    this.changed();
  }

  status(): ServiceStatus[] {
    return [...this.services.values()].map((s) => ({
      name: s.spec.name,
      state: s.state,
      pid: s.state === 'running' ? s.current?.child.pid : undefined,
      restarts: s.restarts,
      ...(s.reason ? { reason: s.reason } : {}),
    }));
  }

  /** Send a message to one service over its IPC channel (the gateway learns what gave up). */
  tell(name: string, message: unknown): void {
    const child = this.services.get(name)?.current?.child;
    if (child?.connected) child.send(message as never, () => {});
  }

  /** Stops the named groups one after the other, each with SIGTERM then, after `graceMs`, SIGKILL. */
  async stop(groups: string[][], graceMs = 10_000): Promise<void> {
    this.stopping = true;
    for (const entry of this.services.values()) clearTimeout(entry.timer);
    const named = new Set(groups.flat());
    const rest = [...this.services.keys()].filter((n) => !named.has(n));
    for (const group of [...groups, rest]) {
      await Promise.all(
        group
          .map((name) => this.services.get(name))
          .filter((e): e is Supervised => !!e)
          .map((e) => this.terminate(e, graceMs)),
      );
    }
  }

  private async launch(entry: Supervised): Promise<void> {
    const { spec } = entry;
    entry.state = 'starting';
    const service = runService(spec.name, spec.index, spec.entry, spec.env);
    entry.current = service;
    void service.exited.then(() => this.exited(entry, service, howItEnded(service)));
    await spec.ready(service);
    if (entry.current === service && entry.state === 'starting') entry.state = 'running';
    this.changed();
  }

  private exited(entry: Supervised, service: Service, how: string): void {
    if (this.stopping || entry.current !== service || entry.state === 'restarting' || entry.state === 'stopped') return;
    const name = entry.spec.name;
    const now = Date.now();
    entry.crashes = [...entry.crashes.filter((t) => now - t < this.policy.windowMs), now];
    if (entry.crashes.length >= this.policy.maxCrashes) {
      entry.state = 'gave up';
      entry.reason = `exited ${entry.crashes.length} times within ${Math.round(this.policy.windowMs / 1000)} s`;
      this.say(
        `${name} ${how} and ${entry.reason}: giving up on it; the rest of the platform keeps running. Fix it, then: npm run restart -- ${name}`,
      );
      this.changed();
      return;
    }
    const backoff = Math.min(this.policy.maxBackoffMs, this.policy.firstBackoffMs * 2 ** (entry.crashes.length - 1));
    entry.state = 'restarting';
    this.say(
      `${name} ${how}; starting it again in ${(backoff / 1000).toFixed(1)} s (crash ${entry.crashes.length} of ${this.policy.maxCrashes} allowed within ${Math.round(this.policy.windowMs / 1000)} s)`,
    );
    this.changed();
    entry.timer = setTimeout(() => {
      if (this.stopping || entry.state !== 'restarting') return;
      this.launch(entry).then(
        () => {
          entry.restarts += 1;
          this.say(`${name} is back (pid ${entry.current?.child.pid})`);
        },
        // A start that fails shows up as another exit, which counts as another crash.
        (error: unknown) => this.say(`${name} did not get ready: ${(error as Error).message}`),
      );
    }, backoff);
  }

  private async terminate(entry: Supervised, graceMs = 10_000): Promise<void> {
    const service = entry.current;
    const previous = entry.state;
    if (previous !== 'restarting') entry.state = 'stopped';
    if (!service || service.child.exitCode !== null || service.child.signalCode !== null) return;
    service.child.kill('SIGTERM');
    const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([service.exited, timer]);
    if (service.child.exitCode === null && service.child.signalCode === null) {
      service.child.kill('SIGKILL');
      await service.exited;
    }
  }

  private changed(): void {
    this.onChange(this.status());
  }
}

function howItEnded(service: Service): string {
  const { exitCode, signalCode } = service.child;
  return signalCode ? `was killed (${signalCode})` : `exited (code ${exitCode})`;
}
