import { badInput } from '@peacegraph/kit/errors';
import { insideCountry, given } from '@peacegraph/kit/input';
import type { LineString } from './corridor.entity';
import type { TranshumancePathInput } from '../generated/resolvers';
import { boundsOf, densify, pathLengthKm, type PathVertex, type Position } from '../common/geo';

/** Enough for a corridor drawn in detail over a thousand kilometres; more is a GPS track, not a corridor. */
export const MAX_POSITIONS = 2000;

/**
 * A corridor's path from GeoJSON (a LineString, or a Feature holding one) or a list of
 * [longitude, latitude] positions: 2 to 2,000 of them, no position repeating the one before it.
 */
export function readPath(field: string, input: TranshumancePathInput): { positions: Position[]; positionField: (i: number) => string } {
  if (!!input.geoJson === !!input.coordinates) throw badInput(field, 'Give the path either as geoJson or as coordinates, not both');
  let raw: unknown;
  let base: string;
  if (given(input.geoJson)) {
    const geometry = input.geoJson.type === 'Feature' ? (input.geoJson.geometry as Record<string, unknown> | null) : input.geoJson;
    if (!geometry || geometry.type !== 'LineString')
      throw badInput(`${field}.geoJson`, 'The path must be a GeoJSON LineString (or a Feature whose geometry is one)');
    raw = geometry.coordinates;
    base = `${field}.geoJson.coordinates`;
  } else {
    raw = input.coordinates;
    base = `${field}.coordinates`;
  }
  if (!Array.isArray(raw)) throw badInput(base, 'The coordinates must be a list of [longitude, latitude] positions');
  if (raw.length < 2) throw badInput(base, 'A path needs at least 2 positions');
  if (raw.length > MAX_POSITIONS) throw badInput(base, `A path has at most ${MAX_POSITIONS} positions (got ${raw.length}); simplify it`);
  const positions = raw.map((position: unknown, i) => {
    if (
      !Array.isArray(position) ||
      position.length < 2 ||
      position.length > 3 ||
      !position.every((n) => typeof n === 'number' && Number.isFinite(n))
    ) {
      throw badInput(`${base}.${i}`, 'Each position is [longitude, latitude] (an altitude may follow)');
    }
    const [longitude, latitude] = position as number[];
    if (latitude! < -90 || latitude! > 90 || longitude! < -180 || longitude! > 180) {
      throw badInput(`${base}.${i}`, `[${longitude}, ${latitude}] is not a [longitude, latitude] position`);
    }
    return { latitude: latitude!, longitude: longitude! };
  });
  positions.forEach((p, i) => {
    const previous = positions[i - 1];
    if (previous && previous.latitude === p.latitude && previous.longitude === p.longitude)
      throw badInput(`${base}.${i}`, `Position ${i} repeats position ${i - 1}`);
  });
  return { positions, positionField: (i) => `${base}.${i}` };
}

/** Every position inside (the extent of) one of the countries the corridor crosses. */
export function checkPathInCountries(
  positions: readonly Position[],
  countries: readonly string[],
  positionField: (i: number) => string,
): void {
  positions.forEach((p, i) => {
    if (countries.some((c) => insideCountry(c, p.latitude, p.longitude))) return;
    const swapped = countries.some((c) => insideCountry(c, p.longitude, p.latitude))
      ? ' (latitude and longitude look swapped: GeoJSON puts longitude first)'
      : '';
    throw badInput(
      positionField(i),
      `Position ${i} [${p.longitude}, ${p.latitude}] is outside every country the corridor crosses (${countries.join(', ')})${swapped}`,
    );
  });
}

export interface CorridorGeometry {
  path: LineString;
  bounds: string;
  lengthKm: number;
  vertices: PathVertex[];
}

export function corridorGeometry(positions: readonly Position[]): CorridorGeometry {
  const b = boundsOf(positions);
  return {
    path: { type: 'LineString', coordinates: positions.map((p) => [p.longitude, p.latitude]) },
    bounds: `(${b.east},${b.north}),(${b.west},${b.south})`,
    lengthKm: Math.round(pathLengthKm(positions) * 1000) / 1000,
    vertices: densify(positions),
  };
}

export function positionsOf(path: LineString): Position[] {
  return path.coordinates.map(([longitude, latitude]) => ({ latitude, longitude }));
}

/** PostgreSQL's box text '(east,north),(west,south)' as the four sides. */
export function parseBox(text: string): { south: number; west: number; north: number; east: number } {
  const [x1, y1, x2, y2] = (text.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
  return { south: Math.min(y1!, y2!), west: Math.min(x1!, x2!), north: Math.max(y1!, y2!), east: Math.max(x1!, x2!) };
}
