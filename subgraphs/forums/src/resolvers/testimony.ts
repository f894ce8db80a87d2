import type { ForumsContext } from '../context';
import type { Testimony as TestimonyRow } from '../entities';
import { adminAreaRef, languageRef } from './references';

export const Testimony = {
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
