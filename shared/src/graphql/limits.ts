import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * What one request may ask of any PeaceGraph process, the gateway and every subgraph alike: a
 * subgraph reachable on its own must not accept what the gateway would refuse.
 */
export interface QueryLimits {
  /** Largest request body, in express.json's notation. */
  bodySize: string;
  maxDepth: number;
  maxAliases: number;
  /** Largest estimated answer, in values (see cost.ts). */
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  bodySize: '1mb',
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 500_000,
};

/**
 * Rejects operations nested deeper than `maxDepth` fields. Fragments are expanded, so the limit
 * cannot be dodged by moving a selection into a fragment.
 *
 * Inside introspection (`__schema`, `__type`) the `ofType` chain does not count: it only unwraps
 * list and non-null wrappers, so its length is bounded by the schema, and GraphiQL's introspection
 * query needs about nine of them. `__typename` never counts: it costs nothing.
 */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = new Expansion(context).depth(operation.selectionSet, false);
      if (depth > maxDepth) {
        context.reportError(
          limitError(`${operationLabel(operation)} is nested ${depth} levels deep; the maximum query depth is ${maxDepth}`, operation, {
            limit: 'maxDepth',
            max: maxDepth,
            actual: depth,
          }),
        );
      }
    },
  });
}

/**
 * Rejects operations with more than `maxAliases` aliases, counted as executed (an aliased field in a
 * fragment spread three times counts three times): aliases are how one request asks for the same
 * expensive field many times over.
 */
export function maxAliasesRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const aliases = new Expansion(context).aliases(operation.selectionSet);
      if (aliases > maxAliases) {
        context.reportError(
          limitError(
            `${operationLabel(operation)} uses ${aliases} aliases; the maximum is ${maxAliases} aliases per operation`,
            operation,
            {
              limit: 'maxAliases',
              max: maxAliases,
              actual: aliases,
            },
          ),
        );
      }
    },
  });
}

/** Walks an operation with its fragments expanded; each fragment is measured once and reused. */
class Expansion {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly depths = new Map<string, number>();
  private readonly aliasCounts = new Map<string, number>();
  /** A fragment cycle is reported by graphql's own NoFragmentCycles rule; here it only must not loop. */
  private readonly entered = new Set<string>();

  constructor(context: ValidationContext) {
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  depth(selectionSet: SelectionSetNode, inIntrospection: boolean): number {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        const introspection = inIntrospection || name === '__schema' || name === '__type';
        const own = inIntrospection && name === 'ofType' ? 0 : 1;
        const below = selection.selectionSet ? this.depth(selection.selectionSet, introspection) : 0;
        deepest = Math.max(deepest, own + below);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, this.depth(selection.selectionSet, inIntrospection));
      } else {
        const key = `${selection.name.value}:${inIntrospection}`;
        deepest = Math.max(
          deepest,
          this.measured(this.depths, key, selection.name.value, (f) => this.depth(f.selectionSet, inIntrospection)),
        );
      }
    }
    return deepest;
  }

  aliases(selectionSet: SelectionSetNode): number {
    let count = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) count += 1;
        if (selection.selectionSet) count += this.aliases(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += this.aliases(selection.selectionSet);
      } else {
        const name = selection.name.value;
        count += this.measured(this.aliasCounts, name, name, (f) => this.aliases(f.selectionSet));
      }
    }
    return count;
  }

  private measured(
    cache: Map<string, number>,
    key: string,
    fragmentName: string,
    measure: (fragment: FragmentDefinitionNode) => number,
  ): number {
    const known = cache.get(key);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(fragmentName);
    if (!fragment || this.entered.has(key)) return 0;
    this.entered.add(key);
    const value = measure(fragment);
    this.entered.delete(key);
    cache.set(key, value);
    return value;
  }
}

function limitError(message: string, operation: OperationDefinitionNode, detail: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, {
    nodes: [operation],
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...detail },
  });
}

function operationLabel(operation: OperationDefinitionNode): string {
  return operation.name ? `Operation "${operation.name.value}"` : 'The operation';
}
