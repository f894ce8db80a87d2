import {
  Declaration,
  DeclarationRecipient,
  DeclarationText,
  ForumRecommendation,
  ForumRecommendationFollowUp,
  ForumRecommendationText,
} from './declaration';
import { AdminArea, Community, Organisation } from './directory-entities';
import { entityResolvers } from './entities';
import { Forum, ForumParticipants, ForumWorkingGroup } from './forum';
import { Mutation } from './mutation';
import { Query } from './query';
import { ForumSearchResult } from './search';
import { Testimony } from './testimony';

export const resolvers = {
  Query,
  Mutation,
  Forum: { ...Forum, ...entityResolvers.Forum },
  ForumParticipants,
  ForumWorkingGroup: { ...ForumWorkingGroup, ...entityResolvers.ForumWorkingGroup },
  Testimony: { ...Testimony, ...entityResolvers.Testimony },
  Declaration: { ...Declaration, ...entityResolvers.Declaration },
  DeclarationText,
  DeclarationRecipient,
  ForumRecommendation: { ...ForumRecommendation, ...entityResolvers.ForumRecommendation },
  ForumRecommendationText,
  ForumRecommendationFollowUp,
  ForumSearchResult,
  Community,
  AdminArea,
  Organisation,
};
