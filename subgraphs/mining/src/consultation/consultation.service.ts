import { badInput } from '@peacegraph/kit/errors';
import { notInFuture, type ReferenceChecks, distinct, optionalText, given, Problems } from '@peacegraph/kit/input';
import type { EntityManager } from 'typeorm';
import { MINING_CHALLENGES } from '../common/values';
import { CommunityConsultationSchema, ConsultationParticipantGroupSchema, type CommunityConsultation } from './consultation.entity';
import type { RecordCommunityConsultationInput, UpdateCommunityConsultationInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import { readParticipants, type Participants } from '../common/participants.rules';
import { communityOrSite, siteStillIn } from '../common/places';
import type { RecordWrites } from '@peacegraph/kit/writes';

/** Consultations with a community's leaders before the work: who took part (counts) and what they raised. */
export class ConsultationService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async record(input: RecordCommunityConsultationInput): Promise<CommunityConsultation> {
    return this.writes.once(CommunityConsultationSchema, input.clientMutationId, async (writer) => {
      const { values, participants } = this.validate(input, null);
      const { place, site } = await communityOrSite(this.loaders, this.directory, input);
      return this.writes.create(writer, { ...values, ...place, siteId: site?.id ?? null }, input.clientMutationId, {
        schema: CommunityConsultationSchema,
        recordType: 'CommunityConsultation',
        operation: 'recordCommunityConsultation',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.heldOn),
        after: (manager, consultation) => this.replaceGroups(manager, consultation.id, participants!),
        check: siteStillIn(site, place),
      });
    });
  }

  async update(id: string, version: number, input: UpdateCommunityConsultationInput): Promise<CommunityConsultation> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.consultation.load(id), 'CommunityConsultation', id, version);
    const { values, participants } = this.validate(input, current);
    return this.writes.update(current, version, values, {
      schema: CommunityConsultationSchema,
      recordType: 'CommunityConsultation',
      operation: 'updateCommunityConsultation',
      fields: Object.keys(input),
      duplicates: this.duplicates(values.heldOn),
      after: participants ? (manager) => this.replaceGroups(manager, id, participants) : undefined,
    });
  }

  private validate(input: RecordCommunityConsultationInput | UpdateCommunityConsultationInput, current: CommunityConsultation | null) {
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

  private async replaceGroups(manager: EntityManager, consultationId: string, participants: Participants): Promise<void> {
    const rows = manager.getRepository(ConsultationParticipantGroupSchema);
    await rows.delete({ consultationId });
    if (participants.groups.length) await rows.insert(participants.groups.map((g) => ({ ...g, consultationId })));
  }

  private duplicates(heldOn: string) {
    return {
      consultation_same: () => badInput('input.heldOn', `Your organisation already recorded a consultation of this community on ${heldOn}`),
    };
  }
}
