import { organisationOf, type PageArgs } from '@peacegraph/kit';
import type { ForumsContext } from '../context';
import type { ImplementationGrouping, ImplementationInterval } from '../repositories/implementation-repository';
import {
  declarationFilterFrom,
  forumFilterFrom,
  recommendationFilterFrom,
  testimonyFilterFrom,
  type DeclarationFilterInput,
  type ForumFilterInput,
  type RecommendationFilterInput,
  type TestimonyFilterInput,
} from '../services/filters';
import type { SearchArgs } from '../services/search-service';

type Id = { id: string };
type Filtered<F> = { filter?: F | null } & PageArgs;

export const Query = {
  forum: (_: unknown, { id }: Id, { loaders }: ForumsContext) => loaders.forum.load(id),
  forums: (_: unknown, args: Filtered<ForumFilterInput>, { repositories }: ForumsContext) =>
    repositories.forums.list(forumFilterFrom(args.filter), args),

  declaration: (_: unknown, { id }: Id, { loaders }: ForumsContext) => loaders.declaration.load(id),
  declarations: (_: unknown, args: Filtered<DeclarationFilterInput>, { repositories, viewer }: ForumsContext) =>
    repositories.declarations.list(declarationFilterFrom(args.filter), args, organisationOf(viewer)),

  forumRecommendation: (_: unknown, { id }: Id, { loaders }: ForumsContext) => loaders.recommendation.load(id),
  forumRecommendations: (_: unknown, args: Filtered<RecommendationFilterInput>, { repositories, viewer }: ForumsContext) =>
    repositories.recommendations.list(recommendationFilterFrom(args.filter), args, organisationOf(viewer)),

  testimony: (_: unknown, { id }: Id, { loaders }: ForumsContext) => loaders.testimony.load(id),
  testimonies: (_: unknown, args: Filtered<TestimonyFilterInput>, { repositories, viewer }: ForumsContext) =>
    repositories.testimonies.list(testimonyFilterFrom(args.filter), args, organisationOf(viewer)),

  forumSearch: (_: unknown, args: SearchArgs, { search }: ForumsContext) => search.search(args),

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
