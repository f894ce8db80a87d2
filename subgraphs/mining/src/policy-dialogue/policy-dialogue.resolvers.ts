import { loadExisting } from '@peacegraph/kit/sql';
import type {
  MutationResolvers,
  PolicyCommitmentResolvers,
  PolicyCommitmentStatusChangeResolvers,
  PolicyDialogueResolvers,
  QueryResolvers,
} from '../generated/resolvers';
import { NEXT_STATUSES } from './policy-dialogue.rules';
import { provisionsInOrder } from '../common/covered-provisions';
import { discloseParticipants } from '../common/disclosure';
import { dates } from '../common/filters';
import type { DialogueFilter } from './policy-dialogue.repository';
import { adminAreaRef, countryRef, organisationRef, owns } from '../common/references';

export const policyDialogueQueries: QueryResolvers = {
  policyDialogue: (_, { id }, { loaders }) => loaders.dialogue.load(id),
  policyDialogues: (_, args, { repositories }) => repositories.dialogues.list(dates<DialogueFilter>(args.filter), args),
};

export const policyDialogueMutations: MutationResolvers = {
  recordPolicyDialogue: (_, { input }, { dialogues }) => dialogues.record(input),
  updatePolicyDialogue: (_, { id, version, input }, { dialogues }) => dialogues.update(id, version, input),
  addPolicyCommitment: (_, { input }, { dialogues }) => dialogues.addCommitment(input),
  changePolicyCommitmentStatus: (_, { id, version, input }, { dialogues }) => dialogues.changeStatus(id, version, input),
};

export const PolicyDialogue: PolicyDialogueResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.dialogue.load(ref.id),
  adminArea: (dialogue) => (dialogue.adminPcode ? adminAreaRef(dialogue.adminPcode) : null),
  country: (dialogue) => (dialogue.countryCode ? countryRef(dialogue.countryCode) : null),
  convenedWith: (dialogue) => dialogue.convenedWith.map(organisationRef),
  instrument: (dialogue, _, { loaders }) => (dialogue.instrumentId ? loaders.instrument.load(dialogue.instrumentId) : null),
  provisions: (dialogue, _, { loaders }) => provisionsInOrder(loaders, dialogue.provisionIds),
  participants: async (dialogue, _, { loaders, viewer }) =>
    discloseParticipants(await loaders.groupsOfDialogue.load(dialogue.id), dialogue.participantsTotal, owns(viewer, dialogue.ownerOrg)),
  commitments: (dialogue, _, { loaders }) => loaders.commitmentsOfDialogue.load(dialogue.id),
  recordedBy: (dialogue) => organisationRef(dialogue.ownerOrg),
};

export const PolicyCommitment: PolicyCommitmentResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.commitment.load(ref.id),
  dialogue: (commitment, _, { loaders }) => loadExisting(loaders.dialogue, commitment.dialogueId),
  nextStatuses: (commitment) => [...NEXT_STATUSES[commitment.status]],
  history: (commitment, _, { loaders }) => loaders.historyOfCommitment.load(commitment.id),
};

export const PolicyCommitmentStatusChange: PolicyCommitmentStatusChangeResolvers = {
  from: (change) => change.fromStatus,
  to: (change) => change.toStatus,
  recordedAt: (change) => change.createdAt,
};
