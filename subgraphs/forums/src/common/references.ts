/**
 * References to the directory's entities: only the key is ours, the gateway fetches the rest from the
 * directory.
 */
export const communityRef = (id: string | null) => (id ? { __typename: 'Community', id } : null);
export const organisationRef = (id: string) => ({ __typename: 'Organisation', id });
export const optionalOrganisationRef = (id: string | null) => (id ? organisationRef(id) : null);
export const adminAreaRef = (pcode: string) => ({ __typename: 'AdminArea', pcode });
export const optionalAdminAreaRef = (pcode: string | null) => (pcode ? adminAreaRef(pcode) : null);
export const languageRef = (code: string) => ({ __typename: 'Language', code });
