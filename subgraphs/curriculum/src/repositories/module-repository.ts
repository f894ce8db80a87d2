import { In, type DataSource, type Repository } from 'typeorm';
import { keysetConnection, onlyUuids, type Connection, type PageArgs } from '@peacegraph/kit';
import { ModuleSchema, type Module } from '../entities';

export class ModuleRepository {
  private readonly rows: Repository<Module>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = dataSource.getRepository(ModuleSchema);
  }

  byIds(ids: readonly string[]): Promise<Module[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  list(page: PageArgs): Promise<Connection<Module>> {
    return keysetConnection(
      this.rows.createQueryBuilder('module'),
      { keys: [{ expression: 'module.title', type: 'text', value: (m) => m.title }, { expression: 'module.id', type: 'uuid', value: (m) => m.id }] },
      page,
    );
  }

  /** How many cohorts deliver the module: its plans are fixed once it is in use. */
  async cohortsUsing(moduleId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM cohort WHERE module_id = $1`, [moduleId])) as { n: number }[];
    return row!.n;
  }
}
