import type { AuditEntry as AuditEntryRow } from '@peacegraph/kit';

export const AuditEntry = {
  actorOrganisation: (entry: AuditEntryRow) => entry.actorOrg,
  ownerOrganisation: (entry: AuditEntryRow) => entry.ownerOrg,
};
