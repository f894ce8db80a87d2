/** Every table a write of the displacement half may touch (IDMC figures are loaded, never written by partners). */
export const DISPLACEMENT_TABLES: string[] = [
  'displacement_report',
  'reintegration_programme',
  'reintegration_case',
  'reintegration_assistance',
  'awareness_session',
];
