import type { GraphQLField, GraphQLObjectType } from 'graphql';

/**
 * Who may read a field:
 * - PUBLIC: anyone, even without credentials;
 * - PARTNER: any authenticated partner;
 * - SENSITIVE: only the organisation that owns the record, and only with `<domain>:sensitive`.
 * Declared in each subgraph's SDL with @public / @partner / @sensitive on the type (its fields'
 * default) or on a field, next to what it protects.
 */
export type DataClass = 'PUBLIC' | 'PARTNER' | 'SENSITIVE';

const BY_DIRECTIVE: Record<string, DataClass> = { public: 'PUBLIC', partner: 'PARTNER', sensitive: 'SENSITIVE' };

/** Federation's own fields: they carry no data of their own (entities' fields are classed one by one). */
const FEDERATION_FIELDS = new Set(['_entities', '_service']);

function declared(node: { directives?: readonly { name: { value: string } }[] } | null | undefined): DataClass[] {
  return (node?.directives ?? []).map((d) => BY_DIRECTIVE[d.name.value]).filter((c): c is DataClass => c !== undefined);
}

/** The field's class, or undefined when neither the field nor its type declares one. */
export function classOf(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): DataClass | undefined {
  if (FEDERATION_FIELDS.has(field.name) || field.name.startsWith('__')) return 'PUBLIC';
  const onField = declared(field.astNode);
  if (onField.length > 1) throw new Error(`${type.name}.${field.name} declares more than one data class`);
  if (onField[0]) return onField[0];
  const onType = [type.astNode, ...(type.extensionASTNodes ?? [])].flatMap((node) => declared(node));
  if (onType.length > 1) throw new Error(`${type.name} declares more than one data class`);
  return onType[0];
}
