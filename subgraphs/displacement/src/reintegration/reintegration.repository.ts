import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import {
  listsAreaWithin,
  namedBinder,
  onlyUuids,
  whereWithinAdminArea,
  type Connection,
  type PageArgs,
  whereBetween,
  whereId,
  newestFirst,
  latestOfEach,
} from '@peacegraph/kit/sql';
import {
  ReintegrationAssistanceSchema,
  ReintegrationCaseSchema,
  ReintegrationProgrammeSchema,
  type ReintegrationAssistance,
  type ReintegrationCase,
  type ReintegrationProgramme,
} from './reintegration.entity';
import {
  type ReintegrationAgeGroup,
  type ReintegrationCategory,
  type ReintegrationProgrammeKind,
  type ReintegrationStatus,
} from '../common/displacement-values';

export interface ReintegrationProgrammeFilter {
  kind?: ReintegrationProgrammeKind | null;
  adminArea?: string | null;
  organisation?: string | null;
  activeOn?: string | null;
}

export interface ReintegrationCaseFilter {
  programme?: string | null;
  adminArea?: string | null;
  category?: ReintegrationCategory | null;
  status?: ReintegrationStatus | null;
  ageGroup?: ReintegrationAgeGroup | null;
  registeredFrom?: string | null;
  registeredTo?: string | null;
}

export class ReintegrationRepository {
  private readonly programmes: Repository<ReintegrationProgramme>;
  private readonly cases: Repository<ReintegrationCase>;
  private readonly assistance: Repository<ReintegrationAssistance>;

  constructor(dataSource: DataSource) {
    this.programmes = dataSource.getRepository(ReintegrationProgrammeSchema);
    this.cases = dataSource.getRepository(ReintegrationCaseSchema);
    this.assistance = dataSource.getRepository(ReintegrationAssistanceSchema);
  }

  programmesByIds(ids: readonly string[]): Promise<ReintegrationProgramme[]> {
    return this.programmes.findBy({ id: In(onlyUuids(ids)) });
  }

  /** Latest start first. */
  listProgrammes(filter: ReintegrationProgrammeFilter, page: PageArgs): Promise<Connection<ReintegrationProgramme>> {
    const query = this.programmes.createQueryBuilder('programme');
    if (filter.kind) query.andWhere('programme.kind = :kind', { kind: filter.kind });
    if (filter.organisation) whereId(query, 'programme.owner_org', filter.organisation, 'organisation');
    if (filter.adminArea) {
      // Working in an area: covering it or an area above it, or an area inside it.
      const { bind, params } = namedBinder('area');
      const above = Array.from({ length: filter.adminArea.length - 1 }, (_, i) => filter.adminArea!.slice(0, i + 2));
      query.andWhere(
        `(programme.admin_pcodes && ${bind(above)}::text[] OR ${listsAreaWithin('programme.area_keys', filter.adminArea, bind)})`,
        params,
      );
    }
    if (filter.activeOn) {
      query.andWhere('programme.starts_on <= :activeOn AND (programme.ends_on IS NULL OR programme.ends_on >= :activeOn)', {
        activeOn: filter.activeOn,
      });
    }
    return newestFirst(query, 'starts_on', (p) => p.startsOn, page);
  }

  /** The latest programmes each organisation runs. */
  programmesOf(organisationIds: readonly string[], first: number): Promise<ReintegrationProgramme[]> {
    return latestOfEach(
      this.programmes.createQueryBuilder('programme'),
      { table: 'reintegration_programme', parent: 'owner_org', date: 'starts_on' },
      { ids: onlyUuids(organisationIds), first },
    );
  }

  casesByIds(ids: readonly string[]): Promise<ReintegrationCase[]> {
    return this.cases.findBy({ id: In(onlyUuids(ids)) });
  }

  /** One organisation's cases, latest registration first: nobody lists another organisation's cases. */
  listCases(ownerOrg: string, filter: ReintegrationCaseFilter, page: PageArgs): Promise<Connection<ReintegrationCase>> {
    const query = this.cases.createQueryBuilder('c').where('c.owner_org = :ownerOrg', { ownerOrg });
    if (filter.programme) whereId(query, 'c.programme_id', filter.programme, 'programme');
    if (filter.adminArea) whereWithinAdminArea(query, 'c.admin_pcode', filter.adminArea);
    if (filter.category) query.andWhere('c.category = :category', { category: filter.category });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.ageGroup) query.andWhere('c.age_group = :ageGroup', { ageGroup: filter.ageGroup });
    whereBetween(query, 'c.registered_on', filter.registeredFrom, filter.registeredTo);
    return newestFirst(query, 'registered_on', (c) => c.registeredOn, page);
  }

  assistanceOf(caseIds: readonly string[]): Promise<ReintegrationAssistance[]> {
    return this.assistance.find({ where: { caseId: In(onlyUuids(caseIds)) }, order: { startedOn: 'ASC', createdAt: 'ASC' } });
  }

  /**
   * Takes the programme's next case number, inside the transaction of a registration: the update's row
   * lock orders concurrent registrations, and a number taken is never given again.
   */
  async takeNextCaseNumber(manager: EntityManager, programmeId: string): Promise<number> {
    // For UPDATE … RETURNING the PostgreSQL driver answers [rows, affected].
    const [rows] = (await manager.query(
      `UPDATE reintegration_programme SET last_case_number = last_case_number + 1 WHERE id = $1 RETURNING last_case_number AS n`,
      [programmeId],
    )) as [{ n: number }[], number];
    return rows[0]!.n;
  }

  /** Writes assistance given to a case, in the transaction of the case's change. */
  async addAssistance(manager: EntityManager, assistance: Omit<ReintegrationAssistance, 'id' | 'createdAt'>): Promise<void> {
    await manager.getRepository(ReintegrationAssistanceSchema).insert(assistance);
  }
}
