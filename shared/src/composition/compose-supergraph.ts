import fs from 'node:fs/promises';
import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { readSupergraphConfig, SupergraphConfigError, type SubgraphSource } from './read-config';
import { composeSubgraphs } from './compose-files';
import type { CompositionProblem } from './problems';
import { apiSchemaOf } from './api-schema';
import { compareApiSchemas, type SchemaDiff } from './schema-diff';

export interface ComposeOptions {
  /** supergraph.yaml; its directory is the base for relative schema files. */
  configPath: string;
  /** Where the supergraph is written; defaults to supergraph.graphql next to the config. */
  outPath?: string;
  /** Compose and compare only: nothing is written. */
  check?: boolean;
  /** Write even when the composition breaks clients of the previous supergraph (`--allow-breaking`). */
  allowBreaking?: boolean;
  /** The supergraph to look for breaking changes against; defaults to outPath (the committed one). */
  againstPath?: string;
  /** Fail on any undescribed type, field, argument, input field, enum value or scalar (the platform's own). */
  requireDescriptions?: boolean;
}

/** How the supergraph at outPath relates to what the subgraphs compose to now. */
export type PreviousSupergraph = 'missing' | 'unchanged' | 'changed';

/** Whether the breaking-change comparison could run: the baseline may be absent or not a supergraph. */
export type Baseline = 'missing' | 'invalid' | 'compared';

export interface ComposeReport {
  /** Check mode: composed without breaking changes. Write mode: composed (and written when changed). */
  ok: boolean;
  check: boolean;
  outPath: string;
  againstPath: string;
  subgraphs: SubgraphSource[];
  problems: CompositionProblem[];
  baseline: Baseline;
  /** Set when baseline is 'compared'. */
  diff?: SchemaDiff;
  previous: PreviousSupergraph;
  written: boolean;
  /** Write mode: not written, because the composition has breaking changes and they were not allowed. */
  refusedBreaking?: boolean;
  /** Counts of the API schema, for the summary line. */
  apiTypes: number;
  apiFields: number;
}

/**
 * Composes the supergraph from supergraph.yaml. Callable in-process (the start script runs it before the
 * gateway) and from `npm run compose`. The file is only rewritten when its content changes, and through
 * a rename, so a gateway watching it never reads half a file nor reloads for nothing.
 */
export async function composeSupergraph(options: ComposeOptions): Promise<ComposeReport> {
  const configPath = path.resolve(options.configPath);
  const outPath = path.resolve(options.outPath ?? path.join(path.dirname(configPath), 'supergraph.graphql'));
  const againstPath = path.resolve(options.againstPath ?? outPath);
  const check = options.check ?? false;
  const report: ComposeReport = {
    ok: false,
    check,
    outPath,
    againstPath,
    subgraphs: [],
    problems: [],
    baseline: 'missing',
    previous: 'missing',
    written: false,
    apiTypes: 0,
    apiFields: 0,
  };

  try {
    report.subgraphs = (await readSupergraphConfig(configPath)).subgraphs;
  } catch (error) {
    if (!(error instanceof SupergraphConfigError)) throw error;
    report.problems = error.problems.map((message) => ({
      subgraph: null,
      code: 'INVALID_SUPERGRAPH_CONFIG',
      message,
      locations: [],
      at: [configPath],
    }));
    return report;
  }

  const composition = await composeSubgraphs(report.subgraphs, { descriptions: options.requireDescriptions });
  if (!composition.ok) {
    report.problems = composition.problems;
    return report;
  }
  const types = Object.values(composition.apiSchema.getTypeMap()).filter((type) => !type.name.startsWith('__'));
  report.apiTypes = types.length;
  report.apiFields = types.reduce((sum, type) => sum + ('getFields' in type ? Object.keys(type.getFields()).length : 0), 0);

  const baseline = await readIfExists(againstPath);
  const previousApi = baseline === undefined ? undefined : apiSchemaOrUndefined(baseline);
  if (baseline !== undefined) report.baseline = previousApi ? 'compared' : 'invalid';
  if (previousApi) report.diff = await compareApiSchemas(previousApi, composition.apiSchema);
  const existing = againstPath === outPath ? baseline : await readIfExists(outPath);
  if (existing !== undefined) report.previous = existing === composition.supergraphSdl ? 'unchanged' : 'changed';

  if (check) {
    // A check that could not compare has not shown the change to be safe.
    report.ok = report.diff !== undefined && report.diff.breaking.length === 0;
    return report;
  }
  // A breaking change is written only when asked for: clients of the file break with it.
  if (report.diff && report.diff.breaking.length > 0 && !options.allowBreaking) {
    report.refusedBreaking = true;
    return report;
  }
  if (report.previous !== 'unchanged') {
    await writeAtomically(outPath, composition.supergraphSdl);
    report.written = true;
  }
  report.ok = true;
  return report;
}

/** A baseline that is not a supergraph (half a file, a conflict marker) is reported, not thrown. */
function apiSchemaOrUndefined(supergraphSdl: string): GraphQLSchema | undefined {
  try {
    return apiSchemaOf(supergraphSdl);
  } catch {
    return undefined;
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await fs.writeFile(temporary, content);
  await fs.rename(temporary, file);
}
