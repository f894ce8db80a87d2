import type { RecordWrites } from '@peacegraph/kit/writes';
import type { Loaders } from '../loaders';
import { badInput } from '@peacegraph/kit/errors';
import { given, type ReferenceChecks } from '@peacegraph/kit/input';
import type { EntityManager } from 'typeorm';
import { TranshumanceCorridorSchema, type TranshumanceCorridor } from './corridor.entity';
import { effectiveSettings } from '../alert/early-action-settings';
import { kmText, locateOnPath, type Position } from '../common/geo';
import { lookUp } from '@peacegraph/kit/input';
import { corridorGeometry } from './corridor-path';
import { areasToCheck, corridorValues, requiredCorridorFields } from './corridor.rules';
import type { CreateTranshumanceCorridorInput, UpdateTranshumanceCorridorInput } from '../generated/resolvers';
import type { Repositories } from '../repositories';

/** Corridors: validated paths on the directory's areas, with their calendar and early-action settings. */
export class CorridorService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async create(input: CreateTranshumanceCorridorInput): Promise<TranshumanceCorridor> {
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
        after: (manager, corridor) => this.repositories.transhumanceCorridors.addVertices(manager, corridor.id, vertices),
      });
    });
  }

  async update(id: string, version: number, input: UpdateTranshumanceCorridorInput): Promise<TranshumanceCorridor> {
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
          await this.repositories.transhumanceCorridors.removeVertices(manager, corridor.id);
          await this.repositories.transhumanceCorridors.addVertices(manager, corridor.id, geometry.vertices);
        }
        if (reshaped)
          await this.relocatePlaces(manager, corridor.id, positions, effectiveSettings(values.earlyAction).maxDistanceFromPathKm);
      },
    });
  }

  /** The values, after asking the directory for the admin areas (only once nothing required is null). */
  private async validate(input: UpdateTranshumanceCorridorInput, current: TranshumanceCorridor | null) {
    requiredCorridorFields(input);
    const pcodes = areasToCheck(input);
    const areas = pcodes ? await lookUp(() => this.directory.adminAreas('input.adminAreas', pcodes)) : undefined;
    return corridorValues(input, current, { areas });
  }

  private duplicates(name: string) {
    return { transhumance_corridor_name: () => badInput('input.name', `Your organisation already has a corridor named "${name}"`) };
  }

  /**
   * A new path (or a new distance limit) moves every spot and counting point of the corridor along it;
   * one that would now lie too far from the path refuses the change, naming it.
   */
  private async relocatePlaces(manager: EntityManager, corridorId: string, path: readonly Position[], maxKm: number): Promise<void> {
    const { sensitiveSpots, countingPoints } = this.repositories;
    for (const [points, label] of [
      [sensitiveSpots, 'sensitive spot'],
      [countingPoints, 'counting point'],
    ] as const) {
      for (const place of await points.onCorridorInWrite(manager, corridorId)) {
        const found = locateOnPath(path, place);
        if (found.distanceKm > maxKm) {
          throw badInput(
            'input.path',
            `The ${label} "${place.name}" would lie ${kmText(found.distanceKm)} from the new path (at most ${maxKm} km): move or unlink it first`,
          );
        }
        await points.placeAlongPath(manager, place.id, { kmAlong: found.kmAlong, distanceFromPathKm: found.distanceKm });
      }
    }
  }
}
