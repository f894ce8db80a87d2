import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { keysetConnection, onlyUuids, whereWithinAdminArea, type Connection, type PageArgs } from '@peacegraph/kit/sql';
import { PeaceCommissionSchema, type PeaceCommission } from './peace-commission.entity';
import type { PeaceCommissionFilter } from '../generated/resolvers';

export class PeaceCommissionRepository {
  private readonly rows: Repository<PeaceCommission>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(PeaceCommissionSchema);
  }

  byIds(ids: readonly string[]): Promise<PeaceCommission[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  byCommunityIds(communityIds: readonly string[]): Promise<PeaceCommission[]> {
    return this.rows.findBy({ communityId: In(onlyUuids(communityIds)) });
  }

  byCommunityId(manager: EntityManager, communityId: string): Promise<PeaceCommission | null> {
    return manager.getRepository(PeaceCommissionSchema).findOneBy({ communityId });
  }

  list(filter: PeaceCommissionFilter, page: PageArgs): Promise<Connection<PeaceCommission>> {
    const query = this.rows.createQueryBuilder('pc');
    if (filter.country) query.andWhere('pc.country_code = :country', { country: filter.country });
    if (filter.adminArea) whereWithinAdminArea(query, 'pc.admin_pcode', filter.adminArea);
    if (filter.community) {
      if (onlyUuids([filter.community]).length === 0) query.andWhere('false');
      else query.andWhere('pc.community_id = :community', { community: filter.community });
    }
    if (filter.active !== null && filter.active !== undefined) query.andWhere('pc.active = :active', { active: filter.active });
    return keysetConnection(
      query,
      {
        keys: [
          { expression: 'pc.admin_pcode', type: 'text', value: (c) => c.adminPcode },
          { expression: 'pc.id', type: 'uuid', value: (c) => c.id },
        ],
      },
      page,
    );
  }
}
