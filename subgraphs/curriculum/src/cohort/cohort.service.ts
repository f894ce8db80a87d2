import { badInput } from '@peacegraph/kit/errors';
import {
  isoDate,
  notBefore,
  notInFuture,
  today,
  distinct,
  requiredName,
  given,
  Problems,
  type ReferenceChecks,
} from '@peacegraph/kit/input';
import { type Partner } from '@peacegraph/kit/policy';
import type { RecordWrites } from '@peacegraph/kit/writes';
import { CohortSchema, type Cohort } from './cohort.entity';
import { placeOf } from '../common/place';
import { type Module } from '../module/module.entity';
import { AUDIENCES, HEADCOUNT_CELLS, emptyAudienceCounts, headcountTotal, type Headcount } from '../common/headcount';
import type { CohortStatusChangeInput, CreateCohortInput, UpdateCohortInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import { planStatusChange } from './cohort.rules';
import { CohortReachChange } from '../reach/reach-rollup';
import { onlyAudiences, readAudienceCounts, readHeadcount } from '../common/headcount.rules';

export const MAX_FACILITATORS = 10;

/** Cohorts: where, in what language, by whom and for whom a module is delivered; and their status. */
export class CohortService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async create(input: CreateCohortInput): Promise<Cohort> {
    return this.writes.once(CohortSchema, input.clientMutationId, async (writer) => {
      const values = await this.validate(writer, input, null);
      return this.writes.create(
        writer,
        { ...values, status: 'PLANNED', startedOn: null, completedOn: null, suspendedReason: null, suspendedOn: null, resumedOn: null },
        input.clientMutationId,
        {
          schema: CohortSchema,
          recordType: 'Cohort',
          operation: 'createCohort',
          fields: Object.keys(input),
          duplicates: this.duplicates(values.name),
        },
      );
    });
  }

  async update(id: string, version: number, input: UpdateCohortInput): Promise<Cohort> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.cohort.load(id), 'Cohort', id, version);
    const values = await this.validate(writer, input, current);
    // Enrolment, start, module and place are what the reach figures count the cohort by.
    const reach = new CohortReachChange(current.id);
    return this.writes.update(current, version, values, {
      schema: CohortSchema,
      recordType: 'Cohort',
      operation: 'updateCohort',
      fields: Object.keys(input),
      duplicates: this.duplicates(values.name),
      check: reach.check,
      after: reach.after,
    });
  }

  async changeStatus(id: string, version: number, input: CohortStatusChangeInput): Promise<Cohort> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.cohort.load(id), 'Cohort', id, version);
    const on = notInFuture('input.on', isoDate(input.on ?? today()), 'The date');
    const reason = given(input.reason) ? requiredName('input.reason', input.reason, 'The reason', 500) : null;
    const progress = await this.loaders.progress.load(id);
    const change = planStatusChange(current, input.status, on, reason, progress ?? { delivered: 0, total: 0 });

    let changes: Partial<Cohort>;
    switch (change.kind) {
      case 'start':
        changes = { status: 'IN_PROGRESS', startedOn: on };
        break;
      case 'suspend':
        notBefore(
          'input.on',
          on,
          current.resumedOn ?? current.startedOn,
          current.resumedOn ? 'the day the cohort last resumed' : 'the day the cohort started',
        );
        changes = { status: 'SUSPENDED', suspendedReason: change.reason, suspendedOn: on, resumedOn: null };
        break;
      case 'resume':
        notBefore('input.on', on, current.suspendedOn, 'the day the cohort was suspended');
        changes = { status: change.to, resumedOn: on, startedOn: current.startedOn ?? (change.to === 'IN_PROGRESS' ? on : null) };
        break;
    }
    // A start is what participants are counted on.
    const reach = new CohortReachChange(current.id);
    return this.writes.update(current, version, changes, {
      schema: CohortSchema,
      recordType: 'Cohort',
      operation: 'changeCohortStatus',
      fields: Object.keys(changes),
      check: reach.check,
      after: reach.after,
    });
  }

  // A create's fields, or an update's, with the start only an update may correct (a cohort starts later).
  private async validate(writer: Partner, input: (CreateCohortInput & { startedOn?: never }) | UpdateCohortInput, current: Cohort | null) {
    const problems = new Problems();
    for (const field of ['name', 'module', 'community', 'language', 'facilitators', 'audiences', 'enrolment', 'plannedStart'] as const) {
      if (input[field] === null) problems.add(`input.${field}`, `A cohort needs its ${field}`);
    }
    problems.throwIfAny();
    const deliveries = current ? await this.loaders.deliveriesOfCohort.load(current.id) : [];

    const name = problems.check('input.name', () =>
      input.name === undefined ? current!.name : requiredName('input.name', input.name!, 'The name'),
    );

    const moduleId = input.module ?? current!.moduleId;
    const module = await problems.check('input.module', async () => {
      const found = await this.loaders.module.load(moduleId);
      if (!found) throw badInput('input.module', `No module with id "${moduleId}"`);
      if (current && moduleId !== current.moduleId && deliveries.length > 0) {
        throw badInput('input.module', 'Sessions of this cohort are recorded against its module: it cannot change module');
      }
      if ((await this.loaders.sessionPlansOfModule.load(found.id)).length === 0) {
        throw badInput('input.module', `${found.title} has no session plans yet`);
      }
      return found;
    });

    let place = current
      ? {
          communityId: current.communityId,
          adminPcode: current.adminPcode,
          regionPcode: current.regionPcode,
          countryCode: current.countryCode,
        }
      : null;
    const community = input.community;
    if (given(community) && community !== current?.communityId) {
      await problems.check('input.community', async () => {
        if (current && current.status !== 'PLANNED')
          throw badInput('input.community', 'Only a planned cohort can move to another community');
        place = placeOf(await this.directory.community('input.community', community));
      });
    }

    const languageCode = input.language ?? current!.languageCode;
    const language = input.language;
    if (given(language)) await problems.check('input.language', () => this.directory.languages('input.language', [language]));

    // Who delivers is checked again whenever what they deliver, or in which language, changes.
    const facilitatorsField = given(input.facilitators) ? 'input.facilitators' : 'input.language';
    const facilitatorIds =
      given(input.facilitators) || given(input.module) || input.language
        ? module && !problems.has('input.language')
          ? await problems.check(facilitatorsField, () =>
              this.facilitators(writer, input.facilitators ?? current!.facilitatorIds, module, languageCode, facilitatorsField),
            )
          : undefined
        : current!.facilitatorIds;

    const audiences = problems.check('input.audiences', () =>
      given(input.audiences) ? distinct('input.audiences', input.audiences, (a) => a) : current!.audiences,
    );
    if (audiences?.length === 0) problems.add('input.audiences', 'Say who the cohort is for');
    if (audiences?.some((a) => !AUDIENCES.includes(a))) problems.add('input.audiences', 'Unknown audience');

    const enrolment = problems.check('input.enrolment', () => {
      const counted = given(input.enrolment) ? readHeadcount('input.enrolment', input.enrolment, 'The enrolment') : current!.enrolment;
      this.coversAttendance(
        counted,
        deliveries.map((d) => d.attendance),
      );
      return counted;
    });
    const enrolmentByAudience =
      audiences && enrolment && !problems.has('input.audiences')
        ? problems.check('input.enrolmentByAudience', () =>
            input.enrolmentByAudience
              ? readAudienceCounts('input.enrolmentByAudience', input.enrolmentByAudience, audiences, headcountTotal(enrolment))
              : onlyAudiences(current?.enrolmentByAudience ?? emptyAudienceCounts(), audiences),
          )
        : undefined;

    const plannedStart = given(input.plannedStart) ? isoDate(input.plannedStart) : current!.plannedStart;
    const plannedEnd =
      input.plannedEnd === undefined ? (current?.plannedEnd ?? null) : given(input.plannedEnd) ? isoDate(input.plannedEnd) : null;
    if (plannedEnd && plannedEnd < plannedStart)
      problems.add('input.plannedEnd', `The planned end ${plannedEnd} is before the planned start ${plannedStart}`);

    let startedOn = current?.startedOn ?? null;
    const started = input.startedOn;
    if (given(started)) {
      problems.check('input.startedOn', () => {
        if (!current?.startedOn) throw badInput('input.startedOn', 'The cohort has not started: start it with changeCohortStatus');
        startedOn = notInFuture('input.startedOn', isoDate(started), 'The start date');
        const first = deliveries.map((d) => d.deliveredOn).sort()[0];
        if (first && startedOn > first)
          throw badInput('input.startedOn', `${startedOn} is after the cohort's first session, delivered on ${first}`);
      });
    }

    const values = problems.done({
      name,
      moduleId,
      languageCode,
      facilitatorIds,
      audiences,
      enrolment,
      enrolmentByAudience,
      plannedStart,
      plannedEnd,
      startedOn,
    });
    return { ...values, ...place! };
  }

  /**
   * The caller's own facilitators, certified for the module, at least one of them delivering sessions
   * in the cohort's language.
   */
  private async facilitators(
    writer: Partner,
    ids: readonly string[],
    module: Module,
    languageCode: string,
    field: string,
  ): Promise<string[]> {
    if (ids.length === 0) throw badInput('input.facilitators', 'Name at least one facilitator');
    if (ids.length > MAX_FACILITATORS) throw badInput('input.facilitators', `At most ${MAX_FACILITATORS} facilitators`);
    distinct('input.facilitators', ids, (id) => `Facilitator ${id}`);
    const found = await this.loaders.facilitator.loadMany(ids);
    const facilitators = ids.map((id, i) => {
      const facilitator = found[i];
      if (!facilitator || facilitator instanceof Error || facilitator.ownerOrg !== writer.organisationId) {
        throw badInput(`input.facilitators.${i}`, `No facilitator with id "${id}" works with your organisation`);
      }
      if (!facilitator.certifiedModuleIds.includes(module.id)) {
        throw badInput(`input.facilitators.${i}`, `${facilitator.fullName} is not certified to deliver ${module.title}`);
      }
      return facilitator;
    });
    if (!facilitators.some((f) => f.languageCodes.includes(languageCode))) {
      throw badInput(field, `None of the cohort's facilitators delivers sessions in ${languageCode}`);
    }
    return [...ids];
  }

  /** Enrolment cannot drop below what a recorded session counted, cell by cell. */
  private coversAttendance(enrolment: Headcount, attendances: Headcount[]): void {
    for (const cell of HEADCOUNT_CELLS) {
      const most = Math.max(0, ...attendances.map((a) => a[cell]));
      if (enrolment[cell] < most) {
        throw badInput(
          `input.enrolment.${cell}`,
          `A recorded session counted ${most} in this group; the enrolment cannot be ${enrolment[cell]}`,
        );
      }
    }
  }

  private duplicates(name: string) {
    return {
      cohort_name_in_community: () => badInput('input.name', `A cohort named "${name}" of this module already exists in this community`),
    };
  }
}
