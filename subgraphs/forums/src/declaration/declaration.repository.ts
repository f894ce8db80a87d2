import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { keysetConnection, onlyUuids, type Connection, type PageArgs, newestFirstOrder } from '@peacegraph/kit/sql';
import { whereForumPlace, whereId, whereVisible } from '../common/query-helpers';
import type { NewChildRecord } from '../common/record-columns';
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

  /** The declaration's dates as the write's transaction sees them (under its row lock, when the write holds it). */
  async datesOf(manager: EntityManager, id: string): Promise<Pick<Declaration, 'adoptedOn' | 'publishedOn'>> {
    const [dates] = (await manager.query(`SELECT adopted_on AS "adoptedOn", published_on AS "publishedOn" FROM declaration WHERE id = $1`, [
      id,
    ])) as Pick<Declaration, 'adoptedOn' | 'publishedOn'>[];
    return dates!;
  }

  /** Writes the language versions a declaration is created with, in the transaction of its creation; gives their ids. */
  async addTexts(manager: EntityManager, texts: NewChildRecord<DeclarationText>[]): Promise<string[]> {
    const saved = await manager.getRepository(DeclarationTextSchema).save(texts);
    return saved.map((t) => t.id);
  }

  /** Writes a new translation of a declaration, in the transaction of the declaration's change; gives its id. */
  async addTranslation(manager: EntityManager, text: NewChildRecord<DeclarationText>): Promise<string> {
    const saved = await manager.getRepository(DeclarationTextSchema).save(text);
    return saved.id;
  }

  /**
   * Changes one language version in place, in the transaction of the declaration's change (its own
   * version goes up too); gives its id for the audit row.
   */
  async changeText(
    manager: EntityManager,
    declarationId: string,
    language: string,
    values: { title?: string; body?: string },
  ): Promise<string[]> {
    const set: Record<string, unknown> = { version: () => 'version + 1', updatedAt: () => 'now()' };
    if (values.title !== undefined) set.title = values.title;
    if (values.body !== undefined) set.body = values.body;
    const result = (await manager
      .createQueryBuilder()
      .update(DeclarationTextSchema)
      .set(set)
      .where('declaration_id = :declarationId AND language = :language', { declarationId, language })
      .returning('id')
      .execute()) as { raw: { id: string }[] };
    return result.raw.map((r) => r.id);
  }

  /** Writes the recipients a declaration is created with, in the transaction of its creation; gives their ids. */
  async addRecipients(manager: EntityManager, recipients: NewChildRecord<DeclarationRecipient>[]): Promise<string[]> {
    const saved = await manager.getRepository(DeclarationRecipientSchema).save(recipients);
    return saved.map((r) => r.id);
  }

  /** Writes one more recipient of a declaration, in the transaction of the declaration's change; gives its id. */
  async addRecipient(manager: EntityManager, recipient: NewChildRecord<DeclarationRecipient>): Promise<string> {
    const saved = await manager.getRepository(DeclarationRecipientSchema).save(recipient);
    return saved.id;
  }

  /**
   * Records that a recipient received the declaration, in the transaction of the declaration's change:
   * the declaration's version guards the recipient, whose own version goes up with it.
   */
  async recordDelivery(
    manager: EntityManager,
    recipientId: string,
    delivery: Pick<DeclarationRecipient, 'deliveredOn' | 'deliveryNote'>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(DeclarationRecipientSchema)
      .set({ ...delivery, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id', { id: recipientId })
      .execute();
  }
}
