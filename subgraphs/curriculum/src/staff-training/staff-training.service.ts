import { badInput } from '@peacegraph/kit/errors';
import {
  isoDate,
  notBefore,
  notInFuture,
  type DateInput,
  optionalText,
  requiredName,
  textList,
  wholeNumber,
  given,
  Problems,
  type ReferenceChecks,
} from '@peacegraph/kit/input';
import { requireOwner, type Partner } from '@peacegraph/kit/policy';
import { atMost, type RecordWrites } from '@peacegraph/kit/writes';
import type { EntityManager } from 'typeorm';
import {
  COACHING_MODES,
  CoachingSessionSchema,
  DialogueProcessSchema,
  StaffTrainingSchema,
  type CoachingSession,
  type DialogueProcess,
  type StaffTraining,
  type TraineeGroup,
} from './staff-training.entity';
import { placeOf } from '../common/place';
import type {
  CreateStaffTrainingInput,
  RecordCoachingSessionInput,
  RecordDialogueProcessInput,
  TraineeCountInput,
  UpdateDialogueProcessInput,
  UpdateStaffTrainingInput,
} from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { readHeadcount } from '../common/headcount.rules';

/** Per training: its follow-up lists stay short enough to show whole. */
export const MAX_FOLLOW_UPS = 50;

