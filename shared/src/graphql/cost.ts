import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldDefinitionNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../sql/pagination';

/**
 * How many items a list field is taken to return when nothing bounds it: no `first` in the query and
 * no `@listSize(assumedSize:)` on the field. Most such lists here are breakdowns by an enum (sex, age
 * group, audience) or a record's few children; a list that can be long says so with @listSize.
 */
export const ASSUMED_LIST_SIZE = 10;

/** What a field's `@listSize` (Apollo's cost spec, the IBM GraphQL cost directive) says of its size. */
export interface ListSizeHint {
  assumedSize?: number;
  /** Arguments whose value is the number of items (e.g. first); the largest given counts. */
  slicingArguments?: string[];
}

/** `@listSize` hints by "Type.field". */
export type ListSizes = ReadonlyMap<string, ListSizeHint>;

/**
 * The `@listSize` hints declared in SDL: a subgraph's schema.graphql, or the supergraph, where
 * composition keeps them (the API schema the gateway executes does not).
 */
export function listSizesFromSdl(document: DocumentNode): ListSizes {
  const hints = new Map<string, ListSizeHint>();
  for (const definition of document.definitions) {
    if (!('fields' in definition) || !definition.fields || !('name' in definition) || !definition.name) continue;
    if (
      ![Kind.OBJECT_TYPE_DEFINITION, Kind.OBJECT_TYPE_EXTENSION, Kind.INTERFACE_TYPE_DEFINITION, Kind.INTERFACE_TYPE_EXTENSION].includes(
        definition.kind,
      )
    )
      continue;
    for (const field of definition.fields as readonly FieldDefinitionNode[]) {
      const directive = field.directives?.find((d) => d.name.value === 'listSize');
      if (!directive) continue;
      const hint: ListSizeHint = {};
      for (const argument of directive.arguments ?? []) {
        const value = valueFromASTUntyped(argument.value);
        if (argument.name.value === 'assumedSize' && typeof value === 'number') hint.assumedSize = value;
        if (argument.name.value === 'slicingArguments' && Array.isArray(value))
          hint.slicingArguments = value.filter((v): v is string => typeof v === 'string');
      }
      hints.set(`${definition.name.value}.${field.name.value}`, hint);
    }
  }
  return hints;
}

/** Arguments that bound how many items a field returns: pages, and the gateway's entity batches. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit'] as const;

/**
 * The estimated size of an operation's answer, in values: each field counts 1, and a list multiplies
 * what is below it by its size — `first`/`last`/`limit` when given (a variable's value, else the
 * largest page), the number of `representations` for `_entities`, else ASSUMED_LIST_SIZE. A
 * connection's `first` sizes the `edges`/`nodes` lists under it. Introspection is bounded by the
 * schema and not counted; nor is `__typename` beyond its one value.
 *
 * This is what makes `{ countries { adminAreas { country { adminAreas { __typename } } } } }` (84
 * bytes, 607 KB of answer) refusable before any work: depth and alias limits cannot see it.
 */
