import type { GraphQLSchema } from 'graphql';
import { CriticalityLevel, diff, DiffRule, type Change } from '@graphql-inspector/core';

/** BREAKING: an existing query can fail. DANGEROUS: none fails, results may differ (a new enum value). */
export type Criticality = 'BREAKING' | 'DANGEROUS' | 'SAFE';

export interface SchemaChange {
  criticality: Criticality;
  /** GraphQL Inspector's change type, e.g. FIELD_REMOVED, ENUM_VALUE_ADDED, FIELD_ARGUMENT_TYPE_CHANGED. */
  type: string;
  /** GraphQL Inspector's sentence, e.g. "Field 'name' was removed from object type 'Community'". */
  message: string;
  /** Where the change is: `Type`, `Type.field`, `Type.field.argument`, `Enum.VALUE`, `Type.field.@directive` … */
  path: string | null;
  /**
   * The schema coordinate to look usage up at: the path's first two segments, `Type.field` (or
   * `Type`, `Enum.VALUE`, `Input.field`), without a directive segment. Null for a change to the schema's
   * root operations or to a directive definition, which no operation's field usage names.
   */
  coordinate: string | null;
}

export interface SchemaDiff {
  breaking: SchemaChange[];
  dangerous: SchemaChange[];
  safe: SchemaChange[];
}

const CRITICALITY: Record<CriticalityLevel, Criticality> = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'DANGEROUS',
  [CriticalityLevel.NonBreaking]: 'SAFE',
};

/**
 * Every change from one API schema to the next, classified by GraphQL Inspector (MIT). Changes inside a
 * change that already says them (the arguments of an added field, the directive behind a deprecation)
 * are left out, so that each is listed once.
 */
export async function diffApiSchemas(previous: GraphQLSchema, next: GraphQLSchema): Promise<SchemaChange[]> {
  const changes = await diff(previous, next, [DiffRule.simplifyChanges]);
  return changes.map(schemaChange);
}

/** diffApiSchemas' changes by criticality, for `npm run compose`'s changelog. */
export async function compareApiSchemas(previous: GraphQLSchema, next: GraphQLSchema): Promise<SchemaDiff> {
  const changes = await diffApiSchemas(previous, next);
  const of = (criticality: Criticality) => changes.filter((change) => change.criticality === criticality);
  return { breaking: of('BREAKING'), dangerous: of('DANGEROUS'), safe: of('SAFE') };
}

function schemaChange(change: Change): SchemaChange {
  const path = change.path ?? null;
  return {
    criticality: CRITICALITY[change.criticality.level],
    type: change.type,
    message: change.message,
    path,
    coordinate: coordinateOf(path),
  };
}

function coordinateOf(path: string | null): string | null {
  if (!path || path.startsWith('@')) return null;
  const segments = path.split('.');
  const end = segments.findIndex((segment, index) => index > 0 && segment.startsWith('@'));
  return segments.slice(0, Math.min(2, end === -1 ? segments.length : end)).join('.');
}
