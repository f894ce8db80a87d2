import { isInterfaceType, isObjectType } from 'graphql';
import { apiSchemaOf } from '@peacegraph/kit/composition';

export interface ApiField {
  coordinate: string;
  type: string;
  description: string | null;
  deprecationReason: string | null;
}

const FEDERATION = new Set(['_service', '_entities', '_Service', '_Entity', '_Any']);

/**
 * Every field of object and interface types of a supergraph's API schema (root types included; no
 * federation machinery, no introspection), sorted by coordinate.
 */
export function apiFieldsOf(supergraphSdl: string): ApiField[] {
  const fields: ApiField[] = [];
  for (const type of Object.values(apiSchemaOf(supergraphSdl).getTypeMap())) {
    if (type.name.startsWith('__') || FEDERATION.has(type.name)) continue;
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (FEDERATION.has(field.name)) continue;
      fields.push({
        coordinate: `${type.name}.${field.name}`,
        type: String(field.type),
        description: field.description ?? null,
        deprecationReason: field.deprecationReason ?? null,
      });
    }
  }
  return fields.sort((a, b) => (a.coordinate < b.coordinate ? -1 : a.coordinate > b.coordinate ? 1 : 0));
}
