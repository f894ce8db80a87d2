import type { ForumsContext } from '../context';

type Ref = { id: string };

/**
 * How the gateway turns a reference into our record: through the request's loaders, so a list of 50
 * references costs one statement per type, and with the same visibility as every other read: a draft
 * of another organisation resolves to null.
 */
export const entityResolvers = {
  Forum: { __resolveReference: (ref: Ref, { loaders }: ForumsContext) => loaders.forum.load(ref.id) },
  ForumWorkingGroup: { __resolveReference: (ref: Ref, { loaders }: ForumsContext) => loaders.workingGroup.load(ref.id) },
  Testimony: { __resolveReference: (ref: Ref, { loaders }: ForumsContext) => loaders.testimony.load(ref.id) },
  Declaration: { __resolveReference: (ref: Ref, { loaders }: ForumsContext) => loaders.declaration.load(ref.id) },
  ForumRecommendation: { __resolveReference: (ref: Ref, { loaders }: ForumsContext) => loaders.recommendation.load(ref.id) },
};
