import { IsNull, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { keysetConnection, onlyUuids, type Connection, type PageArgs } from '@peacegraph/kit/sql';
import { ApiKeySchema, type ApiKey } from './identity.entity';

export class ApiKeyRepository {
  private readonly rows: Repository<ApiKey>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(ApiKeySchema);
  }

  byId(id: string): Promise<ApiKey | null> {
    return onlyUuids([id]).length ? this.rows.findOneBy({ id }) : Promise.resolve(null);
  }

  /** The live key with this hash; marks it used (at most once a minute, to spare writes). */
  async findLiveByHash(secretHash: string): Promise<ApiKey | null> {
    const key = await this.rows.findOneBy({ secretHash, revokedAt: IsNull() });
    if (key && (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000)) {
      await this.rows.update({ id: key.id }, { lastUsedAt: new Date() });
    }
    return key;
  }

  async revoke(id: string, manager: EntityManager): Promise<ApiKey> {
    const rows = manager.getRepository(ApiKeySchema);
    await rows
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'coalesce(revoked_at, now())' })
      .where('id = :id', { id })
      .execute();
    return rows.findOneByOrFail({ id });
  }

  list(filter: { organisationId?: string | null; includeRevoked: boolean }, page: PageArgs): Promise<Connection<ApiKey>> {
    const query = this.rows.createQueryBuilder('key');
    if (filter.organisationId) query.andWhere('key.organisation_id = :org', { org: filter.organisationId });
    if (!filter.includeRevoked) query.andWhere('key.revoked_at IS NULL');
    return keysetConnection(query, { keys: [{ expression: 'key.id', type: 'uuid', value: (k) => k.id }] }, page);
  }
}
