import type { DataSource, EntitySchema, ObjectLiteral } from 'typeorm';

/**
 * Entities from rows a raw statement returned (`SELECT t.*`): for the few statements the query
 * builder cannot write, such as a LATERAL join over unnest'd arrays. Columns map by their database
 * names; the driver already parsed dates and jsonb.
 */
export function rowsToEntities<T extends ObjectLiteral>(
  dataSource: DataSource,
  schema: EntitySchema<T>,
  rows: Record<string, unknown>[],
): T[] {
  const columns = dataSource.getMetadata(schema).columns;
  return rows.map((row) => {
    const entity: Record<string, unknown> = {};
    for (const column of columns) entity[column.propertyName] = row[column.databaseName];
    return entity as T;
  });
}
