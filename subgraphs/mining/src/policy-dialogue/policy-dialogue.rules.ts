import { badInput } from '@peacegraph/kit/errors';
import {
  checkStatusChange,
  distinct,
  isoDate,
  notBefore,
  notInFuture,
  optionalText,
  requiredName,
  given,
  Problems,
} from '@peacegraph/kit/input';
import { COMMITMENT_STATUSES, DIALOGUE_LEVELS, type CommitmentStatus } from '../common/values';
import type {
  AddPolicyCommitmentInput,
  PolicyCommitmentInput,
  PolicyCommitmentStatusInput,
  RecordPolicyDialogueInput,
  UpdatePolicyDialogueInput,
} from '../generated/resolvers';
import type { PolicyCommitment, PolicyDialogue } from './policy-dialogue.entity';

/** Most commitments of one dialogue: its list is shown whole. */
export const MAX_COMMITMENTS = 50;

/** Most organisations a dialogue is convened with. */
export const MAX_CONVENERS = 10;

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

/**
 * The commitments recorded with a dialogue held on `heldOn`: each one's values, at most MAX_COMMITMENTS,
 * no description twice (whatever its case). The first bad commitment refuses at once, with every
 * problem it has; then too many; then a repeat.
 */
export function commitmentsOfDialogue(commitments: readonly PolicyCommitmentInput[] | null | undefined, heldOn: string) {
  const values = (commitments ?? []).map((c, i) => commitmentValues(`input.commitments.${i}`, c, heldOn));
  if (values.length > MAX_COMMITMENTS) throw badInput('input.commitments', `At most ${MAX_COMMITMENTS} commitments`);
  distinct(
    'input.commitments',
    values.map((c) => c.description.toLowerCase()),
    (d) => `"${d}"`,
  );
  return values;
}

/** Commitments are made at the dialogue: it cannot move after one of them was made or fell due. */
export function heldBeforeCommitments(heldOn: string, commitments: readonly Pick<PolicyCommitment, 'madeOn' | 'dueOn'>[]): void {
  const earliest = commitments.flatMap((c) => [c.madeOn, ...(c.dueOn ? [c.dueOn] : [])]).sort()[0];
  if (earliest && earliest < heldOn) throw badInput('input.heldOn', `A commitment of this dialogue is dated ${earliest}, before ${heldOn}`);
}

/** The organisations a dialogue was convened with, for the directory to confirm: each once, at most MAX_CONVENERS. */
export function convenersToAsk(ids: readonly string[]): string[] {
  const conveners = distinct('input.convenedWith', ids, (id) => `Organisation ${id}`);
  if (conveners.length > MAX_CONVENERS) throw badInput('input.convenedWith', `At most ${MAX_CONVENERS} organisations`);
  return conveners;
}

/**
 * A commitment's change of status: a known status it may move to, on a date not in the future nor
 * before its last change, with an optional note. The first problem refuses at once.
 */
export function commitmentChange(current: Pick<PolicyCommitment, 'status' | 'statusSince'>, input: PolicyCommitmentStatusInput) {
  if (!COMMITMENT_STATUSES.includes(input.status)) throw badInput('input.status', `Unknown status ${input.status}`);
  checkStatusChange('A commitment', NEXT_STATUSES, current.status, input.status, 'input.status');
  const on = notBefore('input.on', notInFuture('input.on', input.on, 'The date'), current.statusSince, "the commitment's last change");
  return { on, note: optionalText('input.note', input.note, 'The note', 1000) };
}
