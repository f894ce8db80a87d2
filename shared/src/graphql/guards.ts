import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type ValidationRule } from 'graphql';
import { env } from '../server/env';
import { costLimitPlugin, type ListSizes } from './cost';
import { DEFAULT_LIMITS, maxAliasesRule, maxDepthRule, type QueryLimits } from './limits';

/** The limits' settings, the same names at the gateway and at every subgraph. */
export const queryLimitsEnv = {
  MAX_BODY_SIZE: env.string('largest request body, e.g. 1mb or 500kb', DEFAULT_LIMITS.bodySize),
  MAX_QUERY_DEPTH: env.integer('deepest selection a query may have', DEFAULT_LIMITS.maxDepth, 1),
  MAX_ALIASES: env.integer('most aliases one operation may use', DEFAULT_LIMITS.maxAliases, 0),
  MAX_COST: env.integer('largest estimated answer of one operation, in values', DEFAULT_LIMITS.maxCost, 1),
};

export function queryLimitsOf(values: {
  MAX_BODY_SIZE: string;
  MAX_QUERY_DEPTH: number;
  MAX_ALIASES: number;
  MAX_COST: number;
}): QueryLimits {
  return { bodySize: values.MAX_BODY_SIZE, maxDepth: values.MAX_QUERY_DEPTH, maxAliases: values.MAX_ALIASES, maxCost: values.MAX_COST };
}

/**
 * Everything an Apollo Server of ours needs to refuse a hostile request before doing work for it:
 * depth and alias limits (validation), the cost limit (once variables are known), and HTTP 400
 * rather than 500 for a request that names no runnable operation.
 */
export function requestGuards<C extends object>(
  limits: QueryLimits,
  /** The `@listSize` hints of the schema served (listSizesFromSdl), asked for on each request. */
  listSizes?: () => ListSizes,
): { validationRules: ValidationRule[]; plugins: ApolloServerPlugin<C>[] } {
  return {
    validationRules: [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases)],
    plugins: [costLimitPlugin<C>(limits.maxCost, listSizes), operationChoicePlugin<C>()],
  };
}

/**
 * A document whose operation cannot be chosen (an `operationName` that names none of its operations,
 * or several operations and no name) is the caller's mistake: HTTP 400 with a plain reason. Apollo
 * Server would hand the gateway's executor no operation, which fails with a bare 500.
 */
function operationChoicePlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation) return;
          const names = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? null] : []));
          const message = request.operationName
            ? `operationName "${String(request.operationName).slice(0, 100)}" names no operation of the document (it has: ${names.map((n) => n ?? 'an unnamed one').join(', ') || 'none'})`
            : 'The document has several operations: name the one to run with operationName';
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
        },
      };
    },
  };
}
