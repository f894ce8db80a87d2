import { loadPresent } from '@peacegraph/kit';
import type { DirectoryContext } from '../context';
import type { Community as CommunityRow } from '../entities';

export const Community = {
  adminArea: (community: CommunityRow, _: unknown, { loaders }: DirectoryContext) => loaders.adminArea.load(community.adminPcode),
  country: (community: CommunityRow, _: unknown, { loaders }: DirectoryContext) => loaders.country.load(community.countryCode),
  languages: (community: CommunityRow, _: unknown, { loaders }: DirectoryContext) => loadPresent(loaders.language, community.languageCodes),
  recordedBy: (community: CommunityRow, _: unknown, { loaders }: DirectoryContext) =>
    community.ownerOrg ? loaders.organisation.load(community.ownerOrg) : null,
};
