import { GraphQLScalarType } from 'graphql';

/**
 * A custom scalar's literal (`reportedFrom: "2021-13-01"`, `country: "MLI"`) is judged by the subgraph,
 * not the gateway: the supergraph knows the scalar by name only. graphql-js reports an error that a
 * scalar throws as a GraphQLError word for word ("Date cannot represent an invalid date-string…"),
 * and any other error as `Expected value of type "Date", found "2021-13-01"; <reason>`: the form by
 * which the gateway tells a caller's bad value (BAD_USER_INPUT) from a subgraph that refused the
 * operation it was sent (SUBGRAPH_UNAVAILABLE). So a scalar's literal errors are thrown as plain
 * errors, keeping their reason.
 */
export function plainLiteralErrors(scalar: GraphQLScalarType): GraphQLScalarType {
  const config = scalar.toConfig();
  const parseLiteral = config.parseLiteral;
  if (!parseLiteral) return scalar;
  return new GraphQLScalarType({
    ...config,
    parseLiteral: (ast, variables) => {
      try {
        return parseLiteral(ast, variables);
      } catch (error) {
        throw new TypeError(error instanceof Error ? error.message : String(error), { cause: error });
      }
    },
  });
}
