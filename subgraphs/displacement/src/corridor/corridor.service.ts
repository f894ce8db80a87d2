import type { RecordWrites } from '@peacegraph/kit/writes';
import type { Loaders } from '../loaders';
import { badInput } from '@peacegraph/kit/errors';
import { distinct, optionalText, requiredName, given, Problems, type ReferenceChecks } from '@peacegraph/kit/input';
import type { EntityManager } from 'typeorm';
import { CorridorVertexSchema, TranshumanceCorridorSchema, type TranshumanceCorridor } from './corridor.entity';
import { CountingPointSchema, SensitiveSpotSchema } from '../place/place.entity';
import { CORRIDOR_FORMALITIES, type CorridorFormality, type FlowDirection } from '../common/transhumance-values';
import { effectiveSettings, readOverrides, type EarlyActionSettings } from '../alert/early-action-settings';
import { kmText, locateOnPath, type Position } from '../common/geo';
import { readSeason } from './season';
import { checkPathInCountries, corridorGeometry, positionsOf, readPath, type PathInput } from './corridor-path';

export interface CorridorInput {
  name?: string | null;
  formality?: CorridorFormality | null;
  legalBasis?: string | null;
  path?: PathInput | null;
  adminAreas?: string[] | null;
  season?: { direction: FlowDirection; opens: string; closes: string; label?: string | null }[] | null;
  earlyAction?: Partial<Record<keyof EarlyActionSettings, number | null>> | null;
  notes?: string | null;
  clientMutationId?: string | null;
}

const MAX_AREAS = 60;

