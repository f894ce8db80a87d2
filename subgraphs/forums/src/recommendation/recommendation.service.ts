import { badInput } from '@peacegraph/kit/errors';
import {
  given,
  Problems,
  optionalName,
  requiredName,
  requiredText,
  notNull,
  isoDate,
  notBefore,
  notInFuture,
  type ReferenceChecks,
} from '@peacegraph/kit/input';
import { requireOwner, type Partner } from '@peacegraph/kit/policy';
import { atMost, type RecordWrites } from '@peacegraph/kit/writes';
import type { EntityManager } from 'typeorm';
import type { AddForumRecommendationInput, RecommendationFollowUpInput, UpdateForumRecommendationInput } from '../generated/resolvers';
import { givenFields } from '../common/audit-fields';
import { LIMITS } from '../common/limits';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import type { RecommendationAddressee } from '../common/values';
import { RecommendationSchema, type Recommendation } from './recommendation.entity';
import { checkFollowUp, translationsOf } from './recommendation.rules';

/** Recommendations of a declaration and their follow-up, written by the declaration's owner. */
export class RecommendationService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async add(input: AddForumRecommendationInput): Promise<Recommendation> {
    return this.writes.once(RecommendationSchema, input.clientMutationId, async (writer) => {
      const declaration = await this.loaders.declaration.load(input.declaration);
      if (!declaration) throw badInput('input.declaration', `No declaration with id "${input.declaration}"`);
      requireOwner(writer, declaration.ownerOrg, `Declaration ${declaration.id}`);
      const language = input.language ?? declaration.language;
      const problems = new Problems();
      const checkedTranslations = problems.check('input.translations', () => translationsOf(input.translations ?? [], language));
      await problems.check('input.language', () => this.directory.languages('input.language', [language]));
      if (checkedTranslations)
        await problems.check('input.translations', () =>
          this.directory.languages(
            'input.translations',
            checkedTranslations.map((t) => t.language),
          ),
        );
      const { body, translations, addressee, place } = problems.done({
        body: problems.check('input.text', () => requiredText('input.text', input.text, 'The text', LIMITS.recommendation)),
        translations: checkedTranslations,
        addressee: await problems.check('input.addressee', () => this.addressee(input)),
        place: await problems.check('input.addressedArea', () =>
          this.addressed(input.addressedArea ?? null, input.addressedCommunity ?? null),
        ),
      });
      const values: Partial<Recommendation> = {
        declarationId: declaration.id,
        forumId: declaration.forumId,
        theme: input.theme,
        ...addressee,
        ...place,
        language,
        status: 'PENDING',
        statusSince: null,
      };
      return this.writes.create(writer, values, input.clientMutationId, {
        schema: RecommendationSchema,
        recordType: 'ForumRecommendation',
        operation: 'addForumRecommendation',
        fields: givenFields(input),
        // Counted and numbered under the declaration's row lock: recommendations added at once take
        // numbers one after another. The pipeline reads `values` after this check.
        check: async (manager) => {
          await atMost(manager, {
            parent: { table: 'declaration', id: declaration.id },
            children: { table: 'recommendation', column: 'declaration_id' },
            max: LIMITS.recommendationsPerDeclaration,
            refusal: () =>
              badInput('input.declaration', `A declaration has at most ${LIMITS.recommendationsPerDeclaration} recommendations`),
          });
          // Read again under that lock: a change of the declaration's dates committed since it was
          // loaded has already been copied to its recommendations, and must be copied to this one too.
          const dates = await this.repositories.declarations.datesOf(manager, declaration.id);
          values.number = await this.repositories.recommendations.nextNumber(manager, declaration.id);
          values.adoptedOn = dates.adoptedOn;
          values.publishedOn = dates.publishedOn;
        },
        after: (manager, recommendation) => this.saveTexts(manager, writer, recommendation, body, translations),
      });
    });
  }

  async update(id: string, version: number, input: UpdateForumRecommendationInput): Promise<Recommendation> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.recommendation.load(id), 'ForumRecommendation', id, version);
    const { changes, body, translations } = await this.checkChange(current, input);
    return this.writes.update(current, version, changes, {
      schema: RecommendationSchema,
      recordType: 'ForumRecommendation',
      operation: 'updateForumRecommendation',
      fields: givenFields(input),
      after: async (manager) => {
        const changed: string[] = [];
        const { recommendations } = this.repositories;
        if (body !== undefined) changed.push(...(await recommendations.changeOriginalText(manager, current.id, body)));
        if (translations) {
          await recommendations.removeTranslations(manager, current.id);
          changed.push(...(await this.saveTexts(manager, writer, current, null, translations)));
        }
        return changed;
      },
    });
  }

  /** A follow-up report: the status moves as the rules allow, on the version read, with its history row. */
  async recordFollowUp(id: string, version: number, input: RecommendationFollowUpInput): Promise<Recommendation> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.recommendation.load(id), 'ForumRecommendation', id, version);
    const problems = new Problems();
    problems.check('input.status', () => checkFollowUp(current.status, input.status));
    const reportedOn = isoDate(input.reportedOn);
    problems.check('input.reportedOn', () => {
      notInFuture('input.reportedOn', reportedOn, 'The report date');
      notBefore('input.reportedOn', reportedOn, current.adoptedOn, 'the recommendation was adopted');
      notBefore('input.reportedOn', reportedOn, current.statusSince, 'the last follow-up');
    });
    const evidenceUrl = given(input.evidenceUrl) ? String(input.evidenceUrl) : null;
    if (evidenceUrl && !/^https?:\/\//i.test(evidenceUrl)) problems.add('input.evidenceUrl', 'Give an http or https address');
    const reportingOrg = input.reportingOrganisation ?? null;
    if (reportingOrg)
      await problems.check('input.reportingOrganisation', () =>
        this.directory.organisations(() => 'input.reportingOrganisation', [reportingOrg]),
      );
    const { evidence, reporter } = problems.done({
      evidence: problems.check('input.evidence', () => requiredText('input.evidence', input.evidence, 'The evidence', LIMITS.evidence)),
      reporter: problems.check('input.reporter', () => requiredName('input.reporter', input.reporter, 'The reporter', LIMITS.role)),
    });
    return this.writes.update(
      current,
      version,
      { status: input.status, statusSince: reportedOn },
      {
        schema: RecommendationSchema,
        recordType: 'ForumRecommendation',
        operation: 'recordRecommendationFollowUp',
        fields: givenFields(input),
        after: async (manager) => {
          const saved = await this.repositories.recommendations.addFollowUp(manager, {
            recommendationId: current.id,
            fromStatus: current.status,
            toStatus: input.status,
            reportedOn,
            evidence,
            evidenceUrl,
            reporter,
            reportingOrg,
            ownerOrg: current.ownerOrg,
            createdBy: writer.subject,
          });
          return [saved];
        },
      },
    );
  }

  /**
   * Every problem of a change at once, before anything is written: the columns that change, the new
   * original text and the new translations (undefined when they stay). The directory is asked last,
   * as for a new recommendation.
   */
  private async checkChange(current: Recommendation, input: UpdateForumRecommendationInput) {
    const problems = new Problems();
    // What a recommendation always has is refused first when removed: the rules below build on it.
    for (const [field, what] of [
      ['theme', 'The theme'],
      ['addressee', 'The addressee'],
      ['text', 'The text'],
    ] as const) {
      problems.check(`input.${field}`, () => notNull(`input.${field}`, input[field], what));
    }
    problems.throwIfAny();
    const { theme, addressee, text } = input;
    const changes: Partial<Recommendation> = {};
    if (given(theme)) changes.theme = theme;
    if (given(addressee)) changes.addressee = addressee;
    const body = given(text)
      ? problems.check('input.text', () => requiredText('input.text', text, 'The text', LIMITS.recommendation))
      : undefined;
    const translations =
      input.translations === undefined
        ? undefined
        : problems.check('input.translations', () => translationsOf(input.translations ?? [], current.language));
    if (input.addresseeName !== undefined || input.addresseeOrganisation !== undefined) {
      const named = {
        addressee: changes.addressee ?? current.addressee,
        addresseeName: input.addresseeName === undefined ? current.addresseeName : input.addresseeName,
        addresseeOrganisation: input.addresseeOrganisation === undefined ? current.addresseeOrg : input.addresseeOrganisation,
      };
      Object.assign(changes, await problems.check('input.addressee', () => this.addressee(named)));
    }
    if (input.addressedArea !== undefined || input.addressedCommunity !== undefined) {
      // Both together say what the recommendation is about: a community alone keeps no old area.
      Object.assign(
        changes,
        await problems.check('input.addressedArea', () => this.addressed(input.addressedArea ?? null, input.addressedCommunity ?? null)),
      );
    }
    if (translations)
      await problems.check('input.translations', () =>
        this.directory.languages(
          'input.translations',
          translations.map((t) => t.language),
        ),
      );
    problems.throwIfAny();
    return { changes, body, translations };
  }

  private async addressee(input: {
    addressee: RecommendationAddressee;
    addresseeName?: string | null;
    addresseeOrganisation?: string | null;
  }) {
    const addresseeOrg = input.addresseeOrganisation ?? null;
    if (addresseeOrg) await this.directory.organisations(() => 'input.addresseeOrganisation', [addresseeOrg]);
    return {
      addressee: input.addressee,
      addresseeName: optionalName('input.addresseeName', input.addresseeName, "The addressee's name", LIMITS.name),
      addresseeOrg,
    };
  }

  /** What the recommendation is about: an area, a community (its area from the directory), or nothing. */
  private async addressed(
    pcode: string | null,
    communityId: string | null,
  ): Promise<{ addressedPcode: string | null; addressedCommunityId: string | null }> {
    const area = pcode ? await this.directory.area('input.addressedArea', pcode, [1, 2]) : null;
    if (!communityId) return { addressedPcode: area?.adminPcode ?? null, addressedCommunityId: null };
    const community = await this.directory.community('input.addressedCommunity', communityId);
    if (area && !community.adminPcode.startsWith(area.adminPcode)) {
      throw badInput(
        'input.addressedCommunity',
        `The community lies in ${community.adminPcode}, outside the addressed area ${area.adminPcode}`,
      );
    }
    return { addressedPcode: community.adminPcode, addressedCommunityId: community.communityId };
  }

  private async saveTexts(
    manager: EntityManager,
    writer: Partner,
    recommendation: Recommendation,
    body: string | null,
    translations: readonly { language: string; body: string }[],
  ): Promise<string[]> {
    const who = { ownerOrg: recommendation.ownerOrg, createdBy: writer.subject, recommendationId: recommendation.id };
    const rows = [
      ...(body !== null ? [{ ...who, language: recommendation.language, body, original: true }] : []),
      ...translations.map((t) => ({ ...who, language: t.language, body: t.body, original: false })),
    ];
    if (rows.length === 0) return [];
    return this.repositories.recommendations.addTexts(manager, rows);
  }
}
