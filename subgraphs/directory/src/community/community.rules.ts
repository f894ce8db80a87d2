import { badInput } from '@peacegraph/kit/errors';
import type { Country } from '../country/country.entity';

export const MAX_NAME_LENGTH = 200;
export const MAX_ALTERNATIVE_NAMES = 20;

/** Trims a community name and refuses blank or overlong ones. */
export function cleanName(field: string, raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name === '') throw badInput(field, 'The name cannot be empty');
  if (name.length > MAX_NAME_LENGTH) throw badInput(field, `The name is longer than ${MAX_NAME_LENGTH} characters`);
  return name;
}

/** Alternative names (other spellings, names in other languages): trimmed, none blank, no repeats. */
export function cleanAlternativeNames(field: string, raw: readonly string[], name: string): string[] {
  if (raw.length > MAX_ALTERNATIVE_NAMES) throw badInput(field, `At most ${MAX_ALTERNATIVE_NAMES} alternative names`);
  const seen = new Set([name.toLowerCase()]);
  const names: string[] = [];
  raw.forEach((value, i) => {
    const cleaned = cleanName(`${field}.${i}`, value);
    if (!seen.has(cleaned.toLowerCase())) {
      seen.add(cleaned.toLowerCase());
      names.push(cleaned);
    }
  });
  return names;
}

/** Both coordinates or neither, inside the country's extent (catches swapped or mistyped values). */
export function checkCoordinates(
  latitude: number | null | undefined,
  longitude: number | null | undefined,
  country: Country,
  fieldPrefix = 'input',
): void {
  const hasLatitude = latitude !== null && latitude !== undefined;
  const hasLongitude = longitude !== null && longitude !== undefined;
  if (hasLatitude !== hasLongitude) {
    throw badInput(`${fieldPrefix}.${hasLatitude ? 'longitude' : 'latitude'}`, 'Give both latitude and longitude, or neither');
  }
  if (!hasLatitude || !hasLongitude) return;
  if (latitude < country.minLatitude || latitude > country.maxLatitude) {
    throw badInput(
      `${fieldPrefix}.latitude`,
      `Latitude ${latitude} is outside ${country.nameEn} (${country.minLatitude} to ${country.maxLatitude})`,
    );
  }
  if (longitude < country.minLongitude || longitude > country.maxLongitude) {
    throw badInput(
      `${fieldPrefix}.longitude`,
      `Longitude ${longitude} is outside ${country.nameEn} (${country.minLongitude} to ${country.maxLongitude})`,
    );
  }
}
