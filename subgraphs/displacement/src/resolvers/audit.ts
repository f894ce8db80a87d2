import { listAuditEntries, type AuditEntry as AuditEntryRow, type AuditFilter, type PageArgs } from '@peacegraph/kit';
import type { DisplacementContext } from '../context';

export const auditQueries = {
  displacementAuditLog: (_: unknown, args: AuditFilter & PageArgs, { viewer, dataSource }: DisplacementContext) =>
    listAuditEntries(dataSource, viewer, args, args),
};

export const AuditEntry = {
  actorOrganisation: (entry: AuditEntryRow) => entry.actorOrg,
  ownerOrganisation: (entry: AuditEntryRow) => entry.ownerOrg,
};
