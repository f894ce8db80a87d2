/**
 * References to the directory's entities: only the key is ours, the gateway fetches the rest from the
 * directory.
 */
export const communityRef = (id: string) => ({ __typename: 'Community', id });
export const organisationRef = (id: string) => ({ __typename: 'Organisation', id });
export const languageRef = (code: string) => ({ __typename: 'Language', code });
export const countryRef = (code: string) => ({ __typename: 'Country', code });
export const adminAreaRef = (pcode: string) => ({ __typename: 'AdminArea', pcode });
