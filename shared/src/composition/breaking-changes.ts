import { findBreakingChanges, findDangerousChanges, type GraphQLSchema } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';

export interface SchemaChange {
  /** graphql-js change type, e.g. FIELD_REMOVED, TYPE_CHANGED_KIND. */
  type: string;
  description: string;
}

export interface SchemaDiff {
  breaking: SchemaChange[];
  /** Changes that break no query but can change what existing clients see (e.g. a new enum value). */
  dangerous: SchemaChange[];
}

/**
 * The API schema of a supergraph: what clients can query. Federation's join directives and
 * inaccessible elements are not part of it, so only changes a client would notice are compared.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

export function compareApiSchemas(previous: GraphQLSchema, next: GraphQLSchema): SchemaDiff {
  const plain = ({ type, description }: SchemaChange) => ({ type, description });
  return {
    breaking: findBreakingChanges(previous, next).map(plain),
    dangerous: findDangerousChanges(previous, next).map(plain),
  };
}
