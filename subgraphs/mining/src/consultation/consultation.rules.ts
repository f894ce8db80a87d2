import { notInFuture, distinct, optionalText, given, Problems } from '@peacegraph/kit/input';
import { readParticipants, type Participants } from '../common/participants.rules';
import { MINING_CHALLENGES } from '../common/values';
import type { RecordCommunityConsultationInput, UpdateCommunityConsultationInput } from '../generated/resolvers';
import type { CommunityConsultation } from './consultation.entity';

/** A consultation's values and its participants (null when left out of an update), every problem at once. */
export function consultationValues(
  input: RecordCommunityConsultationInput | UpdateCommunityConsultationInput,
  current: CommunityConsultation | null,
) {
  const problems = new Problems();
  for (const field of ['heldOn', 'participants'] as const) {
    if (input[field] === null) problems.add(`input.${field}`, `A consultation needs its ${field}`);
  }
  problems.throwIfAny();
  const participants: Participants | null | undefined = problems.check('input.participants', () =>
    given(input.participants) ? readParticipants('input.participants', input.participants) : null,
  );
  const challenges =
    problems.check('input.challenges', () =>
      given(input.challenges) ? distinct('input.challenges', input.challenges, (c) => c) : (current?.challenges ?? []),
    ) ?? [];
  const unknown = challenges.findIndex((c) => !MINING_CHALLENGES.includes(c));
  if (unknown >= 0) problems.add(`input.challenges.${unknown}`, `Unknown challenge ${challenges[unknown]}`);
  const values = problems.done({
    heldOn: problems.check('input.heldOn', () =>
      given(input.heldOn) ? notInFuture('input.heldOn', input.heldOn, 'The consultation date') : current!.heldOn,
    ),
    participantsTotal: participants?.total ?? current?.participantsTotal ?? 0,
    challenges,
    notes: problems.check('input.notes', () =>
      input.notes === undefined ? (current?.notes ?? null) : optionalText('input.notes', input.notes, 'The notes', 5000),
    ),
  });
  return { participants: participants ?? null, values };
}
