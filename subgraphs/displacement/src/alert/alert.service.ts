import type { RecordWrites } from '@peacegraph/kit/writes';
import type { Loaders } from '../loaders';
import { badInput } from '@peacegraph/kit/errors';
import { optionalText, requiredName, given, type ReferenceChecks } from '@peacegraph/kit/input';
import { type Partner } from '@peacegraph/kit/policy';
import type { EntityManager } from 'typeorm';
import {
  AlertRecipientSchema,
  AlertTransitionSchema,
  TranshumanceAlertSchema,
  type AlertRecipient,
  type TranshumanceAlert,
} from './alert.entity';
import { RECIPIENT_KINDS, tropicalLivestockUnits, type AlertStatus, type RecipientKind } from '../common/transhumance-values';
import { lookUp } from '@peacegraph/kit/input';
import { alertValues, canMove, CLOCK_SKEW_MS, refusal, targetOf, type AlertMove, type RaiseAlertInput } from './alert.rules';

export interface StepInput {
  at?: Date | null;
  note?: string | null;
}

export interface DisseminateInput extends StepInput {
  recipients: { kind: RecipientKind; name: string; organisation?: string | null }[];
}

export interface ResponseInput {
  response: string;
  respondedBy: string;
  at?: Date | null;
}

export interface CloseInput {
  dismissed?: boolean | null;
  reason?: string | null;
  at?: Date | null;
}

const MAX_RECIPIENTS = 30;

