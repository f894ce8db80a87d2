import type { MiningContext } from '../context';
import type { CommitmentStatusChange as ChangeRow, PolicyCommitment as CommitmentRow, PolicyDialogue as DialogueRow } from '../entities';
import { NEXT_STATUSES } from '../services/commitment-status';
import { provisionsInOrder } from '../services/covered-provisions';
import { discloseParticipants } from '../services/disclosure';
import { adminAreaRef, countryRef, organisationRef, owns } from './references';

type C = MiningContext;

export const PolicyDialogue = {
  adminArea: (dialogue: DialogueRow) => (dialogue.adminPcode ? adminAreaRef(dialogue.adminPcode) : null),
  country: (dialogue: DialogueRow) => (dialogue.countryCode ? countryRef(dialogue.countryCode) : null),
  convenedWith: (dialogue: DialogueRow) => dialogue.convenedWith.map(organisationRef),
  instrument: (dialogue: DialogueRow, _: unknown, { loaders }: C) =>
    dialogue.instrumentId ? loaders.instrument.load(dialogue.instrumentId) : null,
  provisions: (dialogue: DialogueRow, _: unknown, { loaders }: C) => provisionsInOrder(loaders, dialogue.provisionIds),
  participants: async (dialogue: DialogueRow, _: unknown, { loaders, viewer }: C) =>
    discloseParticipants(await loaders.groupsOfDialogue.load(dialogue.id), dialogue.participantsTotal, owns(viewer, dialogue.ownerOrg)),
  commitments: (dialogue: DialogueRow, _: unknown, { loaders }: C) => loaders.commitmentsOfDialogue.load(dialogue.id),
  recordedBy: (dialogue: DialogueRow) => organisationRef(dialogue.ownerOrg),
};

export const PolicyCommitment = {
  dialogue: (commitment: CommitmentRow, _: unknown, { loaders }: C) => loaders.dialogue.load(commitment.dialogueId),
  nextStatuses: (commitment: CommitmentRow) => NEXT_STATUSES[commitment.status],
  history: (commitment: CommitmentRow, _: unknown, { loaders }: C) => loaders.historyOfCommitment.load(commitment.id),
};

export const PolicyCommitmentStatusChange = {
  from: (change: ChangeRow) => change.fromStatus,
  to: (change: ChangeRow) => change.toStatus,
  recordedAt: (change: ChangeRow) => change.createdAt,
};
