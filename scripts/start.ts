/**
 * `npm start`: the whole platform on one machine. PostgreSQL (embedded unless DATABASE_URL is set),
 * one database per subgraph with migrations, reference and demo data, every subgraph and the gateway
 * as separate processes with labelled logs, all supervised: a service that crashes is started again
 * while the others keep serving. Ctrl-C stops everything, PostgreSQL last.
 */
import fs from 'node:fs';
import type net from 'node:net';
import path from 'node:path';
import { portInUse } from '@peacegraph/kit/embedded';
import { readSupergraphConfig } from '@peacegraph/kit/composition';
import { composeIfChanged } from './platform/composition';
import { ensureConsoleBuilt } from './platform/console-build';
import { alreadyPublished, publishedHash, readPublished, writePublished } from './platform/published';
import { openDatabaseServer, POSTGRES_SERVICE } from './platform/database-server';
import { controlSocketPath, serveControl } from './platform/control';
import { claimPlatform } from './platform/lock';
import { planSubgraphs, type PlannedSubgraph } from './platform/plan';
import { gatewayServes, label, waitUntilReady } from './platform/processes';
import { Supervisor } from './platform/supervisor';
import { ADMIN_DEV_SCOPES, PLATFORM_ORGANISATION_ID, devSecret, devToken } from './platform/dev-secret';
import { REGISTRY_SERVICE, launchedCompositionId, publishLocalSchema, registryPort } from './platform/registry';

const root = path.resolve(__dirname, '..');
const started = Date.now();
const say = (line: string) => process.stdout.write(`${label('platform', 7)} ${line}\n`);
const GATEWAY = 'gateway';
/** A subgraph's first start loads its demo data before it serves (about 15 s on a busy 2-core machine). */
const PREPARE_AND_SERVE_MS = 180_000;

