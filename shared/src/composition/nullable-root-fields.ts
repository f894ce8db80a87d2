import { Kind, print, type DocumentNode, type FieldDefinitionNode } from 'graphql';
import { ruleProblem, type CompositionProblem } from './problems';

export const NON_NULL_ROOT_FIELD = 'NON_NULL_ROOT_FIELD';

/** Federation's own root fields: the gateway calls them itself and handles their failure. */
const FEDERATION_FIELDS = new Set(['_entities', '_service']);

/**
 * Every root field a subgraph declares must be nullable. When a subgraph is down or times out, the
 * gateway nulls the fields it owns; a non-null root field cannot be null, so GraphQL propagates the
 * null to `data` and every other partner's fields in the same request are lost with it.
 */
export function nonNullRootFields(subgraph: string, document: DocumentNode): CompositionProblem[] {
  const roots = rootTypeNames(document);
  const problems: CompositionProblem[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    if (!roots.has(definition.name.value)) continue;
    for (const field of definition.fields ?? []) {
      if (field.type.kind !== Kind.NON_NULL_TYPE || FEDERATION_FIELDS.has(field.name.value)) continue;
      problems.push(describe(subgraph, definition.name.value, field));
    }
  }
  return problems;
}

/** Query, Mutation and Subscription, or the names a `schema { … }` definition or extension gives them. */
function rootTypeNames(document: DocumentNode): Set<string> {
  const named = new Map<string, string>([
    ['query', 'Query'],
    ['mutation', 'Mutation'],
    ['subscription', 'Subscription'],
  ]);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const operation of definition.operationTypes ?? []) named.set(operation.operation, operation.type.name.value);
  }
  return new Set(named.values());
}

function describe(subgraph: string, typeName: string, field: FieldDefinitionNode): CompositionProblem {
  const type = print(field.type);
  const message =
    `[${subgraph}] Root field "${typeName}.${field.name.value}" is non-null (${type}): every root field must be nullable ` +
    `(${type.slice(0, -1)}), so that an outage of "${subgraph}" nulls only its own fields, not the other subgraphs' data`;
  return ruleProblem(subgraph, NON_NULL_ROOT_FIELD, message, field);
}
