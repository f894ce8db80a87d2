import { badInput } from '@peacegraph/kit/errors';
import {
  given,
  Problems,
  optionalText,
  requiredName,
  requiredText,
  notNull,
  isoDate,
  notBefore,
  notInFuture,
  optionalDate,
  type ReferenceChecks,
} from '@peacegraph/kit/input';
import { type Partner } from '@peacegraph/kit/policy';
import { type RecordWrites } from '@peacegraph/kit/writes';
import type {
  CreateDeclarationInput,
  DeclarationDeliveryInput,
  DeclarationDrafterInput,
  DeclarationRecipientInput,
  DeclarationTranslationInput,
  ForumPublicationInput,
  UpdateDeclarationInput,
} from '../generated/resolvers';
import { givenFields } from '../common/audit-fields';
import { ownForum } from '../forum/forum.service';
import { LIMITS } from '../common/limits';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { DeclarationSchema, type Declaration, type DeclarationRecipient, type Drafter } from './declaration.entity';
import { adoptedDuring, deliveredAfter, translationOf } from './declaration.rules';

/** A recipient as checked, before it is stored. */
type RecipientValues = Pick<DeclarationRecipient, 'recipient' | 'organisationId' | 'deliveredOn' | 'deliveryNote'>;

/**
 * Declarations: drafts until published, then PUBLIC with their recommendations. Every change to a
 * declaration's versions, recipients or publication goes through the declaration's version, so two
 * editors cannot overwrite each other; its recommendations carry its adoption and publication dates,
 * copied here in the same transaction.
 */
