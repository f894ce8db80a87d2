import type {
  KnowledgeGainGroupResolvers,
  MiningAreaCoverageResolvers,
  MiningStakeholderGroup,
  MiningTrainingKind,
  PeopleTrainedGroupResolvers,
  QueryResolvers,
} from '../generated/resolvers';
import { NOT_BROKEN_DOWN } from './statistics.service';
import { adminAreaRef, communityRef, countryRef } from '../common/references';

// A group's key is a string whatever it groups by (the SQL's GROUP BY column): under STAKEHOLDER_GROUP it
// is a stakeholder group, under TRAINING_KIND a training kind, as the grouping's column holds only those.
const stakeholderGroup = (key: string) => key as MiningStakeholderGroup;
const trainingKind = (key: string) => key as MiningTrainingKind;

/** The figures: what the service may show the caller (exact, or through disclosure control). */
export const statisticsQueries: QueryResolvers = {
  miningPeopleTrained: (_, args, { aggregates }) => aggregates.peopleTrained(args.filter, args.groupBy),
  miningKnowledgeGain: (_, args, { aggregates }) => aggregates.knowledgeGain(args.filter, args.groupBy),
  miningCoverage: (_, args, { aggregates }) => aggregates.coverage(args.filter, args.level),
};

/** A group names what it is about with a reference when its key is one. */
export const PeopleTrainedGroup: PeopleTrainedGroupResolvers = {
  community: (group) => (group.grouping === 'COMMUNITY' ? communityRef(group.key) : null),
  adminArea: (group) => (group.grouping === 'REGION' ? adminAreaRef(group.key) : null),
  country: (group) => (group.grouping === 'COUNTRY' ? countryRef(group.key) : null),
  stakeholderGroup: (group) =>
    group.grouping === 'STAKEHOLDER_GROUP' && group.key !== NOT_BROKEN_DOWN ? stakeholderGroup(group.key) : null,
  provision: (group, _, { loaders }) => (group.grouping === 'PROVISION' ? loaders.provision.load(group.key) : null),
  trainingKind: (group) => (group.grouping === 'TRAINING_KIND' ? trainingKind(group.key) : null),
};

export const KnowledgeGainGroup: KnowledgeGainGroupResolvers = {
  stakeholderGroup: (group) => (group.grouping === 'STAKEHOLDER_GROUP' ? stakeholderGroup(group.key) : null),
  trainingKind: (group) => (group.grouping === 'TRAINING_KIND' ? trainingKind(group.key) : null),
  adminArea: (group) => (group.grouping === 'REGION' ? adminAreaRef(group.key) : null),
};

export const MiningAreaCoverage: MiningAreaCoverageResolvers = {
  adminArea: (area) => adminAreaRef(area.pcode),
};
