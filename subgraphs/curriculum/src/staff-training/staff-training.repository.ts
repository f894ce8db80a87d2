import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { onlyUuids, pageSize, type Connection, type PageArgs, whereBetween, whereId, newestFirst, latestOfEach } from '@peacegraph/kit/sql';
import {
  CoachingSessionSchema,
  DialogueProcessSchema,
  StaffTrainingSchema,
  TraineeGroupSchema,
  type CoachingSession,
  type DialogueProcess,
  type StaffTraining,
  type TraineeGroup,
} from './staff-training.entity';

export interface StaffTrainingFilter {
  organisation?: string | null;
  traineeCountry?: string | null;
  from?: string | null;
  to?: string | null;
}

/** Staff trainings and what hangs off them: trainees, coaching sessions, dialogue processes. */
export class StaffTrainingRepository {
  private readonly trainings: Repository<StaffTraining>;
  private readonly trainees: Repository<TraineeGroup>;
  private readonly coaching: Repository<CoachingSession>;
  private readonly dialogues: Repository<DialogueProcess>;

  constructor(dataSource: DataSource) {
    this.trainings = dataSource.getRepository(StaffTrainingSchema);
    this.trainees = dataSource.getRepository(TraineeGroupSchema);
    this.coaching = dataSource.getRepository(CoachingSessionSchema);
    this.dialogues = dataSource.getRepository(DialogueProcessSchema);
  }

  byIds(ids: readonly string[]): Promise<StaffTraining[]> {
    return this.trainings.findBy({ id: In(onlyUuids(ids)) });
  }

  list(filter: StaffTrainingFilter, page: PageArgs): Promise<Connection<StaffTraining>> {
    const query = this.trainings.createQueryBuilder('training');
    if (filter.organisation) whereId(query, 'training.owner_org', filter.organisation, 'organisation');
    if (filter.traineeCountry) {
      query.andWhere('training.id IN (SELECT staff_training_id FROM trainee_group WHERE country_code = :traineeCountry)', {
        traineeCountry: filter.traineeCountry,
      });
    }
    whereBetween(query, 'training.starts_on', filter.from ?? null, filter.to ?? null);
    return newestFirst(query, 'starts_on', (t) => t.startsOn, page);
  }

  /** The latest trainings each organisation ran. */
  ofOrganisations(organisationIds: readonly string[], first: number | null | undefined): Promise<StaffTraining[]> {
    return latestOfEach(
      this.trainings.createQueryBuilder('training'),
      { table: 'staff_training', parent: 'owner_org', date: 'starts_on' },
      { ids: onlyUuids(organisationIds), first: pageSize(first) },
    );
  }

  /**
   * Replaces the staff a training trained, country by country, in the transaction of the training's
   * creation or correction: the counts given are the whole list, so the old lines go first.
   */
  async replaceTrainees(
    manager: EntityManager,
    trainingId: string,
    groups: readonly Omit<TraineeGroup, 'staffTrainingId'>[],
  ): Promise<void> {
    const rows = manager.getRepository(TraineeGroupSchema);
    await rows.delete({ staffTrainingId: trainingId });
    await rows.insert(groups.map((g) => ({ ...g, staffTrainingId: trainingId })));
  }

  traineesOf(trainingIds: readonly string[]): Promise<TraineeGroup[]> {
    return this.trainees.find({ where: { staffTrainingId: In(onlyUuids(trainingIds)) }, order: { countryCode: 'ASC' } });
  }

  coachingByIds(ids: readonly string[]): Promise<CoachingSession[]> {
    return this.coaching.findBy({ id: In(onlyUuids(ids)) });
  }

  coachingOf(trainingIds: readonly string[]): Promise<CoachingSession[]> {
    return this.coaching.find({ where: { staffTrainingId: In(onlyUuids(trainingIds)) }, order: { heldOn: 'ASC', id: 'ASC' } });
  }

  dialoguesByIds(ids: readonly string[]): Promise<DialogueProcess[]> {
    return this.dialogues.findBy({ id: In(onlyUuids(ids)) });
  }

  dialoguesOf(trainingIds: readonly string[]): Promise<DialogueProcess[]> {
    return this.dialogues.find({ where: { staffTrainingId: In(onlyUuids(trainingIds)) }, order: { startedOn: 'ASC', id: 'ASC' } });
  }
}
