import { listAuditEntries, type AuditEntry as AuditEntryRow, type AuditFilter, type PageArgs } from '@peacegraph/kit';
import type { CurriculumContext } from '../context';

export const auditQueries = {
  curriculumAuditLog: (_: unknown, args: AuditFilter & PageArgs, { viewer, dataSource }: CurriculumContext) =>
    listAuditEntries(dataSource, viewer, args, args),
};

export const AuditEntry = {
  actorOrganisation: (entry: AuditEntryRow) => entry.actorOrg,
  ownerOrganisation: (entry: AuditEntryRow) => entry.ownerOrg,
};
