import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@peacegraph/kit/embedded';
import { until } from '@peacegraph/kit/testing';
import { waitUntilReady } from '../platform/processes';
import { Supervisor, type ServiceSpec } from '../platform/supervisor';

/** Real child processes under a quick policy: 50 ms first pause, three crashes in 5 s give up. */
const POLICY = { firstBackoffMs: 50, maxBackoffMs: 400, maxCrashes: 3, windowMs: 5000 };
const SERVICE = path.join(__dirname, 'fixtures/service.ts');

describe('the platform supervisor', () => {
  let dir: string;
  let lines: string[];
  let supervisor: Supervisor;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peacegraph-supervisor-'));
    lines = [];
    supervisor = new Supervisor((line) => lines.push(line), POLICY);
  });
  afterEach(async () => {
    await supervisor.stop([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function spec(name: string, env: Record<string, string> = {}): Promise<ServiceSpec & { port: number; starts: () => number }> {
    const port = await freePort();
    const startsFile = path.join(dir, `${name}.starts`);
    fs.writeFileSync(startsFile, '');
    return {
      name,
      index: 0,
      entry: SERVICE,
      env: { PORT: String(port), STARTS_FILE: startsFile, STOPS_FILE: path.join(dir, 'stops'), NAME: name, ...env },
      ready: (service) => waitUntilReady(`http://127.0.0.1:${port}/ready`, 20_000, service.exited),
      port,
      starts: () => fs.readFileSync(startsFile, 'utf8').trim().split('\n').filter(Boolean).length,
    };
  }

  const eventually = (condition: () => boolean) => until(condition, () => `the supervisor; its log:\n${lines.join('\n')}`, 20_000);
  const state = (name: string) => supervisor.status().find((s) => s.name === name)?.state;

  it('starts a killed service again while the others keep serving', async () => {
    const a = await spec('alpha');
    const b = await spec('beta');
    await supervisor.start(a);
    await supervisor.start(b);
    const firstPid = supervisor.status().find((s) => s.name === 'alpha')!.pid!;
    process.kill(firstPid, 'SIGKILL');
    await eventually(() => a.starts() === 2 && state('alpha') === 'running');
    const alpha = supervisor.status().find((s) => s.name === 'alpha')!;
    expect(alpha.pid).not.toBe(firstPid);
    expect(alpha.restarts).toBe(1);
    expect(b.starts()).toBe(1);
    expect((await fetch(`http://127.0.0.1:${a.port}/ready`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${b.port}/ready`)).status).toBe(200);
    expect(lines.some((l) => l.startsWith('alpha was killed (SIGKILL); starting it again in 0.1 s'))).toBe(true);
  });

  it('gives up on a service that keeps crashing, says so, and leaves the rest running', async () => {
    const steady = await spec('steady');
    const crashy = await spec('crashy', { CRASH_AFTER_MS: '150' });
    const changes: string[][] = [];
    supervisor = new Supervisor(
      (line) => lines.push(line),
      POLICY,
      (statuses) => changes.push(statuses.filter((s) => s.state === 'gave up').map((s) => s.name)),
    );
    await supervisor.start(steady);
    await supervisor.start(crashy);
    await eventually(() => state('crashy') === 'gave up');
    expect(crashy.starts()).toBe(3);
    expect(supervisor.status().find((s) => s.name === 'crashy')!.reason).toBe('exited 3 times within 5 s');
    expect(lines.filter((l) => l.startsWith('crashy exited (code 3); starting it again'))).toHaveLength(2);
    expect(lines.at(-1)).toContain('crashy exited (code 3) and exited 3 times within 5 s: giving up on it');
    expect(changes.at(-1)).toEqual(['crashy']);
    // The pauses grew: 50 ms, then 100 ms.
    expect(lines.some((l) => l.includes('again in 0.1 s (crash 2 of 3'))).toBe(true);
    await new Promise((r) => setTimeout(r, 600));
    expect(crashy.starts()).toBe(3);
    expect(state('steady')).toBe('running');
    expect((await fetch(`http://127.0.0.1:${steady.port}/ready`)).status).toBe(200);
  });

  it('forgives a given-up service that an operator restarts, running its preparation again', async () => {
    const prepared: number[] = [];
    const failing = await spec('failing', { CRASH_AFTER_MS: '0' });
    await expect(supervisor.start({ ...failing, prepare: async () => void prepared.push(Date.now()) })).rejects.toThrow(
      'exited before it was ready',
    );
    await eventually(() => state('failing') === 'gave up');
    expect(failing.starts()).toBe(3);
    // The fix is deployed: the service now starts.
    (supervisor as unknown as { services: Map<string, { spec: ServiceSpec }> }).services.get('failing')!.spec.env.CRASH_AFTER_MS = '';
    await supervisor.restart('failing');
    expect(state('failing')).toBe('running');
    expect(prepared).toHaveLength(2);
    expect(supervisor.status().find((s) => s.name === 'failing')!.restarts).toBe(1);
    await expect(supervisor.restart('nobody')).rejects.toThrow('no service named "nobody" (known: failing)');
  });

  it('stops groups in order and never restarts what it stopped', async () => {
    const gateway = await spec('gateway');
    const one = await spec('one');
    const two = await spec('two');
    for (const s of [one, two, gateway]) await supervisor.start(s);
    await supervisor.stop([['gateway'], ['one', 'two']]);
    const stops = fs.readFileSync(path.join(dir, 'stops'), 'utf8').trim().split('\n');
    expect(stops[0]).toBe('gateway');
    expect(stops.slice(1).sort()).toEqual(['one', 'two']);
    await new Promise((r) => setTimeout(r, 300));
    expect([gateway, one, two].map((s) => s.starts())).toEqual([1, 1, 1]);
    expect(supervisor.status().map((s) => s.state)).toEqual(['stopped', 'stopped', 'stopped']);
  });
});
