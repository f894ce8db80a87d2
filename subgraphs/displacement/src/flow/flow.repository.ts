import { In, MoreThanOrEqual, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { onlyUuids, type Connection, type PageArgs, newestFirst } from '@peacegraph/kit/sql';
import { FlowObservationSchema, type FlowObservation } from './flow.entity';
import type { FlowDirection, Species } from '../common/transhumance-values';
import { addBatchToFlowWeeks, weeklyFlows, type WeeklyFlowFilter, type WeeklyFlowRow } from './flow-weeks';
import { whereIdIs, whereInBox, whereNear, type BoxFilter, type NearFilter } from '../common/geo-filters';

export interface FlowObservationFilter {
  corridor?: string | null;
  countingPoint?: string | null;
  from?: Date | null;
  to?: Date | null;
  direction?: FlowDirection | null;
  species?: Species | null;
  withinBox?: BoxFilter | null;
  near?: NearFilter | null;
}

const SPECIES_COLUMNS: Record<Species, string> = { CATTLE: 'cattle', SHEEP: 'sheep', GOATS: 'goats', CAMELS: 'camels' };

export class FlowRepository {
  private readonly rows: Repository<FlowObservation>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = dataSource.getRepository(FlowObservationSchema);
  }

  byIds(ids: readonly string[]): Promise<FlowObservation[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  ofBatch(batchId: string): Promise<FlowObservation[]> {
    return this.rows.find({ where: { batchId }, order: { observedAt: 'ASC', id: 'ASC' } });
  }

  list(filter: FlowObservationFilter, page: PageArgs): Promise<Connection<FlowObservation>> {
    const query = this.rows.createQueryBuilder('o');
    if (filter.corridor) whereIdIs(query, 'o.corridor_id', filter.corridor);
    if (filter.countingPoint) whereIdIs(query, 'o.counting_point_id', filter.countingPoint);
    if (filter.from) query.andWhere('o.observed_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('o.observed_at <= :to', { to: filter.to });
    if (filter.direction) query.andWhere('o.direction = :direction', { direction: filter.direction });
    if (filter.species) query.andWhere(`o.${SPECIES_COLUMNS[filter.species]} > 0`);
    if (filter.withinBox || filter.near) {
      // Observations are where their counting point is: the point's indexes find the points first.
      const points = this.dataSource.createQueryBuilder().select('p.id').from('counting_point', 'p');
      if (filter.withinBox) whereInBox(points, 'p', filter.withinBox);
      if (filter.near) whereNear(points, 'p', filter.near);
      query.andWhere(`o.counting_point_id IN (${points.getQuery()})`, points.getParameters());
    }
    return newestFirst(query, 'observed_at', (o) => o.observedAt, page, 'timestamp');
  }

  /**
   * Writes a batch's observations, in the transaction of the batch: all or nothing. A large batch goes
   * in statements of 250 rows, under PostgreSQL's limit of parameters per statement.
   */
  async addObservations(manager: EntityManager, observations: readonly Omit<FlowObservation, 'id' | 'createdAt'>[]): Promise<void> {
    const table = manager.getRepository(FlowObservationSchema);
    for (let i = 0; i < observations.length; i += 250) await table.insert(observations.slice(i, i + 250));
  }

  /** Adds a batch just inserted to the weekly rollup, inside the transaction given. */
  addBatchToWeeks(manager: EntityManager, batchId: string): Promise<void> {
    return addBatchToFlowWeeks(manager, batchId);
  }

  /** Flows per corridor and ISO week: whole weeks from the weekly rollup, cut weeks from the observations. */
  weekly(filter: WeeklyFlowFilter, viewerOrg: string | null): Promise<WeeklyFlowRow[]> {
    return weeklyFlows(this.dataSource, filter, viewerOrg);
  }

  /**
   * Observations on these corridors since an instant, for the early-action rules, read in the
   * evaluation's transaction: after its lock, so a concurrent batch's observations are seen.
   */
  recentOnCorridors(manager: EntityManager, corridorIds: string[], since: Date): Promise<FlowObservation[]> {
    return manager.getRepository(FlowObservationSchema).findBy({ corridorId: In(corridorIds), observedAt: MoreThanOrEqual(since) });
  }
}