/** Staff trainings, their follow-up coaching, and the dialogue processes participants went on to lead. */
export class StaffTrainingService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async create(input: CreateStaffTrainingInput): Promise<StaffTraining> {
    return this.writes.once(StaffTrainingSchema, input.clientMutationId, async (writer) => {
      const values = this.validate(input, null);
      const trainees = this.trainees(input.trainees);
      return this.writes.create(writer, values, input.clientMutationId, {
        schema: StaffTrainingSchema,
        recordType: 'StaffTraining',
        operation: 'createStaffTraining',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.title, values.startsOn),
        after: (manager, training) => this.repositories.staffTrainings.replaceTrainees(manager, training.id, trainees),
      });
    });
  }

  async update(id: string, version: number, input: UpdateStaffTrainingInput): Promise<StaffTraining> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.staffTraining.load(id), 'StaffTraining', id, version);
    const values = this.validate(input, current);
    const [coaching, dialogues] = await Promise.all([this.loaders.coachingOfTraining.load(id), this.loaders.dialoguesOfTraining.load(id)]);
    const early = [...coaching.map((c) => c.heldOn), ...dialogues.map((d) => d.startedOn)].sort()[0];
    if (early && early < values.endsOn)
      throw badInput('input.endsOn', `Follow-up of this training is recorded on ${early}, before ${values.endsOn}`);
    const trainees = given(input.trainees) ? this.trainees(input.trainees) : null;
    if (!trainees) this.coachedWithin(coaching, await this.loaders.traineesOfTraining.load(id));
    else this.coachedWithin(coaching, trainees);
    return this.writes.update(current, version, values, {
      schema: StaffTrainingSchema,
      recordType: 'StaffTraining',
      operation: 'updateStaffTraining',
      fields: Object.keys(input),
      duplicates: this.duplicates(values.title, values.startsOn),
      after: trainees ? (manager) => this.repositories.staffTrainings.replaceTrainees(manager, id, trainees) : undefined,
    });
  }

  async recordCoaching(input: RecordCoachingSessionInput): Promise<CoachingSession> {
    return this.writes.once(CoachingSessionSchema, input.clientMutationId, async (writer) => {
      const training = await this.ownTraining(writer, input.staffTraining);
      const heldOn = this.followUpDate('input.heldOn', input.heldOn, training);
      if (!COACHING_MODES.includes(input.mode)) throw badInput('input.mode', `Unknown mode ${input.mode}`);
      const focus = requiredName('input.focus', input.focus, 'The focus', 300);
      const trained = (await this.loaders.traineesOfTraining.load(training.id)).reduce((sum, t) => sum + t.women + t.men, 0);
      const participantsCoached = wholeNumber(
        'input.participantsCoached',
        input.participantsCoached,
        'The number of participants coached',
        { min: 1, max: trained },
      );
      return this.writes.create(
        writer,
        { staffTrainingId: training.id, heldOn, mode: input.mode, focus, participantsCoached },
        input.clientMutationId,
        {
          schema: CoachingSessionSchema,
          recordType: 'CoachingSession',
          operation: 'recordCoachingSession',
          fields: Object.keys(input),
          duplicates: {
            coaching_session_same: () => badInput('input.focus', `A coaching session on "${focus}" is already recorded on ${heldOn}`),
          },
          check: (manager) => this.followUpRoom(manager, training.id, 'coaching_session', 'coaching sessions'),
        },
      );
    });
  }

  async recordDialogue(input: RecordDialogueProcessInput): Promise<DialogueProcess> {
    return this.writes.once(DialogueProcessSchema, input.clientMutationId, async (writer) => {
      const training = await this.ownTraining(writer, input.staffTraining);
      const place = placeOf(await this.directory.community('input.community', input.community));
      const values = this.validateDialogue(input, null, training);
      return this.writes.create(writer, { ...values, ...place, staffTrainingId: training.id }, input.clientMutationId, {
        schema: DialogueProcessSchema,
        recordType: 'DialogueProcess',
        operation: 'recordDialogueProcess',
        fields: Object.keys(input),
        duplicates: this.dialogueDuplicates(values.topic),
        check: (manager) => this.followUpRoom(manager, training.id, 'dialogue_process', 'dialogue processes'),
      });
    });
  }

  async updateDialogue(id: string, version: number, input: UpdateDialogueProcessInput): Promise<DialogueProcess> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.dialogueProcess.load(id), 'DialogueProcess', id, version);
    const training = (await this.loaders.staffTraining.load(current.staffTrainingId))!;
    const values = this.validateDialogue(input, current, training);
    return this.writes.update(current, version, values, {
      schema: DialogueProcessSchema,
      recordType: 'DialogueProcess',
      operation: 'updateDialogueProcess',
      fields: Object.keys(input),
      duplicates: this.dialogueDuplicates(values.topic),
    });
  }

  private validate(input: CreateStaffTrainingInput | UpdateStaffTrainingInput, current: StaffTraining | null) {
    const problems = new Problems();
    for (const field of ['title', 'topics', 'startsOn', 'endsOn', 'trainees'] as const) {
      if (input[field] === null) problems.add(`input.${field}`, `A staff training needs its ${field}`);
    }
    problems.throwIfAny();
    const startsOn = problems.check('input.startsOn', () =>
      given(input.startsOn) ? notInFuture('input.startsOn', isoDate(input.startsOn), 'The start date') : current!.startsOn,
    );
    const endsOn = given(input.endsOn) ? isoDate(input.endsOn) : current!.endsOn;
    if (startsOn && endsOn < startsOn) problems.add('input.endsOn', `The training ends (${endsOn}) before it starts (${startsOn})`);
    return problems.done({
      title: problems.check('input.title', () =>
        given(input.title) ? requiredName('input.title', input.title, 'The title') : current!.title,
      ),
      topics: problems.check('input.topics', () =>
        given(input.topics) ? textList('input.topics', input.topics, 'topics') : current!.topics,
      ),
      startsOn,
      endsOn,
      venue: problems.check('input.venue', () =>
        input.venue === undefined ? (current?.venue ?? null) : optionalText('input.venue', input.venue, 'The venue', 200),
      ),
    });
  }

  /** Trained staff by the country they work in: one line per country, at least one person. */
  private trainees(input: TraineeCountInput[]): Omit<TraineeGroup, 'staffTrainingId'>[] {
    if (input.length === 0) throw badInput('input.trainees', 'Count the staff trained, by country');
    const seen = new Set<string>();
    const groups = input.map((group, i) => {
      if (seen.has(group.country)) throw badInput(`input.trainees.${i}.country`, `${group.country} is listed twice`);
      seen.add(group.country);
      return {
        countryCode: group.country,
        women: wholeNumber(`input.trainees.${i}.women`, group.women, 'The number of women', { max: 1000 }),
        men: wholeNumber(`input.trainees.${i}.men`, group.men, 'The number of men', { max: 1000 }),
      };
    });
    if (groups.every((g) => g.women + g.men === 0)) throw badInput('input.trainees', 'Count at least one person trained');
    return groups;
  }

  private coachedWithin(coaching: CoachingSession[], trainees: Pick<TraineeGroup, 'women' | 'men'>[]): void {
    const trained = trainees.reduce((sum, t) => sum + t.women + t.men, 0);
    const most = Math.max(0, ...coaching.map((c) => c.participantsCoached));
    if (most > trained)
      throw badInput('input.trainees', `A coaching session coached ${most} participants; the training cannot have trained ${trained}`);
  }

  /** At most MAX_FOLLOW_UPS of each kind per training, counted under the training's row lock. */
  private async followUpRoom(
    manager: EntityManager,
    trainingId: string,
    table: 'coaching_session' | 'dialogue_process',
    what: string,
  ): Promise<void> {
    await atMost(manager, {
      parent: { table: 'staff_training', id: trainingId },
      children: { table, column: 'staff_training_id' },
      max: MAX_FOLLOW_UPS,
      refusal: () => badInput('input.staffTraining', `The training already has ${MAX_FOLLOW_UPS} ${what} recorded`),
    });
  }

  private async ownTraining(writer: Partner, id: string): Promise<StaffTraining> {
    const training = await this.loaders.staffTraining.load(id);
    if (!training) throw badInput('input.staffTraining', `No staff training with id "${id}"`);
    requireOwner(writer, training.ownerOrg, `StaffTraining ${training.id}`);
    return training;
  }

  /** Follow-up happens after the training: from its last day, and not in the future. */
  private followUpDate(field: string, value: DateInput, training: StaffTraining): string {
    const date = notInFuture(field, isoDate(value), 'The date');
    return notBefore(field, date, training.endsOn, 'the last day of the training');
  }

  private validateDialogue(
    input: RecordDialogueProcessInput | UpdateDialogueProcessInput,
    current: DialogueProcess | null,
    training: StaffTraining,
  ) {
    const problems = new Problems();
    for (const field of ['topic', 'startedOn', 'participants'] as const) {
      if (input[field] === null) problems.add(`input.${field}`, `A dialogue process needs its ${field}`);
    }
    problems.throwIfAny();
    const startedOn = problems.check('input.startedOn', () =>
      given(input.startedOn) ? this.followUpDate('input.startedOn', input.startedOn, training) : current!.startedOn,
    );
    const endedOn = problems.check('input.endedOn', () =>
      input.endedOn === undefined
        ? (current?.endedOn ?? null)
        : given(input.endedOn)
          ? notInFuture('input.endedOn', isoDate(input.endedOn), 'The end date')
          : null,
    );
    if (startedOn && endedOn && endedOn < startedOn)
      problems.add('input.endedOn', `The dialogue process ends (${endedOn}) before it starts (${startedOn})`);
    return problems.done({
      topic: problems.check('input.topic', () =>
        given(input.topic) ? requiredName('input.topic', input.topic, 'The topic', 300) : current!.topic,
      ),
      startedOn,
      endedOn,
      participants: problems.check('input.participants', () =>
        given(input.participants) ? readHeadcount('input.participants', input.participants, 'The participants') : current!.participants,
      ),
      outcome: problems.check('input.outcome', () =>
        input.outcome === undefined ? (current?.outcome ?? null) : optionalText('input.outcome', input.outcome, 'The outcome'),
      ),
    });
  }

  private duplicates(title: string, startsOn: string) {
    return { staff_training_same: () => badInput('input.title', `Your organisation already recorded "${title}" starting ${startsOn}`) };
  }

  private dialogueDuplicates(topic: string) {
    return {
      dialogue_process_same: () =>
        badInput('input.topic', `A dialogue process on "${topic}" in this community is already recorded for this training`),
    };
  }
}
