import {
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  isUnionType,
  getNamedType,
  lexicographicSortSchema,
  printSchema,
  type GraphQLNamedType,
} from 'graphql';
import { MapperKind, mapSchema, pruneSchema } from '@graphql-tools/utils';
import { dataClassOfDescription, type DataClass } from '@peacegraph/kit/composition';

/** The audiences a contract is cut for, and the classes each may read. */
export const AUDIENCES = { public: ['PUBLIC'], partner: ['PUBLIC', 'PARTNER'] } as const satisfies Record<string, readonly DataClass[]>;
export type Audience = keyof typeof AUDIENCES;

/**
 * The API schema an audience may read: only fields whose class (written into each description at
 * composition) the audience may see. A field of no stated class is left out (a contract never holds
 * more than its class); so is a type left without fields and every field that returns it, then every
 * type nothing reaches any more. An integrator generates types for exactly what its caller may see.
 */
export function contractOf(api: GraphQLSchema, audience: Audience): GraphQLSchema {
  const allowed = new Set<DataClass>(AUDIENCES[audience]);
  const kept = new Map<string, Set<string>>();
  for (const type of Object.values(api.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    const fields = Object.values(type.getFields()).filter((f) => {
      const dataClass = dataClassOfDescription(f.description);
      return dataClass !== null && allowed.has(dataClass);
    });
    kept.set(type.name, new Set(fields.map((f) => f.name)));
  }
  // A field returning a type with nothing left goes too, which may empty its own type: until stable.
  const empty = (type: GraphQLNamedType): boolean =>
    ((isObjectType(type) || isInterfaceType(type)) && (kept.get(type.name)?.size ?? 0) === 0) ||
    (isUnionType(type) && type.getTypes().every((member) => empty(member)));
  for (let changed = true; changed;) {
    changed = false;
    for (const [typeName, names] of kept) {
      const type = api.getType(typeName) as { getFields: () => Record<string, { type: Parameters<typeof getNamedType>[0] }> };
      for (const name of [...names]) {
        const returned = getNamedType(type.getFields()[name]!.type);
        if (returned && empty(returned)) {
          names.delete(name);
          changed = true;
        }
      }
    }
  }
  const contract = mapSchema(api, {
    // An empty root goes too: the public contract has no Mutation.
    [MapperKind.OBJECT_TYPE]: (type) => ((kept.get(type.name)?.size ?? 0) === 0 ? null : type),
    [MapperKind.INTERFACE_TYPE]: (type) => ((kept.get(type.name)?.size ?? 0) === 0 ? null : type),
    [MapperKind.COMPOSITE_FIELD]: (field, fieldName, typeName) => (kept.get(typeName)?.has(fieldName) ? field : null),
  });
  return lexicographicSortSchema(pruneSchema(contract));
}

/** The SDL files the gateway serves, printed once per supergraph. */
export interface SchemaFiles {
  api: string;
  public: string;
  partner: string;
}

export function schemaFilesOf(api: GraphQLSchema): SchemaFiles {
  const printed = (audience: Audience) => {
    const contract = contractOf(api, audience);
    // A graph whose fields state no class (subgraphs not on the kit) leaves a contract with no Query.
    return contract.getQueryType() ? printSchema(contract) : `# No field of this graph is readable by ${audience} callers.\n`;
  };
  return { api: printSchema(lexicographicSortSchema(api)), public: printed('public'), partner: printed('partner') };
}
