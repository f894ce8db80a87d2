import { Kind, type DocumentNode, type NameNode } from 'graphql';
import { ruleProblem, type CompositionProblem } from './problems';

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
  const check = (kind: keyof typeof RULES, what: string, name: NameNode, owner?: string) => {
    if (FEDERATION_NAMES.has(name.value) || RULES[kind].pattern.test(name.value)) return;
    const full = owner ? `${owner}.${name.value}` : name.value;
    problems.push(ruleProblem(subgraph, SCHEMA_NAMING, `[${subgraph}] ${what} "${full}" is not ${RULES[kind].says}`, name));
  };
  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        check('type', 'Type', definition.name);
        for (const field of definition.fields ?? []) {
          check('field', 'Field', field.name, definition.name.value);
          for (const argument of field.arguments ?? [])
            check('field', 'Argument', argument.name, `${definition.name.value}.${field.name.value}`);
        }
        break;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION:
        check('type', 'Input type', definition.name);
        for (const field of definition.fields ?? []) check('field', 'Input field', field.name, definition.name.value);
        break;
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION:
        check('type', 'Enum', definition.name);
        for (const value of definition.values ?? []) check('value', 'Enum value', value.name, definition.name.value);
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.UNION_TYPE_DEFINITION:
        check('type', definition.kind === Kind.SCALAR_TYPE_DEFINITION ? 'Scalar' : 'Union', definition.name);
        break;
    }
  }
  return problems;
}
