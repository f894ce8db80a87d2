/**
 * `npm run bench`: drives the platform, through the gateway and directly against the subgraph that
 * owns the data, with autocannon, on generated data at realistic scale, and prints requests/s and
 * p50/p99 per scenario. Uses the stack already running at BENCH_GATEWAY_URL, or starts one (and stops
 * it afterwards). Results go to bench/results/<date>.json. Benchmarks report; they are not timed tests
 * in CI.
 */
import path from 'node:path';
import { readSupergraphConfig } from '@peacegraph/kit/composition';
import { devSecret, devToken } from '../scripts/platform/dev-secret';
import { databaseUrl, loadBenchConfig, root } from './lib/config';
import { ensureBenchCases, CASE_COUNTRIES, type GeneratedCases } from './lib/conflicts-data';
import { ensureBenchCohorts, type GeneratedCohorts } from './lib/curriculum-data';
import { ensureBenchCommunities, readBenchVillages } from './lib/data';
import { ensureBenchRecommendations, type GeneratedRecommendations } from './lib/forums-data';
import { ensureBenchTrainings, type GeneratedTrainings } from './lib/mining-data';
import { ensureBenchReintegrationCases, type GeneratedReintegrationCases } from './lib/reintegration-data';
import { ensureBenchFlows, type GeneratedFlows } from './lib/transhumance-data';
import { graphqlRequest, measure, type Measurement } from './lib/load';
import { startHiveGateway, type HiveGateway } from './lib/hive-gateway';
import { mixedLoad, platformProcesses, readMemory, type MixedRequest, type WatchedProcess } from './lib/memory';
import {
  compare,
  formatComparison,
  formatMemory,
  formatTable,
  gitCommit,
  machineInfo,
  writeResults,
  type MemoryReport,
} from './lib/report';
import { openStack, type Stack, type StopReport } from './lib/stack';
import { requestOf, scenarios, type Scenario, type SubgraphName, type Target, type Variables } from './scenarios';

const say = (line: string) => process.stdout.write(`bench │ ${line}\n`);

/** Every subgraph's routing URL in supergraph.yaml, by name: what a stack started here listens on. */
async function routingUrls(): Promise<Map<string, string>> {
  const config = await readSupergraphConfig(path.join(root, 'supergraph.yaml'));
  return new Map(config.subgraphs.map((s) => [s.name, s.routingUrl]));
}

const subgraphOf = (scenario: Scenario): SubgraphName => scenario.subgraph ?? 'directory';

