import type { ForumsContext } from '../context';
import { forumFilterFrom, type ForumFilterInput } from '../forum/forum.rules';
import { recommendationFilterFrom, type RecommendationFilterInput } from '../recommendation/recommendation.rules';
import { adminAreaRef } from '../references';
import type { DisclosedParticipants } from './statistics.disclosure';
import type { ImplementationGrouping, ImplementationInterval } from './statistics.repository';

export const statisticsQueries = {
  forumParticipation: (_: unknown, { filter }: { filter?: ForumFilterInput | null }, { stats }: ForumsContext) =>
    stats.participation(forumFilterFrom(filter)),
  forumImplementation: (
    _: unknown,
    args: {
      filter?: RecommendationFilterInput | null;
      groupBy: ImplementationGrouping;
      interval: ImplementationInterval;
      from: Date | string;
      to: Date | string;
    },
    { stats }: ForumsContext,
  ) => stats.implementation({ ...args, filter: recommendationFilterFrom(args.filter) }),
};

/** A forum's participants as the caller may see them (Forum.participants). */
export const ForumParticipants = {
  origins: (participants: DisclosedParticipants) =>
    participants.origins.map((o) => ({ region: adminAreaRef(o.regionPcode), participants: o.participants })),
};
