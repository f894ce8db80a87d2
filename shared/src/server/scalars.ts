import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { resolvers as scalarResolvers } from 'graphql-scalars';
import { plainLiteralErrors } from '../input/scalar-literals';

/**
 * A scalar that only accepts strings matching a pattern, so malformed identifiers are refused at the
 * edge of the graph with the scalar's own explanation, before any resolver runs.
 */
function patternScalar(name: string, pattern: RegExp, explanation: string, normalise: (v: string) => string) {
  const check = (value: unknown): string => {
    if (typeof value !== 'string') throw new TypeError(`${name} must be a string: ${explanation}`);
    const normalised = normalise(value.trim());
    if (!pattern.test(normalised)) throw new TypeError(`"${value}" is not a valid ${name}: ${explanation}`);
    return normalised;
  };
  return new GraphQLScalarType({
    name,
    description: explanation,
    serialize: check,
    parseValue: check,
    parseLiteral(ast: ValueNode) {
      if (ast.kind !== Kind.STRING) throw new TypeError(`${name} must be a string: ${explanation}`);
      return check(ast.value);
    },
  });
}

/**
 * OCHA P-code: the ISO 3166-1 alpha-2 country code followed by digits (one group per admin level),
 * e.g. ML03 (Sikasso), ML0301 (Bougouni), NE001001. Upper-cased on the way in.
 */
export const PCodeScalar = patternScalar(
  'PCode',
  /^[A-Z]{2}[0-9]{1,12}$/,
  'an OCHA P-code: two-letter country code then digits, e.g. ML03 or ML0301',
  (v) => v.toUpperCase(),
);

/** ISO 639-3 language code: three lower-case letters, e.g. bam (Bambara), fuc (Pulaar). */
export const LanguageCodeScalar = patternScalar(
  'LanguageCode',
  /^[a-z]{3}$/,
  'an ISO 639-3 language code: three lower-case letters, e.g. bam',
  (v) => v.toLowerCase(),
);

export const PCODE_PATTERN = /^[A-Z]{2}[0-9]{1,12}$/;

/**
 * graphql-scalars' Date or DateTime, refusing years PostgreSQL cannot store: RFC 3339 allows year 0000,
 * which PostgreSQL refuses ("date/time field value out of range") after the request has been accepted,
 * so "0000-01-01" surfaced as an internal error.
 */
function storableDates(scalar: GraphQLScalarType): GraphQLScalarType {
  const check = (value: unknown): unknown => {
    if (value instanceof Date) {
      const year = value.getUTCFullYear();
      if (year < 1 || year > 9999)
        throw new TypeError(`${scalar.name} must fall between the years 1 and 9999, got ${value.toISOString().slice(0, 10)}`);
    }
    return value;
  };
  const config = scalar.toConfig();
  return new GraphQLScalarType({
    ...config,
    parseValue: (value) => check(config.parseValue!(value)),
    parseLiteral: (ast, variables) => check(config.parseLiteral!(ast, variables)),
  });
}

/** graphql-scalars used across the platform, plus ours; each subgraph declares in SDL the ones it uses. */
export const scalars = {
  ...scalarResolvers,
  Date: storableDates(scalarResolvers.Date!),
  DateTime: storableDates(scalarResolvers.DateTime!),
  PCode: PCodeScalar,
  LanguageCode: LanguageCodeScalar,
};

/** The SDL declarations matching `scalars`, for subgraphs to pick from (SDL-first, see docs/ARCHITECTURE.md). */
export function scalarResolversFor(typeDefsSource: string): Record<string, GraphQLScalarType> {
  const declared = [...typeDefsSource.matchAll(/^\s*scalar\s+(\w+)/gm)].map((m) => m[1]!);
  const picked: Record<string, GraphQLScalarType> = {};
  for (const name of declared) {
    const scalar = (scalars as Record<string, GraphQLScalarType>)[name];
    if (!scalar) throw new Error(`Scalar ${name} is declared in the schema but the kit does not provide it`);
    picked[name] = plainLiteralErrors(scalar);
  }
  return picked;
}
