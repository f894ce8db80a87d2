import { badInput } from '@peacegraph/kit/errors';
import { isoDate } from '@peacegraph/kit/input';
import type { CaseStatus, ConflictLevel, ConflictType } from '../entities';
import type { CaseFilter } from '../repositories/case-filter';

/** ConflictCaseFilter as the graph sends it (dates parsed by the Date scalar). */
export interface CaseFilterInput {
  status?: CaseStatus | null;
  type?: ConflictType | null;
  level?: ConflictLevel | null;
  community?: string | null;
  peaceCommission?: string | null;
  country?: string | null;
  adminArea?: string | null;
  reportedFrom?: Date | string | null;
  reportedTo?: Date | string | null;
}

export function caseFilterFrom(input: CaseFilterInput | null | undefined): CaseFilter {
  const filter = { ...(input ?? {}) };
  const reportedFrom = filter.reportedFrom ? isoDate(filter.reportedFrom) : null;
  const reportedTo = filter.reportedTo ? isoDate(filter.reportedTo) : null;
  if (reportedFrom && reportedTo && reportedTo < reportedFrom) {
    throw badInput('filter.reportedTo', `The period ends (${reportedTo}) before it starts (${reportedFrom})`);
  }
  return { ...filter, reportedFrom, reportedTo };
}
