import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { keysetConnection, onlyUuids, whereWithinAdminArea, type Connection, type PageArgs, newestFirstOrder } from '@peacegraph/kit/sql';
import { firstPerParent, prefixJoin, whereId } from '../common/query-helpers';
import type { NewAppendedRow } from '../common/record-columns';
import type { ForumScope, ForumTopic } from '../common/values';
import {
  ForumSchema,
  ParticipantGroupSchema,
  ParticipantOriginSchema,
  type Forum,
  type ParticipantGroup,
  type ParticipantOrigin,
} from './forum.entity';

export interface ForumFilter {
  country?: string | null;
  countryRepresented?: string | null;
  adminArea?: string | null;
  community?: string | null;
  scope?: ForumScope | null;
  from?: string | null;
  to?: string | null;
  topic?: ForumTopic | null;
  convenor?: string | null;
}

/** Latest first; the id breaks ties so every forum has one place in the list. */
export const FORUM_ORDER = newestFirstOrder<Forum>('f', 'starts_on', (f) => f.startsOn);

const LATEST_FIRST = 'ORDER BY x.starts_on DESC, x.id DESC';

export class ForumRepository {
  private readonly rows: Repository<Forum>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = dataSource.getRepository(ForumSchema);
  }

  byIds(ids: readonly string[]): Promise<Forum[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  private filtered(filter: ForumFilter) {
    const query = this.rows.createQueryBuilder('f');
    if (filter.country) query.andWhere('f.country_code = :country', { country: filter.country });
    if (filter.countryRepresented)
      query.andWhere('f.countries_represented @> ARRAY[CAST(:represented AS text)]', { represented: filter.countryRepresented });
    if (filter.adminArea) whereWithinAdminArea(query, 'f.admin_pcode', filter.adminArea);
    whereId(query, 'f.community_id', filter.community, 'community');
    if (filter.scope) query.andWhere('f.scope = :scope', { scope: filter.scope });
    if (filter.from) query.andWhere('f.starts_on >= :from', { from: filter.from });
    if (filter.to) query.andWhere('f.starts_on <= :to', { to: filter.to });
    if (filter.topic) query.andWhere('f.id IN (SELECT wg.forum_id FROM working_group wg WHERE wg.topic = :topic)', { topic: filter.topic });
    if (filter.convenor) {
      if (onlyUuids([filter.convenor]).length === 0) query.andWhere('false');
      else
        query.andWhere('(f.convenor_ids @> ARRAY[CAST(:convenor AS uuid)] OR f.co_convenor_ids @> ARRAY[CAST(:convenor AS uuid)])', {
          convenor: filter.convenor,
        });
    }
    return query;
  }

  list(filter: ForumFilter, page: PageArgs): Promise<Connection<Forum>> {
    return keysetConnection(this.filtered(filter), FORUM_ORDER, page);
  }

  /** Every forum of the filter, latest first, up to `limit` (the caller refuses more). */
  matching(filter: ForumFilter, limit: number): Promise<Forum[]> {
    return this.filtered(filter).orderBy('f.starts_on', 'DESC').addOrderBy('f.id', 'DESC').limit(limit).getMany();
  }

  participantGroups(forumIds: readonly string[]): Promise<ParticipantGroup[]> {
    const ids = onlyUuids(forumIds);
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ParticipantGroupSchema).findBy({ forumId: In(ids) });
  }

  participantOrigins(forumIds: readonly string[]): Promise<ParticipantOrigin[]> {
    const ids = onlyUuids(forumIds);
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(ParticipantOriginSchema)
      .find({ where: { forumId: In(ids) }, order: { participants: 'DESC', regionPcode: 'ASC' } });
  }

  /**
   * Replaces a forum's participant counts, in the transaction of the forum's change: the counts given are
   * the whole picture, so every group and region of origin recorded before goes first.
   */
  async replaceParticipants(
    manager: EntityManager,
    forumId: string,
    groups: readonly NewAppendedRow<ParticipantGroup>[],
    origins: readonly NewAppendedRow<ParticipantOrigin>[],
  ): Promise<void> {
    await manager.delete(ParticipantGroupSchema, { forumId });
    await manager.delete(ParticipantOriginSchema, { forumId });
    if (groups.length) await manager.getRepository(ParticipantGroupSchema).insert([...groups]);
    if (origins.length) await manager.getRepository(ParticipantOriginSchema).insert([...origins]);
  }

  /** The latest `first` forums held in each community: one statement for every community asked about. */
  inCommunities(communityIds: readonly string[], first: number): Promise<Forum[]> {
    const ids = onlyUuids(communityIds);
    if (ids.length === 0 || first === 0) return Promise.resolve([]);
    return this.perParent(
      `SELECT x.id, row_number() OVER (PARTITION BY x.community_id ${LATEST_FIRST}) AS n
       FROM forum x WHERE x.community_id = ANY(CAST(:parents AS uuid[]))`,
      ids,
      first,
    );
  }

  /** The latest `first` forums held in each area or an area under it. */
  inAreas(pcodes: readonly string[], first: number): Promise<Forum[]> {
    if (pcodes.length === 0 || first === 0) return Promise.resolve([]);
    return this.perParent(
      `SELECT x.id, row_number() OVER (PARTITION BY p.prefix ${LATEST_FIRST}) AS n
       FROM forum x JOIN unnest(CAST(:parents AS text[])) AS p(prefix) ON ${prefixJoin('x.admin_pcode', 'p.prefix')}`,
      pcodes,
      first,
    );
  }

  /** The latest `first` forums each organisation convened or co-convened. */
  convenedBy(organisationIds: readonly string[], first: number): Promise<Forum[]> {
    const ids = onlyUuids(organisationIds);
    if (ids.length === 0 || first === 0) return Promise.resolve([]);
    return this.perParent(
      `SELECT x.id, row_number() OVER (PARTITION BY o.id ${LATEST_FIRST}) AS n
       FROM forum x JOIN unnest(CAST(:parents AS uuid[])) AS o(id)
         ON x.convenor_ids @> ARRAY[o.id] OR x.co_convenor_ids @> ARRAY[o.id]`,
      ids,
      first,
    );
  }

  private perParent(ranked: string, parents: readonly string[], first: number): Promise<Forum[]> {
    return this.rows
      .createQueryBuilder('f')
      .where(`f.id IN ${firstPerParent(ranked)}`, { parents, perParent: first })
      .orderBy('f.starts_on', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .getMany();
  }

  /** Dates of what was recorded at the forum, which its own dates must keep inside them. */
  async recordedDates(
    forumId: string,
  ): Promise<{ firstTestimony: string | null; lastTestimony: string | null; firstAdoption: string | null }> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT min(given_on)::text FROM testimony WHERE forum_id = $1) AS "firstTestimony",
              (SELECT max(given_on)::text FROM testimony WHERE forum_id = $1) AS "lastTestimony",
              (SELECT min(adopted_on)::text FROM declaration WHERE forum_id = $1) AS "firstAdoption"`,
      [forumId],
    )) as { firstTestimony: string | null; lastTestimony: string | null; firstAdoption: string | null }[];
    return row!;
  }

  /** Regions of origin of the forum's participants and testimonies' speakers: its countries must keep them. */
  async regionsRecorded(forumId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT region_pcode AS pcode FROM forum_participant_origin WHERE forum_id = $1
       UNION SELECT speaker_region_pcode FROM testimony WHERE forum_id = $1`,
      [forumId],
    )) as { pcode: string }[];
    return rows.map((r) => r.pcode);
  }
}
