/**
 * What the resolvers of each GraphQL type receive as parent and return: the rows, not the SDL's shapes.
 * `npm run codegen` reads every `<GraphQLType>Mapper` exported here into src/generated/resolvers.ts;
 * connections are the kit's `Connection` of their node's type without being listed.
 */
import type { AdminArea } from '../admin-area/admin-area.entity';
import type { Community } from '../community/community.entity';
import type { Country } from '../country/country.entity';
import type { ApiKey } from '../identity/identity.entity';
import type { Language } from '../language/language.entity';
import type { Organisation } from '../organisation/organisation.entity';
import type { Viewer } from '@peacegraph/kit/auth';

export type CountryMapper = Country;
export type AdminAreaMapper = AdminArea;
export type CommunityMapper = Community;
export type OrganisationMapper = Organisation;
export type LanguageMapper = Language;
export type ApiKeyMapper = ApiKey;
// The caller as the kit verified it.
export type ViewerMapper = Viewer;
