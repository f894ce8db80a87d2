import { buildASTSchema, Kind, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';

/**
 * The API schema of a supergraph: what clients can query. Federation's join and link machinery and
 * @inaccessible elements are not part of it, so only changes a client would notice are compared.
 * Built with the Guild's MIT-licensed transform, so that nothing Elastic-licensed is needed to read a
 * supergraph. Throws on a text that is not a supergraph (not GraphQL, or no join spec linked).
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  const document = parse(supergraphSdl);
  if (!linksJoinSpec(document)) throw new Error('not a supergraph: its schema links no join spec (https://specs.apollo.dev/join)');
  return buildASTSchema(transformSupergraphToPublicSchema(document));
}

function linksJoinSpec(document: DocumentNode): boolean {
  return document.definitions.some(
    (definition) =>
      (definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION) &&
      (definition.directives ?? []).some(
        (directive) =>
          directive.name.value === 'link' &&
          (directive.arguments ?? []).some(
            (argument) =>
              argument.name.value === 'url' &&
              argument.value.kind === Kind.STRING &&
              argument.value.value.startsWith('https://specs.apollo.dev/join/'),
          ),
      ),
  );
}
