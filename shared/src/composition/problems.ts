import { getLocation, type ASTNode } from 'graphql';

/** A place in a subgraph's SDL: line and column (from 1) of the text composed for that subgraph. */
export interface ProblemLocation {
  subgraph: string;
  line: number;
  column: number;
}

/** One thing wrong with the subgraphs, as the person fixing their SDL needs to read it. */
export interface CompositionProblem {
  /**
   * The subgraph whose SDL is at fault. Null for a problem between subgraphs (a field typed differently
   * in two of them: `locations` names each) and for a problem of supergraph.yaml.
   */
  subgraph: string | null;
  /** Federation's code (FIELD_TYPE_MISMATCH, INVALID_GRAPHQL …) or the platform's (NON_NULL_ROOT_FIELD, SCHEMA_NAMING). */
  code: string;
  message: string;
  locations: ProblemLocation[];
  /**
   * The same places as `npm run compose` prints them: `file:line:column` from composeSubgraphs,
   * `subgraph:line:column` from composeSdls; a problem of supergraph.yaml names the file alone.
   */
  at: string[];
}

export function formatLocation(location: ProblemLocation): string {
  return `${location.subgraph}:${location.line}:${location.column}`;
}

/** Where a node of `subgraph`'s parsed SDL starts, if the parser kept its location. */
export function nodeLocation(subgraph: string, node: ASTNode): ProblemLocation | undefined {
  if (!node.loc) return undefined;
  const { line, column } = getLocation(node.loc.source, node.loc.start);
  return { subgraph, line, column };
}

/**
 * A problem one of the platform's rules finds at a node of a subgraph's SDL. `at` names the node's
 * source (the subgraph, as composeSdls parses it, or a file for a caller that parsed one).
 */
export function ruleProblem(subgraph: string, code: string, message: string, node: ASTNode): CompositionProblem {
  const location = nodeLocation(subgraph, node);
  const at = location && node.loc ? [`${node.loc.source.name}:${location.line}:${location.column}`] : [];
  return { subgraph, code, message, locations: location ? [location] : [], at };
}