/** Alerts raised by people, and every alert's life from RAISED to CLOSED, each step dated and kept. */
export class AlertService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async raise(input: RaiseAlertInput): Promise<TranshumanceAlert> {
    const { writes, loaders, directory } = this;
    return writes.once(TranshumanceAlertSchema, input.clientMutationId, async (writer) => {
      const spot = given(input.spot) ? await loaders.transhumanceSpot.load(input.spot) : null;
      const areaGiven = input.adminArea;
      const area = given(areaGiven) ? await lookUp(() => directory.adminArea('input.adminArea', areaGiven)) : undefined;
      const corridor = given(input.corridor) ? await loaders.transhumanceCorridor.load(input.corridor) : undefined;
      const { summary, now, heads, corridorId, place } = alertValues(input, { spot, area, corridor });
      return writes.create(
        writer,
        {
          kind: input.kind,
          trigger: input.trigger ?? null,
          status: 'RAISED',
          severity: input.severity,
          raisedBy: 'PARTNER',
          summary,
          spotId: spot?.id ?? null,
          corridorId,
          adminPcode: place.adminPcode,
          countryCode: place.countryCode,
          latitude: spot?.latitude ?? null,
          longitude: spot?.longitude ?? null,
          direction: null,
          expectedArrival: input.expectedArrival ?? null,
          ...heads,
          tlu: tropicalLivestockUnits(heads),
          reasoning: null,
          evidence: null,
          ruleKey: null,
          raisedAt: now,
          dismissed: false,
        },
        input.clientMutationId,
        {
          schema: TranshumanceAlertSchema,
          recordType: 'TranshumanceAlert',
          operation: 'raiseTranshumanceAlert',
          fields: Object.keys(input),
          after: (manager, alert) => this.history(manager, writer, alert, null, 'RAISED', now, null),
        },
      );
    });
  }

  verify(id: string, version: number, input: StepInput | null | undefined): Promise<TranshumanceAlert> {
    return this.move(id, version, 'VERIFY', input?.at, (at) => ({
      changes: { verifiedAt: at },
      note: optionalText('input.note', input?.note, 'The note', 1000),
    }));
  }

  disseminate(id: string, version: number, input: DisseminateInput): Promise<TranshumanceAlert> {
    if (input.recipients.length === 0) throw badInput('input.recipients', 'Name at least one recipient');
    if (input.recipients.length > MAX_RECIPIENTS) throw badInput('input.recipients', `At most ${MAX_RECIPIENTS} recipients`);
    return this.move(id, version, 'DISSEMINATE', input.at, async (at) => {
      const recipients: Omit<AlertRecipient, 'alertId'>[] = [];
      for (const [i, r] of input.recipients.entries()) {
        if (!RECIPIENT_KINDS.includes(r.kind)) throw badInput(`input.recipients.${i}.kind`, `Unknown kind ${r.kind}`);
        const name = requiredName(`input.recipients.${i}.name`, r.name, 'The name', 200);
        if (r.organisation) await this.directory.organisations(() => `input.recipients.${i}.organisation`, [r.organisation]);
        recipients.push({ position: i + 1, kind: r.kind, name, organisationId: r.organisation ?? null, disseminatedAt: at });
      }
      return {
        changes: { disseminatedAt: at },
        note: optionalText('input.note', input.note, 'The note', 1000),
        also: async (manager: EntityManager, alertId: string) => {
          await manager.getRepository(AlertRecipientSchema).insert(recipients.map((r) => ({ ...r, alertId })));
        },
      };
    });
  }

  recordResponse(id: string, version: number, input: ResponseInput): Promise<TranshumanceAlert> {
    return this.move(id, version, 'RECORD_RESPONSE', input.at, (at) => ({
      changes: {
        responseAt: at,
        response: requiredName('input.response', input.response, 'What was done', 2000),
        respondedBy: requiredName('input.respondedBy', input.respondedBy, 'Who did it', 300),
      },
      note: null,
    }));
  }

  close(id: string, version: number, input: CloseInput): Promise<TranshumanceAlert> {
    const dismissed = input.dismissed === true;
    return this.move(id, version, dismissed ? 'DISMISS' : 'CLOSE', input.at, (at) => {
      const reason = dismissed
        ? requiredName('input.reason', input.reason ?? '', 'The reason for dismissing the alert', 1000)
        : optionalText('input.reason', input.reason, 'The reason', 1000);
      return { changes: { closedAt: at, dismissed, closeReason: reason }, note: reason };
    });
  }

  private async move(
    id: string,
    version: number,
    move: AlertMove,
    atInput: Date | null | undefined,
    step: (at: Date) => Promise<StepChanges> | StepChanges,
  ): Promise<TranshumanceAlert> {
    const { writes, loaders } = this;
    const writer = writes.writer();
    const current = writes.editable(writer, await loaders.transhumanceAlert.load(id), 'TranshumanceAlert', id, version);
    if (!canMove(current.status, move)) throw badInput('id', refusal(current.status, move), { status: current.status });
    const at = this.when(atInput, current);
    const { changes, note, also } = await step(at);
    const to = targetOf(move);
    return writes.update(
      current,
      version,
      { ...changes, status: to },
      {
        schema: TranshumanceAlertSchema,
        recordType: 'TranshumanceAlert',
        operation: `${move.toLowerCase()}TranshumanceAlert`,
        fields: ['status', ...Object.keys(changes)],
        after: async (manager) => {
          await also?.(manager, current.id);
          await this.history(manager, writer, current, current.status, to, at, note);
        },
      },
    );
  }

  /** An alert is raised now, or recorded afterwards: not in the future, not more than 90 days back. */
  /** When a step happened: now unless given; never in the future nor before the alert's previous step. */
  private when(at: Date | null | undefined, alert: TranshumanceAlert): Date {
    const now = new Date();
    if (!at) return now;
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw badInput('input.at', `${at.toISOString()} is in the future`);
    const previous = [alert.raisedAt, alert.verifiedAt, alert.disseminatedAt, alert.responseAt]
      .filter((d): d is Date => !!d)
      .sort((a, b) => b.getTime() - a.getTime())[0]!;
    if (at < previous) throw badInput('input.at', `${at.toISOString()} is before the alert's previous step (${previous.toISOString()})`);
    return at;
  }

  private async history(
    manager: EntityManager,
    writer: Partner,
    alert: TranshumanceAlert,
    from: AlertStatus | null,
    to: AlertStatus,
    at: Date,
    note: string | null,
  ): Promise<void> {
    await manager.getRepository(AlertTransitionSchema).insert({
      alertId: alert.id,
      ownerOrg: alert.ownerOrg,
      fromStatus: from,
      toStatus: to,
      at,
      actor: writer.subject,
      actorOrg: writer.organisationId,
      note,
    });
  }
}

interface StepChanges {
  changes: Partial<TranshumanceAlert>;
  note: string | null;
  also?: (manager: EntityManager, alertId: string) => Promise<void>;
}
