import { Kind, type EnumTypeDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import { loadTypeDefs } from '../graphql/type-defs';

/** Where a field or type says its data class. */
type Classed = { directives?: readonly { name: { value: string } }[] };

/**
 * A subgraph's schema as its server reads it (the common SDL first), for the tests that hold it
 * against the code: its enums' values against the code's vocabularies, its object types' data classes.
 */
export function schemaUnderTest(schemaFile: string) {
  const { document } = loadTypeDefs(schemaFile);
  const objects = document.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION);
  const classOf = (node: Classed) => node.directives?.find((d) => ['public', 'partner', 'sensitive'].includes(d.name.value))?.name.value;
  return {
    /** The values of an enum the schema declares, in its order. */
    enumValues: (name: string) =>
      (
        document.definitions.find((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === name) as EnumTypeDefinitionNode
      ).values!.map((v) => v.name.value),
    objects,
    /** The data class (`public`, `partner`, `sensitive`) a field or type declares, if any. */
    classOf,
    /** Every SENSITIVE field as `Type.field`, by name, and whether it is nullable (a field refused to some callers must be). */
    sensitiveFields: () =>
      objects
        .flatMap((type) =>
          (type.fields ?? [])
            .filter((field) => classOf(field) === 'sensitive')
            .map((field) => ({ name: `${type.name.value}.${field.name.value}`, nullable: field.type.kind !== Kind.NON_NULL_TYPE })),
        )
        .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
