import { GraphQLError, parse, Source, type GraphQLSchema } from 'graphql';
import { composeServices, type CompositionResult } from '@theguild/federation-composition';
import { apiSchemaOf } from './api-schema';
import { withDataClassDescriptions } from './data-class-descriptions';
import { locateError, subgraphNamedFirst, type ParsedSubgraph } from './locate';
import { descriptionProblems } from './descriptions';
import { namingProblems } from './naming';
import { nonNullRootFields } from './nullable-root-fields';
import { formatLocation, type CompositionProblem } from './problems';

/** A subgraph to compose: its name (the supergraph's join__Graph), its routing URL and its whole SDL. */
export interface SubgraphSdl {
  name: string;
  url: string;
  /** The SDL the subgraph serves; for a subgraph on the kit, its own with the common SDL (loadTypeDefs' source). */
  sdl: string;
}

export type Composition =
  | {
      ok: true;
      supergraphSdl: string;
      /** The API schema as the composer prints it. */
      publicSdl: string;
      /** The API schema, built as apiSchemaOf builds a committed supergraph's, so that the two compare. */
      apiSchema: GraphQLSchema;
    }
  | { ok: false; problems: CompositionProblem[] };

/**
 * Composes subgraphs given as SDL text, in memory: the schema registry calls it with the versions it
 * holds, composeSubgraphs with the files of supergraph.yaml. Each SDL is parsed with the subgraph's name
 * as its source, so that every problem, syntax, federation's or the platform's (nullable root fields,
 * naming), points at a subgraph, line and column; the problems of every subgraph are listed at once.
 */
export function composeSdls(services: readonly SubgraphSdl[], rules: { descriptions?: boolean } = {}): Composition {
  const duplicates = duplicateNames(services);
  if (duplicates.length > 0) return { ok: false, problems: duplicates };

  const subgraphs: (ParsedSubgraph & { url: string })[] = [];
  const problems: CompositionProblem[] = [];
  for (const service of services) {
    const source = new Source(service.sdl, service.name);
    try {
      subgraphs.push({ name: service.name, url: service.url, source, document: parse(source) });
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      problems.push(syntaxProblem(service.name, error));
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  // Our own schema conventions, reported with federation's errors in the same run.
  const findings = subgraphs.flatMap((subgraph) => [
    ...nonNullRootFields(subgraph.name, subgraph.document),
    ...namingProblems(subgraph.name, subgraph.document),
    // The platform's own subgraphs must describe everything; the registry weighs partners' by policy.
    ...(rules.descriptions ? descriptionProblems(subgraph.name, subgraph.document) : []),
  ]);
  const result = composeOrFail(subgraphs);
  if (result.errors || findings.length > 0) {
    return { ok: false, problems: [...findings, ...(result.errors ?? []).map((error) => describe(error, subgraphs))] };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl, publicSdl: result.publicSdl, apiSchema: apiSchemaOf(result.supergraphSdl) };
}

/** The composer's result; a composer that throws (a bug of its own) fails the composition, not the caller. */
function composeOrFail(subgraphs: readonly (ParsedSubgraph & { url: string })[]): CompositionResult {
  try {
    return composeServices(
      subgraphs.map(({ name, url, document }) => ({ name, url, typeDefs: withDataClassDescriptions(name, document) })),
    );
  } catch (error) {
    return {
      errors: [new GraphQLError(`The composer failed: ${(error as Error).message}`, { extensions: { code: 'COMPOSITION_FAILED' } })],
    };
  }
}

function duplicateNames(services: readonly SubgraphSdl[]): CompositionProblem[] {
  const counts = new Map<string, number>();
  for (const service of services) counts.set(service.name, (counts.get(service.name) ?? 0) + 1);
  return [...counts]
    .flatMap(([name, count]) => (count > 1 ? [name] : []))
    .map((name) => ({
      subgraph: name,
      code: 'DUPLICATE_SUBGRAPH_NAME',
      message: `[${name}] more than one subgraph is named "${name}"`,
      locations: [],
      at: [],
    }));
}

function syntaxProblem(subgraph: string, error: GraphQLError): CompositionProblem {
  const locations = (error.locations ?? []).map(({ line, column }) => ({ subgraph, line, column }));
  return {
    subgraph,
    code: 'INVALID_GRAPHQL',
    message: `[${subgraph}] ${error.message.trim()}`,
    locations,
    at: locations.map(formatLocation),
  };
}

function describe(error: GraphQLError, subgraphs: readonly ParsedSubgraph[]): CompositionProblem {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'COMPOSITION_FAILED';
  const message = error.message.trim();
  const locations = locateError(error, subgraphs);
  const named = error.extensions?.subgraphName;
  const located = [...new Set(locations.map((location) => location.subgraph))];
  const subgraph =
    (typeof named === 'string' ? named : undefined) ??
    subgraphNamedFirst(message, subgraphs) ??
    (located.length === 1 ? located[0]! : null);
  return { subgraph, code, message, locations, at: locations.map(formatLocation) };
}
