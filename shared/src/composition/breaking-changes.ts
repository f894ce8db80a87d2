import { findBreakingChanges, findDangerousChanges, type GraphQLSchema } from 'graphql';

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

export function compareApiSchemas(previous: GraphQLSchema, next: GraphQLSchema): SchemaDiff {
  const plain = ({ type, description }: SchemaChange) => ({ type, description });
  return {
    breaking: findBreakingChanges(previous, next).map(plain),
    dangerous: findDangerousChanges(previous, next).map(plain),
  };
}
