import type { RecordWrites } from '@peacegraph/kit/writes';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { given, type ReferenceChecks } from '@peacegraph/kit/input';
import { requireOwner } from '@peacegraph/kit/policy';
import { FlowObservationBatchSchema, type FlowObservation } from './flow.entity';
import { type CountingPoint } from '../place/place.entity';
import { type TranshumanceAlert } from '../alert/alert.entity';
import { lookUp } from '@peacegraph/kit/input';
import { checkBatchSize, checkPointsFound, observationRow, type ObservationLookups } from './flow.rules';
import type { FlowObservationInput, RecordFlowObservationsInput } from '../generated/resolvers';
import type { EarlyActionService } from '../alert/early-action.service';

/** Herd flow observations, recorded in batches, all or nothing; the early-action rules run after each. */
export class FlowService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
    private readonly earlyAction: EarlyActionService,
  ) {}

  async record(input: RecordFlowObservationsInput): Promise<{ observations: FlowObservation[]; alerts: TranshumanceAlert[] }> {
    const { writes, repositories } = this;
    // One batch per key: a retry, sequential or concurrent, answers with the same batch, and the rules
    // run again (idempotent), finishing an interrupted evaluation.
    const batch = await writes.once(FlowObservationBatchSchema, input.clientMutationId, async (writer) => {
      checkBatchSize(input.observations);
      const points = await this.countingPoints(input.observations);
      for (const point of new Set(points.values())) requireOwner(writer, point.ownerOrg, `CountingPoint ${point.id}`);
      const rows: ReturnType<typeof observationRow>[] = [];
      for (const [i, observation] of input.observations.entries()) {
        const field = `input.observations.${i}`;
        const loaded = await this.areasOf(field, observation);
        rows.push(observationRow(field, observation, points.get(observation.countingPoint)!, loaded));
      }
      return writes.create(writer, { observations: rows.length }, input.clientMutationId, {
        schema: FlowObservationBatchSchema,
        recordType: 'FlowObservationBatch',
        operation: 'recordFlowObservations',
        fields: ['observations'],
        after: async (manager, created) => {
          const owned = rows.map((row) => ({ ...row, batchId: created.id, ownerOrg: writer.organisationId, createdBy: writer.subject }));
          await repositories.flowObservations.addObservations(manager, owned);
          // Same transaction: the weekly flows never count a batch that did not commit, nor miss one that did.
          await repositories.flowObservations.addBatchToWeeks(manager, created.id);
        },
      });
    });
    const observations = await repositories.flowObservations.ofBatch(batch.id);
    return { observations, alerts: await this.earlyAction.run([...new Set(observations.map((o) => o.corridorId))]) };
  }

  private async countingPoints(observations: readonly FlowObservationInput[]): Promise<Map<string, CountingPoint>> {
    const ids = [...new Set(observations.map((o) => o.countingPoint))];
    const found = await this.loaders.transhumanceCountingPoint.loadMany(ids);
    const points = new Map<string, CountingPoint>();
    ids.forEach((id, i) => {
      const point = found[i];
      if (point instanceof Error) throw point;
      if (point) points.set(id, point);
    });
    checkPointsFound(observations, points);
    return points;
  }

  /** The directory's answers for an observation's areas of origin and destination, when they are given. */
  private async areasOf(field: string, observation: FlowObservationInput): Promise<ObservationLookups> {
    const { origin, destination } = observation;
    return {
      origin: given(origin) ? await lookUp(() => this.directory.adminArea(`${field}.origin`, origin)) : undefined,
      destination: given(destination) ? await lookUp(() => this.directory.adminArea(`${field}.destination`, destination)) : undefined,
    };
  }
}
