import { organisationOf } from '@peacegraph/kit/auth';
import { type PageArgs } from '@peacegraph/kit/sql';
import type { ForumsContext } from '../context';
import { adminAreaRef, languageRef } from '../references';
import type { Testimony as TestimonyRow } from './testimony.entity';
import { testimonyFilterFrom, type TestimonyFilterInput } from './testimony.rules';
import type { RecordTestimonyInput, UpdateTestimonyInput } from './testimony.service';

/** A change to a record: its id, the version the caller read, and what changes. */
type Change<I> = { id: string; version: number; input: I };

export const testimonyQueries = {
  testimony: (_: unknown, { id }: { id: string }, { loaders }: ForumsContext) => loaders.testimony.load(id),
  testimonies: (_: unknown, args: { filter?: TestimonyFilterInput | null } & PageArgs, { repositories, viewer }: ForumsContext) =>
    repositories.testimonies.list(testimonyFilterFrom(args.filter), args, organisationOf(viewer)),
};

export const testimonyMutations = {
  recordTestimony: (_: unknown, { input }: { input: RecordTestimonyInput }, { testimonies }: ForumsContext) => testimonies.record(input),
  updateTestimony: (_: unknown, { id, version, input }: Change<UpdateTestimonyInput>, { testimonies }: ForumsContext) =>
    testimonies.update(id, version, input),
  setTestimonyConsent: (_: unknown, { id, version, input }: Change<{ consentToPublish: boolean }>, { testimonies }: ForumsContext) =>
    testimonies.setConsent(id, version, input),
  publishTestimony: (_: unknown, { id, version, input }: Change<{ publishedOn: Date | string }>, { testimonies }: ForumsContext) =>
    testimonies.publish(id, version, input),
};

export const Testimony = {
  /** With the same visibility as every other read: another organisation's unpublished testimony is null. */
  __resolveReference: (ref: { id: string }, { loaders }: ForumsContext) => loaders.testimony.load(ref.id),
  forum: (testimony: TestimonyRow, _: unknown, { loaders }: ForumsContext) => loaders.forum.load(testimony.forumId),
  workingGroup: (testimony: TestimonyRow, _: unknown, { loaders }: ForumsContext) =>
    testimony.workingGroupId ? loaders.workingGroup.load(testimony.workingGroupId) : null,
  language: (testimony: TestimonyRow) => languageRef(testimony.language),
  /** PUBLIC: the words only once published (consented and published by the forum). */
  text: (testimony: TestimonyRow) => (testimony.publishedOn ? testimony.body : null),
  /** SENSITIVE (the kit checks owner and scope, and audits the read before this runs). */
  recordedText: (testimony: TestimonyRow) => testimony.body,
  speakerRegion: (testimony: TestimonyRow) => adminAreaRef(testimony.speakerRegionPcode),
};
