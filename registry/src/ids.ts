/** The registry's ids (versions, checks, compositions) and the directory's organisation ids are UUIDs. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isId(value: unknown): boolean {
  return typeof value === 'string' && UUID.test(value);
}
