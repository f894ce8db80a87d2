import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { keysetConnection, onlyUuids, whereWithinAdminArea, type Connection, type KeysetOrder, type PageArgs } from '@peacegraph/kit/sql';
import { firstPerParent, prefixJoin, whereForumPlace, whereId, whereVisible } from '../common/query-helpers';
import type { NewAppendedRow, NewChildRecord } from '../common/record-columns';
import type { RecommendationAddressee, RecommendationStatus, RecommendationTheme } from '../common/values';
import {
  RecommendationFollowUpSchema,
  RecommendationSchema,
  RecommendationTextSchema,
  type Recommendation,
  type RecommendationFollowUp,
  type RecommendationText,
} from './recommendation.entity';

export interface RecommendationFilter {
  declaration?: string | null;
  forum?: string | null;
  country?: string | null;
  adminArea?: string | null;
  addressedArea?: string | null;
  theme?: RecommendationTheme | null;
  addressee?: RecommendationAddressee | null;
  status?: RecommendationStatus | null;
  adoptedFrom?: string | null;
  adoptedTo?: string | null;
}

/** In adoption order, declaration by declaration, by number: the reading order of the declarations. */
export const RECOMMENDATION_ORDER: KeysetOrder<Recommendation> = {
  direction: 'ASC',
  keys: [
    { expression: 'r.adopted_on', type: 'date', value: (r) => r.adoptedOn },
    { expression: 'r.declaration_id', type: 'uuid', value: (r) => r.declarationId },
    { expression: 'r.number', type: 'integer', value: (r) => r.number },
  ],
};

const ADOPTION_ORDER = 'ORDER BY x.adopted_on, x.declaration_id, x.number';

/** Where published recommendations stand, per forum. */
export interface RecommendationStatsRow {
  forumId: string;
  recommendations: number;
  pending: number;
  inProgress: number;
  implemented: number;
  rejected: number;
}

