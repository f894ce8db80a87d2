import { badInput } from '@peacegraph/kit/errors';
import { wholeNumber, given, Problems } from '@peacegraph/kit/input';
import { answerOf, type Lookup } from '@peacegraph/kit/input';
import { FLOW_DIRECTIONS, MAX_HEADS, MAX_HERDERS } from '../common/transhumance-values';
import type { CountingPoint } from '../place/place.entity';
import type { FlowObservationInput } from '../generated/resolvers';

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

/** A batch holds one to MAX_BATCH observations. */
export function checkBatchSize(observations: readonly FlowObservationInput[]): void {
  if (observations.length === 0) throw badInput('input.observations', 'Give at least one observation');
  if (observations.length > MAX_BATCH)
    throw badInput('input.observations', `At most ${MAX_BATCH} observations at once (got ${observations.length})`);
}

/** Every observation names a counting point that was found; the first that does not is refused. */
export function checkPointsFound(observations: readonly FlowObservationInput[], points: ReadonlyMap<string, CountingPoint>): void {
  observations.forEach((o, i) => {
    if (!points.has(o.countingPoint))
      throw badInput(`input.observations.${i}.countingPoint`, `No counting point with id "${o.countingPoint}"`);
  });
}

/** What the directory answered for an observation's areas of origin and destination, when they are given. */
export interface ObservationLookups {
  origin?: Lookup<{ adminPcode: string }>;
  destination?: Lookup<{ adminPcode: string }>;
}

/**
 * One observation (at `field`) as it is stored, every problem at once: a time neither in the future
 * nor before 2000, heads and herders as whole numbers, at least one animal, and the directory's
 * answers for its origin and destination.
 */
export function observationRow(field: string, input: FlowObservationInput, point: CountingPoint, loaded: ObservationLookups = {}) {
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
  const origin = problems.check(`${field}.origin`, () => (given(input.origin) ? answerOf(loaded.origin!).adminPcode : null));
  const destination = problems.check(`${field}.destination`, () =>
    given(input.destination) ? answerOf(loaded.destination!).adminPcode : null,
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
