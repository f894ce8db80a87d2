import { discloseTable } from '@peacegraph/kit';
import type { CurriculumContext } from '../context';
import type { CoachingSession as CoachingRow, DialogueProcess as DialogueRow, StaffTraining as StaffTrainingRow } from '../entities';
import { discloseHeadcount } from '../services/disclosure';
import { communityRef, countryRef, organisationRef, owns } from './references';

export const StaffTraining = {
  organisation: (training: StaffTrainingRow) => organisationRef(training.ownerOrg),
  /** Countries as rows, women and men as columns: the kit protects each country's and each sex's line. */
  trainees: async (training: StaffTrainingRow, _: unknown, { loaders, viewer }: CurriculumContext) => {
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
  coachingSessions: (training: StaffTrainingRow, _: unknown, { loaders }: CurriculumContext) =>
    loaders.coachingOfTraining.load(training.id),
  dialogueProcesses: (training: StaffTrainingRow, _: unknown, { loaders }: CurriculumContext) =>
    loaders.dialoguesOfTraining.load(training.id),
};

export const CoachingSession = {
  staffTraining: (session: CoachingRow, _: unknown, { loaders }: CurriculumContext) => loaders.staffTraining.load(session.staffTrainingId),
  participantsCoached: (session: CoachingRow, _: unknown, { viewer }: CurriculumContext) =>
    discloseTable([[session.participantsCoached]], { exact: owns(viewer, session.ownerOrg) }).cells[0]![0],
};

export const DialogueProcess = {
  staffTraining: (dialogue: DialogueRow, _: unknown, { loaders }: CurriculumContext) =>
    loaders.staffTraining.load(dialogue.staffTrainingId),
  community: (dialogue: DialogueRow) => communityRef(dialogue.communityId),
  country: (dialogue: DialogueRow) => countryRef(dialogue.countryCode),
  status: (dialogue: DialogueRow) => (dialogue.endedOn ? 'CONCLUDED' : 'ONGOING'),
  participants: (dialogue: DialogueRow, _: unknown, { viewer }: CurriculumContext) =>
    discloseHeadcount(dialogue.participants, owns(viewer, dialogue.ownerOrg)),
};
