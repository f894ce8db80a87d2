import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { keysetConnection, onlyUuids, type Connection, type KeysetOrder, type PageArgs } from '@peacegraph/kit/sql';
import { insertRecords, rowsOfCases, type NewCaseRecord } from '../common/case-record';
import {
  CaseStatusChangeSchema,
  ConflictCaseSchema,
  PartySchema,
  type CaseStatusChange,
  type ConflictCase,
  type Party,
} from './conflict-case.entity';
import { applyCaseFilter, type CaseFilter } from './conflict-case.filter';

/** Newest reports first; the id breaks ties so every case has one place in the list. */
export const CASE_ORDER: KeysetOrder<ConflictCase> = {
  direction: 'DESC',
  keys: [
    { expression: 'c.reported_on', type: 'date', value: (c) => c.reportedOn },
    { expression: 'c.id', type: 'uuid', value: (c) => c.id },
  ],
};

export class ConflictCaseRepository {
  private readonly rows: Repository<ConflictCase>;
  private readonly parties: Repository<Party>;
  private readonly statusChanges: Repository<CaseStatusChange>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(ConflictCaseSchema);
    this.parties = dataSource.getRepository(PartySchema);
    this.statusChanges = dataSource.getRepository(CaseStatusChangeSchema);
  }

  byIds(ids: readonly string[]): Promise<ConflictCase[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  byReferences(references: readonly string[]): Promise<ConflictCase[]> {
    return this.rows.findBy({ reference: In([...references]) });
  }

  /** The parties of many cases at once, each case's in reported order: one statement for all of them. */
  partiesOf(caseIds: readonly string[]): Promise<Party[]> {
    return rowsOfCases(this.parties, caseIds, { position: 'ASC' });
  }

  /** Writes a case's parties, in the transaction of its report or correction, and gives their ids in order. */
  addParties(manager: EntityManager, parties: readonly NewCaseRecord<Party>[]): Promise<string[]> {
    return insertRecords(manager, PartySchema, parties);
  }

  /** Removes every party of a case, whose corrected parties replace them. */
  async removeParties(manager: EntityManager, caseId: string): Promise<void> {
    await manager.getRepository(PartySchema).delete({ caseId });
  }

  /** Appends an entry to a case's history, in the transaction of the change it records. */
  async addStatusChange(manager: EntityManager, change: Omit<CaseStatusChange, 'id' | 'createdAt'>): Promise<void> {
    await manager.getRepository(CaseStatusChangeSchema).insert(change);
  }

  /** The history of many cases at once, oldest change first: one statement for all of them. */
  historyOf(caseIds: readonly string[]): Promise<CaseStatusChange[]> {
    return rowsOfCases(this.statusChanges, caseIds, { changedOn: 'ASC', createdAt: 'ASC' });
  }

  list(filter: CaseFilter, page: PageArgs): Promise<Connection<ConflictCase>> {
    return keysetConnection(applyCaseFilter(this.rows.createQueryBuilder('c'), 'c', filter), CASE_ORDER, page);
  }

  /**
   * The first `limit` cases (in list order, after `after` when given) of each commission, in one
   * statement: a window over the commissions' rows instead of one query per commission.
   */
  ofCommissions(
    commissionIds: readonly string[],
    filter: CaseFilter,
    limit: number,
    after: [string, string] | null,
  ): Promise<ConflictCase[]> {
    const ids = onlyUuids(commissionIds);
    if (ids.length === 0 || limit === 0) return Promise.resolve([]);
    const ranked = this.rows
      .createQueryBuilder('x')
      .select('x.id', 'id')
      .addSelect('row_number() OVER (PARTITION BY x.peace_commission_id ORDER BY x.reported_on DESC, x.id DESC)', 'position')
      .where('x.peace_commission_id IN (:...commissionIds)', { commissionIds: ids });
    applyCaseFilter(ranked, 'x', filter);
    if (after) ranked.andWhere('(x.reported_on, x.id) < (:afterReportedOn, :afterId)', { afterReportedOn: after[0], afterId: after[1] });
    return this.rows
      .createQueryBuilder('c')
      .where(`c.id IN (SELECT ranked.id FROM (${ranked.getQuery()}) ranked WHERE ranked.position <= :limit)`)
      .setParameters({ ...ranked.getParameters(), limit })
      .orderBy('c.reported_on', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .getMany();
  }

  /** How many cases of each commission match the filter. */
  async countsOfCommissions(commissionIds: readonly string[], filter: CaseFilter): Promise<{ peaceCommissionId: string; count: number }[]> {
    const ids = onlyUuids(commissionIds);
    if (ids.length === 0) return [];
    const query = this.rows
      .createQueryBuilder('c')
      .select('c.peace_commission_id', 'peaceCommissionId')
      .addSelect('count(*)::int', 'count')
      .where('c.peace_commission_id IN (:...commissionIds)', { commissionIds: ids })
      .groupBy('c.peace_commission_id');
    return applyCaseFilter(query, 'c', filter).getRawMany();
  }

  /** The first report date among a commission's cases: its establishment date may not come after it. */
  async earliestReportedOn(commissionId: string): Promise<string | null> {
    const row = await this.rows
      .createQueryBuilder('c')
      .select('min(c.reported_on)::text', 'first')
      .where('c.peace_commission_id = :commissionId', { commissionId })
      .getRawOne<{ first: string | null }>();
    return row?.first ?? null;
  }

  /**
   * The next sequence number of an admin area and year, drawn inside the report's transaction: the row
   * lock makes simultaneous reports wait for each other, and a rolled-back report gives its number back.
   */
  async nextSequenceNumber(manager: EntityManager, adminPcode: string, year: number): Promise<number> {
    const [row] = (await manager.query(
      `INSERT INTO case_reference_sequence (admin_pcode, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (admin_pcode, year) DO UPDATE SET last_number = case_reference_sequence.last_number + 1
       RETURNING last_number`,
      [adminPcode, year],
    )) as { last_number: number }[];
    return row!.last_number;
  }
}
