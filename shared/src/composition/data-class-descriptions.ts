import { Kind, visit, type DocumentNode, type FieldDefinitionNode, type StringValueNode } from 'graphql';

export type DataClass = 'PUBLIC' | 'PARTNER' | 'SENSITIVE';
const BY_DIRECTIVE: Record<string, DataClass> = { public: 'PUBLIC', partner: 'PARTNER', sensitive: 'SENSITIVE' };

/**
 * The paragraph composition adds to a field's description: who may read it and with which scope, in
 * the words the platform enforces them (the kit's policy/enforce.ts). It starts `Data class <CLASS>:`
 * so that the gateway can cut contracts from the API schema by it (dataClassOfDescription).
 */
export function dataClassSentence(dataClass: DataClass, subgraph: string): string {
  switch (dataClass) {
    case 'PUBLIC':
      return 'Data class PUBLIC: anyone may read it, signed in or not.';
    case 'PARTNER':
      return 'Data class PARTNER: signed-in partners only (a token or an API key); an anonymous caller gets UNAUTHENTICATED.';
    case 'SENSITIVE':
      return (
        `Data class SENSITIVE: only the organisation that owns the record, with the scope ${subgraph}:sensitive; ` +
        'any other caller gets FORBIDDEN. Every read is written to the audit log with the purpose stated in X-Purpose.'
      );
  }
}

// The last paragraph only: composition appends it, so words of the field's own that happen to start a
// paragraph the same way cannot move a field into a contract it does not belong in.
const MARKER = /(?:^|\n\n)Data class (PUBLIC|PARTNER|SENSITIVE):[^\n]*$/;

/** The class a composed field's description states, or null when it states none. */
export function dataClassOfDescription(description: string | null | undefined): DataClass | null {
  return (MARKER.exec(description ?? '')?.[1] as DataClass | undefined) ?? null;
}

function declared(directives: readonly { name: { value: string } }[] | undefined): DataClass | undefined {
  for (const directive of directives ?? []) {
    const dataClass = BY_DIRECTIVE[directive.name.value];
    if (dataClass) return dataClass;
  }
  return undefined;
}

/**
 * A subgraph's SDL with each field's data class written into its description, from the
 * @public/@partner/@sensitive on the field or else on its type: what composition hands the composer, so
 * that integrators read in the API schema (the explorer, codegen, /schema.graphql) what they may see,
 * and nobody writes it by hand. The subgraph's own SDL is untouched (the registry compares what a
 * subgraph serves with what was published).
 */
export function withDataClassDescriptions(subgraph: string, document: DocumentNode): DocumentNode {
  // A type's class may be declared on its definition or on one of its extensions.
  const typeClass = new Map<string, DataClass>();
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name || !('directives' in definition)) continue;
    const dataClass = declared(definition.directives);
    if (dataClass && !typeClass.has(definition.name.value)) typeClass.set(definition.name.value, dataClass);
  }
  let parent: string | undefined;
  const enter = (node: { name: { value: string } }) => {
    parent = node.name.value;
  };
  return visit(document, {
    ObjectTypeDefinition: { enter },
    ObjectTypeExtension: { enter },
    InterfaceTypeDefinition: { enter },
    InterfaceTypeExtension: { enter },
    InputObjectTypeDefinition: { enter: () => void (parent = undefined) },
    InputObjectTypeExtension: { enter: () => void (parent = undefined) },
    FieldDefinition(node: FieldDefinitionNode) {
      if (!parent || node.name.value.startsWith('_')) return undefined;
      const dataClass = declared(node.directives) ?? typeClass.get(parent);
      if (!dataClass) return undefined;
      const own = node.description?.value.trim();
      const description: StringValueNode = {
        kind: Kind.STRING,
        value: own ? `${own}\n\n${dataClassSentence(dataClass, subgraph)}` : dataClassSentence(dataClass, subgraph),
        block: true,
      };
      return { ...node, description };
    },
  });
}
