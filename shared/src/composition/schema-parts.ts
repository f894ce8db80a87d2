import { Kind, type DocumentNode, type NameNode, type StringValueNode } from 'graphql';

/** One named part of a subgraph's SDL, as the schema rules (naming, descriptions) look at it. */
export interface SchemaPart {
  /** What it is, as a finding says it: "Type", "Field", "Argument", "Enum value" … */
  what: 'Type' | 'Field' | 'Argument' | 'Input type' | 'Input field' | 'Enum' | 'Enum value' | 'Scalar' | 'Union';
  /** Which naming convention applies. */
  casing: 'type' | 'field' | 'value';
  name: NameNode;
  /** `Type` or `Type.field` it belongs to; none for a type itself. */
  owner?: string;
  description?: StringValueNode;
  /** A type extension (`extend type …`), which GraphQL does not let carry a description. */
  extension: boolean;
}

/** Every type, field, argument, input field, enum value, scalar and union of a document, in order. */
export function* schemaParts(document: DocumentNode): Generator<SchemaPart> {
  for (const definition of document.definitions) {
    const extension = definition.kind.endsWith('Extension');
    const type = (what: SchemaPart['what']): SchemaPart => ({
      what,
      casing: 'type',
      name: (definition as { name: NameNode }).name,
      description: 'description' in definition ? definition.description : undefined,
      extension,
    });
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        yield type('Type');
        for (const field of definition.fields ?? []) {
          const owner = definition.name.value;
          yield { what: 'Field', casing: 'field', name: field.name, owner, description: field.description, extension };
          for (const argument of field.arguments ?? []) {
            yield {
              what: 'Argument',
              casing: 'field',
              name: argument.name,
              owner: `${owner}.${field.name.value}`,
              description: argument.description,
              extension,
            };
          }
        }
        break;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION:
        yield type('Input type');
        for (const field of definition.fields ?? []) {
          yield {
            what: 'Input field',
            casing: 'field',
            name: field.name,
            owner: definition.name.value,
            description: field.description,
            extension,
          };
        }
        break;
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION:
        yield type('Enum');
        for (const value of definition.values ?? []) {
          yield {
            what: 'Enum value',
            casing: 'value',
            name: value.name,
            owner: definition.name.value,
            description: value.description,
            extension,
          };
        }
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
        yield type('Scalar');
        break;
      case Kind.UNION_TYPE_DEFINITION:
        yield type('Union');
        break;
    }
  }
}
