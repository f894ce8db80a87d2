import type { RecordWrites } from '@peacegraph/kit/writes';
import type { Loaders } from '../loaders';
import { badInput } from '@peacegraph/kit/errors';
import { given, type ReferenceChecks } from '@peacegraph/kit/input';
import { CountingPointSchema, SensitiveSpotSchema, type CountingPoint, type SensitiveSpot } from './place.entity';
import { type TranshumanceCorridor } from '../corridor/corridor.entity';
import { lookUp } from '@peacegraph/kit/input';
import { countingPointValues, requiredSpotFields, spotLookupsNeeded, spotValues } from './place.rules';
import type { CreateCountingPointInput, CreateSensitiveSpotInput, UpdateSensitiveSpotInput } from '../generated/resolvers';

/** Sensitive spots and counting points: points inside their area's country, near their corridor's path. */
export class PlaceService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async createSpot(input: CreateSensitiveSpotInput): Promise<SensitiveSpot> {
    const { writes } = this;
    return writes.once(SensitiveSpotSchema, input.clientMutationId, async (writer) => {
      const values = await this.spotValues(input, null);
      return writes.create(writer, values, input.clientMutationId, {
        schema: SensitiveSpotSchema,
        recordType: 'SensitiveSpot',
        operation: 'createSensitiveSpot',
        fields: Object.keys(input),
        duplicates: spotDuplicates(values.name),
      });
    });
  }

  async updateSpot(id: string, version: number, input: UpdateSensitiveSpotInput): Promise<SensitiveSpot> {
    const { writes, loaders } = this;
    const writer = writes.writer();
    const current = writes.editable(writer, await loaders.transhumanceSpot.load(id), 'SensitiveSpot', id, version);
    const values = await this.spotValues(input, current);
    return writes.update(current, version, values, {
      schema: SensitiveSpotSchema,
      recordType: 'SensitiveSpot',
      operation: 'updateSensitiveSpot',
      fields: Object.keys(input),
      duplicates: spotDuplicates(values.name),
    });
  }

  async createCountingPoint(input: CreateCountingPointInput): Promise<CountingPoint> {
    const { writes } = this;
    return writes.once(CountingPointSchema, input.clientMutationId, async (writer) => {
      const values = countingPointValues(input, {
        area: await this.area(input.adminArea),
        corridor: given(input.corridor) ? await this.corridor(input.corridor) : undefined,
      });
      const { name } = values;
      return writes.create(writer, values, input.clientMutationId, {
        schema: CountingPointSchema,
        recordType: 'CountingPoint',
        operation: 'createCountingPoint',
        fields: Object.keys(input),
        duplicates: { counting_point_name: () => badInput('input.name', `The corridor already has a counting point named "${name}"`) },
      });
    });
  }

  /** A spot's values, after asking for its area and corridor (only once nothing required is null). */
  private async spotValues(input: UpdateSensitiveSpotInput, current: SensitiveSpot | null) {
    requiredSpotFields(input);
    const needed = spotLookupsNeeded(input, current);
    return spotValues(input, current, {
      area: needed.adminArea !== null ? await this.area(needed.adminArea) : undefined,
      corridor: needed.corridor ? await this.corridor(needed.corridor) : undefined,
    });
  }

  /** The directory's area (with its region), or its refusal for the rules. */
  private area(pcode: string) {
    return lookUp(() => this.directory.adminArea('input.adminArea', pcode));
  }

  /** The corridor, or null when there is none of that id. */
  private corridor(id: string) {
    return lookUp((): Promise<TranshumanceCorridor | null> => this.loaders.transhumanceCorridor.load(id));
  }
}

function spotDuplicates(name: string) {
  return {
    sensitive_spot_name: () => badInput('input.name', `Your organisation already has a sensitive spot named "${name}" in that area`),
  };
}
