/**
 * Input fields that were given, for the audit log (never their values): a field left out of an update
 * was not changed, so the log does not name it. The key a create is retried by is not a field.
 */
export function givenFields(input: object): string[] {
  return Object.entries(input)
    .filter(([key, value]) => value !== undefined && key !== 'clientMutationId')
    .map(([key]) => key);
}
