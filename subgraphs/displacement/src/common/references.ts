import { organisationOf, type Viewer } from '@peacegraph/kit/auth';
import { isoDate, type DateInput } from '@peacegraph/kit/input';

/** References to the directory's entities: only the key is ours, the gateway fetches the rest. */
export const communityRef = (id: string) => ({ __typename: 'Community', id });
export const organisationRef = (id: string) => ({ __typename: 'Organisation', id });
export const adminAreaRef = (pcode: string) => ({ __typename: 'AdminArea', pcode });
export const optionalAdminAreaRef = (pcode: string | null) => (pcode ? adminAreaRef(pcode) : null);
export const optionalOrganisationRef = (id: string | null) => (id ? organisationRef(id) : null);

/** Counts of people are exact for the organisation that owns the record. */
export function ownsRecord(viewer: Viewer, ownerOrg: string): boolean {
  return organisationOf(viewer) === ownerOrg;
}

/** Date filters arrive as Dates from the scalar; repositories compare SQL dates. */
export function sqlDates<F extends object, K extends keyof F & string>(
  filter: F | null | undefined,
  fields: readonly K[],
): Omit<F, K> & { [P in K]: string | null } {
  const copy: Record<string, unknown> = { ...(filter ?? {}) };
  for (const field of fields) {
    const value = copy[field] as DateInput | null | undefined;
    copy[field] = value ? isoDate(value) : null;
  }
  return copy as Omit<F, K> & { [P in K]: string | null };
}
