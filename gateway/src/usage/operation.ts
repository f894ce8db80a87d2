import { createHash } from 'node:crypto';
import {
  Kind,
  TypeInfo,
  getNamedType,
  isIntrospectionType,
  separateOperations,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { usageReportingSignature } from '@apollo/utils.usagereporting';
import { USAGE_LIMITS } from '@peacegraph/kit/usage';

/** One operation as usage reporting knows it: the same whatever literals, aliases, spacing or field order. */
export interface DescribedOperation {
  /** sha256 (hex) of `document`. */
  signature: string;
  /** The operation's name; null for an anonymous one, or when the request's operationName names none. */
  name: string | null;
  /**
   * Apollo's usage signature of the operation: unused operations and fragments dropped, literals
   * hidden, aliases removed, selections sorted, whitespace reduced.
   */
  document: string;
  /** Every `Type.field` it selects, sorted; empty when it did not validate against the schema. */
  coordinates: string[];
}

/**
 * The operation a document runs: the one `operationName` names, else its only operation. Undefined
 * when neither holds (Apollo Server refuses such a request; it is still described, as a whole).
 */
export function chosenOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/**
 * Describes the operation of a parsed document. `validated` says whether the document passed
 * validation against `schema`: only then are its schema coordinates read (a field the schema lacks
 * has none).
 */
export function describeOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  validated: boolean,
): DescribedOperation {
  const operation = chosenOperation(document, operationName);
  // From the document only: a GraphQL name. An operationName naming nothing is the caller's text.
  const name = operation?.name?.value ?? null;
  // Without an operation to run, the whole document is signed (as Apollo's dropUnusedDefinitions does).
  const text = usageReportingSignature(document, operation ? (name ?? '') : (operationName ?? ''));
  return {
    signature: createHash('sha256').update(text).digest('hex'),
    name: name === null ? null : name.slice(0, USAGE_LIMITS.nameChars),
    // Past the registry's limit the text is cut: it is shown to people, the signature is of the whole.
    document: text.slice(0, USAGE_LIMITS.documentChars),
    coordinates: validated && operation ? schemaCoordinates(schema, document, name ?? '').slice(0, USAGE_LIMITS.coordinates) : [],
  };
}

/**
 * Every `Type.field` the operation (and the fragments it uses, at any depth) selects, by field name
 * rather than alias, sorted. `Type` is the type the field is selected on: an interface's field is the
 * interface's coordinate. `__typename` and introspection (`__schema`, `__type` and all below) are left
 * out: they are no part of the graph's own schema.
 */
export function schemaCoordinates(schema: GraphQLSchema, document: DocumentNode, operationName: string): string[] {
  const own = separateOperations(document)[operationName] ?? document;
  const typeInfo = new TypeInfo(schema);
  const coordinates = new Set<string>();
  visit(
    own,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith('__') || isIntrospectionType(getNamedType(parent))) return;
        coordinates.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return [...coordinates].sort();
}

/**
 * Describing an operation prints and hashes it; callers repeat the same few operations, so the answer
 * is kept per schema (a new supergraph may give the same document other coordinates) and per query
 * text. The oldest entry goes when the cache is full: the cache bounds memory, not correctness.
 */
export class OperationCache {
  private readonly bySchema = new WeakMap<GraphQLSchema, Map<string, DescribedOperation>>();

  constructor(private readonly size = 1000) {}

  describe(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    validated: boolean,
    queryHash: string | undefined,
  ): DescribedOperation {
    if (queryHash === undefined) return describeOperation(schema, document, operationName, validated);
    let cache = this.bySchema.get(schema);
    if (!cache) {
      cache = new Map();
      this.bySchema.set(schema, cache);
    }
    const key = `${validated ? 'v' : 'n'}:${operationName ?? ''}:${queryHash}`;
    const known = cache.get(key);
    if (known) return known;
    const described = describeOperation(schema, document, operationName, validated);
    if (cache.size >= this.size) cache.delete(cache.keys().next().value as string);
    cache.set(key, described);
    return described;
  }
}
