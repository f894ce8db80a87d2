import { GraphQLError, getLocation, type DocumentNode, type GraphQLSchema } from 'graphql';
import { composeServices } from '@apollo/composition';
import { loadTypeDefs } from '../graphql/type-defs';
import { errorCode, type ServiceDefinition } from '@apollo/federation-internals';
import type { SubgraphSource } from './read-config';
import { namingProblems } from './naming';
import { nonNullRootFields } from './nullable-root-fields';

/** One thing wrong with the subgraphs, as the person fixing their SDL needs to read it. */
export interface CompositionProblem {
  code: string;
  message: string;
  /** `file:line:column` for each place the problem points at, relative to the working directory. */
  locations: string[];
}

export type Composition =
  { ok: true; supergraphSdl: string; apiSchema: GraphQLSchema; hints: string[] } | { ok: false; problems: CompositionProblem[] };

/**
 * Composes the subgraphs' SDL files into a supergraph. SDL files are parsed with their path as the
 * source name so that every error, syntax or composition, points at a line a person can open. The
 * platform's own rules (nullable root fields) are checked beside federation's, and every finding of
 * both is listed at once.
 */
export async function composeSubgraphs(subgraphs: SubgraphSource[]): Promise<Composition> {
  const services: ServiceDefinition[] = [];
  const problems: CompositionProblem[] = [];
  for (const subgraph of subgraphs) {
    const parsed = await parseSchemaFile(subgraph.schemaFile);
    if (parsed instanceof GraphQLError) problems.push(describe(parsed, `INVALID_GRAPHQL`, subgraph.name));
    else services.push({ name: subgraph.name, url: subgraph.routingUrl, typeDefs: parsed });
  }
  if (problems.length > 0) return { ok: false, problems };

  // Our own schema conventions, reported with federation's errors in the same run.
  const findings = services.flatMap((service) => [
    ...nonNullRootFields(service.name, service.typeDefs),
    ...namingProblems(service.name, service.typeDefs),
  ]);
  const result = composeServices(services);
  if (result.errors || findings.length > 0) {
    return { ok: false, problems: [...findings, ...(result.errors ?? []).map((error) => describe(error, 'COMPOSITION_FAILED'))] };
  }
  return {
    ok: true,
    supergraphSdl: result.supergraphSdl,
    apiSchema: result.schema.toAPISchema().toGraphQLJSSchema(),
    hints: result.hints.map((hint) => hint.toString()),
  };
}

async function parseSchemaFile(file: string): Promise<DocumentNode | GraphQLError> {
  try {
    return loadTypeDefs(file).document;
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
}

function describe(error: GraphQLError, fallbackCode: string, subgraph?: string): CompositionProblem {
  const message = subgraph ? `[${subgraph}] ${error.message.trim()}` : error.message.trim();
  return { code: errorCode(error) ?? fallbackCode, message, locations: locationsOf(error) };
}

/**
 * A composition error points at nodes of several subgraphs, each parsed from its own file, while
 * `error.locations` names them all after the first node's file. Each node is located in its own file.
 */
function locationsOf(error: GraphQLError): string[] {
  const located = (error.nodes ?? []).flatMap((node) => {
    if (!node.loc) return [];
    const { line, column } = getLocation(node.loc.source, node.loc.start);
    return [`${node.loc.source.name}:${line}:${column}`];
  });
  if (located.length > 0) return located;
  const sourceName = error.source?.name ?? '?';
  return (error.locations ?? []).map(({ line, column }) => `${sourceName}:${line}:${column}`);
}
