import type { RecordWrites } from '@peacegraph/kit/writes';
import { badInput } from '@peacegraph/kit/errors';
import { notInFuture, notNull, textList, wholeNumber, type DateInput, type ReferenceChecks, given, Problems } from '@peacegraph/kit/input';
import { AwarenessSessionSchema, type AwarenessParticipantGroup, type AwarenessSession } from './awareness.entity';
import { DISPLACEMENT_AGE_GROUPS, DISPLACEMENT_SEXES, type AwarenessSessionKind } from '../common/displacement-values';
import type { Loaders } from '../loaders';

const MOST_FACILITATORS = 10;

export interface AwarenessSessionInput {
  kind?: AwarenessSessionKind | null;
  heldOn?: DateInput | null;
  participants?: AwarenessParticipantGroup[] | null;
  topics?: string[] | null;
  facilitators?: string[] | null;
}

export interface RecordAwarenessSessionInput extends AwarenessSessionInput {
  kind: AwarenessSessionKind;
  community: string;
  heldOn: DateInput;
  participants: AwarenessParticipantGroup[];
  facilitators: string[];
  clientMutationId?: string | null;
}

const SPEC = { schema: AwarenessSessionSchema, recordType: 'AwarenessSession' };

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

/** Social cohesion, peaceful transhumance and peace education sessions held in communities. */
export class AwarenessSessionService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async record(input: RecordAwarenessSessionInput): Promise<AwarenessSession> {
    return this.writes.once(AwarenessSessionSchema, input.clientMutationId, async (writer) => {
      const values = this.validate(input, null);
      const place = await this.directory.community('input.community', input.community);
      const facilitatorIds = await this.facilitators(input.facilitators);
      return this.writes.create(writer, { ...values, ...place, facilitatorIds }, input.clientMutationId, {
        ...SPEC,
        operation: 'recordAwarenessSession',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.heldOn),
      });
    });
  }

  /** The community is what the session was: record another one rather than move it. */
  async update(id: string, version: number, input: AwarenessSessionInput): Promise<AwarenessSession> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.awarenessSession.load(id), 'AwarenessSession', id, version);
    const values = this.validate(input, current);
    const facilitatorIds = given(input.facilitators) ? await this.facilitators(input.facilitators) : current.facilitatorIds;
    return this.writes.update(
      current,
      version,
      { ...values, facilitatorIds },
      {
        ...SPEC,
        operation: 'updateAwarenessSession',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.heldOn),
      },
    );
  }

  private validate(input: AwarenessSessionInput, current: AwarenessSession | null) {
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

  private async facilitators(ids: string[]): Promise<string[]> {
    if (ids.length === 0) throw badInput('input.facilitators', 'Name the organisation that facilitated the session');
    if (ids.length > MOST_FACILITATORS) throw badInput('input.facilitators', `At most ${MOST_FACILITATORS} facilitating organisations`);
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) throw badInput(`input.facilitators.${i}`, 'This organisation is listed twice');
      seen.add(id);
    });
    return this.directory.organisations('input.facilitators', ids);
  }

  private duplicates(heldOn: string) {
    return {
      awareness_session_same: () =>
        badInput('input.heldOn', `Your organisation already recorded a session of this kind in this community on ${heldOn}`),
    };
  }
}