async function main(): Promise<void> {
  const configPath = path.join(root, 'supergraph.yaml');
  const supergraphPath = path.join(root, 'supergraph.graphql');
  if (await composeIfChanged(root, configPath, supergraphPath)) say('supergraph composed');
  const config = await readSupergraphConfig(configPath);
  const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
  const registryUrl = `http://localhost:${registryPort()}`;

  const lock = claimPlatform(root);
  const ports = [gatewayPort, registryPort(), ...config.subgraphs.map((s) => Number(new URL(s.routingUrl).port))];
  // A platform that was killed leaves children that stop by themselves within seconds: wait for them.
  await portsFree(ports, lock.previousCrashed ? 20_000 : 0).catch((error: unknown) => {
    lock.release();
    throw error;
  });

  // The gateway hears which services the supervisor gave up on, to say so in its /ready.
  const supervisor = new Supervisor(say, undefined, (statuses) =>
    supervisor.tell(GATEWAY, { platform: statuses.filter((s) => s.state === 'gave up').map(({ name, reason }) => ({ name, reason })) }),
  );
  let stopping = false;
  let control: net.Server | undefined;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    // The gateway first (no new requests), then the subgraphs (in-flight requests drain), then PostgreSQL.
    const subgraphNames = config.subgraphs.map((s) => s.name);
    control?.close();
    await supervisor.stop([[GATEWAY], [...subgraphNames, REGISTRY_SERVICE], [POSTGRES_SERVICE]]);
    fs.rmSync(controlSocketPath(root), { force: true });
    lock.release();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    // The console builds (when its sources changed) while the database and services start.
    const consoleBuilt = ensureConsoleBuilt(root).then(
      (built) => (built ? say('console built') : undefined),
      (error: unknown) => say(`the console is not available: ${(error as Error).message}`),
    );
    const database = await openDatabaseServer(root, say, supervisor);
    say(`using ${database.describe}`);
    const embedded = !process.env.DATABASE_URL;
    const secret = devSecret(root, true)!;
    const adminToken = await devToken(secret, PLATFORM_ORGANISATION_ID, ADMIN_DEV_SCOPES, '12h', 'dev-admin');
    const auth = { AUTH_HS256_SECRET: secret };

    const { planned: subgraphs, directoryUrl } = await planSubgraphs(root, config.subgraphs, database, auth);
    const startSubgraph = (subgraph: PlannedSubgraph) =>
      supervisor.start({
        name: subgraph.name,
        index: subgraph.index,
        // Migrations, reference data and (once) demo data, then serving, in one process: a second
        // process to prepare cost a boot of Node, tsx and the subgraph's modules each, for a database
        // that on a warm start needs nothing. Its first start may load the demo data: more time.
        entry: subgraph.entry('start'),
        env: { ...subgraph.env, PORT: subgraph.port },
        ready: (service) => waitUntilReady(new URL('/ready', subgraph.routingUrl).toString(), PREPARE_AND_SERVE_MS, service.exited),
      });
    // Every subgraph, the registry and (on a warm start) the gateway boot at once: booting Node, tsx
    // and the modules is most of a start, and one waiting on another left a core idle. Each subgraph
    // waits in its own process for the directory (its demo data is placed in the directory's
    // communities) and is published to the registry once both serve.
    const registryReady = supervisor.start({
      name: REGISTRY_SERVICE,
      index: subgraphs.length + 1,
      entry: path.join(root, 'registry/src/index.ts'),
      env: {
        DATABASE_URL: await database.databaseFor(REGISTRY_SERVICE),
        REGISTRY_PORT: String(registryPort()),
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        VERIFY_INTERVAL_MS: '1000',
        CONSOLE_GATEWAY_URL: `http://localhost:${gatewayPort}/graphql`,
        // Only on a throwaway local platform may the console open signed in as an admin.
        ...(embedded ? { CONSOLE_DEV_TOKEN: adminToken } : {}),
        ...auth,
        ...(directoryUrl ? { DIRECTORY_URL: directoryUrl } : {}),
      },
      ready: (service) => waitUntilReady(`${registryUrl}/ready`, 30_000, service.exited),
    });
    const serving = new Map(subgraphs.map((subgraph) => [subgraph.name, startSubgraph(subgraph)]));
    const gatewayToken = await devToken(secret, PLATFORM_ORGANISATION_ID, ['usage:write'], '30d', 'gateway');
    const lastPublished = readPublished(root);
    // The registry asks the directory who calls it (publishes, the supergraph): these wait for both.
    const directoryReady = serving.get('directory') ?? Promise.resolve();
    const registryAnswers = Promise.all([registryReady, directoryReady]);
    const launchedBefore = registryAnswers.then(() => launchedCompositionId(registryUrl, gatewayToken)).catch(() => undefined);
    const published: Record<string, string> = {};
    const publish = async (subgraph: PlannedSubgraph) => {
      await registryAnswers;
      if (alreadyPublished(lastPublished, await launchedBefore, subgraph)) {
        published[subgraph.name] = publishedHash(subgraph);
        say(`${subgraph.name}: schema unchanged (the registry serves it as published at the last start)`);
        return;
      }
      const hash = publishedHash(subgraph);
      const outcome = await publishLocalSchema(registryUrl, adminToken, subgraph);
      // Only the registry's own "unchanged" says it serves this schema: a launch may wait for a
      // deployment, and is published again (to be answered "unchanged") at the next start.
      if (outcome === 'unchanged') published[subgraph.name] = hash;
      for (const line of `${subgraph.name}: schema ${outcome}`.split('\n')) say(line);
    };
    // Settled here so that a registry that fails to start is reported once, by the publishes below.
    registryReady.catch(() => undefined);

    const gatewayCache = path.join(root, '.data', 'gateway', 'supergraph.graphql');
    const startGateway = async () =>
      supervisor.start({
        name: GATEWAY,
        index: subgraphs.length,
        entry: path.join(root, 'gateway/src/index.ts'),
        env: {
          GATEWAY_PORT: String(gatewayPort),
          SUPERGRAPH_PATH: supergraphPath,
          // The supergraph comes from the registry; the last one served is kept for when it is down.
          REGISTRY_URL: registryUrl,
          REGISTRY_TOKEN: gatewayToken,
          SUPERGRAPH_CACHE_PATH: gatewayCache,
          ...auth,
          ...(directoryUrl ? { DIRECTORY_URL: directoryUrl } : {}),
          // The console (served by the registry) calls the gateway from the browser; on the embedded
          // platform, any local page may (an integrator's web app in development).
          CORS_ORIGINS: embedded ? 'localhost' : new URL(registryUrl).origin,
          // Only on a throwaway local platform may the explorer hold an admin token.
          ...(embedded ? { EXPLORER_HEADERS: JSON.stringify({ Authorization: `Bearer ${adminToken}` }) } : {}),
        },
        // Its /ready waits for every subgraph, which may be loading its demo data.
        ready: (service) => waitUntilReady(`http://localhost:${gatewayPort}/ready`, PREPARE_AND_SERVE_MS, service.exited),
      });
    // A gateway that served before has a supergraph to start from (the registry's launched one, or
    // its copy if the registry, still waiting for the directory, does not answer in time); on a first
    // start the registry has none until the subgraphs are published.
    const gatewayEarly = fs.existsSync(gatewayCache) ? registryReady.then(startGateway) : undefined;
    gatewayEarly?.catch(() => undefined);

    await Promise.all([
      registryReady,
      ...subgraphs.map(async (subgraph) => {
        await serving.get(subgraph.name);
        await publish(subgraph);
      }),
    ]);
    say(`subgraphs ready (${Date.now() - started} ms)`);
    // Remembered only when the registry had every schema already and launched nothing meanwhile.
    const launched = await launchedCompositionId(registryUrl, gatewayToken).catch(() => undefined);
    const settled = launched !== undefined && launched === (await launchedBefore) && subgraphs.every((s) => published[s.name]);
    writePublished(root, settled ? { compositionId: launched, schemas: published } : undefined);
    if (!gatewayEarly) await startGateway();
    else {
      await gatewayEarly;
      // Running means the gateway serves what the registry launched: a schema that changed made a
      // new supergraph, and a gateway that started from its copy takes the registry's at its next poll.
      if (launched && !(await gatewayServes(`http://localhost:${gatewayPort}/ready`, launched, 15_000))) {
        say(`the gateway does not serve composition ${launched} yet; it will at its next poll of the registry`);
      }
    }
    control = await serveControl(controlSocketPath(root), supervisor);
    await consoleBuilt;

    say('');
    say(`PeaceGraph is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    say(`  console:              ${registryUrl}/`);
    say(`  gateway and explorer: http://localhost:${gatewayPort}/`);
    say(`  GraphQL endpoint:     http://localhost:${gatewayPort}/graphql`);
    for (const s of subgraphs) say(`  ${s.name.padEnd(20)}${s.routingUrl}`);
    say(`  ${'schema registry'.padEnd(20)}${registryUrl}/graphql   (npm run schema -- history, with PEACEGRAPH_TOKEN)`);
    say('');
    say(`Admin dev token (organisation PeaceGraph Platform, scopes: ${ADMIN_DEV_SCOPES.join(' ')}, 12 h):`);
    say(`  ${adminToken}`);
    say(
      embedded
        ? 'The explorer and the console send it already. Other tokens: npm run token -- --org <id> --scope "<scopes>"'
        : 'Other tokens: npm run token -- --org <id> --scope "<scopes>"',
    );
    say('A crashed service is started again by itself; to restart one by hand: npm run restart -- <name>');
    say('Press Ctrl-C to stop.');
  } catch (error) {
    say(`could not start: ${(error as Error).message}`);
    await stop(1);
  }
}

async function portsFree(ports: number[], waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const taken: number[] = [];
    for (const port of ports) if (await portInUse(port)) taken.push(port);
    if (taken.length === 0) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `port ${taken.join(', ')} already in use: is another program or PeaceGraph running? (set GATEWAY_PORT or the routing URLs in supergraph.yaml)`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

main().catch((error: unknown) => {
  say(`could not start: ${(error as Error).message}`);
  process.exit(1);
});
