import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { onlyUuids, type Connection, type PageArgs, whereBetween, whereId, newestFirst } from '@peacegraph/kit/sql';
import { SessionDeliverySchema, type SessionDelivery } from './session-delivery.entity';
import type { CohortFilter, CohortRepository } from '../cohort/cohort.repository';

export interface SessionDeliveryFilter extends Pick<CohortFilter, 'community' | 'country' | 'adminArea' | 'module' | 'language'> {
  cohort?: string | null;
  makeUp?: boolean | null;
  from?: string | null;
  to?: string | null;
}

/** How far a cohort is through its module, computed from its deliveries. */
export interface CohortProgressRow {
  cohortId: string;
  delivered: number;
  total: number;
  makeUpSessions: number;
  lastDeliveredOn: string | null;
  nextSessionPlanId: string | null;
}

export class SessionDeliveryRepository {
  private readonly rows: Repository<SessionDelivery>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cohorts: CohortRepository,
  ) {
    this.rows = dataSource.getRepository(SessionDeliverySchema);
  }

  byIds(ids: readonly string[]): Promise<SessionDelivery[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  /** Every delivery of each cohort, by session number then date (bounded: see the schema). */
  ofCohorts(cohortIds: readonly string[], manager?: EntityManager): Promise<SessionDelivery[]> {
    const rows = manager ? manager.getRepository(SessionDeliverySchema) : this.rows;
    return rows.find({ where: { cohortId: In(onlyUuids(cohortIds)) }, order: { sessionNumber: 'ASC', deliveredOn: 'ASC', id: 'ASC' } });
  }

  /** How many sessions of its module a cohort has had delivered, make-ups aside, as the write's transaction sees them. */
  async regularSessionsDelivered(manager: EntityManager, cohortId: string): Promise<number> {
    const [row] = (await manager.query(`SELECT count(*)::int AS delivered FROM session_delivery WHERE cohort_id = $1 AND NOT make_up`, [
      cohortId,
    ])) as { delivered: number }[];
    return row!.delivered;
  }

  list(filter: SessionDeliveryFilter, page: PageArgs): Promise<Connection<SessionDelivery>> {
    const query = this.rows.createQueryBuilder('delivery');
    if (filter.cohort) whereId(query, 'delivery.cohort_id', filter.cohort, 'cohort');
    const { community, country, adminArea, module, language } = filter;
    if (community || country || adminArea || module || language) {
      // Where and what was delivered are the cohort's: filter through its indexes.
      const cohorts = this.cohorts.filtered(this.dataSource.createQueryBuilder().select('cohort.id').from('cohort', 'cohort'), {
        community,
        country,
        adminArea,
        module,
        language,
      });
      query.andWhere(`delivery.cohort_id IN (${cohorts.getQuery()})`, cohorts.getParameters());
    }
    if (filter.makeUp !== null && filter.makeUp !== undefined) query.andWhere('delivery.make_up = :makeUp', { makeUp: filter.makeUp });
    whereBetween(query, 'delivery.delivered_on', filter.from ?? null, filter.to ?? null);
    return newestFirst(query, 'delivered_on', (d) => d.deliveredOn, page);
  }

  /**
   * Progress of each cohort in one statement: plans delivered, plans in the module, the next plan.
   * The plans delivered are read once per cohort (index-only, from the once-per-plan index) and the
   * next plan is the first not among them: looking for each plan's delivery in turn re-read the
   * cohort's deliveries once per plan (four times the buffers at bench scale).
   */
  progressOf(cohortIds: readonly string[]): Promise<CohortProgressRow[]> {
    return this.dataSource.query(
      `SELECT c.id AS "cohortId",
         (SELECT count(*)::int FROM session_plan p WHERE p.module_id = c.module_id) AS total,
         cardinality(delivered.plans) AS delivered,
         (SELECT count(*)::int FROM session_delivery d WHERE d.cohort_id = c.id AND d.make_up) AS "makeUpSessions",
         (SELECT max(d.delivered_on)::text FROM session_delivery d WHERE d.cohort_id = c.id) AS "lastDeliveredOn",
         (SELECT p.id FROM session_plan p
           WHERE p.module_id = c.module_id AND p.id <> ALL (delivered.plans)
           ORDER BY p.number LIMIT 1) AS "nextSessionPlanId"
       FROM cohort c
       CROSS JOIN LATERAL (
         SELECT ARRAY(SELECT d.session_plan_id FROM session_delivery d WHERE d.cohort_id = c.id AND NOT d.make_up) AS plans
       ) delivered
       WHERE c.id = ANY($1)`,
      [onlyUuids(cohortIds)],
    );
  }
}
