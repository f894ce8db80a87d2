import { badInput } from '@peacegraph/kit/errors';
import { type ReferenceChecks } from '@peacegraph/kit/input';
import type { RecordWrites } from '@peacegraph/kit/writes';
import { consultationValues } from './consultation.rules';
import { CommunityConsultationSchema, type CommunityConsultation } from './consultation.entity';
import type { RecordCommunityConsultationInput, UpdateCommunityConsultationInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { communityOrSite, siteStillIn } from '../common/places';

/** Consultations with a community's leaders before the work: who took part (counts) and what they raised. */
export class ConsultationService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async record(input: RecordCommunityConsultationInput): Promise<CommunityConsultation> {
    return this.writes.once(CommunityConsultationSchema, input.clientMutationId, async (writer) => {
      const { values, participants } = consultationValues(input, null);
      const { place, site } = await communityOrSite(this.loaders, this.directory, input);
      return this.writes.create(writer, { ...values, ...place, siteId: site?.id ?? null }, input.clientMutationId, {
        schema: CommunityConsultationSchema,
        recordType: 'CommunityConsultation',
        operation: 'recordCommunityConsultation',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.heldOn),
        after: (manager, consultation) =>
          this.repositories.consultations.replaceParticipantGroups(manager, consultation.id, participants!.groups),
        check: siteStillIn(this.repositories.sites, site, place),
      });
    });
  }

  async update(id: string, version: number, input: UpdateCommunityConsultationInput): Promise<CommunityConsultation> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.consultation.load(id), 'CommunityConsultation', id, version);
    const { values, participants } = consultationValues(input, current);
    return this.writes.update(current, version, values, {
      schema: CommunityConsultationSchema,
      recordType: 'CommunityConsultation',
      operation: 'updateCommunityConsultation',
      fields: Object.keys(input),
      duplicates: this.duplicates(values.heldOn),
      after: participants
        ? (manager) => this.repositories.consultations.replaceParticipantGroups(manager, id, participants.groups)
        : undefined,
    });
  }

  private duplicates(heldOn: string) {
    return {
      consultation_same: () => badInput('input.heldOn', `Your organisation already recorded a consultation of this community on ${heldOn}`),
    };
  }
}
