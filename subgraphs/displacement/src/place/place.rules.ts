import { badInput } from '@peacegraph/kit/errors';
import { checkInsideCountry, optionalText, requiredName, given, Problems, type AreaRef } from '@peacegraph/kit/input';
import type { SensitiveSpot } from './place.entity';
import type { TranshumanceCorridor } from '../corridor/corridor.entity';
import { SPOT_KINDS } from '../common/transhumance-values';
import { effectiveSettings } from '../alert/early-action-settings';
import { kmText, locateOnPath } from '../common/geo';
import { answerOf, type Lookup } from '@peacegraph/kit/input';
import { positionsOf } from '../corridor/corridor-path';
import type { CreateCountingPointInput, UpdateSensitiveSpotInput } from '../generated/resolvers';

/** What the service asked for a place: the directory's area and the corridor it is linked to, when asked. */
export interface PlaceLookups {
  area?: Lookup<AreaRef>;
  corridor?: Lookup<TranshumanceCorridor | null>;
}

/** What a spot may not leave null: refused together before anything is asked of the directory. */
export function requiredSpotFields(input: UpdateSensitiveSpotInput): void {
  const problems = new Problems();
  for (const field of ['name', 'kind', 'latitude', 'longitude', 'adminArea'] as const) {
    if (input[field] === null) problems.add(`input.${field}`, `A sensitive spot needs its ${field}`);
  }
  problems.throwIfAny();
}

/** A new spot, or one whose point or area changes: its area is asked of the directory again. */
function moved(input: UpdateSensitiveSpotInput, current: SensitiveSpot | null): boolean {
  return !current || input.latitude !== undefined || input.longitude !== undefined || input.adminArea !== undefined;
}

/** What a spot's write must ask: the area its point lies in (when it moves) and the corridor it links to (when relinked). */
export function spotLookupsNeeded(
  input: UpdateSensitiveSpotInput,
  current: SensitiveSpot | null,
): { adminArea: string | null; corridor: string | null } {
  const corridorId = input.corridor === undefined ? (current?.corridorId ?? null) : input.corridor;
  const relink = moved(input, current) || input.corridor !== undefined;
  return {
    adminArea: moved(input, current) ? (input.adminArea ?? current!.adminPcode) : null,
    corridor: relink && corridorId ? corridorId : null,
  };
}

/** The directory's area, and the point inside its country (refused on `pointField`). */
export function placeIn(area: AreaRef, pcode: string, latitude: number, longitude: number, pointField = 'input.latitude') {
  checkInsideCountry(pointField, area.countryCode, latitude, longitude, pcode);
  return { latitude, longitude, adminPcode: area.adminPcode, countryCode: area.countryCode };
}

/** Where along the corridor the point lies; refused beyond the corridor's distance limit, naming the distance. */
export function onCorridor(label: string, corridorId: string, corridor: TranshumanceCorridor | null, latitude: number, longitude: number) {
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

/**
 * A spot's values, created or updated (fields left out keep theirs), every problem at once; `loaded`
 * holds the answers for spotLookupsNeeded.
 */
export function spotValues(input: UpdateSensitiveSpotInput, current: SensitiveSpot | null, loaded: PlaceLookups = {}) {
  requiredSpotFields(input);
  const problems = new Problems();
  const kind = input.kind ?? current!.kind;
  if (!SPOT_KINDS.includes(kind)) problems.add('input.kind', `Unknown kind ${kind}`);
  const latitude = input.latitude ?? current!.latitude;
  const longitude = input.longitude ?? current!.longitude;
  const needed = spotLookupsNeeded(input, current);
  const pointField = current && input.latitude === undefined && input.longitude === undefined ? 'input.adminArea' : 'input.latitude';
  const place =
    needed.adminArea !== null
      ? problems.check(pointField, () => placeIn(answerOf(loaded.area!), needed.adminArea!, latitude, longitude, pointField))
      : {};
  const relink = moved(input, current) || input.corridor !== undefined;
  const linked = !relink
    ? {}
    : needed.corridor
      ? problems.check('input.corridor', () => onCorridor('spot', needed.corridor!, answerOf(loaded.corridor!), latitude, longitude))
      : { corridorId: null, kmAlong: null, distanceFromPathKm: null };
  const name = problems.check('input.name', () => (given(input.name) ? requiredName('input.name', input.name, 'The name') : current!.name));
  const notes = problems.check('input.notes', () =>
    input.notes === undefined ? (current?.notes ?? null) : optionalText('input.notes', input.notes, 'The notes'),
  );
  problems.throwIfAny();
  return {
    name: name!,
    kind,
    ...place,
    ...linked,
    notes: notes as string | null,
  };
}

/** A counting point's values, every problem at once: its name, its area (asked always) and its corridor (asked when given). */
export function countingPointValues(input: CreateCountingPointInput, loaded: PlaceLookups = {}) {
  const problems = new Problems();
  const name = problems.check('input.name', () => requiredName('input.name', input.name, 'The name'));
  const place = problems.check('input.adminArea', () => placeIn(answerOf(loaded.area!), input.adminArea, input.latitude, input.longitude));
  const corridor = input.corridor;
  if (!given(corridor)) problems.add('input.corridor', 'A counting point is on a corridor');
  const linked = given(corridor)
    ? problems.check('input.corridor', () =>
        onCorridor('counting point', corridor, answerOf(loaded.corridor!), input.latitude, input.longitude),
      )
    : undefined;
  problems.throwIfAny();
  return {
    name: name!,
    ...place!,
    corridorId: linked!.corridorId!,
    kmAlong: linked!.kmAlong!,
    distanceFromPathKm: linked!.distanceFromPathKm!,
  };
}
