import { badInput } from '../errors/errors';

/**
 * Refuses a status change a record's life does not allow, in the same words and shape in every
 * subgraph: BAD_USER_INPUT on the field, a plain message naming what the record may become instead,
 * and `status` / `allowedStatuses` for a client that offers the next steps. Each subgraph keeps its
 * own table of what may follow what; only the refusal is shared.
 */
export function checkStatusChange<S extends string>(
  record: string,
  next: Readonly<Record<S, readonly S[]>>,
  from: S,
  to: S,
  field: string,
): void {
  const allowed = next[from];
  if (allowed.includes(to)) return;
  const message = allowed.length
    ? `${record} that is ${from} cannot become ${to}; from ${from} it can become ${allowed.join(' or ')}`
    : `${record} that is ${from} is final: it cannot become ${to}`;
  throw badInput(field, message, { status: from, allowedStatuses: allowed });
}
