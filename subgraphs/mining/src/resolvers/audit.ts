import { listAuditEntries, type AuditEntry as AuditEntryRow, type AuditFilter, type PageArgs } from '@peacegraph/kit';
import type { MiningContext } from '../context';

export const auditQueries = {
  miningAuditLog: (_: unknown, args: AuditFilter & PageArgs, { viewer, dataSource }: MiningContext) =>
    listAuditEntries(dataSource, viewer, args, args),
};

export const AuditEntry = {
  actorOrganisation: (entry: AuditEntryRow) => entry.actorOrg,
  ownerOrganisation: (entry: AuditEntryRow) => entry.ownerOrg,
};
