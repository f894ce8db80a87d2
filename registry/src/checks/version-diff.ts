import { buildSubgraphSchema } from '@apollo/subgraph';
import { diffApiSchemas } from '@peacegraph/kit/composition';
import { subgraphSdl } from './subgraph-sdl';

/** The changes between two versions of one subgraph's schema, as a check classifies them. */
export async function diffOfVersions(subgraph: string, from: string, to: string) {
  const schemaOf = (sdl: string) => {
    const parsed = subgraphSdl(subgraph, sdl);
    if (!('whole' in parsed)) throw parsed;
    return buildSubgraphSchema({ typeDefs: parsed.whole });
  };
  return diffApiSchemas(schemaOf(from), schemaOf(to));
}
