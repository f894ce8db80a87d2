import { discloseTable } from '@peacegraph/kit/disclosure';
import { loadExisting } from '@peacegraph/kit/sql';
import { dates } from '../common/dates';
import { discloseHeadcount, owns } from '../common/disclosure';
import { communityRef, countryRef, organisationRef } from '../common/references';
import type {
  CoachingSessionResolvers,
  DialogueProcessResolvers,
  MutationResolvers,
  QueryResolvers,
  StaffTrainingResolvers,
} from '../generated/resolvers';
import type { StaffTrainingFilter } from './staff-training.repository';

export const staffTrainingQueries: QueryResolvers = {
  staffTraining: (_, { id }, { loaders }) => loaders.staffTraining.load(id),
  staffTrainings: (_, args, { repositories }) => repositories.staffTrainings.list(dates<StaffTrainingFilter>(args.filter), args),
};

export const staffTrainingMutations: MutationResolvers = {
  createStaffTraining: (_, { input }, { staffTrainings }) => staffTrainings.create(input),
  updateStaffTraining: (_, { id, version, input }, { staffTrainings }) => staffTrainings.update(id, version, input),
  recordCoachingSession: (_, { input }, { staffTrainings }) => staffTrainings.recordCoaching(input),
  recordDialogueProcess: (_, { input }, { staffTrainings }) => staffTrainings.recordDialogue(input),
  updateDialogueProcess: (_, { id, version, input }, { staffTrainings }) => staffTrainings.updateDialogue(id, version, input),
};

export const StaffTraining: StaffTrainingResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.staffTraining.load(ref.id),
  organisation: (training) => organisationRef(training.ownerOrg),
  /** Countries as rows, women and men as columns: the kit protects each country's and each sex's line. */
  trainees: async (training, _, { loaders, viewer }) => {
    const groups = await loaders.traineesOfTraining.load(training.id);
    const table = discloseTable(
      groups.map((g) => [g.women, g.men]),
      { exact: owns(viewer, training.ownerOrg) },
    );
    return {
      byCountryAndSex: groups.flatMap((g, i) => [
        { country: countryRef(g.countryCode), sex: 'FEMALE', ...table.cells[i]![0]! },
        { country: countryRef(g.countryCode), sex: 'MALE', ...table.cells[i]![1]! },
      ]),
      byCountry: groups.map((g, i) => ({ country: countryRef(g.countryCode), ...table.rowTotals[i]! })),
      bySex: [
        { sex: 'FEMALE', ...(table.columnTotals[0] ?? { count: 0, suppressed: false }) },
        { sex: 'MALE', ...(table.columnTotals[1] ?? { count: 0, suppressed: false }) },
      ],
      total: table.total,
    };
  },
  coachingSessions: (training, _, { loaders }) => loaders.coachingOfTraining.load(training.id),
  dialogueProcesses: (training, _, { loaders }) => loaders.dialoguesOfTraining.load(training.id),
};

export const CoachingSession: CoachingSessionResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.coachingSession.load(ref.id),
  staffTraining: (session, _, { loaders }) => loadExisting(loaders.staffTraining, session.staffTrainingId),
  participantsCoached: (session, _, { viewer }) =>
    discloseTable([[session.participantsCoached]], { exact: owns(viewer, session.ownerOrg) }).cells[0]![0]!,
};

export const DialogueProcess: DialogueProcessResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.dialogueProcess.load(ref.id),
  staffTraining: (dialogue, _, { loaders }) => loadExisting(loaders.staffTraining, dialogue.staffTrainingId),
  community: (dialogue) => communityRef(dialogue.communityId),
  country: (dialogue) => countryRef(dialogue.countryCode),
  status: (dialogue) => (dialogue.endedOn ? 'CONCLUDED' : 'ONGOING'),
  participants: (dialogue, _, { viewer }) => discloseHeadcount(dialogue.participants, owns(viewer, dialogue.ownerOrg)),
};
