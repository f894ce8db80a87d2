import type { CaseStatusChange as CaseStatusChangeRow, MediationSession as MediationSessionRow } from '../entities';

export const CaseStatusChange = {
  from: (change: CaseStatusChangeRow) => change.fromStatus,
  to: (change: CaseStatusChangeRow) => change.toStatus,
  madeBy: (change: CaseStatusChangeRow) => change.createdBy,
  recordedAt: (change: CaseStatusChangeRow) => change.createdAt,
};

export const MediationSession = {
  mediators: (session: MediationSessionRow) => headcount(session.mediatorsWomen, session.mediatorsMen),
  attendance: (session: MediationSessionRow) => headcount(session.attendanceWomen, session.attendanceMen),
};

function headcount(women: number, men: number) {
  return { women, men, total: women + men };
}
