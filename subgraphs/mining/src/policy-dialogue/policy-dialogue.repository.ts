import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { onlyUuids, type Connection, type PageArgs, whereBetween, whereId, newestFirst } from '@peacegraph/kit/sql';
import { wherePlace } from '../common/filters';
import type { ParticipantGroup } from '../common/participants';
import { type DialogueLevel } from '../common/values';
import {
  CommitmentStatusChangeSchema,
  DialogueParticipantGroupSchema,
  PolicyCommitmentSchema,
  PolicyDialogueSchema,
  type CommitmentStatusChange,
  type DialogueParticipantGroup,
  type PolicyCommitment,
  type PolicyDialogue,
} from './policy-dialogue.entity';

export interface DialogueFilter {
  level?: DialogueLevel | null;
  country?: string | null;
  adminArea?: string | null;
  instrument?: string | null;
  organisation?: string | null;
  from?: string | null;
  to?: string | null;
}

export class DialogueRepository {
  private readonly dialogues: Repository<PolicyDialogue>;
  private readonly groups: Repository<DialogueParticipantGroup>;
  private readonly commitments: Repository<PolicyCommitment>;
  private readonly changes: Repository<CommitmentStatusChange>;

  constructor(dataSource: DataSource) {
    this.dialogues = dataSource.getRepository(PolicyDialogueSchema);
    this.groups = dataSource.getRepository(DialogueParticipantGroupSchema);
    this.commitments = dataSource.getRepository(PolicyCommitmentSchema);
    this.changes = dataSource.getRepository(CommitmentStatusChangeSchema);
  }

  byIds(ids: readonly string[]): Promise<PolicyDialogue[]> {
    return this.dialogues.findBy({ id: In(onlyUuids(ids)) });
  }

  list(filter: DialogueFilter, page: PageArgs): Promise<Connection<PolicyDialogue>> {
    const query = this.dialogues.createQueryBuilder('dialogue');
    if (filter.level) query.andWhere('dialogue.level = :level', { level: filter.level });
    wherePlace(query, 'dialogue', filter);
    if (filter.instrument) whereId(query, 'dialogue.instrument_id', filter.instrument, 'instrument');
    if (filter.organisation) whereId(query, 'dialogue.owner_org', filter.organisation, 'organisation');
    whereBetween(query, 'dialogue.held_on', filter.from, filter.to);
    return newestFirst(query, 'held_on', (d) => d.heldOn, page);
  }

  groupsOf(dialogueIds: readonly string[]): Promise<DialogueParticipantGroup[]> {
    return this.groups.findBy({ dialogueId: In(onlyUuids(dialogueIds)) });
  }

  commitmentsByIds(ids: readonly string[]): Promise<PolicyCommitment[]> {
    return this.commitments.findBy({ id: In(onlyUuids(ids)) });
  }

  commitmentsOf(dialogueIds: readonly string[]): Promise<PolicyCommitment[]> {
    return this.commitments.find({ where: { dialogueId: In(onlyUuids(dialogueIds)) }, order: { dialogueId: 'ASC', number: 'ASC' } });
  }

  historyOf(commitmentIds: readonly string[]): Promise<CommitmentStatusChange[]> {
    return this.changes.find({ where: { commitmentId: In(onlyUuids(commitmentIds)) }, order: { changedOn: 'ASC', createdAt: 'ASC' } });
  }

  /**
   * Who took part in a dialogue, in the transaction of its record or correction: the groups given
   * replace every group stored, so a group left out of a correction is gone.
   */
  async replaceParticipantGroups(manager: EntityManager, dialogueId: string, groups: readonly ParticipantGroup[]): Promise<void> {
    const rows = manager.getRepository(DialogueParticipantGroupSchema);
    await rows.delete({ dialogueId });
    if (groups.length) await rows.insert(groups.map((g) => ({ ...g, dialogueId })));
  }

  /**
   * Writes a commitment made at a dialogue, in the transaction of the dialogue's record, and gives it
   * as stored (its id, for its history and the audit row).
   */
  addCommitment(
    manager: EntityManager,
    commitment: Omit<PolicyCommitment, 'id' | 'createdAt' | 'updatedAt' | 'version'>,
  ): Promise<PolicyCommitment> {
    const rows = manager.getRepository(PolicyCommitmentSchema);
    return rows.save(rows.create(commitment));
  }

  /** Appends a step to a commitment's history, in the transaction of the write that takes it. */
  async addStatusChange(manager: EntityManager, change: Omit<CommitmentStatusChange, 'id' | 'createdAt'>): Promise<void> {
    await manager.getRepository(CommitmentStatusChangeSchema).insert(change);
  }
}
