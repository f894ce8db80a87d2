import { badInput } from '../errors/errors';

/**
 * The extents of the platform's six countries with about 0.2° of margin. They catch coordinates typed
 * into the wrong country or with latitude and longitude swapped, not a point a few kilometres over a
 * border: the shared data has no boundaries of countries or admin areas. The directory stores them
 * with its countries; domains check their own points against them.
 */
export const COUNTRY_EXTENTS: Record<string, { latitude: [number, number]; longitude: [number, number] }> = {
  ML: { latitude: [10.0, 25.2], longitude: [-12.5, 4.5] },
  BF: { latitude: [9.2, 15.3], longitude: [-5.7, 2.6] },
  NE: { latitude: [11.5, 23.7], longitude: [0.0, 16.2] },
  SN: { latitude: [12.1, 16.9], longitude: [-17.7, -11.1] },
  GM: { latitude: [12.9, 14.0], longitude: [-17.0, -13.6] },
  GW: { latitude: [10.6, 12.9], longitude: [-16.9, -13.4] },
};

export function insideCountry(countryCode: string, latitude: number, longitude: number): boolean {
  const extent = COUNTRY_EXTENTS[countryCode];
  if (!extent) return false;
  return (
    latitude >= extent.latitude[0] && latitude <= extent.latitude[1] && longitude >= extent.longitude[0] && longitude <= extent.longitude[1]
  );
}

/** Refuses a point outside the country of the area it claims to be in, naming the likely mistake. */
export function checkInsideCountry(field: string, countryCode: string, latitude: number, longitude: number, where: string): void {
  if (insideCountry(countryCode, latitude, longitude)) return;
  const swapped = insideCountry(countryCode, longitude, latitude) ? ' (latitude and longitude look swapped)' : '';
  throw badInput(field, `The point ${latitude}, ${longitude} is outside ${countryCode}, where ${where} lies${swapped}`);
}