export class RecommendationRepository {
  private readonly rows: Repository<Recommendation>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = dataSource.getRepository(RecommendationSchema);
  }

  byIds(ids: readonly string[], viewerOrg: string | null): Promise<Recommendation[]> {
    const valid = onlyUuids(ids);
    if (valid.length === 0) return Promise.resolve([]);
    return whereVisible(this.rows.createQueryBuilder('r').where('r.id IN (:...ids)', { ids: valid }), 'r', viewerOrg).getMany();
  }

  /** Adds the filter's conditions on the recommendation table under `alias`; each has an index leading with its column. */
  static applyFilter<Q extends Parameters<typeof whereVisible>[0]>(query: Q, alias: string, filter: RecommendationFilter): Q {
    whereId(query, `${alias}.declaration_id`, filter.declaration, 'declaration');
    whereId(query, `${alias}.forum_id`, filter.forum, 'forum');
    whereForumPlace(query, `${alias}.forum_id`, filter);
    if (filter.addressedArea) whereWithinAdminArea(query, `${alias}.addressed_pcode`, filter.addressedArea, 'addressedArea');
    if (filter.theme) query.andWhere(`${alias}.theme = :theme`, { theme: filter.theme });
    if (filter.addressee) query.andWhere(`${alias}.addressee = :addressee`, { addressee: filter.addressee });
    if (filter.status) query.andWhere(`${alias}.status = :status`, { status: filter.status });
    if (filter.adoptedFrom) query.andWhere(`${alias}.adopted_on >= :adoptedFrom`, { adoptedFrom: filter.adoptedFrom });
    if (filter.adoptedTo) query.andWhere(`${alias}.adopted_on <= :adoptedTo`, { adoptedTo: filter.adoptedTo });
    return query;
  }

  list(filter: RecommendationFilter, page: PageArgs, viewerOrg: string | null): Promise<Connection<Recommendation>> {
    const query = whereVisible(this.rows.createQueryBuilder('r'), 'r', viewerOrg);
    return keysetConnection(RecommendationRepository.applyFilter(query, 'r', filter), RECOMMENDATION_ORDER, page);
  }

  ofDeclarations(declarationIds: readonly string[], viewerOrg: string | null): Promise<Recommendation[]> {
    const ids = onlyUuids(declarationIds);
    if (ids.length === 0) return Promise.resolve([]);
    const query = this.rows.createQueryBuilder('r').where('r.declaration_id IN (:...ids)', { ids });
    return whereVisible(query, 'r', viewerOrg).orderBy('r.number', 'ASC').getMany();
  }

  texts(recommendationIds: readonly string[]): Promise<RecommendationText[]> {
    const ids = onlyUuids(recommendationIds);
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(RecommendationTextSchema)
      .find({ where: { recommendationId: In(ids) }, order: { original: 'DESC', language: 'ASC' } });
  }

  followUps(recommendationIds: readonly string[]): Promise<RecommendationFollowUp[]> {
    const ids = onlyUuids(recommendationIds);
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(RecommendationFollowUpSchema)
      .find({ where: { recommendationId: In(ids) }, order: { reportedOn: 'ASC', createdAt: 'ASC' } });
  }

  /** Published recommendations of each forum by current status: one statement for a page of forums. */
  async statsOfForums(forumIds: readonly string[]): Promise<RecommendationStatsRow[]> {
    const ids = onlyUuids(forumIds);
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `SELECT forum_id AS "forumId", count(*)::int AS recommendations,
              (count(*) FILTER (WHERE status = 'PENDING'))::int AS pending,
              (count(*) FILTER (WHERE status = 'IN_PROGRESS'))::int AS "inProgress",
              (count(*) FILTER (WHERE status = 'IMPLEMENTED'))::int AS implemented,
              (count(*) FILTER (WHERE status = 'REJECTED'))::int AS rejected
       FROM recommendation WHERE forum_id = ANY($1::uuid[]) AND published_on IS NOT NULL
       GROUP BY forum_id`,
      [ids],
    );
  }

  /** The first `first` visible recommendations about each community, in adoption order. */
  addressingCommunities(communityIds: readonly string[], first: number, viewerOrg: string | null): Promise<Recommendation[]> {
    const ids = onlyUuids(communityIds);
    if (ids.length === 0 || first === 0) return Promise.resolve([]);
    return this.perParent(
      `SELECT x.id, row_number() OVER (PARTITION BY x.addressed_community_id ${ADOPTION_ORDER}) AS n
       FROM recommendation x WHERE x.addressed_community_id = ANY(CAST(:parents AS uuid[])) AND ${visibleX(viewerOrg)}`,
      ids,
      first,
      viewerOrg,
    );
  }

  /** The first `first` visible recommendations about each area or an area under it. */
  addressingAreas(pcodes: readonly string[], first: number, viewerOrg: string | null): Promise<Recommendation[]> {
    if (pcodes.length === 0 || first === 0) return Promise.resolve([]);
    return this.perParent(
      `SELECT x.id, row_number() OVER (PARTITION BY p.prefix ${ADOPTION_ORDER}) AS n
       FROM recommendation x JOIN unnest(CAST(:parents AS text[])) AS p(prefix) ON ${prefixJoin('x.addressed_pcode', 'p.prefix')}
       WHERE ${visibleX(viewerOrg)}`,
      pcodes,
      first,
      viewerOrg,
    );
  }

  private perParent(ranked: string, parents: readonly string[], first: number, viewerOrg: string | null): Promise<Recommendation[]> {
    return this.rows
      .createQueryBuilder('r')
      .where(`r.id IN ${firstPerParent(ranked)}`, { parents, perParent: first, viewerOrg })
      .orderBy('r.adopted_on', 'ASC')
      .addOrderBy('r.declaration_id', 'ASC')
      .addOrderBy('r.number', 'ASC')
      .getMany();
  }

  /** The next number of a declaration's recommendations; the caller holds the declaration's row lock. */
  async nextNumber(manager: EntityManager, declarationId: string): Promise<number> {
    const [row] = (await manager.query(`SELECT coalesce(max(number), 0) + 1 AS next FROM recommendation WHERE declaration_id = $1`, [
      declarationId,
    ])) as {
      next: number;
    }[];
    return Number(row!.next);
  }

  /** Writes language versions of a recommendation, in the transaction of its creation or change; gives their ids. */
  async addTexts(manager: EntityManager, texts: NewChildRecord<RecommendationText>[]): Promise<string[]> {
    const saved = await manager.getRepository(RecommendationTextSchema).save(texts);
    return saved.map((t) => t.id);
  }

  /** Changes the original text in place (its version goes up), in the transaction of the recommendation's change; gives its id. */
  async changeOriginalText(manager: EntityManager, recommendationId: string, body: string): Promise<string[]> {
    const result = (await manager
      .createQueryBuilder()
      .update(RecommendationTextSchema)
      .set({ body, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('recommendation_id = :id AND original', { id: recommendationId })
      .returning('id')
      .execute()) as { raw: { id: string }[] };
    return result.raw.map((r) => r.id);
  }

  /** Removes every translation of a recommendation, which the translations given replace. */
  async removeTranslations(manager: EntityManager, recommendationId: string): Promise<void> {
    await manager.query(`DELETE FROM recommendation_text WHERE recommendation_id = $1 AND NOT original`, [recommendationId]);
  }

  /** Appends a follow-up report, in the transaction of the status it moves; gives its id. */
  async addFollowUp(manager: EntityManager, followUp: NewAppendedRow<RecommendationFollowUp>): Promise<string> {
    const saved = await manager.getRepository(RecommendationFollowUpSchema).save(followUp);
    return saved.id;
  }

  /** Its recommendations date from the declaration's adoption: a new date is copied to them, in the declaration's change. */
  async copyAdoption(manager: EntityManager, declarationId: string, adoptedOn: string): Promise<void> {
    await manager.query(`UPDATE recommendation SET adopted_on = $1 WHERE declaration_id = $2`, [adoptedOn, declarationId]);
  }

  /**
   * Publishing a declaration publishes every recommendation of it, in the same transaction (their
   * versions go up); gives their ids for the audit row.
   */
  async publishWithDeclaration(manager: EntityManager, declarationId: string, publishedOn: string): Promise<string[]> {
    const updated = (await manager
      .createQueryBuilder()
      .update(RecommendationSchema)
      .set({ publishedOn, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('declaration_id = :id', { id: declarationId })
      .returning('id')
      .execute()) as { raw: { id: string }[] };
    return updated.raw.map((r) => r.id);
  }
}

function visibleX(viewerOrg: string | null): string {
  return viewerOrg ? '(x.published_on IS NOT NULL OR x.owner_org = CAST(:viewerOrg AS uuid))' : 'x.published_on IS NOT NULL';
}
