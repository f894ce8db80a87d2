/**
 * Geometry on the sphere earthdistance uses (radius `earth()` = 6,378,168 m), so that what a service
 * computes here (a corridor's length, a spot's distance from the path) and what PostgreSQL's
 * `earth_distance` finds agree to the metre.
 */
export const EARTH_RADIUS_KM = 6378.168;

export interface Position {
  latitude: number;
  longitude: number;
}

/** A densified vertex of a corridor: where it is and how far along the path from its start. */
export interface PathVertex extends Position {
  seq: number;
  kmFromStart: number;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance (haversine). */
export function greatCircleKm(a: Position, b: Position): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function pathLengthKm(path: readonly Position[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) total += greatCircleKm(path[i - 1]!, path[i]!);
  return total;
}

/**
 * The path with a vertex at least every `stepKm`, each with its distance from the start. "Near the
 * corridor" then becomes "near one of its vertices", an index lookup; the error is at most half a step.
 * Segments are split evenly in latitude and longitude: over a kilometre that is the great circle to
 * within centimetres.
 */
export function densify(path: readonly Position[], stepKm = 1): PathVertex[] {
  const vertices: PathVertex[] = [{ seq: 0, latitude: path[0]!.latitude, longitude: path[0]!.longitude, kmFromStart: 0 }];
  let travelled = 0;
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1]!;
    const to = path[i]!;
    const length = greatCircleKm(from, to);
    const pieces = Math.max(1, Math.ceil(length / stepKm));
    for (let k = 1; k <= pieces; k++) {
      const t = k / pieces;
      vertices.push({
        seq: vertices.length,
        latitude: from.latitude + (to.latitude - from.latitude) * t,
        longitude: from.longitude + (to.longitude - from.longitude) * t,
        kmFromStart: travelled + length * t,
      });
    }
    travelled += length;
  }
  return vertices;
}

/**
 * Where a point lies relative to a path: its shortest distance to the path and how far along the path
 * (from the start) its nearest place is. Each segment is projected in a local flat frame, which over
 * segments of a few hundred kilometres in the Sahel is good to well under a percent.
 */
export function locateOnPath(path: readonly Position[], point: Position): { distanceKm: number; kmAlong: number } {
  let best = { distanceKm: Infinity, kmAlong: 0 };
  let travelled = 0;
  const scale = Math.cos(radians(point.latitude));
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    const ax = a.longitude * scale;
    const bx = b.longitude * scale;
    const px = point.longitude * scale;
    const dx = bx - ax;
    const dy = b.latitude - a.latitude;
    const squared = dx * dx + dy * dy;
    const t = squared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (point.latitude - a.latitude) * dy) / squared));
    const nearest = { latitude: a.latitude + dy * t, longitude: a.longitude + (b.longitude - a.longitude) * t };
    const distanceKm = greatCircleKm(point, nearest);
    const length = greatCircleKm(a, b);
    if (distanceKm < best.distanceKm) best = { distanceKm, kmAlong: travelled + length * t };
    travelled += length;
  }
  return best;
}

/** The smallest latitude/longitude box holding the positions. */
export function boundsOf(path: readonly Position[]): { south: number; west: number; north: number; east: number } {
  const latitudes = path.map((p) => p.latitude);
  const longitudes = path.map((p) => p.longitude);
  return { south: Math.min(...latitudes), west: Math.min(...longitudes), north: Math.max(...latitudes), east: Math.max(...longitudes) };
}

/** Rounded for people: "48 km", "3.2 km". */
export function kmText(km: number): string {
  return km >= 10 ? `${Math.round(km)} km` : `${km.toFixed(1)} km`;
}
