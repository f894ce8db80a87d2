import type { ConflictsContext } from '../context';
import type { CaseStatusChange as CaseStatusChangeRow, MediationSession as MediationSessionRow } from '../entities';
import { discloseHeadcount, ownsCase } from './mediation-session.disclosure';

export const CaseStatusChange = {
  from: (change: CaseStatusChangeRow) => change.fromStatus,
  to: (change: CaseStatusChangeRow) => change.toStatus,
  madeBy: (change: CaseStatusChangeRow) => change.createdBy,
  recordedAt: (change: CaseStatusChangeRow) => change.createdAt,
};

// Counts of people attached to a case: exact for its owner, disclosure-controlled for other partners.
export const MediationSession = {
  mediators: (session: MediationSessionRow, _: unknown, { viewer }: ConflictsContext) =>
    discloseHeadcount(session.mediatorsWomen, session.mediatorsMen, ownsCase(viewer, session.ownerOrg)),
  attendance: (session: MediationSessionRow, _: unknown, { viewer }: ConflictsContext) =>
    discloseHeadcount(session.attendanceWomen, session.attendanceMen, ownsCase(viewer, session.ownerOrg)),
};
