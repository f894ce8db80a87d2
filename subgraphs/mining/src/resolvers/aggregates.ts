import type { MiningContext } from '../context';
import type { KnowledgeGainGrouping } from '../repositories/aggregate-repository';
import { NOT_BROKEN_DOWN, type PeopleTrainedGroup as Group } from '../services/aggregate-service';
import { adminAreaRef, communityRef, countryRef } from './references';

/** A group names what it is about with a reference when its key is one. */
export const PeopleTrainedGroup = {
  community: (group: Group) => (group.grouping === 'COMMUNITY' ? communityRef(group.key) : null),
  adminArea: (group: Group) => (group.grouping === 'REGION' ? adminAreaRef(group.key) : null),
  country: (group: Group) => (group.grouping === 'COUNTRY' ? countryRef(group.key) : null),
  stakeholderGroup: (group: Group) => (group.grouping === 'STAKEHOLDER_GROUP' && group.key !== NOT_BROKEN_DOWN ? group.key : null),
  provision: (group: Group, _: unknown, { loaders }: MiningContext) =>
    group.grouping === 'PROVISION' ? loaders.provision.load(group.key) : null,
  trainingKind: (group: Group) => (group.grouping === 'TRAINING_KIND' ? group.key : null),
};

type KnowledgeGroup = { key: string; grouping: KnowledgeGainGrouping };

export const KnowledgeGainGroup = {
  stakeholderGroup: (group: KnowledgeGroup) => (group.grouping === 'STAKEHOLDER_GROUP' ? group.key : null),
  trainingKind: (group: KnowledgeGroup) => (group.grouping === 'TRAINING_KIND' ? group.key : null),
  adminArea: (group: KnowledgeGroup) => (group.grouping === 'REGION' ? adminAreaRef(group.key) : null),
};

export const MiningAreaCoverage = {
  adminArea: (area: { pcode: string }) => adminAreaRef(area.pcode),
};
