import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { PCODE_PATTERN } from '@peacegraph/kit/server';
import {
  onlyUuids,
  pageSize,
  type Connection,
  type PageArgs,
  latestOfEach,
  namedBinder,
  withinAreaOf,
  newestFirst,
} from '@peacegraph/kit/sql';
import { type TrainingKind } from '../common/values';
import {
  MiningTrainingSchema,
  TrainingParticipantGroupSchema,
  type MiningTraining,
  type TrainingParticipantGroup,
} from './training.entity';
import { trainingConditions, type TrainingFilter } from './training.filter';

/** Trainings are listed latest start first. */
/** Trainings rank by when they started, the latest first. */
const TRAININGS = { table: 'mining_training', date: 'starts_on' };

export interface TrainingListArgs {
  kind?: TrainingKind | null;
  first?: number | null;
}

export class TrainingRepository {
  private readonly rows: Repository<MiningTraining>;
  private readonly groups: Repository<TrainingParticipantGroup>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(MiningTrainingSchema);
    this.groups = dataSource.getRepository(TrainingParticipantGroupSchema);
  }

  byIds(ids: readonly string[]): Promise<MiningTraining[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  list(filter: TrainingFilter, page: PageArgs): Promise<Connection<MiningTraining>> {
    const query = this.rows.createQueryBuilder('t');
    const { bind, params } = namedBinder('filter');
    for (const condition of trainingConditions(filter, 't', bind)) query.andWhere(condition);
    query.setParameters(params);
    return newestFirst(query, 'starts_on', (t) => t.startsOn, page);
  }

  /** The latest trainings of each community (optionally of one kind). */
  ofCommunities(communityIds: readonly string[], args: TrainingListArgs): Promise<MiningTraining[]> {
    return latestOfEach(
      this.rows.createQueryBuilder('t'),
      { ...TRAININGS, parent: 'community_id', where: args.kind ? 'community_id = ANY(:ids) AND kind = :kind' : undefined },
      { ids: onlyUuids(communityIds), kind: args.kind, first: pageSize(args.first) },
    );
  }

  /** The latest trainings at each site. */
  atSites(siteIds: readonly string[], first: number): Promise<MiningTraining[]> {
    return latestOfEach(this.rows.createQueryBuilder('t'), { ...TRAININGS, parent: 'site_id' }, { ids: onlyUuids(siteIds), first });
  }

  /**
   * The latest trainings in each admin area and every area under it. A training can lie in several
   * of the areas asked (a region and one of its provinces): each area ranks its own.
   */
  inAreas(pcodes: readonly string[], args: TrainingListArgs): Promise<MiningTraining[]> {
    const areas = pcodes.filter((p) => PCODE_PATTERN.test(p));
    return this.ranked(
      `SELECT ranked.id FROM (
         SELECT t.id, row_number() OVER (PARTITION BY area.pcode ORDER BY t.starts_on DESC, t.id DESC) AS rank
         FROM unnest(CAST(:areas AS text[])) AS area(pcode)
         JOIN mining_training t ON ${withinAreaOf('t.admin_pcode', 'area.pcode')}
         ${args.kind ? 'WHERE t.kind = :kind' : ''}
       ) ranked WHERE ranked.rank <= :first`,
      { areas, kind: args.kind, first: pageSize(args.first) },
    );
  }

  /** The latest trainings each organisation gave as a trainer. */
  givenBy(organisationIds: readonly string[], first: number | null | undefined): Promise<MiningTraining[]> {
    return latestOfEach(
      this.rows.createQueryBuilder('t'),
      { ...TRAININGS, parent: { listedIn: 'trainer_ids' } },
      { ids: onlyUuids(organisationIds), first: pageSize(first) },
    );
  }

  groupsOf(trainingIds: readonly string[]): Promise<TrainingParticipantGroup[]> {
    return this.groups.findBy({ trainingId: In(onlyUuids(trainingIds)) });
  }

  /**
   * Who took part in a training and what each group learnt, in the transaction of its record or
   * correction: the groups given replace every group stored.
   */
  async replaceParticipantGroups(
    manager: EntityManager,
    trainingId: string,
    groups: readonly Omit<TrainingParticipantGroup, 'trainingId'>[],
  ): Promise<void> {
    const rows = manager.getRepository(TrainingParticipantGroupSchema);
    await rows.delete({ trainingId });
    if (groups.length === 0) return;
    await rows.insert(groups.map((g) => ({ trainingId, ...g })));
  }

  private ranked(ids: string, params: Record<string, unknown>): Promise<MiningTraining[]> {
    return this.rows
      .createQueryBuilder('t')
      .where(`t.id IN (${ids})`, params)
      .orderBy('t.starts_on', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .getMany();
  }
}
