import { badInput } from '@peacegraph/kit/errors';
import { isoDate, notBefore, notInFuture, distinct, optionalText, given, Problems, type ReferenceChecks } from '@peacegraph/kit/input';
import { atMost, type RecordWrites } from '@peacegraph/kit/writes';
import { MOBILISATION_ACTIVITIES, SocialMobilisationSchema, type SocialMobilisation } from './social-mobilisation.entity';
import type { RecordSocialMobilisationInput, UpdateSocialMobilisationInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import { readHeadcount } from '../common/headcount.rules';
import { startedCohort } from '../cohort/started-cohort';
import { CohortReachChange } from '../reach/reach-rollup';

export const MAX_COMMUNITIES_REACHED = 20;
/** Per cohort: keeps a cohort's list of mobilisations short enough to show whole. */
export const MAX_MOBILISATIONS_PER_COHORT = 50;

/** Social mobilisation: a cohort's outreach to its own and neighbouring communities. */
export class MobilisationService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async record(input: RecordSocialMobilisationInput): Promise<SocialMobilisation> {
    return this.writes.once(SocialMobilisationSchema, input.clientMutationId, async (writer) => {
      const cohort = await startedCohort(this.loaders, writer, input.cohort, 'social mobilisation');
      const values = await this.validate(input, null, cohort.startedOn);
      const { communityId, adminPcode, regionPcode, countryCode } = cohort;
      const reach = new CohortReachChange(cohort.id);
      return this.writes.create(
        writer,
        { ...values, cohortId: cohort.id, communityId, adminPcode, regionPcode, countryCode },
        input.clientMutationId,
        {
          schema: SocialMobilisationSchema,
          recordType: 'SocialMobilisation',
          operation: 'recordSocialMobilisation',
          fields: Object.keys(input),
          duplicates: this.duplicates(values.heldOn, values.activity),
          check: async (manager) => {
            await reach.check(manager);
            await atMost(manager, {
              parent: { table: 'cohort', id: cohort.id },
              children: { table: 'social_mobilisation', column: 'cohort_id' },
              max: MAX_MOBILISATIONS_PER_COHORT,
              refusal: () =>
                badInput('input.cohort', `The cohort already has ${MAX_MOBILISATIONS_PER_COHORT} social mobilisations recorded`),
            });
          },
          after: reach.after,
        },
      );
    });
  }

  async update(id: string, version: number, input: UpdateSocialMobilisationInput): Promise<SocialMobilisation> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.mobilisation.load(id), 'SocialMobilisation', id, version);
    const cohort = (await this.loaders.cohort.load(current.cohortId))!;
    const values = await this.validate(input, current, cohort.startedOn);
    const reach = new CohortReachChange(cohort.id);
    return this.writes.update(current, version, values, {
      schema: SocialMobilisationSchema,
      recordType: 'SocialMobilisation',
      operation: 'updateSocialMobilisation',
      fields: Object.keys(input),
      duplicates: this.duplicates(values.heldOn, values.activity),
      check: reach.check,
      after: reach.after,
    });
  }

  private async validate(
    input: RecordSocialMobilisationInput | UpdateSocialMobilisationInput,
    current: SocialMobilisation | null,
    startedOn: string | null,
  ) {
    const problems = new Problems();
    for (const field of ['heldOn', 'activity', 'communitiesReached', 'peopleReached'] as const) {
      if (input[field] === null) problems.add(`input.${field}`, `A social mobilisation needs its ${field}`);
    }
    problems.throwIfAny();
    const heldOn = problems.check('input.heldOn', () =>
      given(input.heldOn)
        ? notBefore('input.heldOn', notInFuture('input.heldOn', isoDate(input.heldOn), 'The date'), startedOn, 'the day the cohort started')
        : current!.heldOn,
    );
    const activity = input.activity ?? current!.activity;
    if (!MOBILISATION_ACTIVITIES.includes(activity)) problems.add('input.activity', `Unknown activity ${activity}`);
    let reachedCommunityIds = current?.reachedCommunityIds ?? [];
    const reached = input.communitiesReached;
    if (given(reached)) {
      await problems.check('input.communitiesReached', async () => {
        const ids = distinct('input.communitiesReached', reached, (id) => `Community ${id}`);
        if (ids.length === 0) throw badInput('input.communitiesReached', 'Name at least one community reached');
        if (ids.length > MAX_COMMUNITIES_REACHED)
          throw badInput('input.communitiesReached', `At most ${MAX_COMMUNITIES_REACHED} communities`);
        reachedCommunityIds = (await this.directory.communities('input.communitiesReached', ids)).map((p) => p.communityId);
      });
    }
    return problems.done({
      heldOn,
      activity,
      reachedCommunityIds,
      peopleReached: problems.check('input.peopleReached', () =>
        given(input.peopleReached)
          ? readHeadcount('input.peopleReached', input.peopleReached, 'The people reached')
          : current!.peopleReached,
      ),
      notes: problems.check('input.notes', () =>
        input.notes === undefined ? (current?.notes ?? null) : optionalText('input.notes', input.notes, 'The notes'),
      ),
    });
  }

  private duplicates(heldOn: string, activity: string) {
    return {
      social_mobilisation_same: () => badInput('input.heldOn', `The cohort already has a ${activity} on ${heldOn}`),
    };
  }
}
