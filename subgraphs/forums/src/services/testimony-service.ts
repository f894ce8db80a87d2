import { badInput, Problems } from '@peacegraph/kit';
import { TestimonySchema, type Forum, type ParticipantCategory, type Testimony, type TestimonyAgeGroup } from '../entities';
import type { Loaders } from '../loaders';
import { checkNotBefore, checkNotFuture, isoDate } from './dates';
import type { Directory } from './directory';
import { LIMITS, givenFields, present, requiredText } from './text';
import { ownForum } from './working-group-service';
import type { Writes } from './writes';

export interface RecordTestimonyInput {
  forum: string;
  workingGroup?: string | null;
  language: string;
  text: string;
  speakerRole: ParticipantCategory;
  speakerAgeGroup: TestimonyAgeGroup;
  speakerRegion: string;
  givenOn: Date | string;
  consentToPublish: boolean;
  clientMutationId?: string | null;
}

export interface UpdateTestimonyInput {
  workingGroup?: string | null;
  language?: string | null;
  text?: string | null;
  speakerRole?: ParticipantCategory | null;
  speakerAgeGroup?: TestimonyAgeGroup | null;
  speakerRegion?: string | null;
  givenOn?: Date | string | null;
}

/**
 * Testimonies: recorded by the forum's owner with the speaker's consent (or without it), published only
 * with it. A published testimony's words are what the speaker consented to publish: they are not edited
 * while published (withdraw the consent, correct, ask again).
 */
export class TestimonyService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: Directory,
    private readonly writes: Writes,
  ) {}

  async record(input: RecordTestimonyInput): Promise<Testimony> {
    return this.writes.once(TestimonySchema, input.clientMutationId, async (writer) => {
      const forum = await ownForum(this.loaders, writer, 'input.forum', input.forum);
      const problems = new Problems();
      await problems.check('input.language', () => this.directory.languages('input.language', [input.language]));
      const { workingGroupId, body, givenOn, region } = problems.done({
        workingGroupId: await problems.check('input.workingGroup', () => this.workingGroupOf(forum, input.workingGroup ?? null)),
        body: problems.check('input.text', () => requiredText('input.text', input.text, LIMITS.testimony, 'The testimony')),
        givenOn: problems.check('input.givenOn', () => this.givenOn(forum, isoDate(input.givenOn))),
        region: await problems.check('input.speakerRegion', () => this.region(forum, input.speakerRegion)),
      });
      return this.writes.create(
        writer,
        TestimonySchema,
        {
          forumId: forum.id,
          workingGroupId,
          language: input.language,
          body,
          speakerRole: input.speakerRole,
          speakerAgeGroup: input.speakerAgeGroup,
          speakerRegionPcode: region.pcode,
          speakerCountryCode: region.countryCode,
          givenOn,
          consentToPublish: input.consentToPublish,
          publishedOn: null,
        },
        input.clientMutationId,
        { operation: 'recordTestimony', recordType: 'Testimony', fields: givenFields(input) },
      );
    });
  }

  async update(id: string, version: number, input: UpdateTestimonyInput): Promise<Testimony> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.testimony.load(id), 'Testimony', id, version);
    const forum = (await this.loaders.forum.load(current.forumId))!;
    const changes: Partial<Testimony> = {};
    if (input.workingGroup !== undefined) changes.workingGroupId = await this.workingGroupOf(forum, input.workingGroup);
    const words = input.text !== undefined || input.language !== undefined;
    if (words && current.publishedOn) {
      throw badInput(input.text !== undefined ? 'input.text' : 'input.language', 'A published testimony keeps the words its speaker consented to publish; withdraw the consent to correct them');
    }
    if (present('input.text', input.text, 'The testimony')) changes.body = requiredText('input.text', input.text, LIMITS.testimony, 'The testimony');
    if (present('input.language', input.language, 'The language')) {
      await this.directory.languages('input.language', [input.language]);
      changes.language = input.language;
    }
    if (present('input.speakerRole', input.speakerRole, "The speaker's role")) changes.speakerRole = input.speakerRole;
    if (present('input.speakerAgeGroup', input.speakerAgeGroup, "The speaker's age group")) changes.speakerAgeGroup = input.speakerAgeGroup;
    if (present('input.speakerRegion', input.speakerRegion, "The speaker's region")) {
      const region = await this.region(forum, input.speakerRegion);
      changes.speakerRegionPcode = region.pcode;
      changes.speakerCountryCode = region.countryCode;
    }
    if (present('input.givenOn', input.givenOn, 'The date')) {
      changes.givenOn = this.givenOn(forum, isoDate(input.givenOn));
      if (current.publishedOn && changes.givenOn > current.publishedOn) {
        throw badInput('input.givenOn', `${changes.givenOn} is after the testimony was published (${current.publishedOn})`);
      }
    }
    return this.writes.update(TestimonySchema, current, version, changes, { operation: 'updateTestimony', recordType: 'Testimony', fields: givenFields(input) });
  }

  /** Consent given or withdrawn; a withdrawal unpublishes at once. */
  async setConsent(id: string, version: number, input: { consentToPublish: boolean }): Promise<Testimony> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.testimony.load(id), 'Testimony', id, version);
    const changes: Partial<Testimony> = { consentToPublish: input.consentToPublish };
    if (!input.consentToPublish) changes.publishedOn = null;
    return this.writes.update(TestimonySchema, current, version, changes, { operation: 'setTestimonyConsent', recordType: 'Testimony', fields: ['consentToPublish'] });
  }

  async publish(id: string, version: number, input: { publishedOn: Date | string }): Promise<Testimony> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.testimony.load(id), 'Testimony', id, version);
    if (!current.consentToPublish) throw badInput('id', 'The speaker has not consented to publication: record the consent first');
    if (current.publishedOn) throw badInput('id', `This testimony was published on ${current.publishedOn}`);
    const publishedOn = isoDate(input.publishedOn);
    checkNotFuture('input.publishedOn', publishedOn);
    checkNotBefore('input.publishedOn', publishedOn, current.givenOn, 'the testimony was given');
    return this.writes.update(TestimonySchema, current, version, { publishedOn }, { operation: 'publishTestimony', recordType: 'Testimony', fields: ['publishedOn'] });
  }

  private async workingGroupOf(forum: Forum, id: string | null): Promise<string | null> {
    if (!id) return null;
    const group = await this.loaders.workingGroup.load(id);
    if (!group || group.forumId !== forum.id) throw badInput('input.workingGroup', `No working group with id "${id}" at this forum`);
    return group.id;
  }

  /** Given during the forum, and not in the future. */
  private givenOn(forum: Forum, givenOn: string): string {
    checkNotFuture('input.givenOn', givenOn);
    if (givenOn < forum.startsOn || givenOn > forum.endsOn) {
      throw badInput('input.givenOn', `${givenOn} is outside the forum (${forum.startsOn} to ${forum.endsOn})`);
    }
    return givenOn;
  }

  /** A region (admin-1) of one of the forum's countries. */
  private async region(forum: Forum, pcode: string) {
    const [region] = await this.directory.regions(() => 'input.speakerRegion', [pcode]);
    if (!forum.countriesRepresented.includes(region!.countryCode)) {
      throw badInput('input.speakerRegion', `${pcode} is in ${region!.countryCode}, which is not among the forum's countries (${forum.countriesRepresented.join(', ')})`);
    }
    return region!;
  }
}
