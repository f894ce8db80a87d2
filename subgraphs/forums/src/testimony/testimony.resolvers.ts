import { organisationOf } from '@peacegraph/kit/auth';
import { loadExisting } from '@peacegraph/kit/sql';
import type { MutationResolvers, QueryResolvers, TestimonyResolvers } from '../generated/resolvers';
import { adminAreaRef, languageRef } from '../common/references';
import { testimonyFilterFrom } from './testimony.rules';

export const testimonyQueries: QueryResolvers = {
  testimony: (_, { id }, { loaders }) => loaders.testimony.load(id),
  testimonies: (_, args, { repositories, viewer }) =>
    repositories.testimonies.list(testimonyFilterFrom(args.filter), args, organisationOf(viewer)),
};

export const testimonyMutations: MutationResolvers = {
  recordTestimony: (_, { input }, { testimonies }) => testimonies.record(input),
  updateTestimony: (_, { id, version, input }, { testimonies }) => testimonies.update(id, version, input),
  setTestimonyConsent: (_, { id, version, input }, { testimonies }) => testimonies.setConsent(id, version, input),
  publishTestimony: (_, { id, version, input }, { testimonies }) => testimonies.publish(id, version, input),
};

export const Testimony: TestimonyResolvers = {
  /** With the same visibility as every other read: another organisation's unpublished testimony is null. */
  __resolveReference: (ref, { loaders }) => loaders.testimony.load(ref.id),
  forum: (testimony, _, { loaders }) => loadExisting(loaders.forum, testimony.forumId),
  workingGroup: (testimony, _, { loaders }) => (testimony.workingGroupId ? loaders.workingGroup.load(testimony.workingGroupId) : null),
  language: (testimony) => languageRef(testimony.language),
  /** PUBLIC: the words only once published (consented and published by the forum). */
  text: (testimony) => (testimony.publishedOn ? testimony.body : null),
  /** SENSITIVE (the kit checks owner and scope, and audits the read before this runs). */
  recordedText: (testimony) => testimony.body,
  speakerRegion: (testimony) => adminAreaRef(testimony.speakerRegionPcode),
};
