import { wholeNumber, type PageArgs } from '@peacegraph/kit';
import type { DirectoryContext } from '../context';
import type { AdminAreaFilter } from '../repositories/admin-area-repository';
import type { CommunityFilter } from '../repositories/community-repository';
import type { OrganisationFilter } from '../repositories/organisation-repository';

export const Query = {
  countries: (_: unknown, __: unknown, { repositories }: DirectoryContext) => repositories.countries.all(),
  country: (_: unknown, { code }: { code: string }, { loaders }: DirectoryContext) => loaders.country.load(code),

  adminArea: (_: unknown, { pcode }: { pcode: string }, { loaders }: DirectoryContext) => loaders.adminArea.load(pcode),
  adminAreas: (_: unknown, args: AdminAreaFilter & PageArgs, { repositories }: DirectoryContext) => {
    // The column is a smallint: a level past its range was PostgreSQL's error, not the caller's.
    if (args.level !== null && args.level !== undefined) wholeNumber('level', args.level, 'The admin level', { min: 0, max: 9 });
    return repositories.adminAreas.list(args, args);
  },

  community: (_: unknown, { id }: { id: string }, { loaders }: DirectoryContext) => loaders.community.load(id),
  communities: (_: unknown, args: CommunityFilter & PageArgs, { repositories }: DirectoryContext) =>
    repositories.communities.list(args, args),

  organisation: (_: unknown, { id }: { id: string }, { loaders }: DirectoryContext) => loaders.organisation.load(id),
  organisations: (_: unknown, args: OrganisationFilter & PageArgs, { repositories }: DirectoryContext) =>
    repositories.organisations.list(args, args),

  language: (_: unknown, { code }: { code: string }, { loaders }: DirectoryContext) => loaders.language.load(code),
  languages: (_: unknown, args: { country?: string; search?: string } & PageArgs, { repositories }: DirectoryContext) =>
    repositories.languages.list(args, args),
};
