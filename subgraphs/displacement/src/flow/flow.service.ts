import type { RecordWrites } from '@peacegraph/kit/writes';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { badInput } from '@peacegraph/kit/errors';
import { wholeNumber, given, Problems, type ReferenceChecks } from '@peacegraph/kit/input';
import { requireOwner } from '@peacegraph/kit/policy';
import { FlowObservationBatchSchema, FlowObservationSchema, type FlowObservation } from './flow.entity';
import { type CountingPoint } from '../place/place.entity';
import { type TranshumanceAlert } from '../alert/alert.entity';
import { FLOW_DIRECTIONS, MAX_HEADS, MAX_HERDERS, type FlowDirection } from '../common/transhumance-values';
import type { EarlyActionService } from '../alert/early-action.service';

export interface FlowObservationInput {
  countingPoint: string;
  observedAt: Date;
  direction: FlowDirection;
  cattle?: number | null;
  sheep?: number | null;
  goats?: number | null;
  camels?: number | null;
  herders?: number | null;
  origin?: string | null;
  destination?: string | null;
}

export const MAX_BATCH = 500;
/** Devices' clocks run a little ahead: an observation up to five minutes "in the future" is taken as now. */
const CLOCK_SKEW_MS = 5 * 60_000;
const EARLIEST = new Date('2000-01-01T00:00:00Z');

const SPECIES_FIELDS = [
  ['cattle', 'Cattle', MAX_HEADS.CATTLE],
  ['sheep', 'Sheep', MAX_HEADS.SHEEP],
  ['goats', 'Goats', MAX_HEADS.GOATS],
  ['camels', 'Camels', MAX_HEADS.CAMELS],
] as const;

/** Herd flow observations, recorded in batches, all or nothing; the early-action rules run after each. */
export class FlowService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
    private readonly earlyAction: EarlyActionService,
  ) {}

  async record(input: {
    observations: FlowObservationInput[];
    clientMutationId?: string | null;
  }): Promise<{ observations: FlowObservation[]; alerts: TranshumanceAlert[] }> {
    const { writes, repositories } = this;
    // One batch per key: a retry, sequential or concurrent, answers with the same batch, and the rules
    // run again (idempotent), finishing an interrupted evaluation.
    const batch = await writes.once(FlowObservationBatchSchema, input.clientMutationId, async (writer) => {
      if (input.observations.length === 0) throw badInput('input.observations', 'Give at least one observation');
      if (input.observations.length > MAX_BATCH)
        throw badInput('input.observations', `At most ${MAX_BATCH} observations at once (got ${input.observations.length})`);
      const points = await this.countingPoints(input.observations);
      for (const point of new Set(points.values())) requireOwner(writer, point.ownerOrg, `CountingPoint ${point.id}`);
      const rows: Awaited<ReturnType<FlowService['validate']>>[] = [];
      for (const [i, observation] of input.observations.entries())
        rows.push(await this.validate(`input.observations.${i}`, observation, points.get(observation.countingPoint)!));
      return writes.create(writer, { observations: rows.length }, input.clientMutationId, {
        schema: FlowObservationBatchSchema,
        recordType: 'FlowObservationBatch',
        operation: 'recordFlowObservations',
        fields: ['observations'],
        after: async (manager, created) => {
          const table = manager.getRepository(FlowObservationSchema);
          const owned = rows.map((row) => ({ ...row, batchId: created.id, ownerOrg: writer.organisationId, createdBy: writer.subject }));
          for (let i = 0; i < owned.length; i += 250) await table.insert(owned.slice(i, i + 250));
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
    observations.forEach((o, i) => {
      if (!points.has(o.countingPoint))
        throw badInput(`input.observations.${i}.countingPoint`, `No counting point with id "${o.countingPoint}"`);
    });
    return points;
  }

  private async validate(field: string, input: FlowObservationInput, point: CountingPoint) {
    const problems = new Problems();
    const observedAt = input.observedAt instanceof Date ? input.observedAt : new Date(input.observedAt);
    if (Number.isNaN(observedAt.getTime())) problems.add(`${field}.observedAt`, 'Not a date and time');
    else if (observedAt.getTime() > Date.now() + CLOCK_SKEW_MS)
      problems.add(`${field}.observedAt`, `The observation time ${observedAt.toISOString()} is in the future`);
    else if (observedAt < EARLIEST) problems.add(`${field}.observedAt`, `The observation time ${observedAt.toISOString()} is before 2000`);
    if (!FLOW_DIRECTIONS.includes(input.direction)) problems.add(`${field}.direction`, `Unknown direction ${input.direction}`);
    const heads = Object.fromEntries(
      SPECIES_FIELDS.map(([key, label, max]) => [
        key,
        problems.check(`${field}.${key}`, () => wholeNumber(`${field}.${key}`, input[key] ?? 0, label, { max })) ?? 0,
      ]),
    ) as Record<(typeof SPECIES_FIELDS)[number][0], number>;
    const counted = SPECIES_FIELDS.every(([key]) => !problems.has(`${field}.${key}`));
    if (counted && heads.cattle + heads.sheep + heads.goats + heads.camels === 0)
      problems.add(`${field}.cattle`, 'Count at least one animal: cattle, sheep, goats or camels');
    const herders = problems.check(`${field}.herders`, () =>
      wholeNumber(`${field}.herders`, input.herders ?? 0, 'Herders', { max: MAX_HERDERS }),
    );
    const from = input.origin;
    const to = input.destination;
    const origin = await problems.check(`${field}.origin`, async () =>
      given(from) ? (await this.directory.adminArea(`${field}.origin`, from)).adminPcode : null,
    );
    const destination = await problems.check(`${field}.destination`, async () =>
      given(to) ? (await this.directory.adminArea(`${field}.destination`, to)).adminPcode : null,
    );
    const checked = problems.done({ herders, origin, destination });
    return {
      countingPointId: point.id,
      corridorId: point.corridorId,
      observedAt,
      direction: input.direction,
      ...heads,
      herders: checked.herders,
      originPcode: checked.origin,
      destinationPcode: checked.destination,
    };
  }
}
