/**
 * References to the directory's entities: only the key is ours, the gateway fetches the rest from the
 * directory.
 */
export const communityRef = (id: string) => ({ __typename: 'Community', id });
export const adminAreaRef = (pcode: string) => ({ __typename: 'AdminArea', pcode });
export const organisationRef = (id: string) => ({ __typename: 'Organisation', id });
