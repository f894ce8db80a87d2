import { isoDate, notBefore, notInFuture, requiredName, given, Problems } from '@peacegraph/kit/input';
import { DIALOGUE_LEVELS, type CommitmentStatus } from '../common/values';
import type {
  AddPolicyCommitmentInput,
  PolicyCommitmentInput,
  RecordPolicyDialogueInput,
  UpdatePolicyDialogueInput,
} from '../generated/resolvers';
import type { PolicyDialogue } from './policy-dialogue.entity';

/** Where a commitment may go next; FULFILLED and ABANDONED are final. */
export const NEXT_STATUSES: Record<CommitmentStatus, readonly CommitmentStatus[]> = {
  MADE: ['IN_PROGRESS', 'FULFILLED', 'ABANDONED'],
  IN_PROGRESS: ['STALLED', 'FULFILLED', 'ABANDONED'],
  STALLED: ['IN_PROGRESS', 'FULFILLED', 'ABANDONED'],
  FULFILLED: [],
  ABANDONED: [],
};

export function canMove(from: CommitmentStatus, to: CommitmentStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** A dialogue's values, recorded or updated (fields left out keep theirs), every problem at once. */
export function dialogueValues(input: RecordPolicyDialogueInput | UpdatePolicyDialogueInput, current: PolicyDialogue | null) {
  const problems = new Problems();
  for (const field of ['title', 'level', 'heldOn', 'venue', 'participants'] as const) {
    if (input[field] === null) problems.add(`input.${field}`, `A policy dialogue needs its ${field}`);
  }
  problems.throwIfAny();
  const level = input.level ?? current!.level;
  if (!DIALOGUE_LEVELS.includes(level)) problems.add('input.level', `Unknown level ${level}`);
  return problems.done({
    title: problems.check('input.title', () =>
      given(input.title) ? requiredName('input.title', input.title, 'The title', 300) : current!.title,
    ),
    level,
    heldOn: problems.check('input.heldOn', () =>
      given(input.heldOn) ? notInFuture('input.heldOn', input.heldOn, 'The dialogue date') : current!.heldOn,
    ),
    venue: problems.check('input.venue', () =>
      given(input.venue) ? requiredName('input.venue', input.venue, 'The venue', 200) : current!.venue,
    ),
  });
}

/** A commitment made at a dialogue held on `heldOn`: due on or after it. */
export function commitmentValues(field: string, input: PolicyCommitmentInput | AddPolicyCommitmentInput, heldOn: string) {
  const problems = new Problems();
  return problems.done({
    description: problems.check(`${field}.description`, () =>
      requiredName(`${field}.description`, input.description, 'The commitment', 500),
    ),
    madeBy: problems.check(`${field}.madeBy`, () => requiredName(`${field}.madeBy`, input.madeBy, 'Who made the commitment', 200)),
    dueOn: problems.check(`${field}.dueOn`, () =>
      given(input.dueOn) ? notBefore(`${field}.dueOn`, isoDate(input.dueOn), heldOn, 'the dialogue') : null,
    ),
  });
}
