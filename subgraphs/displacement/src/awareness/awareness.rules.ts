import { badInput } from '@peacegraph/kit/errors';
import { notInFuture, notNull, textList, wholeNumber, given, Problems } from '@peacegraph/kit/input';
import type { AwarenessParticipantGroup, AwarenessSession } from './awareness.entity';
import { DISPLACEMENT_AGE_GROUPS, DISPLACEMENT_SEXES } from '../common/displacement-values';
import type { UpdateAwarenessSessionInput } from '../generated/resolvers';

/** Most organisations facilitating one session. */
export const MOST_FACILITATORS = 10;

/** People by sex and age group, each group once, at least one person. */
export function readParticipants(groups: readonly AwarenessParticipantGroup[]): {
  participants: AwarenessParticipantGroup[];
  total: number;
} {
  if (groups.length === 0) throw badInput('input.participants', 'Count the participants by sex and age group');
  const seen = new Set<string>();
  const participants = groups.map((group, i) => {
    if (!DISPLACEMENT_SEXES.includes(group.sex)) throw badInput(`input.participants.${i}.sex`, `Unknown sex ${group.sex}`);
    if (!DISPLACEMENT_AGE_GROUPS.includes(group.ageGroup))
      throw badInput(`input.participants.${i}.ageGroup`, `Unknown age group ${group.ageGroup}`);
    const people = wholeNumber(`input.participants.${i}.people`, group.people, 'The number of participants', { max: 10_000 });
    const key = `${group.sex} ${group.ageGroup}`;
    if (seen.has(key)) throw badInput(`input.participants.${i}`, `${group.sex} of ${group.ageGroup} is listed twice`);
    seen.add(key);
    return { sex: group.sex, ageGroup: group.ageGroup, people };
  });
  const total = participants.reduce((sum, g) => sum + g.people, 0);
  if (total === 0) throw badInput('input.participants', 'A session had at least one participant');
  return { participants, total };
}

/** A session's values, recorded or updated (fields left out keep theirs), every problem at once. */
export function sessionValues(input: UpdateAwarenessSessionInput, current: AwarenessSession | null) {
  const problems = new Problems();
  problems.check('input.kind', () => notNull('input.kind', input.kind, 'The kind of session'));
  problems.check('input.heldOn', () => notNull('input.heldOn', input.heldOn, 'The date'));
  problems.check('input.participants', () => notNull('input.participants', input.participants, 'The participants'));
  problems.check('input.facilitators', () => notNull('input.facilitators', input.facilitators, 'The facilitators'));
  problems.throwIfAny();
  const counted = problems.check('input.participants', () => (given(input.participants) ? readParticipants(input.participants) : null));
  return problems.done({
    kind: input.kind ?? current!.kind,
    heldOn: problems.check('input.heldOn', () =>
      given(input.heldOn) ? notInFuture('input.heldOn', input.heldOn, 'The session date') : current!.heldOn,
    ),
    participants: counted?.participants ?? current?.participants,
    participantsTotal: counted?.total ?? current?.participantsTotal,
    topics: problems.check('input.topics', () =>
      given(input.topics) ? textList('input.topics', input.topics, 'topics', { min: 0, max: 20, length: 200 }) : (current?.topics ?? []),
    ),
  });
}

/** The facilitating organisations, before the directory is asked about them: one to MOST_FACILITATORS, each once. */
export function readFacilitators(ids: readonly string[]): string[] {
  if (ids.length === 0) throw badInput('input.facilitators', 'Name the organisation that facilitated the session');
  if (ids.length > MOST_FACILITATORS) throw badInput('input.facilitators', `At most ${MOST_FACILITATORS} facilitating organisations`);
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw badInput(`input.facilitators.${i}`, 'This organisation is listed twice');
    seen.add(id);
  });
  return [...ids];
}
