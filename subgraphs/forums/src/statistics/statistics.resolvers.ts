import { forumFilterFrom } from '../forum/forum.rules';
import type { ForumParticipantsResolvers, QueryResolvers } from '../generated/resolvers';
import { recommendationFilterFrom } from '../recommendation/recommendation.rules';
import { adminAreaRef } from '../common/references';

export const statisticsQueries: QueryResolvers = {
  forumParticipation: (_, { filter }, { stats }) => stats.participation(forumFilterFrom(filter)),
  forumImplementation: (_, args, { stats }) => stats.implementation({ ...args, filter: recommendationFilterFrom(args.filter) }),
};

/** A forum's participants as the caller may see them (Forum.participants). */
export const ForumParticipants: ForumParticipantsResolvers = {
  origins: (participants) => participants.origins.map((o) => ({ region: adminAreaRef(o.regionPcode), participants: o.participants })),
};
