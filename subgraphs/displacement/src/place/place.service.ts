import type { RecordWrites } from '@peacegraph/kit/writes';
import type { Loaders } from '../loaders';
import { badInput } from '@peacegraph/kit/errors';
import { checkInsideCountry, optionalText, requiredName, given, Problems, type ReferenceChecks } from '@peacegraph/kit/input';
import { CountingPointSchema, SensitiveSpotSchema, type CountingPoint, type SensitiveSpot } from './place.entity';
import { type TranshumanceCorridor } from '../corridor/corridor.entity';
import { SPOT_KINDS, type SpotKind } from '../common/transhumance-values';
import { effectiveSettings } from '../alert/early-action-settings';
import { kmText, locateOnPath } from '../common/geo';
import { positionsOf } from '../corridor/corridor-path';

export interface SpotInput {
  name?: string | null;
  kind?: SpotKind | null;
  latitude?: number | null;
  longitude?: number | null;
  adminArea?: string | null;
  corridor?: string | null;
  notes?: string | null;
  clientMutationId?: string | null;
}

export interface CountingPointInput {
  name: string;
  latitude: number;
  longitude: number;
  adminArea: string;
  corridor: string;
  clientMutationId?: string | null;
}

/** Sensitive spots and counting points: points inside their area's country, near their corridor's path. */
export class PlaceService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async createSpot(
    input: SpotInput & { name: string; kind: SpotKind; latitude: number; longitude: number; adminArea: string },
  ): Promise<SensitiveSpot> {
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

  async updateSpot(id: string, version: number, input: SpotInput): Promise<SensitiveSpot> {
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

  async createCountingPoint(input: CountingPointInput): Promise<CountingPoint> {
    const { writes } = this;
    return writes.once(CountingPointSchema, input.clientMutationId, async (writer) => {
      const problems = new Problems();
      const name = problems.check('input.name', () => requiredName('input.name', input.name, 'The name'));
      const place = await problems.check('input.adminArea', () => this.place(input.adminArea, input.latitude, input.longitude));
      const corridor = input.corridor;
      if (!given(corridor)) problems.add('input.corridor', 'A counting point is on a corridor');
      const onCorridor = given(corridor)
        ? await problems.check('input.corridor', () => this.onCorridor('counting point', corridor, input.latitude, input.longitude))
        : undefined;
      problems.throwIfAny();
      return writes.create(
        writer,
        {
          name: name!,
          ...place!,
          corridorId: onCorridor!.corridorId!,
          kmAlong: onCorridor!.kmAlong!,
          distanceFromPathKm: onCorridor!.distanceFromPathKm!,
        },
        input.clientMutationId,
        {
          schema: CountingPointSchema,
          recordType: 'CountingPoint',
          operation: 'createCountingPoint',
          fields: Object.keys(input),
          duplicates: { counting_point_name: () => badInput('input.name', `The corridor already has a counting point named "${name}"`) },
        },
      );
    });
  }

  private async spotValues(input: SpotInput, current: SensitiveSpot | null) {
    const problems = new Problems();
    for (const field of ['name', 'kind', 'latitude', 'longitude', 'adminArea'] as const) {
      if (input[field] === null) problems.add(`input.${field}`, `A sensitive spot needs its ${field}`);
    }
    problems.throwIfAny();
    const kind = input.kind ?? current!.kind;
    if (!SPOT_KINDS.includes(kind)) problems.add('input.kind', `Unknown kind ${kind}`);
    const latitude = input.latitude ?? current!.latitude;
    const longitude = input.longitude ?? current!.longitude;
    const moved = !current || input.latitude !== undefined || input.longitude !== undefined || input.adminArea !== undefined;
    const pointField = current && input.latitude === undefined && input.longitude === undefined ? 'input.adminArea' : 'input.latitude';
    const place = moved
      ? await problems.check(pointField, () => this.place(input.adminArea ?? current!.adminPcode, latitude, longitude, pointField))
      : {};
    const corridorId = input.corridor === undefined ? (current?.corridorId ?? null) : input.corridor;
    const relink = moved || input.corridor !== undefined;
    const onCorridor = !relink
      ? {}
      : corridorId
        ? await problems.check('input.corridor', () => this.onCorridor('spot', corridorId, latitude, longitude))
        : { corridorId: null, kmAlong: null, distanceFromPathKm: null };
    const name = problems.check('input.name', () =>
      given(input.name) ? requiredName('input.name', input.name, 'The name') : current!.name,
    );
    const notes = problems.check('input.notes', () =>
      input.notes === undefined ? (current?.notes ?? null) : optionalText('input.notes', input.notes, 'The notes'),
    );
    problems.throwIfAny();
    return {
      name: name!,
      kind,
      ...place,
      ...onCorridor,
      notes: notes as string | null,
    };
  }

  /** The directory's area, and the point inside its country. */
  private async place(pcode: string, latitude: number, longitude: number, pointField = 'input.latitude') {
    const area = await this.directory.adminArea('input.adminArea', pcode);
    checkInsideCountry(pointField, area.countryCode, latitude, longitude, pcode);
    return { latitude, longitude, adminPcode: area.adminPcode, countryCode: area.countryCode };
  }

  /** Where along the corridor the point lies; refused beyond the corridor's distance limit, naming the distance. */
  private async onCorridor(label: string, corridorId: string, latitude: number, longitude: number) {
    const corridor: TranshumanceCorridor | null = await this.loaders.transhumanceCorridor.load(corridorId);
    if (!corridor) throw badInput('input.corridor', `No corridor with id "${corridorId}"`);
    const found = locateOnPath(positionsOf(corridor.path), { latitude, longitude });
    const limit = effectiveSettings(corridor.earlyAction).maxDistanceFromPathKm;
    if (found.distanceKm > limit) {
      throw badInput(
        'input.corridor',
        `The ${label} lies ${kmText(found.distanceKm)} from the path of ${corridor.name}; it must be within ${limit} km`,
        {
          distanceKm: Math.round(found.distanceKm * 10) / 10,
        },
      );
    }
    return { corridorId: corridor.id, kmAlong: found.kmAlong, distanceFromPathKm: found.distanceKm };
  }
}

function spotDuplicates(name: string) {
  return {
    sensitive_spot_name: () => badInput('input.name', `Your organisation already has a sensitive spot named "${name}" in that area`),
  };
}
