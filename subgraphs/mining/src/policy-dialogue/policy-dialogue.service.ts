import { type AuditRecorder } from '@peacegraph/kit/audit';
import { badInput, conflict } from '@peacegraph/kit/errors';
import { type ReferenceChecks, given } from '@peacegraph/kit/input';
import { requireOwner, type Partner } from '@peacegraph/kit/policy';
import { atMost } from '@peacegraph/kit/writes';
import type { RecordWrites } from '@peacegraph/kit/writes';
import type { EntityManager } from 'typeorm';
import { type CommitmentStatus } from '../common/values';
import { PolicyCommitmentSchema, PolicyDialogueSchema, type PolicyCommitment, type PolicyDialogue } from './policy-dialogue.entity';
import type {
  AddPolicyCommitmentInput,
  PolicyCommitmentStatusInput,
  RecordPolicyDialogueInput,
  UpdatePolicyDialogueInput,
} from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import {
  commitmentChange,
  commitmentValues,
  commitmentsOfDialogue,
  convenersToAsk,
  dialogueValues,
  heldBeforeCommitments,
  MAX_COMMITMENTS,
} from './policy-dialogue.rules';
import { coveredProvisions } from '../common/covered-provisions';
import { readParticipants } from '../common/participants.rules';

/** Policy dialogues, the commitments made there and how each was kept, over time. */
export class DialogueService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
    private readonly audit: AuditRecorder,
  ) {}

  async record(input: RecordPolicyDialogueInput): Promise<PolicyDialogue> {
    return this.writes.once(PolicyDialogueSchema, input.clientMutationId, async (writer) => {
      const values = dialogueValues(input, null);
      const participants = readParticipants('input.participants', input.participants);
      const commitments = commitmentsOfDialogue(input.commitments, values.heldOn);
      const area = await this.area(input.adminArea);
      const convenedWith = await this.conveners(input.convenedWith ?? []);
      const covered = await coveredProvisions(this.loaders, input, null);
      return this.writes.create(
        writer,
        { ...values, ...area, ...covered, convenedWith, participantsTotal: participants.total },
        input.clientMutationId,
        {
          schema: PolicyDialogueSchema,
          recordType: 'PolicyDialogue',
          operation: 'recordPolicyDialogue',
          fields: Object.keys(input),
          duplicates: this.duplicates(values.title, values.heldOn),
          after: async (manager, dialogue) => {
            await this.repositories.dialogues.replaceParticipantGroups(manager, dialogue.id, participants.groups);
            for (const [i, commitment] of commitments.entries())
              await this.insertCommitment(manager, writer, dialogue, { ...commitment, number: i + 1 });
          },
        },
      );
    });
  }

  async update(id: string, version: number, input: UpdatePolicyDialogueInput): Promise<PolicyDialogue> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.dialogue.load(id), 'PolicyDialogue', id, version);
    const values = dialogueValues(input, current);
    if (values.heldOn !== current.heldOn) heldBeforeCommitments(values.heldOn, await this.loaders.commitmentsOfDialogue.load(id));
    const participants = given(input.participants) ? readParticipants('input.participants', input.participants) : null;
    const area = input.adminArea === undefined ? {} : await this.area(input.adminArea);
    const convenedWith = input.convenedWith === undefined ? current.convenedWith : await this.conveners(input.convenedWith ?? []);
    const covered = await coveredProvisions(this.loaders, input, current);
    return this.writes.update(
      current,
      version,
      { ...values, ...area, ...covered, convenedWith, participantsTotal: participants?.total ?? current.participantsTotal },
      {
        schema: PolicyDialogueSchema,
        recordType: 'PolicyDialogue',
        operation: 'updatePolicyDialogue',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.title, values.heldOn),
        after: participants
          ? (manager) => this.repositories.dialogues.replaceParticipantGroups(manager, id, participants.groups)
          : undefined,
      },
    );
  }

  async addCommitment(input: AddPolicyCommitmentInput): Promise<PolicyCommitment> {
    return this.writes.once(PolicyCommitmentSchema, input.clientMutationId, async (writer) => {
      const dialogue = await this.loaders.dialogue.load(input.dialogue);
      if (!dialogue) throw badInput('input.dialogue', `No policy dialogue with id "${input.dialogue}"`);
      requireOwner(writer, dialogue.ownerOrg, `PolicyDialogue ${dialogue.id}`);
      const promise = commitmentValues('input', input, dialogue.heldOn);
      const values: Partial<PolicyCommitment> = {
        ...promise,
        dialogueId: dialogue.id,
        madeOn: dialogue.heldOn,
        status: 'MADE',
        statusSince: dialogue.heldOn,
      };
      return this.writes.create(writer, values, input.clientMutationId, {
        schema: PolicyCommitmentSchema,
        recordType: 'PolicyCommitment',
        operation: 'addPolicyCommitment',
        fields: Object.keys(input),
        duplicates: this.commitmentDuplicates(promise.description),
        // Counted and numbered under the dialogue's row lock: commitments added at once take numbers
        // one after another, and no more than MAX_COMMITMENTS are stored. The pipeline reads `values`
        // after this check.
        check: async (manager) => {
          const made = await atMost(manager, {
            parent: { table: 'policy_dialogue', id: dialogue.id },
            children: { table: 'policy_commitment', column: 'dialogue_id' },
            max: MAX_COMMITMENTS,
            refusal: () => badInput('input.dialogue', `The dialogue already has ${MAX_COMMITMENTS} commitments`),
          });
          values.number = made + 1;
        },
        after: (manager, commitment) => this.insertChange(manager, writer, commitment, null, 'MADE', dialogue.heldOn, null),
      });
    });
  }

  async changeStatus(id: string, version: number, input: PolicyCommitmentStatusInput): Promise<PolicyCommitment> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.commitment.load(id), 'PolicyCommitment', id, version);
    const { on, note } = commitmentChange(current, input);
    return this.writes.update(
      current,
      version,
      { status: input.status, statusSince: on },
      {
        schema: PolicyCommitmentSchema,
        recordType: 'PolicyCommitment',
        operation: 'changePolicyCommitmentStatus',
        fields: Object.keys(input),
        after: (manager) => this.insertChange(manager, writer, current, current.status, input.status, on, note),
      },
    );
  }

  private async area(pcode: string | null | undefined) {
    if (!pcode) return { adminPcode: null, admin1Pcode: null, countryCode: null };
    return this.directory.adminArea('input.adminArea', pcode);
  }

  /** The organisations it was convened with: the rules' list, then the directory's word on it. */
  private async conveners(ids: string[]): Promise<string[]> {
    const conveners = convenersToAsk(ids);
    return conveners.length ? this.directory.organisations('input.convenedWith', conveners) : [];
  }

  private async insertCommitment(
    manager: EntityManager,
    writer: Partner,
    dialogue: PolicyDialogue,
    values: { number: number; description: string; madeBy: string; dueOn: string | null },
  ): Promise<void> {
    const commitment = await this.repositories.dialogues.addCommitment(manager, {
      ...values,
      dialogueId: dialogue.id,
      madeOn: dialogue.heldOn,
      status: 'MADE',
      statusSince: dialogue.heldOn,
      ownerOrg: writer.organisationId,
      createdBy: writer.subject,
      clientMutationId: null,
    });
    await this.insertChange(manager, writer, commitment, null, 'MADE', dialogue.heldOn, null);
    await this.audit.recordWrite(manager, {
      operation: 'recordPolicyDialogue',
      recordType: 'PolicyCommitment',
      recordIds: [commitment.id],
      fields: ['description', 'madeBy', 'dueOn'],
      ownerOrg: writer.organisationId,
    });
  }

  private async insertChange(
    manager: EntityManager,
    writer: Partner,
    commitment: PolicyCommitment,
    from: CommitmentStatus | null,
    to: CommitmentStatus,
    on: string,
    note: string | null,
  ): Promise<void> {
    await this.repositories.dialogues.addStatusChange(manager, {
      commitmentId: commitment.id,
      ownerOrg: commitment.ownerOrg,
      fromStatus: from,
      toStatus: to,
      changedOn: on,
      note,
      createdBy: writer.subject,
    });
  }

  private duplicates(title: string, heldOn: string) {
    return { policy_dialogue_same: () => badInput('input.title', `Your organisation already recorded "${title}" on ${heldOn}`) };
  }

  private commitmentDuplicates(description: string) {
    return {
      policy_commitment_same: () => badInput('input.description', `The dialogue already has the commitment "${description}"`),
      // Two commitments added to one dialogue at the same instant: the second takes the next number on retry.
      policy_commitment_number: () => conflict('Another commitment was added to this dialogue at the same time; send yours again'),
    };
  }
}
