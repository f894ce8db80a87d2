/**
 * `npm start`: the whole platform on one machine. PostgreSQL (embedded unless DATABASE_URL is set),
 * one database per subgraph with migrations, reference and demo data, every subgraph and the gateway
 * as separate processes with labelled logs. Ctrl-C stops everything, PostgreSQL last.
 */
import path from 'node:path';
import { portInUse } from '@peacegraph/kit';
import { composeSupergraph, describeReport, readSupergraphConfig } from '../gateway/src/composition';
import { openDatabaseServer, type DatabaseServer } from './platform/database-server';
import { planSubgraphs } from './platform/plan';
import { label, runService, runTask, waitUntilReady, type Service } from './platform/processes';
import { ADMIN_DEV_SCOPES, PLATFORM_ORGANISATION_ID, devSecret, devToken } from './platform/dev-secret';

const root = path.resolve(__dirname, '..');
const started = Date.now();
const say = (line: string) => process.stdout.write(`${label('platform', 7)} ${line}\n`);

async function main(): Promise<void> {
  const configPath = path.join(root, 'supergraph.yaml');
  const supergraphPath = path.join(root, 'supergraph.graphql');
  const composition = await composeSupergraph({ configPath, outPath: supergraphPath });
  if (!composition.ok) throw new Error(`the supergraph does not compose:\n${describeReport(composition).join('\n')}`);
  const config = await readSupergraphConfig(configPath);
  const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);

  const ports = [gatewayPort, ...config.subgraphs.map((s) => Number(new URL(s.routingUrl).port))];
  for (const port of ports) {
    if (await portInUse(port)) throw new Error(`port ${port} is already in use: is PeaceGraph already running? (set GATEWAY_PORT or the routing URLs in supergraph.yaml)`);
  }

  let database: DatabaseServer | undefined;
  const services: Service[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    // The gateway first (no new requests), then the subgraphs (in-flight requests drain), then PostgreSQL.
    for (const group of [services.filter((s) => s.name === 'gateway'), services.filter((s) => s.name !== 'gateway')]) {
      for (const service of group) service.child.kill('SIGTERM');
      await Promise.race([Promise.all(group.map((s) => s.exited)), new Promise((r) => setTimeout(r, 10_000))]);
      for (const service of group) if (service.child.exitCode === null) service.child.kill('SIGKILL');
    }
    await database?.stop();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    database = await openDatabaseServer(root, say);
    say(`using ${database.describe}`);
    const embedded = !process.env.DATABASE_URL;
    const secret = devSecret(root, true)!;
    const adminToken = await devToken(secret, PLATFORM_ORGANISATION_ID, ADMIN_DEV_SCOPES, '12h', 'dev-admin');
    const auth = { AUTH_HS256_SECRET: secret };

    const { planned: subgraphs, directoryUrl } = await planSubgraphs(root, config.subgraphs, database, auth);
    const startSubgraph = async (subgraph: (typeof subgraphs)[number]) => {
      // Migrations, reference data and (once) demo data, before the service takes requests.
      await runTask(subgraph.name, subgraph.index, path.join(subgraph.folder, 'src/seed/index.ts'), subgraph.env);
      const service = runService(subgraph.name, subgraph.index, path.join(subgraph.folder, 'src/index.ts'), { ...subgraph.env, PORT: subgraph.port });
      services.push(service);
      await waitUntilReady(new URL('/ready', subgraph.routingUrl).toString(), 30_000, service.exited);
    };
    const [first, ...rest] = subgraphs;
    if (first) await startSubgraph(first);
    await Promise.all(rest.map(startSubgraph));
    say(`subgraphs ready (${Date.now() - started} ms)`);

    const gateway = runService('gateway', subgraphs.length, path.join(root, 'gateway/src/index.ts'), {
      GATEWAY_PORT: String(gatewayPort),
      SUPERGRAPH_PATH: supergraphPath,
      ...auth,
      ...(directoryUrl ? { DIRECTORY_URL: directoryUrl } : {}),
      // Only on a throwaway local platform may the explorer hold an admin token.
      ...(embedded ? { EXPLORER_HEADERS: JSON.stringify({ Authorization: `Bearer ${adminToken}` }) } : {}),
    });
    services.push(gateway);
    await waitUntilReady(`http://localhost:${gatewayPort}/ready`, 30_000, gateway.exited);

    for (const service of services) {
      void service.exited.then((code) => {
        if (!stopping) {
          say(`${service.name} exited (code ${code}); stopping the platform`);
          void stop(1);
        }
      });
    }

    say('');
    say(`PeaceGraph is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    say(`  gateway and explorer: http://localhost:${gatewayPort}/`);
    say(`  GraphQL endpoint:     http://localhost:${gatewayPort}/graphql`);
    for (const s of subgraphs) say(`  ${s.name.padEnd(20)}${s.routingUrl}`);
    say('');
    say(`Admin dev token (organisation PeaceGraph Platform, scopes: ${ADMIN_DEV_SCOPES.join(' ')}, 12 h):`);
    say(`  ${adminToken}`);
    say(embedded ? 'The explorer sends it already. Other tokens: npm run token -- --org <id> --scope "<scopes>"' : 'Other tokens: npm run token -- --org <id> --scope "<scopes>"');
    say('Press Ctrl-C to stop.');
  } catch (error) {
    say(`could not start: ${(error as Error).message}`);
    await stop(1);
  }
}

void main();
