/**
 * `npm run bench`: drives the directory subgraph, through the gateway and directly, with autocannon,
 * on generated data at realistic scale, and prints requests/s and p50/p99 per scenario. Uses the
 * stack already running at BENCH_GATEWAY_URL, or starts one (and stops it afterwards). Results go to
 * bench/results/<date>.json. Benchmarks report; they are not timed tests in CI.
 */
import path from 'node:path';
import { readSupergraphConfig } from '../gateway/src/composition';
import { directoryDatabaseUrl, loadBenchConfig, root } from './lib/config';
import { ensureBenchCommunities } from './lib/data';
import { graphqlRequest, measure, type Measurement } from './lib/load';
import { formatTable, gitCommit, machineInfo, writeResults } from './lib/report';
import { openStack, type Stack, type StopReport } from './lib/stack';
import { scenarios, type Target } from './scenarios';

const say = (line: string) => process.stdout.write(`bench │ ${line}\n`);

/** Every subgraph's routing URL in supergraph.yaml, by name: what a stack started here listens on. */
async function routingUrls(): Promise<Map<string, string>> {
  const config = await readSupergraphConfig(path.join(root, 'supergraph.yaml'));
  return new Map(config.subgraphs.map((s) => [s.name, s.routingUrl]));
}

async function main(): Promise<number> {
  const startedAt = new Date();
  // Before any load: the load average tells whether something else was busy on the machine.
  const machine = machineInfo();
  // The code under test is what is checked out now, not when the run ends.
  const commit = gitCommit(root);
  const config = loadBenchConfig();
  const subgraphUrls = await routingUrls();
  const directoryUrl = config.directoryUrl ?? subgraphUrls.get('directory');
  if (!directoryUrl) throw new Error('supergraph.yaml has no directory subgraph; set BENCH_DIRECTORY_URL');
  const selected = config.only ? scenarios.filter((s) => config.only!.includes(s.name)) : scenarios;
  if (config.only && selected.length !== config.only.length) {
    throw new Error(`BENCH_SCENARIOS names unknown scenarios; known: ${scenarios.map((s) => s.name).join(', ')}`);
  }
  const runs = selected.reduce((n, s) => n + s.targets.length, 0);
  say(`${selected.length} scenarios, ${runs} runs of ${config.warmupSeconds} s warm-up + ${config.durationSeconds} s at ${config.connections} connections`);

  let stack: Stack | undefined;
  let stopReport: StopReport | undefined;
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    say('interrupted: stopping');
    void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    stack = await openStack({ gatewayUrl: config.gatewayUrl, directoryUrl, subgraphUrls, startTimeoutMs: config.startTimeoutMs, log: say });
    if (stack.reused) say(stack.describe);

    const databaseUrl = directoryDatabaseUrl(config.databaseUrl, stack.embeddedPgPort);
    const data = await ensureBenchCommunities(databaseUrl, config.communities);
    say(
      data.inserted > 0
        ? `generated ${data.inserted} communities over ${data.adminAreas} admin-2 areas in ${data.ms} ms (${data.communities} in the directory)`
        : `generated data already present (${data.before} bench villages, ${data.communities} communities in the directory)`,
    );

    const urls: Record<Target, string> = { gateway: config.gatewayUrl, direct: directoryUrl };
    const directQuery = (query: string, variables?: Record<string, unknown>) => graphqlRequest(directoryUrl, query, variables, config.authorization);
    const measurements: Measurement[] = [];
    for (const scenario of selected) {
      const variables = typeof scenario.variables === 'function' ? await scenario.variables(directQuery) : scenario.variables;
      for (const target of scenario.targets) {
        if (interrupted) return 130;
        say(`${scenario.name} → ${target} (${urls[target]})`);
        const m = await measure(scenario, target, urls[target], variables, config);
        measurements.push(m);
        say(`  ${m.requestsPerSecond} req/s, p50 ${m.latencyMs.p50} ms, p99 ${m.latencyMs.p99} ms, errors ${m.errors + m.timeouts + m.graphqlErrors}, non-2xx ${m.non2xx}`);
      }
    }

    if (!stack.reused) {
      stopReport = await stack.stop();
      say(
        stopReport.stopped && stopReport.exitCode === 0 && stopReport.leftovers.length === 0
          ? `stack stopped cleanly in ${stopReport.ms} ms`
          : `stack did NOT stop cleanly: exit code ${String(stopReport.exitCode)}${stopReport.leftovers.length ? `; ${stopReport.leftovers.join('; ')}` : ''}`,
      );
    }

    const failed = measurements.filter((m) => m.errors + m.timeouts + m.graphqlErrors + m.non2xx > 0);
    const file = writeResults(path.join(root, 'bench', 'results'), startedAt, {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      commit,
      note: config.note,
      // Load averages over 1, 5 and 15 minutes, before and after: well above the bench's own share
      // (it keeps every core busy: about the CPU count) means something else competed for them.
      machine: { ...machine, loadAverageAfter: machineInfo().loadAverage },
      stack: { reused: stack.reused, describe: stack.describe, stop: stopReport },
      settings: {
        gatewayUrl: config.gatewayUrl,
        directoryUrl,
        connections: config.connections,
        durationSeconds: config.durationSeconds,
        warmupSeconds: config.warmupSeconds,
        authorization: config.authorization ? 'set' : 'none',
      },
      data: { benchCommunities: data.before + data.inserted, communities: data.communities, adminAreasLevel2: data.adminAreas },
      scenarios: selected.map((s) => ({ name: s.name, measures: s.measures, targets: s.targets, query: s.query.replace(/\s+/g, ' ').trim() })),
      measurements,
    });

    process.stdout.write(`\n${formatTable(measurements)}\n\n`);
    say(`results written to ${path.relative(root, file)}`);
    if (failed.length > 0) {
      say(`FAILED: ${failed.map((m) => `${m.scenario}/${m.target}`).join(', ')} had errors or non-2xx answers; their figures are not valid`);
      return 1;
    }
    if (stopReport && (!stopReport.stopped || stopReport.exitCode !== 0 || stopReport.leftovers.length > 0)) return 1;
    return 0;
  } finally {
    if (stack && !stack.reused && !stopReport && !interrupted) {
      stopReport = await stack.stop();
      if (stopReport.leftovers.length) say(`after stopping: ${stopReport.leftovers.join('; ')}`);
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench │ failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
