import { Kind, type DocumentNode, type NameNode, type StringValueNode } from 'graphql';
import { ruleProblem, type CompositionProblem } from './problems';

export const SCHEMA_DESCRIPTION = 'SCHEMA_DESCRIPTION';

/** Federation's own names and the roots, which say nothing a description could add. */
const EXEMPT = new Set(['_entities', '_service', '_Any', '_Entity', '_Service', '_FieldSet', 'Query', 'Mutation', 'Subscription']);

/**
 * Everything an integrator reads in the schema has a description (issue 18): types, fields, arguments,
 * input fields, enum values and scalars. A type's description may stand on its definition or on an
 * extension; a root type needs none (its fields each have theirs). Checked at composition with the
 * naming rules, so `npm run compose -- --check` fails on an undescribed field, and by the registry's
 * DESCRIPTIONS policy on what partners publish.
 */
export function descriptionProblems(subgraph: string, document: DocumentNode): CompositionProblem[] {
  const described = new Set<string>();
  // A type described on one definition is described: it may be defined again as a federation stub.
  for (const definition of document.definitions) {
    if ('description' in definition && definition.description?.value.trim() && 'name' in definition && definition.name) {
      described.add(definition.name.value);
    }
  }
  const isExtension = (kind: Kind) => kind.endsWith('Extension');
  const problems: CompositionProblem[] = [];
  const need = (what: string, name: NameNode, description: StringValueNode | undefined, owner?: string) => {
    if (EXEMPT.has(name.value) || description?.value.trim()) return;
    const full = owner ? `${owner}.${name.value}` : name.value;
    problems.push(ruleProblem(subgraph, SCHEMA_DESCRIPTION, `[${subgraph}] ${what} "${full}" has no description`, name));
  };
  // An extension cannot carry a description (GraphQL allows none there): the type's definition must,
  // here or in the subgraph that defines it.
  const needType = (what: string, name: NameNode, extension: boolean) => {
    if (!extension && !described.has(name.value) && !EXEMPT.has(name.value)) need(what, name, undefined);
  };
  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        needType('Type', definition.name, isExtension(definition.kind));
        for (const field of definition.fields ?? []) {
          need('Field', field.name, field.description, definition.name.value);
          for (const argument of field.arguments ?? [])
            need('Argument', argument.name, argument.description, `${definition.name.value}.${field.name.value}`);
        }
        break;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION:
        needType('Input type', definition.name, isExtension(definition.kind));
        for (const field of definition.fields ?? []) need('Input field', field.name, field.description, definition.name.value);
        break;
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION:
        needType('Enum', definition.name, isExtension(definition.kind));
        for (const value of definition.values ?? []) need('Enum value', value.name, value.description, definition.name.value);
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
        needType('Scalar', definition.name, isExtension(definition.kind));
        break;
      case Kind.UNION_TYPE_DEFINITION:
        needType('Union', definition.name, isExtension(definition.kind));
        break;
    }
  }
  return problems;
}