async function main(): Promise<number> {
  const startedAt = new Date();
  // Before any load: the load average tells whether something else was busy on the machine.
  const machine = machineInfo();
  // The code under test is what is checked out now, not when the run ends.
  const commit = gitCommit(root);
  const config = loadBenchConfig();
  const routing = await routingUrls();
  const selected = config.only ? scenarios.filter((s) => config.only!.includes(s.name)) : scenarios;
  if (config.only && selected.length !== config.only.length) {
    throw new Error(`BENCH_SCENARIOS names unknown scenarios; known: ${scenarios.map((s) => s.name).join(', ')}`);
  }
  // The directory always: the scenarios build their variables from its data.
  const needed = new Map<string, string>();
  for (const name of new Set<SubgraphName>(['directory', ...selected.map(subgraphOf)])) {
    const url = config.subgraphUrls[name] ?? routing.get(name);
    if (!url) throw new Error(`supergraph.yaml has no ${name} subgraph; set BENCH_${name.toUpperCase()}_URL`);
    needed.set(name, url);
  }
  const directoryUrl = needed.get('directory')!;
  // Hive Gateway runs each gateway scenario right after ours, so that the pair shares the machine's state.
  const targetsOf = (scenario: Scenario): Target[] =>
    scenario.targets.flatMap((t): Target[] => (t === 'gateway' && config.hive ? ['gateway', 'hive'] : [t]));
  const runs = selected.reduce((n, s) => n + targetsOf(s).length, 0);
  say(
    `${selected.length} scenarios, ${runs} runs of ${config.warmupSeconds} s warm-up + ${config.durationSeconds} s at ${config.connections} connections`,
  );

  let stack: Stack | undefined;
  let hive: HiveGateway | undefined;
  let stopReport: StopReport | undefined;
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    say('interrupted: stopping');
    void Promise.all([hive?.stop(), stack?.stop()]).finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    stack = await openStack({
      gatewayUrl: config.gatewayUrl,
      needed,
      subgraphUrls: routing,
      startTimeoutMs: config.startTimeoutMs,
      log: say,
    });
    if (stack.reused) say(stack.describe);
    const databaseOf = (name: SubgraphName) => databaseUrl(name, config.databaseUrls[name], stack!.embeddedPgPort);

    // Generated data: communities for every scenario, cohorts and cases for the scenarios that read them.
    const data = await ensureBenchCommunities(databaseOf('directory'), config.communities);
    say(
      data.inserted > 0
        ? `generated ${data.inserted} communities over ${data.adminAreas} admin-2 areas in ${data.ms} ms (${data.communities} in the directory)`
        : `generated communities already present (${data.before} bench villages, ${data.communities} communities in the directory; checked in ${data.ms} ms)`,
    );
    let cohorts: GeneratedCohorts | undefined;
    if (selected.some((s) => subgraphOf(s) === 'curriculum')) {
      const started = Date.now();
      const villages = await readBenchVillages(databaseOf('directory'));
      cohorts = await ensureBenchCohorts(databaseOf('curriculum'), villages, config.cohorts);
      cohorts.ms = Date.now() - started;
      say(
        cohorts.inserted + cohorts.mobilisationsInserted > 0
          ? `generated ${cohorts.inserted} cohorts, ${cohorts.deliveriesInserted} session deliveries and ${cohorts.mobilisationsInserted} social mobilisations over ${villages.ids.length} communities in ${cohorts.ms} ms (${cohorts.cohorts} cohorts, ${cohorts.deliveries} deliveries, ${cohorts.mobilisations} mobilisations generated in all)`
          : `generated cohorts already present (${cohorts.cohorts} cohorts, ${cohorts.deliveries} deliveries, ${cohorts.mobilisations} mobilisations; checked in ${cohorts.ms} ms)`,
      );
    }
    let cases: GeneratedCases | undefined;
    if (selected.some((s) => subgraphOf(s) === 'conflicts')) {
      const started = Date.now();
      const villages = await readBenchVillages(databaseOf('directory'), CASE_COUNTRIES);
      cases = await ensureBenchCases(databaseOf('conflicts'), villages, config.cases);
      cases.ms = Date.now() - started;
      say(
        cases.inserted > 0
          ? `generated ${cases.commissionsInserted} peace commissions and ${cases.inserted} cases with ${cases.recordsInserted} parties, history and case records in ${cases.ms} ms (${cases.cases} cases over ${cases.adminAreas} admin-2 areas of ${CASE_COUNTRIES.join(', ')})`
          : `generated cases already present (${cases.cases} cases, ${cases.commissions} commissions, ${cases.adminAreas} admin-2 areas; checked in ${cases.ms} ms)`,
      );
    }

    let recommendations: GeneratedRecommendations | undefined;
    if (selected.some((s) => subgraphOf(s) === 'forums')) {
      const villages = await readBenchVillages(databaseOf('directory'));
      recommendations = await ensureBenchRecommendations(databaseOf('forums'), villages, config.recommendations);
      say(
        recommendations.inserted + recommendations.followUpsInserted + recommendations.forumsCountedInserted > 0
          ? `generated ${recommendations.inserted} published recommendations (${recommendations.forums} forums and declarations, ${recommendations.recommendationTexts} recommendation texts in French and English), ${recommendations.followUpsInserted} follow-up reports and the participants of ${recommendations.forumsCountedInserted} forums in ${recommendations.ms} ms`
          : `generated recommendations already present (${recommendations.recommendations} recommendations, ${recommendations.forums} forums, ${recommendations.followUps} follow-up reports, ${recommendations.forumsCounted} forums with participants; checked in ${recommendations.ms} ms)`,
      );
    }
    let trainings: GeneratedTrainings | undefined;
    if (selected.some((s) => subgraphOf(s) === 'mining')) {
      const villages = await readBenchVillages(databaseOf('directory'), CASE_COUNTRIES);
      trainings = await ensureBenchTrainings(databaseOf('mining'), villages, config.trainings);
      say(
        trainings.inserted > 0
          ? `generated ${trainings.inserted} trainings with ${trainings.participantGroups} participant groups over ${trainings.sites} mining sites in ${trainings.ms} ms`
          : `generated trainings already present (${trainings.trainings} trainings, ${trainings.participantGroups} participant groups, ${trainings.sites} sites; checked in ${trainings.ms} ms)`,
      );
    }
    let flows: GeneratedFlows | undefined;
    if (selected.some((s) => subgraphOf(s) === 'displacement')) {
      flows = await ensureBenchFlows(databaseOf('displacement'), config.flowObservations);
      say(
        flows.inserted > 0
          ? `generated ${flows.inserted} herd flow observations on ${flows.countingPoints} counting points of ${flows.corridors} corridors in ${flows.ms} ms (${flows.observations} in all)`
          : `generated flow observations already present (${flows.observations} on ${flows.countingPoints} counting points of ${flows.corridors} corridors; checked in ${flows.ms} ms)`,
      );
    }
    let reintegrationCases: GeneratedReintegrationCases | undefined;
    if (selected.some((s) => subgraphOf(s) === 'displacement')) {
      const villages = await readBenchVillages(databaseOf('directory'), CASE_COUNTRIES);
      reintegrationCases = await ensureBenchReintegrationCases(databaseOf('displacement'), villages, config.reintegrationCases);
      say(
        reintegrationCases.inserted > 0
          ? `generated ${reintegrationCases.inserted} reintegration cases with ${reintegrationCases.assistanceInserted} assistance records over ${reintegrationCases.adminAreas} admin-2 areas in ${reintegrationCases.ms} ms (${reintegrationCases.cases} in all)`
          : `generated reintegration cases already present (${reintegrationCases.cases} in ${reintegrationCases.programmes} programmes; checked in ${reintegrationCases.ms} ms)`,
      );
    }

    // Each scenario's caller: BENCH_AUTHORIZATION for all when set, else the scenario's own token.
    const authorizations = new Map<Scenario, string | undefined>();
    const secret = devSecret(root, false);
    for (const scenario of selected) {
      if (config.authorization || !scenario.viewer) {
        authorizations.set(scenario, config.authorization);
        continue;
      }
      if (!secret)
        throw new Error(
          `${scenario.name} needs a token and there is no secret to sign one: run npm start once (it creates .data/dev-secret), set AUTH_HS256_SECRET, or set BENCH_AUTHORIZATION`,
        );
      const token = await devToken(secret, scenario.viewer.organisationId, scenario.viewer.scopes, '2h', 'bench');
      authorizations.set(scenario, `Bearer ${token}`);
    }

    // Memory at rest: the stack has answered /ready and served only the data checks so far.
    const processes: WatchedProcess[] = await platformProcesses();
    const memory: MemoryReport = { atRest: readMemory(processes), loads: [] };
    if (processes.length === 0) say('no platform of this checkout answers its control socket: memory is not read');
    if (config.hive && selected.some((s) => s.targets.includes('gateway'))) {
      hive = await startHiveGateway(path.join(root, 'supergraph.graphql'), config.hivePort, say);
      processes.push({ name: 'hive-gateway', pid: hive.pid });
      memory.atRest['hive-gateway'] = readMemory([{ name: 'hive-gateway', pid: hive.pid }])['hive-gateway']!;
    }

    const directQuery = (query: string, variables?: Record<string, unknown>) =>
      graphqlRequest(directoryUrl, query, variables, config.authorization);
    const urlOf = (scenario: Scenario, target: Target) =>
      target === 'gateway' ? config.gatewayUrl : target === 'hive' ? hive!.url : needed.get(subgraphOf(scenario))!;
    const measurements: Measurement[] = [];
    const mixed: MixedRequest[] = [];
    for (const scenario of selected) {
      for (const target of targetsOf(scenario)) {
        if (interrupted) return 130;
        const source = requestOf(scenario, target).variables;
        const variables: Variables | undefined = typeof source === 'function' ? await source(directQuery) : source;
        const url = urlOf(scenario, target);
        say(`${scenario.name} → ${target} (${url})`);
        // A second for the previous run's closed connections to finish closing (their subgraph calls and
        // statements are being cancelled), so that each run starts on a settled stack.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const m = await measure(scenario, target, url, variables, { ...config, authorization: authorizations.get(scenario) });
        measurements.push(m);
        if (target === 'gateway')
          mixed.push({ body: JSON.stringify({ query: scenario.query, variables }), authorization: authorizations.get(scenario) });
        say(
          `  ${m.requestsPerSecond} req/s, p50 ${m.latencyMs.p50} ms, p99 ${m.latencyMs.p99} ms, errors ${m.errors + m.timeouts + m.graphqlErrors}, non-2xx ${m.non2xx}`,
        );
      }
    }

    // Two mixed loads through our gateway, memory read after each: the second shows growth, not warm-up.
    if (config.memorySeconds > 0 && processes.length > 0 && mixed.length > 0 && !interrupted) {
      for (const key of ['afterFirstLoad', 'afterSecondLoad'] as const) {
        say(`mixed load of the ${mixed.length} gateway scenarios for ${config.memorySeconds} s, then memory`);
        const load = await mixedLoad(config.gatewayUrl, mixed, config.memorySeconds, config.connections);
        memory.loads.push(load);
        memory[key] = readMemory(processes);
        say(`  ${load.requestsPerSecond} req/s, ${load.failed} failed`);
      }
    }
    await hive?.stop();

    if (!stack.reused) {
      stopReport = await stack.stop();
      say(
        stopReport.stopped && stopReport.exitCode === 0 && stopReport.leftovers.length === 0
          ? `stack stopped cleanly in ${stopReport.ms} ms`
          : `stack did NOT stop cleanly: exit code ${String(stopReport.exitCode)}${stopReport.leftovers.length ? `; ${stopReport.leftovers.join('; ')}` : ''}`,
      );
    }

    const failed = measurements.filter((m) => m.errors + m.timeouts + m.graphqlErrors + m.non2xx > 0);
    const comparison = compare(measurements, new Set(selected.filter((s) => s.statistics).map((s) => s.name)));
    const file = writeResults(path.join(root, 'bench', 'results'), startedAt, {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      commit,
      note: config.note,
      // Load averages over 1, 5 and 15 minutes, before and after. Before: well above 0 means something
      // else was busy. After: the bench's own share is about the CPU count, more when a scenario is
      // bound by the database (10 connections keep up to 10 PostgreSQL backends running at once).
      machine: { ...machine, loadAverageAfter: machineInfo().loadAverage },
      stack: { reused: stack.reused, describe: stack.describe, stop: stopReport },
      settings: {
        gatewayUrl: config.gatewayUrl,
        subgraphUrls: Object.fromEntries(needed),
        connections: config.connections,
        durationSeconds: config.durationSeconds,
        warmupSeconds: config.warmupSeconds,
        hiveGateway: hive ? { version: hive.version, url: hive.url, config: 'bench/hive-gateway/gateway.config.mjs' } : undefined,
        memoryLoadSeconds: config.memorySeconds,
        authorization: config.authorization
          ? 'BENCH_AUTHORIZATION for every request'
          : "each scenario's own token (see scenarios), none for the others",
      },
      data: {
        benchCommunities: data.before + data.inserted,
        communities: data.communities,
        adminAreasLevel2: data.adminAreas,
        communitiesGenerationMs: data.inserted > 0 ? data.ms : undefined,
        ...(cohorts && {
          benchCohorts: cohorts.cohorts,
          benchSessionDeliveries: cohorts.deliveries,
          benchSocialMobilisations: cohorts.mobilisations,
          cohortsGenerated: cohorts.inserted,
          cohortsGenerationMs: cohorts.inserted > 0 ? cohorts.ms : undefined,
        }),
        ...(cases && {
          benchPeaceCommissions: cases.commissions,
          benchCases: cases.cases,
          benchCaseAdminAreas: cases.adminAreas,
          casesGenerated: cases.inserted,
          caseRecordsGenerated: cases.recordsInserted,
          casesGenerationMs: cases.inserted > 0 ? cases.ms : undefined,
        }),
        ...(recommendations && {
          benchForums: recommendations.forums,
          benchDeclarations: recommendations.declarations,
          benchRecommendations: recommendations.recommendations,
          benchRecommendationTexts: recommendations.recommendationTexts,
          benchRecommendationFollowUps: recommendations.followUps,
          benchForumsWithParticipants: recommendations.forumsCounted,
          recommendationsGenerated: recommendations.inserted,
          recommendationsGenerationMs: recommendations.inserted > 0 ? recommendations.ms : undefined,
        }),
        ...(trainings && {
          benchMiningSites: trainings.sites,
          benchTrainings: trainings.trainings,
          benchTrainingParticipantGroups: trainings.participantGroups,
          trainingsGenerated: trainings.inserted,
          trainingsGenerationMs: trainings.inserted > 0 ? trainings.ms : undefined,
        }),
        ...(flows && {
          benchFlowObservations: flows.observations,
          benchCorridors: flows.corridors,
          benchCountingPoints: flows.countingPoints,
          flowObservationsGenerated: flows.inserted,
          flowObservationsGenerationMs: flows.inserted > 0 ? flows.ms : undefined,
        }),
        ...(reintegrationCases && {
          benchReintegrationCases: reintegrationCases.cases,
          reintegrationCasesGenerated: reintegrationCases.inserted,
          reintegrationAssistanceGenerated: reintegrationCases.assistanceInserted,
          reintegrationCasesGenerationMs: reintegrationCases.inserted > 0 ? reintegrationCases.ms : undefined,
        }),
      },
      scenarios: selected.map((s) => ({
        name: s.name,
        measures: s.measures,
        subgraph: subgraphOf(s),
        targets: s.targets,
        caller: config.authorization
          ? 'BENCH_AUTHORIZATION'
          : s.viewer
            ? { organisation: s.viewer.organisationId, scopes: s.viewer.scopes, why: s.viewer.why }
            : 'anonymous',
        query: s.query.replace(/\s+/g, ' ').trim(),
        ...(s.direct && { directQuery: s.direct.query.replace(/\s+/g, ' ').trim() }),
      })),
      measurements,
      comparison: comparison.map(({ gateway, direct, hive: onHive, ...row }) => ({
        ...row,
        gateway: gateway && { rps: gateway.requestsPerSecond, p50: gateway.latencyMs.p50, p99: gateway.latencyMs.p99 },
        direct: direct && { rps: direct.requestsPerSecond, p50: direct.latencyMs.p50, p99: direct.latencyMs.p99 },
        hive: onHive && { rps: onHive.requestsPerSecond, p50: onHive.latencyMs.p50, p99: onHive.latencyMs.p99 },
      })),
      memory,
    });

    process.stdout.write(`\n${formatTable(measurements)}\n\n${formatComparison(comparison)}\n\n`);
    if (memory.afterFirstLoad) process.stdout.write(`${formatMemory(memory)}\n\n`);
    say(`results written to ${path.relative(root, file)}`);
    if (failed.length > 0) {
      say(
        `FAILED: ${failed.map((m) => `${m.scenario}/${m.target}`).join(', ')} had errors or non-2xx answers; their figures are not valid`,
      );
      return 1;
    }
    const failedLoads = memory.loads.filter((l) => l.failed > 0);
    if (failedLoads.length > 0) {
      say(`FAILED: ${failedLoads.map((l) => l.failed).join(' and ')} requests of the mixed loads failed; the memory figures are not valid`);
      return 1;
    }
    if (stopReport && (!stopReport.stopped || stopReport.exitCode !== 0 || stopReport.leftovers.length > 0)) return 1;
    return 0;
  } finally {
    await hive?.stop();
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
