import { DEFAULT_THRESHOLD } from '@peacegraph/kit';
import type { MiningContext } from '../context';
import { STAKEHOLDER_GROUPS, type MiningTraining as TrainingRow } from '../entities';
import { provisionsInOrder } from '../services/covered-provisions';
import { discloseCount, discloseParticipants } from '../services/disclosure';
import { storedScores } from '../services/training-service';
import { adminAreaRef, communityRef, countryRef, organisationRef, owns } from './references';

type C = MiningContext;

export const MiningTraining = {
  community: (training: TrainingRow) => communityRef(training.communityId),
  adminArea: (training: TrainingRow) => adminAreaRef(training.adminPcode),
  country: (training: TrainingRow) => countryRef(training.countryCode),
  site: (training: TrainingRow, _: unknown, { loaders }: C) => (training.siteId ? loaders.site.load(training.siteId) : null),
  trainers: (training: TrainingRow) => training.trainerIds.map(organisationRef),
  instrument: (training: TrainingRow, _: unknown, { loaders }: C) =>
    training.instrumentId ? loaders.instrument.load(training.instrumentId) : null,
  provisions: (training: TrainingRow, _: unknown, { loaders }: C) => provisionsInOrder(loaders, training.provisionIds),
  participants: async (training: TrainingRow, _: unknown, { loaders, viewer }: C) =>
    discloseParticipants(await loaders.groupsOfTraining.load(training.id), training.participantsTotal, owns(viewer, training.ownerOrg)),
  /** Means of fewer than 5 people are withheld from other partners: a mean of two is two people's scores. */
  knowledgeAssessment: async (training: TrainingRow, _: unknown, { loaders, viewer }: C) => {
    const scores = storedScores(training, await loaders.groupsOfTraining.load(training.id));
    if (!scores) return null;
    const exact = owns(viewer, training.ownerOrg);
    return {
      scaleMin: scores.scaleMin,
      scaleMax: scores.scaleMax,
      byGroup: STAKEHOLDER_GROUPS.flatMap((group) => {
        const score = scores.groups.get(group);
        if (!score) return [];
        const withheld = !exact && score.assessed < DEFAULT_THRESHOLD;
        return [
          {
            stakeholderGroup: group,
            assessed: discloseCount(score.assessed, exact),
            meanPreScore: withheld ? null : score.meanPreScore,
            meanPostScore: withheld ? null : score.meanPostScore,
            meanGain: withheld ? null : Math.round((score.meanPostScore - score.meanPreScore) * 100) / 100,
            withheld,
          },
        ];
      }),
    };
  },
  recordedBy: (training: TrainingRow) => organisationRef(training.ownerOrg),
};
