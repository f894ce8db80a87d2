import { In, type DataSource, type DeepPartial, type EntityManager, type Repository } from 'typeorm';
import { PCODE_PATTERN } from '@peacegraph/kit/server';
import { keysetConnection, onlyUuids, type Connection, type PageArgs } from '@peacegraph/kit/sql';
import {
  AlertRecipientSchema,
  AlertTransitionSchema,
  TranshumanceAlertSchema,
  type AlertRecipient,
  type AlertTransition,
  type TranshumanceAlert,
} from './alert.entity';
import type { AlertKind, AlertSeverity, AlertStatus, AlertTrigger } from '../common/transhumance-values';
import {
  nearSql,
  whereAlongCorridor,
  whereIdIs,
  whereInBox,
  whereNear,
  withinAreaOf,
  type AlongCorridorFilter,
  type BoxFilter,
  type NearFilter,
} from '../common/geo-filters';
import { rowsToEntities } from '../common/rows';

export interface AlertFilter {
  status?: AlertStatus[] | null;
  kind?: AlertKind | null;
  trigger?: AlertTrigger | null;
  severity?: AlertSeverity | null;
  corridor?: string | null;
  spot?: string | null;
  adminArea?: string | null;
  from?: Date | null;
  to?: Date | null;
  withinBox?: BoxFilter | null;
  near?: NearFilter | null;
  alongCorridor?: AlongCorridorFilter | null;
}

/** A community as the gateway sends it, with the directory's coordinates (`@requires`). */
export interface PlacedCommunity {
  id: string;
  latitude: number;
  longitude: number;
}

export interface AlertCountRow {
  dimension: 'status' | 'kind' | 'trigger' | 'severity' | 'total';
  value: string | null;
  alerts: number;
}

export interface ResponseTimeRow {
  step: 'verification' | 'dissemination' | 'response';
  alerts: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export class AlertRepository {
  private readonly rows: Repository<TranshumanceAlert>;
  private readonly recipients: Repository<AlertRecipient>;
  private readonly transitions: Repository<AlertTransition>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = dataSource.getRepository(TranshumanceAlertSchema);
    this.recipients = dataSource.getRepository(AlertRecipientSchema);
    this.transitions = dataSource.getRepository(AlertTransitionSchema);
  }

