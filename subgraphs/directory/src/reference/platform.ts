/** The organisation that runs the platform and owns the directory's reference data. Fixed id: admin tokens name it. */
export const PLATFORM_ORGANISATION = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'PeaceGraph Platform',
  acronym: 'PG',
} as const;
