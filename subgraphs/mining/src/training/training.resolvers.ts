import { DEFAULT_THRESHOLD } from '@peacegraph/kit/disclosure';
import { STAKEHOLDER_GROUPS } from '../common/values';
import type { MiningTrainingResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers';
import { provisionsInOrder } from '../common/covered-provisions';
import { discloseCount, discloseParticipants } from '../common/disclosure';
import { storedScores, trainingFilter } from './training.rules';
import { adminAreaRef, communityRef, countryRef, organisationRef, owns } from '../common/references';

export const trainingQueries: QueryResolvers = {
  miningTraining: (_, { id }, { loaders }) => loaders.training.load(id),
  miningTrainings: (_, args, { repositories }) => repositories.trainings.list(trainingFilter(args.filter), args),
};

export const trainingMutations: MutationResolvers = {
  recordMiningTraining: (_, { input }, { trainings }) => trainings.record(input),
  updateMiningTraining: (_, { id, version, input }, { trainings }) => trainings.update(id, version, input),
};

export const MiningTraining: MiningTrainingResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.training.load(ref.id),
  community: (training) => communityRef(training.communityId),
  adminArea: (training) => adminAreaRef(training.adminPcode),
  country: (training) => countryRef(training.countryCode),
  site: (training, _, { loaders }) => (training.siteId ? loaders.site.load(training.siteId) : null),
  trainers: (training) => training.trainerIds.map(organisationRef),
  instrument: (training, _, { loaders }) => (training.instrumentId ? loaders.instrument.load(training.instrumentId) : null),
  provisions: (training, _, { loaders }) => provisionsInOrder(loaders, training.provisionIds),
  participants: async (training, _, { loaders, viewer }) =>
    discloseParticipants(await loaders.groupsOfTraining.load(training.id), training.participantsTotal, owns(viewer, training.ownerOrg)),
  /** Means of fewer than 5 people are withheld from other partners: a mean of two is two people's scores. */
  knowledgeAssessment: async (training, _, { loaders, viewer }) => {
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
  recordedBy: (training) => organisationRef(training.ownerOrg),
};
