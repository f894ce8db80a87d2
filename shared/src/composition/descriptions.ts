import type { DocumentNode } from 'graphql';
import { ruleProblem, type CompositionProblem } from './problems';
import { schemaParts } from './schema-parts';

export const SCHEMA_DESCRIPTION = 'SCHEMA_DESCRIPTION';

/** Federation's own names and the roots, which say nothing a description could add. */
const EXEMPT = new Set(['_entities', '_service', '_Any', '_Entity', '_Service', '_FieldSet', 'Query', 'Mutation', 'Subscription']);

/**
 * Everything an integrator reads in the schema has a description (issue 18): types, fields, arguments,
 * input fields, enum values and scalars. A type may be defined more than once (a federation stub) and
 * is described when one of its definitions is; an extension cannot carry a description (GraphQL
 * allows none there), so it needs none. Checked at composition with the naming rules, so
 * `npm run compose -- --check` fails on an undescribed field, and by the registry's DESCRIPTIONS policy
 * on what partners publish.
 */
export function descriptionProblems(subgraph: string, document: DocumentNode): CompositionProblem[] {
  const parts = [...schemaParts(document)];
  const describedTypes = new Set(parts.filter((p) => !p.owner && p.description?.value.trim()).map((p) => p.name.value));
  const problems: CompositionProblem[] = [];
  for (const { what, name, owner, description, extension } of parts) {
    if (EXEMPT.has(name.value) || description?.value.trim()) continue;
    if (!owner && (extension || describedTypes.has(name.value))) continue;
    const full = owner ? `${owner}.${name.value}` : name.value;
    problems.push(ruleProblem(subgraph, SCHEMA_DESCRIPTION, `[${subgraph}] ${what} "${full}" has no description`, name));
  }
  return problems;
}
