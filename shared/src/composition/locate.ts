import { Kind, type ASTNode, type DocumentNode, type GraphQLError, type Source } from 'graphql';
import { nodeLocation, type ProblemLocation } from './problems';

/** A subgraph as composition parsed it. */
export interface ParsedSubgraph {
  name: string;
  source: Source;
  document: DocumentNode;
}

/**
 * Where a composition error points. An error about one subgraph's SDL carries its nodes, each parsed
 * from that subgraph's text. An error found while merging subgraphs carries none (the Guild's composer
 * builds the supergraph from its own model, not from the nodes), but its message names the schema
 * coordinate in quotes (`"Community.name"`) and the subgraphs involved (`subgraph "conflicts"`): the
 * coordinate is looked up in each subgraph named, in the order named, or in every subgraph if none is.
 */
export function locateError(error: GraphQLError, subgraphs: readonly ParsedSubgraph[]): ProblemLocation[] {
  const bySource = new Map(subgraphs.map((subgraph) => [subgraph.source, subgraph.name]));
  const fromNodes = (error.nodes ?? []).flatMap((node) => {
    const subgraph = node.loc ? bySource.get(node.loc.source) : undefined;
    const location = subgraph ? nodeLocation(subgraph, node) : undefined;
    return location ? [location] : [];
  });
  return distinct(fromNodes.length > 0 ? fromNodes : locateInMessage(error.message, subgraphs));
}

/** The subgraph a message starts with, `[name] …`, as federation prefixes an error in one subgraph. */
export function subgraphNamedFirst(message: string, subgraphs: readonly ParsedSubgraph[]): string | undefined {
  const named = /^\[([^\]]+)\]/.exec(message)?.[1];
  return named !== undefined && subgraphs.some((subgraph) => subgraph.name === named) ? named : undefined;
}

/** `Type`, `Type.field`, `Enum.VALUE` or `Type.field(argument:)`, as federation's messages quote them. */
const COORDINATE = /^([_A-Za-z]\w*)(?:\.([_A-Za-z]\w*)(?:\(([_A-Za-z]\w*):\))?)?$/;

function locateInMessage(message: string, subgraphs: readonly ParsedSubgraph[]): ProblemLocation[] {
  const quoted = [...message.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
  const names = new Set(subgraphs.map((subgraph) => subgraph.name));
  const mentioned = [...new Set([subgraphNamedFirst(message, subgraphs), ...quoted.filter((text) => names.has(text))])].filter(
    (name): name is string => name !== undefined,
  );
  const inScope = mentioned.length > 0 ? mentioned.map((name) => subgraphs.find((subgraph) => subgraph.name === name)!) : [...subgraphs];
  for (const text of quoted) {
    const coordinate = names.has(text) ? null : COORDINATE.exec(text);
    if (!coordinate) continue;
    const [, type, member, argument] = coordinate;
    const found = inScope.flatMap((subgraph) => {
      const node = findNode(subgraph.document, type!, member, argument);
      const location = node ? nodeLocation(subgraph.name, node) : undefined;
      return location ? [location] : [];
    });
    if (found.length > 0) return found;
  }
  return [];
}

/** The first definition (or extension) of a type, or of its field, enum value or field argument. */
function findNode(document: DocumentNode, type: string, member?: string, argument?: string): ASTNode | undefined {
  for (const definition of document.definitions) {
    if (!('name' in definition) || definition.name?.value !== type || definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
    if (member === undefined) return definition;
    const members: readonly ASTNode[] =
      'fields' in definition ? (definition.fields ?? []) : 'values' in definition ? (definition.values ?? []) : [];
    const found = members.find((node) => 'name' in node && node.name?.value === member);
    if (!found) continue;
    if (argument === undefined) return found;
    const argumentNode = 'arguments' in found ? found.arguments?.find((node) => node.name.value === argument) : undefined;
    if (argumentNode) return argumentNode;
  }
  return undefined;
}

function distinct(locations: ProblemLocation[]): ProblemLocation[] {
  const seen = new Set<string>();
  return locations.filter((location) => {
    const key = `${location.subgraph}:${location.line}:${location.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