export class DeclarationService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async create(input: CreateDeclarationInput): Promise<Declaration> {
    return this.writes.once(DeclarationSchema, input.clientMutationId, async (writer) => {
      const forum = await ownForum(this.loaders, writer, 'input.forum', input.forum);
      const problems = new Problems();
      const checkedTitle = problems.check('input.title', () => requiredName('input.title', input.title, 'The title', LIMITS.title));
      const checkedBody = problems.check('input.text', () => requiredText('input.text', input.text, 'The text', LIMITS.declaration));
      const checkedAdoptedOn = problems.check('input.adoptedOn', () => adoptedDuring(forum, isoDate(input.adoptedOn)));
      const translations = (input.translations ?? []).flatMap(
        (t, i) => problems.check(`input.translations.${i}`, () => translationOf(`input.translations.${i}`, t, input.language)) ?? [],
      );
      if (translations.length > LIMITS.translations) problems.add('input.translations', `At most ${LIMITS.translations} translations`);
      translations.forEach((t, i) => {
        if (translations.findIndex((o) => o.language === t.language) !== i)
          problems.add(`input.translations.${i}.language`, `${t.language} is translated twice`);
      });
      await problems.check('input.language', () => this.directory.languages('input.language', [input.language]));
      await problems.check('input.translations', () =>
        this.directory.languages(
          'input.translations',
          translations.map((t) => t.language),
        ),
      );
      const checkedDrafters = await problems.check('input.drafters', () => this.drafters(input.drafters ?? []));
      if ((input.recipients ?? []).length > LIMITS.recipients) problems.add('input.recipients', `At most ${LIMITS.recipients} recipients`);
      const recipients = checkedAdoptedOn
        ? (
            await Promise.all(
              (input.recipients ?? []).map((r, i) =>
                problems.check(`input.recipients.${i}`, () => this.recipient(`input.recipients.${i}`, r, checkedAdoptedOn)),
              ),
            )
          ).flatMap((r) => r ?? [])
        : [];
      const { title, body, adoptedOn, drafters } = problems.done({
        title: checkedTitle,
        body: checkedBody,
        adoptedOn: checkedAdoptedOn,
        drafters: checkedDrafters,
      });
      return this.writes.create(
        writer,
        { forumId: forum.id, language: input.language, adoptedOn, publishedOn: null, drafters },
        input.clientMutationId,
        {
          schema: DeclarationSchema,
          recordType: 'Declaration',
          operation: 'createDeclaration',
          fields: givenFields(input),
          after: async (manager, declaration) => {
            const who = { ownerOrg: declaration.ownerOrg, createdBy: writer.subject };
            const { declarations } = this.repositories;
            const texts = await declarations.addTexts(manager, [
              { ...who, declarationId: declaration.id, language: input.language, title, body, original: true },
              ...translations.map((t) => ({
                ...who,
                declarationId: declaration.id,
                language: t.language,
                title: t.title,
                body: t.body,
                original: false,
              })),
            ]);
            const saved = await declarations.addRecipients(
              manager,
              recipients.map((r, position) => ({ ...who, ...r, declarationId: declaration.id, position })),
            );
            return [...texts, ...saved];
          },
        },
      );
    });
  }

  async update(id: string, version: number, input: UpdateDeclarationInput): Promise<Declaration> {
    const { current } = await this.editable(id, version);
    const { changes, title, body } = await this.checkChange(current, input);
    return this.writes.update(current, version, changes, {
      schema: DeclarationSchema,
      recordType: 'Declaration',
      operation: 'updateDeclaration',
      fields: givenFields(input),
      after: async (manager) => {
        const changed: string[] = [];
        if (title !== undefined || body !== undefined) {
          changed.push(...(await this.repositories.declarations.changeText(manager, current.id, current.language, { title, body })));
        }
        // Its recommendations date from the declaration's adoption.
        if (changes.adoptedOn) await this.repositories.recommendations.copyAdoption(manager, current.id, changes.adoptedOn);
        return changed;
      },
    });
  }

  async saveTranslation(id: string, version: number, input: DeclarationTranslationInput): Promise<Declaration> {
    const { writer, current } = await this.editable(id, version);
    const translation = translationOf('input', input, current.language);
    await this.directory.languages('input.language', [translation.language]);
    const texts = await this.loaders.declarationTexts.load(current.id);
    const existing = texts.find((t) => t.language === translation.language);
    if (!existing && texts.length - 1 >= LIMITS.translations)
      throw badInput('input.language', `At most ${LIMITS.translations} translations`);
    return this.writes.update(
      current,
      version,
      {},
      {
        schema: DeclarationSchema,
        recordType: 'Declaration',
        operation: 'saveDeclarationTranslation',
        fields: ['language', 'title', 'text'],
        after: async (manager) => {
          const { declarations } = this.repositories;
          if (existing)
            return declarations.changeText(manager, current.id, translation.language, { title: translation.title, body: translation.body });
          const saved = await declarations.addTranslation(manager, {
            ownerOrg: current.ownerOrg,
            createdBy: writer.subject,
            declarationId: current.id,
            language: translation.language,
            title: translation.title,
            body: translation.body,
            original: false,
          });
          return [saved];
        },
      },
    );
  }

  async addRecipient(id: string, version: number, input: DeclarationRecipientInput): Promise<Declaration> {
    const { writer, current } = await this.editable(id, version);
    const problems = new Problems();
    const checked = await problems.check('input', () => this.recipient('input', input, current.adoptedOn));
    const recipients = await this.loaders.recipientsOfDeclaration.load(current.id);
    if (recipients.length >= LIMITS.recipients) problems.add('input.recipient', `At most ${LIMITS.recipients} recipients`);
    const { recipient } = problems.done({ recipient: checked });
    const position = Math.max(-1, ...recipients.map((r) => r.position)) + 1;
    return this.writes.update(
      current,
      version,
      {},
      {
        schema: DeclarationSchema,
        recordType: 'Declaration',
        operation: 'addDeclarationRecipient',
        fields: givenFields(input),
        after: async (manager) => {
          const saved = await this.repositories.declarations.addRecipient(manager, {
            ...recipient,
            ownerOrg: current.ownerOrg,
            createdBy: writer.subject,
            declarationId: current.id,
            position,
          });
          return [saved];
        },
      },
    );
  }

  async recordDelivery(id: string, version: number, input: DeclarationDeliveryInput): Promise<Declaration> {
    const { current } = await this.editable(id, version);
    const recipients = await this.loaders.recipientsOfDeclaration.load(current.id);
    const problems = new Problems();
    const found = recipients.find((r) => r.id === input.recipient);
    if (!found) problems.add('input.recipient', `No recipient with id "${input.recipient}" on this declaration`);
    const { recipient, deliveredOn, deliveryNote } = problems.done({
      recipient: found,
      deliveredOn: problems.check('input.deliveredOn', () =>
        deliveredAfter('input.deliveredOn', isoDate(input.deliveredOn), current.adoptedOn),
      ),
      deliveryNote: problems.check('input.deliveryNote', () =>
        optionalText('input.deliveryNote', input.deliveryNote, 'The delivery note', LIMITS.note),
      ),
    });
    return this.writes.update(
      current,
      version,
      {},
      {
        schema: DeclarationSchema,
        recordType: 'Declaration',
        operation: 'recordDeclarationDelivery',
        fields: givenFields(input),
        after: async (manager) => {
          await this.repositories.declarations.recordDelivery(manager, recipient.id, { deliveredOn, deliveryNote });
          return [recipient.id];
        },
      },
    );
  }

  /** Publication is one-way: the declaration and every recommendation of it become PUBLIC. */
  async publish(id: string, version: number, input: ForumPublicationInput): Promise<Declaration> {
    const { current } = await this.editable(id, version);
    const problems = new Problems();
    if (current.publishedOn) problems.add('id', `This declaration was published on ${current.publishedOn}`);
    const { publishedOn } = problems.done({
      publishedOn: problems.check('input.publishedOn', () =>
        notBefore(
          'input.publishedOn',
          notInFuture('input.publishedOn', input.publishedOn, 'The publication date'),
          current.adoptedOn,
          'the declaration was adopted',
        ),
      ),
    });
    return this.writes.update(
      current,
      version,
      { publishedOn },
      {
        schema: DeclarationSchema,
        recordType: 'Declaration',
        operation: 'publishDeclaration',
        fields: ['publishedOn'],
        after: (manager) => this.repositories.recommendations.publishWithDeclaration(manager, current.id, publishedOn),
      },
    );
  }

  /** The caller's own declaration at the version read. Another organisation's draft is simply not found. */
  private async editable(id: string, version: number): Promise<{ writer: Partner; current: Declaration }> {
    const writer = this.writes.writer();
    return { writer, current: this.writes.editable(writer, await this.loaders.declaration.load(id), 'Declaration', id, version) };
  }

  /**
   * Every problem of a change at once, before anything is written: the declaration's columns that
   * change, and its original text's new title and body (undefined when they stay). Its deliveries,
   * follow-ups and drafting organisations are looked up after the rules that need none of them.
   */
  private async checkChange(
    current: Declaration,
    input: UpdateDeclarationInput,
  ): Promise<{ changes: Partial<Declaration>; title?: string; body?: string }> {
    const problems = new Problems();
    // What a declaration always has is refused first when removed: the rules below build on it.
    for (const [field, what] of [
      ['adoptedOn', 'The adoption date'],
      ['title', 'The title'],
      ['text', 'The text'],
    ] as const) {
      problems.check(`input.${field}`, () => notNull(`input.${field}`, input[field], what));
    }
    problems.throwIfAny();
    const { adoptedOn, title, text } = input;
    const changes: Partial<Declaration> = {};
    if (given(adoptedOn)) {
      const forum = (await this.loaders.forum.load(current.forumId))!;
      changes.adoptedOn = problems.check('input.adoptedOn', () => adoptedDuring(forum, isoDate(adoptedOn)));
    }
    const checked = {
      title: given(title) ? problems.check('input.title', () => requiredName('input.title', title, 'The title', LIMITS.title)) : undefined,
      body: given(text) ? problems.check('input.text', () => requiredText('input.text', text, 'The text', LIMITS.declaration)) : undefined,
    };
    if (input.drafters !== undefined) changes.drafters = await problems.check('input.drafters', () => this.drafters(input.drafters ?? []));
    const moved = changes.adoptedOn;
    if (moved) await problems.check('input.adoptedOn', () => this.checkAdoptionMove(current, moved));
    problems.throwIfAny();
    return { changes, ...checked };
  }

  /** A new adoption date stays before everything that happened to the declaration since. */
  private async checkAdoptionMove(current: Declaration, adoptedOn: string): Promise<void> {
    const field = 'input.adoptedOn';
    if (current.publishedOn && adoptedOn > current.publishedOn)
      throw badInput(field, `${adoptedOn} is after the declaration was published (${current.publishedOn})`);
    const delivered = (await this.loaders.recipientsOfDeclaration.load(current.id))
      .map((r) => r.deliveredOn)
      .filter((d): d is string => d !== null);
    const recommendations = await this.loaders.recommendationsOfDeclaration.load(current.id);
    const reported = recommendations.map((r) => r.statusSince).filter((d): d is string => d !== null);
    const first = [...delivered, ...reported].sort()[0];
    if (first && adoptedOn > first)
      throw badInput(field, `${adoptedOn} is after the declaration was delivered or its recommendations followed up (${first})`);
  }

  private async drafters(input: readonly DeclarationDrafterInput[]): Promise<Drafter[]> {
    if (input.length > LIMITS.drafters) throw badInput('input.drafters', `At most ${LIMITS.drafters} drafters`);
    const drafters = input.map((d, i) => ({
      role: requiredName(`input.drafters.${i}.role`, d.role, "The drafter's role", LIMITS.role),
      organisationId: d.organisation ?? null,
    }));
    const organisations = drafters
      .map((d, i) => ({ id: d.organisationId, i }))
      .filter((d): d is { id: string; i: number } => d.id !== null);
    await this.directory.organisations(
      (k) => `input.drafters.${organisations[k]!.i}.organisation`,
      organisations.map((o) => o.id),
    );
    return drafters;
  }

  /** Every problem of one recipient at once, in the order they were refused one by one before. */
  private async recipient(field: string, input: DeclarationRecipientInput, adoptedOn: string): Promise<RecipientValues> {
    const problems = new Problems();
    const recipient = problems.check(`${field}.recipient`, () =>
      requiredName(`${field}.recipient`, input.recipient, 'The recipient', LIMITS.role),
    );
    const organisationId = input.organisation ?? null;
    if (organisationId)
      await problems.check(`${field}.organisation`, () => this.directory.organisations(() => `${field}.organisation`, [organisationId]));
    const delivered = optionalDate(input.deliveredOn);
    const deliveredOn = delivered
      ? problems.check(`${field}.deliveredOn`, () => deliveredAfter(`${field}.deliveredOn`, delivered, adoptedOn))
      : null;
    const deliveryNote = problems.check(`${field}.deliveryNote`, () =>
      optionalText(`${field}.deliveryNote`, input.deliveryNote, 'The delivery note', LIMITS.note),
    );
    // A note with no date given at all; a date given but refused is already its own problem.
    if (deliveryNote && !delivered) problems.add(`${field}.deliveryNote`, 'A delivery note goes with the delivery date');
    return problems.done({ recipient, organisationId, deliveredOn, deliveryNote });
  }
}
