/** An operation as the registry reports its use: one client, version and organisation of one signature. */
export interface OperationUse {
  signature: string;
  name: string | null;
  clientName: string | null;
  clientVersion: string | null;
  organisationId: string | null;
  count: number;
}

/** What tells two rows of operation use apart (a React key, an open row). */
export function operationKey(o: OperationUse): string {
  return `${o.signature}:${o.clientName ?? ''}:${o.clientVersion ?? ''}:${o.organisationId ?? ''}`;
}
