import type { ReintegrationStatus } from '../common/displacement-values';

/**
 * Where a case may go next. A person who dropped out may come back into assistance; reintegration is
 * the end of the programme's follow-up. Reaching REINTEGRATED also needs assistance on record (the
 * service checks it): nobody is reintegrated by a programme that gave them nothing.
 */
export const NEXT_CASE_STATUSES: Record<ReintegrationStatus, readonly ReintegrationStatus[]> = {
  REGISTERED: ['IN_ASSISTANCE', 'DROPPED_OUT'],
  IN_ASSISTANCE: ['REINTEGRATED', 'DROPPED_OUT'],
  DROPPED_OUT: ['IN_ASSISTANCE'],
  REINTEGRATED: [],
};

/** Assistance may be recorded while the case is open; recording it starts assistance. */
export function acceptsAssistance(status: ReintegrationStatus): boolean {
  return status === 'REGISTERED' || status === 'IN_ASSISTANCE';
}