/** Corridors: validated paths on the directory's areas, with their calendar and early-action settings. */
export class CorridorService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async create(
    input: CorridorInput & { name: string; formality: CorridorFormality; path: PathInput; adminAreas: string[] },
  ): Promise<TranshumanceCorridor> {
    const { writes } = this;
    return writes.once(TranshumanceCorridorSchema, input.clientMutationId, async (writer) => {
      const values = await this.validate(input, null);
      const { vertices, ...geometry } = corridorGeometry(values.positions);
      const { positions: _, ...columns } = values;
      return writes.create(writer, { ...columns, ...geometry }, input.clientMutationId, {
        schema: TranshumanceCorridorSchema,
        recordType: 'TranshumanceCorridor',
        operation: 'createTranshumanceCorridor',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.name),
        after: (manager, corridor) => insertVertices(manager, corridor.id, vertices),
      });
    });
  }

  async update(id: string, version: number, input: CorridorInput): Promise<TranshumanceCorridor> {
    const { writes, loaders } = this;
    const writer = writes.writer();
    const current = writes.editable(writer, await loaders.transhumanceCorridor.load(id), 'TranshumanceCorridor', id, version);
    const values = await this.validate(input, current);
    const reshaped = input.path !== undefined || input.earlyAction !== undefined;
    const geometry = given(input.path) ? corridorGeometry(values.positions) : null;
    const { positions, ...columns } = values;
    const changes = geometry ? { ...columns, path: geometry.path, bounds: geometry.bounds, lengthKm: geometry.lengthKm } : columns;
    return writes.update(current, version, changes, {
      schema: TranshumanceCorridorSchema,
      recordType: 'TranshumanceCorridor',
      operation: 'updateTranshumanceCorridor',
      fields: Object.keys(input),
      duplicates: this.duplicates(values.name),
      after: async (manager, corridor) => {
        if (geometry) {
          await manager.getRepository(CorridorVertexSchema).delete({ corridorId: corridor.id });
          await insertVertices(manager, corridor.id, geometry.vertices);
        }
        if (reshaped) await relocatePlaces(manager, corridor.id, positions, effectiveSettings(values.earlyAction).maxDistanceFromPathKm);
      },
    });
  }

  private async validate(input: CorridorInput, current: TranshumanceCorridor | null) {
    const problems = new Problems();
    for (const field of ['name', 'formality', 'path', 'adminAreas'] as const) {
      if (input[field] === null) problems.add(`input.${field}`, `A corridor needs its ${field === 'adminAreas' ? 'admin areas' : field}`);
    }
    problems.throwIfAny();
    const formality = input.formality ?? current!.formality;
    if (!CORRIDOR_FORMALITIES.includes(formality)) problems.add('input.formality', `Unknown formality ${formality}`);
    let adminPcodes = current?.adminPcodes ?? [];
    let countryCodes = current?.countryCodes ?? [];
    const adminAreas = input.adminAreas;
    if (given(adminAreas))
      await problems.check('input.adminAreas', async () => {
        const pcodes = distinct('input.adminAreas', adminAreas, (p) => p);
        if (pcodes.length === 0) throw badInput('input.adminAreas', 'Name at least one admin area the corridor crosses');
        if (pcodes.length > MAX_AREAS) throw badInput('input.adminAreas', `At most ${MAX_AREAS} admin areas`);
        const areas = await this.directory.adminAreas('input.adminAreas', pcodes);
        adminPcodes = areas.map((a) => a.adminPcode);
        countryCodes = [...new Set(areas.map((a) => a.countryCode))];
      });
    let positions: Position[] = current ? positionsOf(current.path) : [];
    const path = input.path;
    // Where the path lies is only judged against areas that were accepted.
    const areasKnown = !problems.has('input.adminAreas');
    if (given(path)) {
      problems.check('input.path', () => {
        const read = readPath('input.path', path);
        positions = read.positions;
        if (areasKnown) checkPathInCountries(positions, countryCodes, read.positionField);
      });
    } else if (given(input.adminAreas) && areasKnown) {
      problems.check('input.adminAreas', () =>
        checkPathInCountries(positions, countryCodes, (i) => `input.adminAreas (position ${i} of the current path)`),
      );
    }
    return problems.done({
      name: problems.check('input.name', () => (given(input.name) ? requiredName('input.name', input.name, 'The name') : current!.name)),
      formality,
      legalBasis: problems.check('input.legalBasis', () =>
        input.legalBasis === undefined
          ? (current?.legalBasis ?? null)
          : optionalText('input.legalBasis', input.legalBasis, 'The legal basis', 500),
      ),
      adminPcodes,
      countryCodes,
      positions,
      season: problems.check('input.season', () =>
        input.season === undefined || input.season === null ? (current?.season ?? []) : readSeason('input.season', input.season),
      ),
      earlyAction: problems.check('input.earlyAction', () =>
        input.earlyAction === undefined || input.earlyAction === null
          ? (current?.earlyAction ?? {})
          : readOverrides('input.earlyAction', input.earlyAction),
      ),
      notes: problems.check('input.notes', () =>
        input.notes === undefined ? (current?.notes ?? null) : optionalText('input.notes', input.notes, 'The notes'),
      ),
    });
  }

  private duplicates(name: string) {
    return { transhumance_corridor_name: () => badInput('input.name', `Your organisation already has a corridor named "${name}"`) };
  }
}

async function insertVertices(
  manager: EntityManager,
  corridorId: string,
  vertices: readonly { seq: number; latitude: number; longitude: number; kmFromStart: number }[],
): Promise<void> {
  const rows = manager.getRepository(CorridorVertexSchema);
  for (let i = 0; i < vertices.length; i += 2000) await rows.insert(vertices.slice(i, i + 2000).map((v) => ({ ...v, corridorId })));
}

/**
 * A new path (or a new distance limit) moves every spot and counting point of the corridor along it;
 * one that would now lie too far from the path refuses the change, naming it.
 */
async function relocatePlaces(manager: EntityManager, corridorId: string, path: readonly Position[], maxKm: number): Promise<void> {
  for (const [schema, label] of [
    [SensitiveSpotSchema, 'sensitive spot'],
    [CountingPointSchema, 'counting point'],
  ] as const) {
    const rows = manager.getRepository(schema as typeof SensitiveSpotSchema);
    for (const place of await rows.findBy({ corridorId })) {
      const found = locateOnPath(path, place);
      if (found.distanceKm > maxKm) {
        throw badInput(
          'input.path',
          `The ${label} "${place.name}" would lie ${kmText(found.distanceKm)} from the new path (at most ${maxKm} km): move or unlink it first`,
        );
      }
      await rows.update({ id: place.id }, { kmAlong: found.kmAlong, distanceFromPathKm: found.distanceKm });
    }
  }
}
