import { In, type DataSource, type Repository } from 'typeorm';
import { keysetConnection, onlyUuids, type Connection, type PageArgs } from '@peacegraph/kit';
import { FlowObservationSchema, type FlowObservation } from '../../entities/transhumance';
import type { FlowDirection, Species } from '../../entities/transhumance-values';
import { whereIdIs, whereInBox, whereNear, type BoxFilter, type NearFilter } from './geo-filters';

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

export interface WeeklyFlowFilter {
  /** Null: every corridor. */
  corridors: string[] | null;
  /** 'YYYY-MM-DD', both included. */
  from: string;
  to: string;
  direction: FlowDirection | null;
}

export interface WeeklyFlowRow {
  corridorId: string;
  weekStart: string;
  week: string;
  observations: number;
  cattle: number;
  sheep: number;
  goats: number;
  camels: number;
  herders: number;
  /** Every observation of the cell is the viewer's organisation's: its herders are shown exactly. */
  ownedByViewer: boolean;
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
    return keysetConnection(
      query,
      { direction: 'DESC', keys: [{ expression: 'o.observed_at', value: (o) => o.observedAt }, { expression: 'o.id', value: (o) => o.id }] },
      page,
    );
  }

  /**
   * Flows per corridor and ISO week, read from the covering index on (corridor_id, observed_at): the
   * sums need nothing the index does not hold.
   */
  async weekly(filter: WeeklyFlowFilter, viewerOrg: string | null): Promise<WeeklyFlowRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT corridor_id, to_char(week, 'YYYY-MM-DD') AS week_start, to_char(week, 'IYYY-"W"IW') AS week,
              count(*)::int AS observations, sum(cattle)::bigint AS cattle, sum(sheep)::bigint AS sheep, sum(goats)::bigint AS goats,
              sum(camels)::bigint AS camels, sum(herders)::bigint AS herders, bool_and(owner_org = $5::uuid) AS owned_by_viewer
       FROM (
         SELECT corridor_id, date_trunc('week', observed_at AT TIME ZONE 'UTC') AS week, cattle, sheep, goats, camels, herders, owner_org
         FROM flow_observation
         WHERE ($1::uuid[] IS NULL OR corridor_id = ANY($1::uuid[]))
           AND observed_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
           AND observed_at < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'
           AND ($4::text IS NULL OR direction = $4)
       ) o
       GROUP BY corridor_id, week ORDER BY corridor_id, week`,
      [filter.corridors ? onlyUuids(filter.corridors) : null, filter.from, filter.to, filter.direction, viewerOrg ?? '00000000-0000-0000-0000-000000000000'],
    )) as Record<string, string | number | boolean>[];
    return rows.map((r) => ({
      corridorId: r.corridor_id as string,
      weekStart: r.week_start as string,
      week: r.week as string,
      observations: Number(r.observations),
      cattle: Number(r.cattle),
      sheep: Number(r.sheep),
      goats: Number(r.goats),
      camels: Number(r.camels),
      herders: Number(r.herders),
      ownedByViewer: Boolean(r.owned_by_viewer),
    }));
  }

  /** Observations on these corridors since an instant, for the early-action rules. */
  recentOnCorridors(corridorIds: readonly string[], since: Date): Promise<FlowObservation[]> {
    return this.rows
      .createQueryBuilder('o')
      .where('o.corridor_id = ANY(:ids) AND o.observed_at >= :since', { ids: onlyUuids(corridorIds), since })
      .orderBy('o.observed_at')
      .addOrderBy('o.id')
      .getMany();
  }
}
