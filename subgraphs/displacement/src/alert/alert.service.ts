import type { RecordWrites } from '@peacegraph/kit/writes';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { given, type ReferenceChecks } from '@peacegraph/kit/input';
import { type Partner } from '@peacegraph/kit/policy';
import type { EntityManager } from 'typeorm';
import { TranshumanceAlertSchema, type AlertRecipient, type TranshumanceAlert } from './alert.entity';
import { tropicalLivestockUnits, type AlertStatus } from '../common/transhumance-values';
import { lookUp } from '@peacegraph/kit/input';
import {
  alertValues,
  checkMove,
  closeReason,
  recipientsCounted,
  recipientValues,
  responseValues,
  stepNote,
  stepTime,
  targetOf,
  type AlertMove,
} from './alert.rules';
import type {
  CloseTranshumanceAlertInput,
  DisseminateTranshumanceAlertInput,
  RaiseTranshumanceAlertInput,
  TranshumanceAlertResponseInput,
  TranshumanceAlertStepInput,
} from '../generated/resolvers';

/** Alerts raised by people, and every alert's life from RAISED to CLOSED, each step dated and kept. */
export class AlertService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async raise(input: RaiseTranshumanceAlertInput): Promise<TranshumanceAlert> {
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

  verify(id: string, version: number, input: TranshumanceAlertStepInput | null | undefined): Promise<TranshumanceAlert> {
    return this.move(id, version, 'VERIFY', input?.at, (at) => ({
      changes: { verifiedAt: at },
      note: stepNote(input?.note),
    }));
  }

  disseminate(id: string, version: number, input: DisseminateTranshumanceAlertInput): Promise<TranshumanceAlert> {
    recipientsCounted(input.recipients);
    return this.move(id, version, 'DISSEMINATE', input.at, async (at) => {
      const recipients: Omit<AlertRecipient, 'alertId'>[] = [];
      // One recipient after the other, as before: its own values, then the directory on its organisation.
      for (const [i, r] of input.recipients.entries()) {
        const recipient = recipientValues(i, r, at);
        if (r.organisation) await this.directory.organisations(() => `input.recipients.${i}.organisation`, [r.organisation]);
        recipients.push(recipient);
      }
      return {
        changes: { disseminatedAt: at },
        note: stepNote(input.note),
        also: (manager: EntityManager, alertId: string) => this.repositories.transhumanceAlerts.addRecipients(manager, alertId, recipients),
      };
    });
  }

  recordResponse(id: string, version: number, input: TranshumanceAlertResponseInput): Promise<TranshumanceAlert> {
    return this.move(id, version, 'RECORD_RESPONSE', input.at, (at) => ({
      changes: { responseAt: at, ...responseValues(input) },
      note: null,
    }));
  }

  close(id: string, version: number, input: CloseTranshumanceAlertInput): Promise<TranshumanceAlert> {
    const dismissed = input.dismissed === true;
    return this.move(id, version, dismissed ? 'DISMISS' : 'CLOSE', input.at, (at) => {
      const reason = closeReason(dismissed, input.reason);
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
    checkMove(current.status, move);
    const at = stepTime(atInput, current, new Date());
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

  private async history(
    manager: EntityManager,
    writer: Partner,
    alert: TranshumanceAlert,
    from: AlertStatus | null,
    to: AlertStatus,
    at: Date,
    note: string | null,
  ): Promise<void> {
    await this.repositories.transhumanceAlerts.addTransition(manager, {
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
