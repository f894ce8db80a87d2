import type { DataSource, Repository } from 'typeorm';
import { keysetConnection, onlyUuids, type Connection, type PageArgs, newestFirstOrder } from '@peacegraph/kit/sql';
import { firstPerParent, whereForumPlace, whereId, whereVisible } from '../common/query-helpers';
import type { ForumTopic, ParticipantCategory, TestimonyAgeGroup } from '../common/values';
import { TestimonySchema, type Testimony } from './testimony.entity';

export interface TestimonyFilter {
  forum?: string | null;
  workingGroup?: string | null;
  topic?: ForumTopic | null;
  language?: string | null;
  speakerRole?: ParticipantCategory | null;
  speakerAgeGroup?: TestimonyAgeGroup | null;
  speakerRegion?: string | null;
  country?: string | null;
  givenFrom?: string | null;
  givenTo?: string | null;
  published?: boolean | null;
}

export const TESTIMONY_ORDER = newestFirstOrder<Testimony>('t', 'given_on', (t) => t.givenOn);

/**
 * Testimonies as the caller may see them: published ones, and the caller's organisation's own. Every
 * read goes through `whereVisible`, so an unpublished testimony never reaches another caller, by id,
 * in a list or under a forum.
 */
export class TestimonyRepository {
  private readonly rows: Repository<Testimony>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = dataSource.getRepository(TestimonySchema);
  }

  byIds(ids: readonly string[], viewerOrg: string | null): Promise<Testimony[]> {
    const valid = onlyUuids(ids);
    if (valid.length === 0) return Promise.resolve([]);
    return whereVisible(this.rows.createQueryBuilder('t').where('t.id IN (:...ids)', { ids: valid }), 't', viewerOrg).getMany();
  }

  list(filter: TestimonyFilter, page: PageArgs, viewerOrg: string | null): Promise<Connection<Testimony>> {
    const query = whereVisible(this.rows.createQueryBuilder('t'), 't', viewerOrg);
    whereId(query, 't.forum_id', filter.forum, 'forum');
    whereId(query, 't.working_group_id', filter.workingGroup, 'workingGroup');
    if (filter.topic)
      query.andWhere('t.working_group_id IN (SELECT wg.id FROM working_group wg WHERE wg.topic = :topic)', { topic: filter.topic });
    if (filter.language) query.andWhere('t.language = :language', { language: filter.language });
    if (filter.speakerRole) query.andWhere('t.speaker_role = :role', { role: filter.speakerRole });
    if (filter.speakerAgeGroup) query.andWhere('t.speaker_age_group = :ageGroup', { ageGroup: filter.speakerAgeGroup });
    if (filter.speakerRegion) query.andWhere('t.speaker_region_pcode = :region', { region: filter.speakerRegion });
    whereForumPlace(query, 't.forum_id', { country: filter.country });
    if (filter.givenFrom) query.andWhere('t.given_on >= :givenFrom', { givenFrom: filter.givenFrom });
    if (filter.givenTo) query.andWhere('t.given_on <= :givenTo', { givenTo: filter.givenTo });
    if (filter.published === true) query.andWhere('t.published_on IS NOT NULL');
    // "Not published" lists are the caller's own drafts: nobody else's are visible anyway.
    if (filter.published === false) query.andWhere('t.published_on IS NULL AND t.owner_org = :draftsOf', { draftsOf: viewerOrg });
    return keysetConnection(query, TESTIMONY_ORDER, page);
  }

  /** The latest `first` visible testimonies of each forum (or working group): one statement for all. */
  ofParents(
    parent: 'forum_id' | 'working_group_id',
    parentIds: readonly string[],
    first: number,
    viewerOrg: string | null,
  ): Promise<Testimony[]> {
    const ids = onlyUuids(parentIds);
    if (ids.length === 0 || first === 0) return Promise.resolve([]);
    const visible = viewerOrg ? '(x.published_on IS NOT NULL OR x.owner_org = CAST(:viewerOrg AS uuid))' : 'x.published_on IS NOT NULL';
    const ranked = `SELECT x.id, row_number() OVER (PARTITION BY x.${parent} ORDER BY x.given_on DESC, x.id DESC) AS n
                    FROM testimony x WHERE x.${parent} = ANY(CAST(:parents AS uuid[])) AND ${visible}`;
    return this.rows
      .createQueryBuilder('t')
      .where(`t.id IN ${firstPerParent(ranked)}`, { parents: ids, perParent: first, viewerOrg })
      .orderBy('t.given_on', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .getMany();
  }
}
