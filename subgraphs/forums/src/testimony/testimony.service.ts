import { badInput } from '@peacegraph/kit/errors';
import { given, Problems, requiredText, notNull, isoDate, notBefore, notInFuture, type ReferenceChecks } from '@peacegraph/kit/input';
import { type RecordWrites } from '@peacegraph/kit/writes';
import type { ForumPublicationInput, RecordTestimonyInput, TestimonyConsentInput, UpdateTestimonyInput } from '../generated/resolvers';
import { givenFields } from '../common/audit-fields';
import type { Forum } from '../forum/forum.entity';
import { ownForum } from '../forum/forum.service';
import { LIMITS } from '../common/limits';
import type { Loaders } from '../loaders';
import { regionsOfOrigin } from '../common/places';
import { TestimonySchema, type Testimony } from './testimony.entity';
import { correctedGivenOn, givenDuring } from './testimony.rules';

/**
 * Testimonies: recorded by the forum's owner with the speaker's consent (or without it), published only
 * with it. A published testimony's words are what the speaker consented to publish: they are not edited
 * while published (withdraw the consent, correct, ask again).
 */
export class TestimonyService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async record(input: RecordTestimonyInput): Promise<Testimony> {
    return this.writes.once(TestimonySchema, input.clientMutationId, async (writer) => {
      const forum = await ownForum(this.loaders, writer, 'input.forum', input.forum);
      const problems = new Problems();
      await problems.check('input.language', () => this.directory.languages('input.language', [input.language]));
      const { workingGroupId, body, givenOn, region } = problems.done({
        workingGroupId: await problems.check('input.workingGroup', () => this.workingGroupOf(forum, input.workingGroup ?? null)),
        body: problems.check('input.text', () => requiredText('input.text', input.text, 'The testimony', LIMITS.testimony)),
        givenOn: problems.check('input.givenOn', () => givenDuring(forum, isoDate(input.givenOn))),
        region: await problems.check('input.speakerRegion', () => this.region(forum, input.speakerRegion)),
      });
      return this.writes.create(
        writer,
        {
          forumId: forum.id,
          workingGroupId,
          language: input.language,
          body,
          speakerRole: input.speakerRole,
          speakerAgeGroup: input.speakerAgeGroup,
          speakerRegionPcode: region.adminPcode,
          speakerCountryCode: region.countryCode,
          givenOn,
          consentToPublish: input.consentToPublish,
          publishedOn: null,
        },
        input.clientMutationId,
        { schema: TestimonySchema, recordType: 'Testimony', operation: 'recordTestimony', fields: givenFields(input) },
      );
    });
  }

  async update(id: string, version: number, input: UpdateTestimonyInput): Promise<Testimony> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.testimony.load(id), 'Testimony', id, version);
    const forum = (await this.loaders.forum.load(current.forumId))!;
    // The testimony's state is refused at once, as a status change is: new words wait for the consent's withdrawal.
    if ((input.text !== undefined || input.language !== undefined) && current.publishedOn) {
      throw badInput(
        input.text !== undefined ? 'input.text' : 'input.language',
        'A published testimony keeps the words its speaker consented to publish; withdraw the consent to correct them',
      );
    }
    const changes = await this.checkChange(current, forum, input);
    return this.writes.update(current, version, changes, {
      schema: TestimonySchema,
      recordType: 'Testimony',
      operation: 'updateTestimony',
      fields: givenFields(input),
    });
  }

  /** Consent given or withdrawn; a withdrawal unpublishes at once. */
  async setConsent(id: string, version: number, input: TestimonyConsentInput): Promise<Testimony> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.testimony.load(id), 'Testimony', id, version);
    const changes: Partial<Testimony> = { consentToPublish: input.consentToPublish };
    if (!input.consentToPublish) changes.publishedOn = null;
    return this.writes.update(current, version, changes, {
      schema: TestimonySchema,
      recordType: 'Testimony',
      operation: 'setTestimonyConsent',
      fields: ['consentToPublish'],
    });
  }

  async publish(id: string, version: number, input: ForumPublicationInput): Promise<Testimony> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.testimony.load(id), 'Testimony', id, version);
    const problems = new Problems();
    if (!current.consentToPublish) problems.add('id', 'The speaker has not consented to publication: record the consent first');
    if (current.publishedOn) problems.add('id', `This testimony was published on ${current.publishedOn}`);
    const { publishedOn } = problems.done({
      publishedOn: problems.check('input.publishedOn', () =>
        notBefore(
          'input.publishedOn',
          notInFuture('input.publishedOn', input.publishedOn, 'The publication date'),
          current.givenOn,
          'the testimony was given',
        ),
      ),
    });
    return this.writes.update(
      current,
      version,
      { publishedOn },
      { schema: TestimonySchema, recordType: 'Testimony', operation: 'publishTestimony', fields: ['publishedOn'] },
    );
  }

  /**
   * Every problem of a change at once, before anything is written: the columns that change. The working
   * group, the language and the region are looked up after the rules that need no lookup, as for a new testimony.
   */
  private async checkChange(current: Testimony, forum: Forum, input: UpdateTestimonyInput): Promise<Partial<Testimony>> {
    const problems = new Problems();
    // What a testimony always has is refused first when removed: the rules below build on it.
    for (const [field, what] of [
      ['text', 'The testimony'],
      ['language', 'The language'],
      ['speakerRole', "The speaker's role"],
      ['speakerAgeGroup', "The speaker's age group"],
      ['speakerRegion', "The speaker's region"],
      ['givenOn', 'The date'],
    ] as const) {
      problems.check(`input.${field}`, () => notNull(`input.${field}`, input[field], what));
    }
    problems.throwIfAny();
    const { text, language, speakerRole, speakerAgeGroup, speakerRegion, givenOn } = input;
    const changes: Partial<Testimony> = {};
    if (given(text)) changes.body = problems.check('input.text', () => requiredText('input.text', text, 'The testimony', LIMITS.testimony));
    if (given(speakerRole)) changes.speakerRole = speakerRole;
    if (given(speakerAgeGroup)) changes.speakerAgeGroup = speakerAgeGroup;
    if (given(givenOn))
      changes.givenOn = problems.check('input.givenOn', () => correctedGivenOn(forum, isoDate(givenOn), current.publishedOn));
    if (input.workingGroup !== undefined)
      changes.workingGroupId = await problems.check('input.workingGroup', () => this.workingGroupOf(forum, input.workingGroup ?? null));
    if (given(language)) {
      await problems.check('input.language', () => this.directory.languages('input.language', [language]));
      changes.language = language;
    }
    if (given(speakerRegion)) {
      const region = await problems.check('input.speakerRegion', () => this.region(forum, speakerRegion));
      changes.speakerRegionPcode = region?.adminPcode;
      changes.speakerCountryCode = region?.countryCode;
    }
    return problems.done(changes);
  }

  private async workingGroupOf(forum: Forum, id: string | null): Promise<string | null> {
    if (!id) return null;
    const group = await this.loaders.workingGroup.load(id);
    if (!group || group.forumId !== forum.id) throw badInput('input.workingGroup', `No working group with id "${id}" at this forum`);
    return group.id;
  }

  /** A region (admin-1) of one of the forum's countries. */
  private async region(forum: Forum, pcode: string) {
    const [region] = await regionsOfOrigin(this.directory, () => 'input.speakerRegion', [pcode]);
    if (!forum.countriesRepresented.includes(region!.countryCode)) {
      throw badInput(
        'input.speakerRegion',
        `${pcode} is in ${region!.countryCode}, which is not among the forum's countries (${forum.countriesRepresented.join(', ')})`,
      );
    }
    return region!;
  }
}
