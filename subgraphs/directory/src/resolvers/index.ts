import { AdminArea } from './admin-area';
import { Community } from './community';
import { Country } from './country';
import { entityResolvers } from './entities';
import { Language } from './language';
import { Mutation } from './mutation';
import { Organisation } from './organisation';
import { Query } from './query';
import { ApiKey, identityQueries } from './identity';
import type { Resolvers } from '../generated/resolvers';

export const resolvers: Resolvers = {
  Query: { ...Query, ...identityQueries },
  ApiKey,
  Mutation,
  Country: { ...Country, ...entityResolvers.Country },
  AdminArea: { ...AdminArea, ...entityResolvers.AdminArea },
  Community: { ...Community, ...entityResolvers.Community },
  Organisation: { ...Organisation, ...entityResolvers.Organisation },
  Language: { ...Language, ...entityResolvers.Language },
};