export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
  listSizes: ListSizes = new Map(),
): number {
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;
  const entered = new Set<string>();

  const sizeOf = (field: FieldNode, definition: GraphQLField<unknown, unknown>, hint: ListSizeHint | undefined): number | undefined => {
    for (const name of hint?.slicingArguments ?? SIZE_ARGUMENTS) {
      const argument = field.arguments?.find((a) => a.name.value === name);
      if (argument) return bounded(valueFromASTUntyped(argument.value, variables));
      const declared = definition.args.find((a) => a.name === name);
      if (declared?.defaultValue !== undefined) return bounded(declared.defaultValue);
      if (declared) return DEFAULT_PAGE_SIZE; // declared without a default: the service's own page size
    }
    const representations = field.arguments?.find((a) => a.name.value === 'representations');
    if (representations) {
      const value = valueFromASTUntyped(representations.value, variables);
      return Array.isArray(value) ? value.length : ASSUMED_LIST_SIZE;
    }
    return hint?.assumedSize;
  };

  /**
   * The fields a selection asks for, merged as execution merges them: one entry per response key
   * (alias or name) and parent type, with the sub-selections of every occurrence. A field repeated
   * by overlapping fragments is answered once, so it is priced once.
   */
  const collect = (
    selectionSets: readonly SelectionSetNode[],
    type: GraphQLNamedType,
    into = new Map<string, Collected>(),
  ): Map<string, Collected> => {
    for (const selectionSet of selectionSets) {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = `${type.name}.${selection.alias?.value ?? selection.name.value}`;
          const known = into.get(key);
          if (known) {
            if (selection.selectionSet) known.selections.push(selection.selectionSet);
          } else {
            into.set(key, { field: selection, parent: type, selections: selection.selectionSet ? [selection.selectionSet] : [] });
          }
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const on = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? type) : type;
          collect([selection.selectionSet], on, into);
        } else {
          const fragment = fragments[selection.name.value];
          if (!fragment || entered.has(fragment.name.value)) continue; // cycles are a validation error already
          entered.add(fragment.name.value);
          collect([fragment.selectionSet], schema.getType(fragment.typeCondition.name.value) ?? type, into);
          entered.delete(fragment.name.value);
        }
      }
    }
    return into;
  };

  const costOf = (selectionSets: readonly SelectionSetNode[], type: GraphQLNamedType, pageSize: number | undefined): number => {
    let total = 0;
    for (const { field, parent, selections } of collect(selectionSets, type).values())
      total += fieldCost(field, parent, selections, pageSize);
    return total;
  };

  const fieldCost = (
    field: FieldNode,
    parent: GraphQLNamedType,
    selections: readonly SelectionSetNode[],
    pageSize: number | undefined,
  ): number => {
    const name = field.name.value;
    if (name === '__typename') return 1;
    if (name === '__schema' || name === '__type') return 1;
    if (!(isObjectType(parent) || isInterfaceType(parent))) return 1;
    const definition = parent.getFields()[name];
    if (!definition) return 1;
    const own = sizeOf(field, definition, listSizes.get(`${parent.name}.${name}`));
    const nullable = getNullableType(definition.type);
    const isList = isListType(nullable);
    // A list takes its size from its own arguments, or from the connection above it (`first` on
    // `communities`, read by its `edges`); otherwise it is assumed.
    const multiplier = isList ? (own ?? pageSize ?? ASSUMED_LIST_SIZE) : 1;
    // A connection field passes its page size down to its lists; a list passes nothing further.
    const passDown = isList ? undefined : own;
    const below = selections.length ? costOf(selections, getNamedType(definition.type), passDown) : 0;
    return 1 + multiplier * Math.max(below, isList ? 1 : 0);
  };

  return costOf([operation.selectionSet], root, undefined);
}

interface Collected {
  field: FieldNode;
  parent: GraphQLNamedType;
  selections: SelectionSetNode[];
}

function bounded(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return MAX_PAGE_SIZE;
  return Math.min(Math.floor(value), MAX_PAGE_SIZE);
}

/**
 * Refuses an operation whose estimated answer is larger than `maxCost` values, before it runs, with
 * HTTP 400, code COST_LIMIT_EXCEEDED, and the estimate and the limit in the error. Variables are
 * known at this point, so `first: $n` is priced at its value.
 */
export function costLimitPlugin<C extends object>(maxCost: number, listSizes: () => ListSizes = () => new Map()): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const cost = estimateCost(schema, operation, fragments, request.variables ?? {}, listSizes());
          if (cost > maxCost) {
            throw new GraphQLError(
              `${operation.name ? `Operation "${operation.name.value}"` : 'The operation'} could return about ${cost.toLocaleString('en')} values; the most one request may ask for is ${maxCost.toLocaleString('en')}. Ask for smaller pages (first), fewer nested lists, or split the request.`,
              { extensions: { code: 'COST_LIMIT_EXCEEDED', limit: 'maxCost', max: maxCost, actual: cost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
