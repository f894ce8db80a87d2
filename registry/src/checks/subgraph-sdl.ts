import { GraphQLError, Kind, parse, Source, type DocumentNode } from 'graphql';
import { withCommonTypeDefs } from '@peacegraph/kit/server';

/** A subgraph's schema as the registry composes it. */
export interface SubgraphSdl {
  /** As published: the subgraph's own schema.graphql. */
  own: DocumentNode;
  /** What the subgraph serves: its own SDL and, for a subgraph built on the kit, the common SDL. */
  whole: DocumentNode;
  /** `whole` as text, the subgraph's own lines first so that composition errors keep its line numbers. */
  text: string;
}

/**
 * Every PeaceGraph subgraph serves the kit's common SDL (federation link, scalars, data-class
 * directives, audit log) before its own, and publishes only its own, as in its repository. A subgraph
 * written without the kit links federation itself and is taken as it is.
 */
export function subgraphSdl(subgraph: string, sdl: string): SubgraphSdl | GraphQLError {
  let own: DocumentNode;
  try {
    own = parse(new Source(sdl, subgraph));
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  if (linksFederation(own)) return { own, whole: own, text: sdl };
  const common = withCommonTypeDefs({ text: sdl, document: own });
  const commonText = common.source.slice(0, common.source.length - sdl.length - 1);
  return { own, whole: common.document, text: `${sdl}\n${commonText}` };
}

function linksFederation(document: DocumentNode): boolean {
  return document.definitions.some(
    (d) =>
      (d.kind === Kind.SCHEMA_EXTENSION || d.kind === Kind.SCHEMA_DEFINITION) &&
      (d.directives ?? []).some((directive) => directive.name.value === 'link'),
  );
}
