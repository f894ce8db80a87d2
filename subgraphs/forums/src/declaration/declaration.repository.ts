import { In, type DataSource, type Repository } from 'typeorm';
import { keysetConnection, onlyUuids, type Connection, type PageArgs, newestFirstOrder } from '@peacegraph/kit/sql';
import { whereForumPlace, whereId, whereVisible } from '../common/query-helpers';
import {
  DeclarationRecipientSchema,
  DeclarationSchema,
  DeclarationTextSchema,
  type Declaration,
  type DeclarationRecipient,
  type DeclarationText,
} from './declaration.entity';

export interface DeclarationFilter {
  forum?: string | null;
  country?: string | null;
  adminArea?: string | null;
  adoptedFrom?: string | null;
  adoptedTo?: string | null;
  published?: boolean | null;
}

export const DECLARATION_ORDER = newestFirstOrder<Declaration>('d', 'adopted_on', (d) => d.adoptedOn);

/** Declarations as the caller may see them: published ones, and the caller's organisation's drafts. */
export class DeclarationRepository {
  private readonly rows: Repository<Declaration>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = dataSource.getRepository(DeclarationSchema);
  }

  byIds(ids: readonly string[], viewerOrg: string | null): Promise<Declaration[]> {
    const valid = onlyUuids(ids);
    if (valid.length === 0) return Promise.resolve([]);
    return whereVisible(this.rows.createQueryBuilder('d').where('d.id IN (:...ids)', { ids: valid }), 'd', viewerOrg).getMany();
  }

  list(filter: DeclarationFilter, page: PageArgs, viewerOrg: string | null): Promise<Connection<Declaration>> {
    const query = whereVisible(this.rows.createQueryBuilder('d'), 'd', viewerOrg);
    whereId(query, 'd.forum_id', filter.forum, 'forum');
    whereForumPlace(query, 'd.forum_id', filter);
    if (filter.adoptedFrom) query.andWhere('d.adopted_on >= :adoptedFrom', { adoptedFrom: filter.adoptedFrom });
    if (filter.adoptedTo) query.andWhere('d.adopted_on <= :adoptedTo', { adoptedTo: filter.adoptedTo });
    if (filter.published === true) query.andWhere('d.published_on IS NOT NULL');
    if (filter.published === false) query.andWhere('d.published_on IS NULL AND d.owner_org = :draftsOf', { draftsOf: viewerOrg });
    return keysetConnection(query, DECLARATION_ORDER, page);
  }

  ofForums(forumIds: readonly string[], viewerOrg: string | null): Promise<Declaration[]> {
    const ids = onlyUuids(forumIds);
    if (ids.length === 0) return Promise.resolve([]);
    const query = this.rows.createQueryBuilder('d').where('d.forum_id IN (:...ids)', { ids });
    return whereVisible(query, 'd', viewerOrg).orderBy('d.adopted_on', 'ASC').addOrderBy('d.id', 'ASC').getMany();
  }

  /** Every language version, the original first, then by language code. */
  texts(declarationIds: readonly string[]): Promise<DeclarationText[]> {
    const ids = onlyUuids(declarationIds);
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(DeclarationTextSchema)
      .find({ where: { declarationId: In(ids) }, order: { original: 'DESC', language: 'ASC' } });
  }

  recipients(declarationIds: readonly string[]): Promise<DeclarationRecipient[]> {
    const ids = onlyUuids(declarationIds);
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(DeclarationRecipientSchema)
      .find({ where: { declarationId: In(ids) }, order: { position: 'ASC' } });
  }
}
