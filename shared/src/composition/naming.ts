import type { DocumentNode } from 'graphql';
import { ruleProblem, type CompositionProblem } from './problems';
import { schemaParts } from './schema-parts';

export const SCHEMA_NAMING = 'SCHEMA_NAMING';

/** Federation's own names, which a subgraph may declare or extend as federation spells them. */
const FEDERATION_NAMES = new Set(['_entities', '_service', '_Any', '_Entity', '_Service', '_FieldSet']);

const RULES = {
  type: { pattern: /^[A-Z][A-Za-z0-9]*$/, says: 'PascalCase' },
  field: { pattern: /^[a-z][A-Za-z0-9]*$/, says: 'camelCase' },
  value: { pattern: /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, says: 'UPPER_SNAKE_CASE' },
} as const;

/**
 * The schema's naming conventions (docs/ARCHITECTURE.md §5), checked at composition so that the
 * supergraph integrators generate clients from reads as one graph whoever wrote each part: types,
 * inputs, enums, scalars and interfaces PascalCase; fields, arguments and input fields camelCase; enum
 * values UPPER_SNAKE_CASE.
 */
export function namingProblems(subgraph: string, document: DocumentNode): CompositionProblem[] {
  const problems: CompositionProblem[] = [];
  for (const { what, casing, name, owner } of schemaParts(document)) {
    if (FEDERATION_NAMES.has(name.value) || RULES[casing].pattern.test(name.value)) continue;
    const full = owner ? `${owner}.${name.value}` : name.value;
    problems.push(ruleProblem(subgraph, SCHEMA_NAMING, `[${subgraph}] ${what} "${full}" is not ${RULES[casing].says}`, name));
  }
  return problems;
}