  byIds(ids: readonly string[]): Promise<TranshumanceAlert[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  list(filter: AlertFilter, page: PageArgs): Promise<Connection<TranshumanceAlert>> {
    const query = this.filtered(filter);
    return keysetConnection(
      query,
      {
        direction: 'DESC',
        keys: [
          { expression: 'a.raised_at', type: 'timestamp', value: (a) => a.raisedAt },
          { expression: 'a.id', type: 'bigint', value: (a) => a.id },
        ],
      },
      page,
    );
  }

  recipientsOf(alertIds: readonly string[]): Promise<AlertRecipient[]> {
    return this.recipients.find({ where: { alertId: In(onlyUuids(alertIds)) }, order: { position: 'ASC' } });
  }

  historyOf(alertIds: readonly string[]): Promise<AlertTransition[]> {
    return this.transitions.find({ where: { alertId: In(onlyUuids(alertIds)) }, order: { at: 'ASC', recordedAt: 'ASC' } });
  }

  /**
   * The latest alerts within `radiusKm` of each community, in one statement for all of them: the
   * communities' coordinates arrive as arrays, and each probes the alerts' earth index.
   */
  async nearCommunities(
    communities: readonly PlacedCommunity[],
    radiusKm: number,
    status: AlertStatus[] | null,
    first: number,
  ): Promise<(TranshumanceAlert & { communityId: string })[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.*, c.community_id FROM unnest($1::text[], $2::float8[], $3::float8[]) AS c(community_id, latitude, longitude)
       CROSS JOIN LATERAL (
         SELECT * FROM transhumance_alert a
         WHERE ${nearSql('a.latitude', 'a.longitude', 'c.latitude', 'c.longitude', '$4')} AND ($5::text[] IS NULL OR a.status = ANY($5::text[]))
         ORDER BY a.raised_at DESC, a.id DESC LIMIT $6
       ) a`,
      [
        communities.map((c) => c.id),
        communities.map((c) => c.latitude),
        communities.map((c) => c.longitude),
        radiusKm * 1000,
        status,
        first,
      ],
    )) as Record<string, unknown>[];
    return this.withKey(rows, 'community_id', 'communityId');
  }

  /** The latest alerts in each area and below; an alert in a province is also in its region. */
  async inAreas(pcodes: readonly string[], status: AlertStatus[] | null, first: number): Promise<(TranshumanceAlert & { area: string })[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.*, area.pcode AS area FROM unnest($1::text[]) AS area(pcode)
       CROSS JOIN LATERAL (
         SELECT * FROM transhumance_alert a
         WHERE a.admin_pcode IS NOT NULL AND ${withinAreaOf('a.admin_pcode', 'area.pcode')} AND ($2::text[] IS NULL OR a.status = ANY($2::text[]))
         ORDER BY a.raised_at DESC, a.id DESC LIMIT $3
       ) a`,
      [pcodes.filter((p) => PCODE_PATTERN.test(p)), status, first],
    )) as Record<string, unknown>[];
    return this.withKey(rows, 'area', 'area');
  }

  /** The latest alerts disseminated to each organisation. */
  async receivedBy(organisationIds: readonly string[], first: number): Promise<(TranshumanceAlert & { organisationId: string })[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.*, o.id AS recipient_org FROM unnest($1::uuid[]) AS o(id)
       CROSS JOIN LATERAL (
         SELECT a.* FROM transhumance_alert a
         WHERE a.id IN (SELECT r.alert_id FROM transhumance_alert_recipient r WHERE r.organisation_id = o.id)
         ORDER BY a.raised_at DESC, a.id DESC LIMIT $2
       ) a`,
      [onlyUuids(organisationIds), first],
    )) as Record<string, unknown>[];
    return this.withKey(rows, 'recipient_org', 'organisationId');
  }

  /** Counts by status, kind, trigger and severity, and the total, in one statement. */
  async counts(filter: AlertFilter): Promise<AlertCountRow[]> {
    const rows = await this.filtered(filter)
      .select(
        `CASE WHEN GROUPING(a.status) = 0 THEN 'status' WHEN GROUPING(a.kind) = 0 THEN 'kind' WHEN GROUPING(a.trigger) = 0 THEN 'trigger' WHEN GROUPING(a.severity) = 0 THEN 'severity' ELSE 'total' END`,
        'dimension',
      )
      .addSelect('COALESCE(a.status, a.kind, a.trigger, a.severity)', 'value')
      .addSelect('count(*)::int', 'alerts')
      .groupBy('GROUPING SETS ((a.status), (a.kind), (a.trigger), (a.severity), ())')
      .getRawMany<{ dimension: AlertCountRow['dimension']; value: string | null; alerts: number }>();
    return rows;
  }

  /** Median and 90th percentile of hours from raised to each later step, over the alerts that reached it. */
  async responseTimes(filter: AlertFilter): Promise<ResponseTimeRow[]> {
    const hours = (column: string) => `extract(epoch FROM (a.${column} - a.raised_at)) / 3600`;
    const step = (name: string, column: string) =>
      `count(a.${column})::int AS ${name}_alerts,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours(column)}) FILTER (WHERE a.${column} IS NOT NULL) AS ${name}_median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY ${hours(column)}) FILTER (WHERE a.${column} IS NOT NULL) AS ${name}_p90`;
    const row = (await this.filtered(filter)
      .select([step('verification', 'verified_at'), step('dissemination', 'disseminated_at'), step('response', 'response_at')].join(', '))
      .getRawOne()) as Record<string, number | null>;
    return (['verification', 'dissemination', 'response'] as const).map((name) => ({
      step: name,
      alerts: Number(row[`${name}_alerts`] ?? 0),
      medianHours: row[`${name}_median`] === null ? null : Number(row[`${name}_median`]),
      p90Hours: row[`${name}_p90`] === null ? null : Number(row[`${name}_p90`]),
    }));
  }

  /** Open automatic alerts with these rule keys, locked: the rules decide on them in the same transaction. */
  openWithRuleKeys(manager: EntityManager, keys: readonly string[]): Promise<TranshumanceAlert[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return manager
      .getRepository(TranshumanceAlertSchema)
      .createQueryBuilder('a')
      .where(`a.rule_key = ANY(:keys) AND a.status <> 'CLOSED'`, { keys: [...keys] })
      .setLock('pessimistic_write')
      .getMany();
  }

  /**
   * Runs an early-action evaluation in a transaction of its own, not the kit's write's: it comes after
   * the observations committed, which are kept even if the evaluation fails.
   */
  earlyActionTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Holds the early-action evaluation of these corridors for the rest of the transaction (an advisory
   * lock per corridor): concurrent batches on one corridor evaluate one after the other. Locks are taken
   * in id order, so that two evaluations sharing corridors wait for each other instead of deadlocking.
   */
  async holdEarlyActionOn(manager: EntityManager, corridorIds: readonly string[]): Promise<void> {
    for (const id of [...corridorIds].sort())
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('transhumance-early-action:' || $1))`, [id]);
  }

  /** Writes an alert the early-action rules raise, in the evaluation's transaction, and gives it as stored. */
  addAlert(manager: EntityManager, alert: DeepPartial<TranshumanceAlert>): Promise<TranshumanceAlert> {
    const rows = manager.getRepository(TranshumanceAlertSchema);
    return rows.save(rows.create(alert));
  }

  /**
   * Gives a still-RAISED automatic alert the rules' new evidence (herd, arrival, severity, reasoning), in
   * the evaluation's transaction: a new version, like any change, so an edit made on the old one is refused.
   */
  async takeNewEvidence(manager: EntityManager, alertId: string, evidence: Partial<TranshumanceAlert>): Promise<void> {
    await manager
      .getRepository(TranshumanceAlertSchema)
      .createQueryBuilder()
      .update()
      .set({ ...evidence, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
      .where('id = :id', { id: alertId })
      .execute();
  }

  /** An alert as the transaction that just changed it sees it. */
  inWrite(manager: EntityManager, alertId: string): Promise<TranshumanceAlert> {
    return manager.getRepository(TranshumanceAlertSchema).findOneByOrFail({ id: alertId });
  }

  /** Appends a step to an alert's history, in the transaction of the write that takes it. */
  async addTransition(manager: EntityManager, transition: Omit<AlertTransition, 'id' | 'recordedAt'>): Promise<void> {
    await manager.getRepository(AlertTransitionSchema).insert(transition);
  }

  /** Writes who an alert was disseminated to, in the transaction of its dissemination. */
  async addRecipients(manager: EntityManager, alertId: string, recipients: readonly Omit<AlertRecipient, 'alertId'>[]): Promise<void> {
    await manager.getRepository(AlertRecipientSchema).insert(recipients.map((r) => ({ ...r, alertId })));
  }

  private filtered(filter: AlertFilter) {
    const query = this.rows.createQueryBuilder('a');
    if (filter.status?.length) query.andWhere('a.status IN (:...status)', { status: filter.status });
    if (filter.kind) query.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.trigger) query.andWhere('a.trigger = :trigger', { trigger: filter.trigger });
    if (filter.severity) query.andWhere('a.severity = :severity', { severity: filter.severity });
    if (filter.corridor) whereIdIs(query, 'a.corridor_id', filter.corridor);
    if (filter.spot) whereIdIs(query, 'a.spot_id', filter.spot);
    if (filter.adminArea) query.andWhere('a.admin_pcode LIKE :area', { area: `${filter.adminArea}%` });
    if (filter.from) query.andWhere('a.raised_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('a.raised_at <= :to', { to: filter.to });
    if (filter.withinBox) whereInBox(query, 'a', filter.withinBox);
    if (filter.near) whereNear(query, 'a', filter.near);
    if (filter.alongCorridor) whereAlongCorridor(query, 'a', 'transhumance_alert', filter.alongCorridor);
    return query;
  }

  private withKey<K extends string>(
    rows: Record<string, unknown>[],
    column: string,
    property: K,
  ): (TranshumanceAlert & Record<K, string>)[] {
    return rowsToEntities(this.dataSource, TranshumanceAlertSchema, rows).map(
      (alert, i) => ({ ...alert, [property]: String(rows[i]![column]) }) as TranshumanceAlert & Record<K, string>,
    );
  }
}
