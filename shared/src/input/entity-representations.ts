import { isObjectType, type GraphQLSchema } from 'graphql';
import { Problems } from './problems';

/**
 * Refuses `_entities` representations that name no entity of this subgraph, as the caller's error:
 * `@apollo/subgraph` throws a plain Error for them ("Could not find type …", "… must have a __typename"),
 * which the error formatter can only report as internal. The gateway never sends such references;
 * a caller querying a subgraph directly may.
 */
export function refuseUnknownEntities(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field?.resolve) return schema;
  const resolve = field.resolve;
  field.resolve = (source, args: { representations?: unknown }, context, info) => {
    const problems = new Problems();
    const representations = Array.isArray(args.representations) ? args.representations : [args.representations];
    representations.forEach((representation, i) => {
      const typename =
        typeof representation === 'object' && representation !== null ? (representation as { __typename?: unknown }).__typename : undefined;
      if (typeof typename !== 'string')
        problems.add(`representations.${i}`, 'Each representation is an object with a __typename and the key fields of an entity');
      else if (!isObjectType(schema.getType(typename)))
        problems.add(`representations.${i}`, `This subgraph has no entity type "${typename.slice(0, 100)}"`);
    });
    problems.throwIfAny();
    return resolve(source, args, context, info);
  };
  return schema;
}
