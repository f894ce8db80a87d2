import { badInput } from '@peacegraph/kit/errors';
import { type ReferenceChecks, given } from '@peacegraph/kit/input';
import type { RecordWrites } from '@peacegraph/kit/writes';
import { MiningTrainingSchema, type MiningTraining, type TrainingParticipantGroup } from './training.entity';
import type { RecordMiningTrainingInput, UpdateMiningTrainingInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { coveredProvisions } from '../common/covered-provisions';
import { readKnowledgeAssessment, readParticipants, type KnowledgeScores, type Participants } from '../common/participants.rules';
import { communityOrSite, siteStillIn } from '../common/places';
import { refreshTrainingMonths, type TrainingMonthKey } from '../statistics/training-months.repository';
import { stillAssessable, storedScores, trainersToAsk, trainingValues } from './training.rules';

/** Trainings on the mining codes: where, by whom, on which provisions, for whom, and what was learnt. */
export class TrainingService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async record(input: RecordMiningTrainingInput): Promise<MiningTraining> {
    return this.writes.once(MiningTrainingSchema, input.clientMutationId, async (writer) => {
      const values = trainingValues(input, null);
      const participants = readParticipants('input.participants', input.participants);
      const knowledge = given(input.knowledgeAssessment)
        ? readKnowledgeAssessment('input.knowledgeAssessment', input.knowledgeAssessment, participants)
        : null;
      const { place, site } = await communityOrSite(this.loaders, this.directory, input);
      const trainerIds = await this.trainers(input.trainers);
      const covered = await coveredProvisions(this.loaders, input, null);
      return this.writes.create(
        writer,
        {
          ...values,
          ...place,
          ...covered,
          siteId: site?.id ?? null,
          trainerIds,
          participantsTotal: participants.total,
          ...scale(knowledge),
        },
        input.clientMutationId,
        {
          schema: MiningTrainingSchema,
          recordType: 'MiningTraining',
          operation: 'recordMiningTraining',
          fields: Object.keys(input),
          duplicates: this.duplicates(values.title, values.startsOn),
          after: async (manager, training) => {
            await this.repositories.trainings.replaceParticipantGroups(manager, training.id, groupsWithScores(participants, knowledge));
            await refreshTrainingMonths(manager, [monthKey(training)]);
          },
          check: siteStillIn(this.repositories.sites, site, place),
        },
      );
    });
  }

  async update(id: string, version: number, input: UpdateMiningTrainingInput): Promise<MiningTraining> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.training.load(id), 'MiningTraining', id, version);
    const values = trainingValues(input, current);
    const stored = await this.loaders.groupsOfTraining.load(id);
    const participants = given(input.participants)
      ? readParticipants('input.participants', input.participants)
      : { groups: stored, total: current.participantsTotal };
    let knowledge: KnowledgeScores | null;
    if (input.knowledgeAssessment === undefined) {
      knowledge = storedScores(current, stored);
      if (knowledge && given(input.participants)) stillAssessable(knowledge, participants);
    } else {
      knowledge = given(input.knowledgeAssessment)
        ? readKnowledgeAssessment('input.knowledgeAssessment', input.knowledgeAssessment, participants)
        : null;
    }
    const trainerIds = input.trainers === undefined ? current.trainerIds : await this.trainers(input.trainers);
    const covered = await coveredProvisions(this.loaders, input, current);
    const regroup = input.participants !== undefined || input.knowledgeAssessment !== undefined;
    return this.writes.update(
      current,
      version,
      { ...values, ...covered, trainerIds, participantsTotal: participants.total, ...scale(knowledge) },
      {
        schema: MiningTrainingSchema,
        recordType: 'MiningTraining',
        operation: 'updateMiningTraining',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.title, values.startsOn),
        after: async (manager, updated) => {
          if (regroup) await this.repositories.trainings.replaceParticipantGroups(manager, id, groupsWithScores(participants, knowledge));
          // The figures of the month and kind it was in (the version this update replaced) and of those it is in now.
          await refreshTrainingMonths(manager, [monthKey(current), monthKey(updated)]);
        },
      },
    );
  }

  /** Organisations of the directory that gave the training: the rules' list, then the directory's word on it. */
  private async trainers(ids: string[] | null | undefined): Promise<string[]> {
    return this.directory.organisations('input.trainers', trainersToAsk(ids));
  }

  private duplicates(title: string, startsOn: string) {
    return {
      mining_training_same: () =>
        badInput('input.title', `Your organisation already recorded "${title}" in this community starting ${startsOn}`),
    };
  }
}

/** The groups to store, each with its knowledge scores when the group was assessed. */
function groupsWithScores(participants: Participants, knowledge: KnowledgeScores | null): Omit<TrainingParticipantGroup, 'trainingId'>[] {
  return participants.groups.map((g) => {
    const score = knowledge?.groups.get(g.stakeholderGroup);
    return {
      stakeholderGroup: g.stakeholderGroup,
      women: g.women,
      men: g.men,
      assessed: score?.assessed ?? null,
      meanPreScore: score?.meanPreScore ?? null,
      meanPostScore: score?.meanPostScore ?? null,
    };
  });
}

/** Where a training counts in the monthly rollup of the figures. */
function monthKey(training: MiningTraining): TrainingMonthKey {
  return { ownerOrg: training.ownerOrg, countryCode: training.countryCode, kind: training.kind, startsOn: training.startsOn };
}

function scale(knowledge: KnowledgeScores | null) {
  return { scoreScaleMin: knowledge?.scaleMin ?? null, scoreScaleMax: knowledge?.scaleMax ?? null };
}
