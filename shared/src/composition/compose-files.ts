import path from 'node:path';
import { COMMON_SCHEMA_FILE, typeDefsSource } from '../graphql/type-defs';
import { composeSdls, type Composition } from './compose';
import type { ProblemLocation } from './problems';
import type { SubgraphSource } from './read-config';

/**
 * Composes the subgraphs' SDL files of supergraph.yaml: each is read as its server reads it (the kit's
 * common SDL, then schema.graphql) and composed by composeSdls. A problem's `at` then names the file and
 * line a person can open: schema.graphql, or the kit's common.graphql for a line of the common SDL.
 */
export async function composeSubgraphs(subgraphs: readonly SubgraphSource[], rules: { descriptions?: boolean } = {}): Promise<Composition> {
  const texts = new Map(
    subgraphs.map((subgraph) => [subgraph.name, { file: subgraph.schemaFile, ...typeDefsSource(subgraph.schemaFile) }]),
  );
  const composition = composeSdls(
    subgraphs.map((subgraph) => ({ name: subgraph.name, url: subgraph.routingUrl, sdl: texts.get(subgraph.name)!.source })),
    rules,
  );
  if (composition.ok) return composition;

  const inFile = (location: ProblemLocation): string => {
    const text = texts.get(location.subgraph)!;
    const own = location.line > text.ownLineOffset;
    const file = path.relative(process.cwd(), own ? text.file : COMMON_SCHEMA_FILE);
    return `${file}:${own ? location.line - text.ownLineOffset : location.line}:${location.column}`;
  };
  return { ok: false, problems: composition.problems.map((problem) => ({ ...problem, at: problem.locations.map(inFile) })) };
}
