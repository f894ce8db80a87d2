import { loadExisting } from '@peacegraph/kit/sql';
import type { PolicyCommitmentResolvers, PolicyCommitmentStatusChangeResolvers, PolicyDialogueResolvers } from '../generated/resolvers';
import { NEXT_STATUSES } from '../services/commitment-status';
import { provisionsInOrder } from '../services/covered-provisions';
import { discloseParticipants } from '../services/disclosure';
import { adminAreaRef, countryRef, organisationRef, owns } from './references';

export const PolicyDialogue: PolicyDialogueResolvers = {
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
  dialogue: (commitment, _, { loaders }) => loadExisting(loaders.dialogue, commitment.dialogueId),
  nextStatuses: (commitment) => [...NEXT_STATUSES[commitment.status]],
  history: (commitment, _, { loaders }) => loaders.historyOfCommitment.load(commitment.id),
};

export const PolicyCommitmentStatusChange: PolicyCommitmentStatusChangeResolvers = {
  from: (change) => change.fromStatus,
  to: (change) => change.toStatus,
  recordedAt: (change) => change.createdAt,
};
