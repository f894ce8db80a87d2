import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { onlyUuids, pageSize, type Connection, type PageArgs, whereBetween, whereId, newestFirst, latestOfEach } from '@peacegraph/kit/sql';
import { wherePlace } from '../common/filters';
import type { ParticipantGroup } from '../common/participants';
import { type MiningChallenge } from '../common/values';
import {
  CommunityConsultationSchema,
  ConsultationParticipantGroupSchema,
  type CommunityConsultation,
  type ConsultationParticipantGroup,
} from './consultation.entity';

export interface ConsultationFilter {
  community?: string | null;
  site?: string | null;
  country?: string | null;
  adminArea?: string | null;
  challenge?: MiningChallenge | null;
  organisation?: string | null;
  from?: string | null;
  to?: string | null;
}

export class ConsultationRepository {
  private readonly rows: Repository<CommunityConsultation>;
  private readonly groups: Repository<ConsultationParticipantGroup>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(CommunityConsultationSchema);
    this.groups = dataSource.getRepository(ConsultationParticipantGroupSchema);
  }

  byIds(ids: readonly string[]): Promise<CommunityConsultation[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  list(filter: ConsultationFilter, page: PageArgs): Promise<Connection<CommunityConsultation>> {
    const query = this.rows.createQueryBuilder('consultation');
    wherePlace(query, 'consultation', filter);
    if (filter.site) whereId(query, 'consultation.site_id', filter.site, 'site');
    if (filter.challenge) query.andWhere('consultation.challenges @> ARRAY[:challenge]::text[]', { challenge: filter.challenge });
    if (filter.organisation) whereId(query, 'consultation.owner_org', filter.organisation, 'organisation');
    whereBetween(query, 'consultation.held_on', filter.from, filter.to);
    return newestFirst(query, 'held_on', (c) => c.heldOn, page);
  }

  /** The latest consultations of each community. */
  ofCommunities(communityIds: readonly string[], first: number | null | undefined): Promise<CommunityConsultation[]> {
    return latestOfEach(
      this.rows.createQueryBuilder('consultation'),
      { table: 'community_consultation', parent: 'community_id', date: 'held_on' },
      { ids: onlyUuids(communityIds), first: pageSize(first) },
    );
  }

  groupsOf(consultationIds: readonly string[]): Promise<ConsultationParticipantGroup[]> {
    return this.groups.findBy({ consultationId: In(onlyUuids(consultationIds)) });
  }

  /**
   * Who took part in a consultation, in the transaction of its record or correction: the groups given
   * replace every group stored, so a group left out of a correction is gone.
   */
  async replaceParticipantGroups(manager: EntityManager, consultationId: string, groups: readonly ParticipantGroup[]): Promise<void> {
    const rows = manager.getRepository(ConsultationParticipantGroupSchema);
    await rows.delete({ consultationId });
    if (groups.length) await rows.insert(groups.map((g) => ({ ...g, consultationId })));
  }
}
