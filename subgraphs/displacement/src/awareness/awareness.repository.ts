import { In, type DataSource, type Repository } from 'typeorm';
import {
  onlyUuids,
  whereWithinAdminArea,
  type Connection,
  type PageArgs,
  whereBetween,
  whereId,
  newestFirst,
  latestOfEach,
} from '@peacegraph/kit/sql';
import { AwarenessSessionSchema, type AwarenessSession } from './awareness.entity';
import { type AwarenessSessionKind } from '../common/displacement-values';

export interface AwarenessSessionFilter {
  community?: string | null;
  adminArea?: string | null;
  kind?: AwarenessSessionKind | null;
  organisation?: string | null;
  facilitator?: string | null;
  from?: string | null;
  to?: string | null;
}

export class AwarenessRepository {
  private readonly rows: Repository<AwarenessSession>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(AwarenessSessionSchema);
  }

  byIds(ids: readonly string[]): Promise<AwarenessSession[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  /** Latest first. */
  list(filter: AwarenessSessionFilter, page: PageArgs): Promise<Connection<AwarenessSession>> {
    const query = this.rows.createQueryBuilder('session');
    if (filter.community) whereId(query, 'session.community_id', filter.community, 'community');
    if (filter.adminArea) whereWithinAdminArea(query, 'session.admin_pcode', filter.adminArea);
    if (filter.kind) query.andWhere('session.kind = :kind', { kind: filter.kind });
    if (filter.organisation) whereId(query, 'session.owner_org', filter.organisation, 'organisation');
    if (filter.facilitator) {
      if (onlyUuids([filter.facilitator]).length === 0) query.andWhere('1 = 0');
      else query.andWhere('session.facilitator_ids @> ARRAY[:facilitator]::uuid[]', { facilitator: filter.facilitator });
    }
    whereBetween(query, 'session.held_on', filter.from, filter.to);
    return newestFirst(query, 'held_on', (s) => s.heldOn, page);
  }

  /** The latest sessions of each community. */
  ofCommunities(communityIds: readonly string[], first: number): Promise<AwarenessSession[]> {
    return latestOfEach(
      this.rows.createQueryBuilder('session'),
      { table: 'awareness_session', parent: 'community_id', date: 'held_on' },
      { ids: onlyUuids(communityIds), first },
    );
  }

  /** The latest sessions each organisation facilitated (a session of several facilitators counts for each). */
  facilitatedBy(organisationIds: readonly string[], first: number): Promise<AwarenessSession[]> {
    return latestOfEach(
      this.rows.createQueryBuilder('session'),
      { table: 'awareness_session', parent: { listedIn: 'facilitator_ids' }, date: 'held_on' },
      { ids: onlyUuids(organisationIds), first },
    );
  }
}
