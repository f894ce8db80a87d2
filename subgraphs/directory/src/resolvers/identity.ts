import {
  isAdmin,
  listAuditEntries,
  requirePartner,
  type AuditEntry as AuditEntryRow,
  type AuditFilter,
  type PageArgs,
  forbidden,
} from '@peacegraph/kit';
import type { DirectoryContext } from '../context';
import type { ApiKey as ApiKeyRow } from '../entities';

export const identityQueries = {
  apiKeys: (
    _: unknown,
    args: { organisation?: string | null; includeRevoked?: boolean | null } & PageArgs,
    { viewer, repositories }: DirectoryContext,
  ) => {
    const partner = requirePartner(viewer);
    // Partners see their own organisation's keys (to know which are live); admins anyone's.
    const organisationId = isAdmin(partner) ? (args.organisation ?? null) : partner.organisationId;
    if (!isAdmin(partner) && args.organisation && args.organisation !== partner.organisationId) {
      throw forbidden("Only admins may list another organisation's API keys");
    }
    return repositories.apiKeys.list({ organisationId, includeRevoked: Boolean(args.includeRevoked) }, args);
  },
  directoryAuditLog: (_: unknown, args: AuditFilter & PageArgs, { viewer, dataSource }: DirectoryContext) =>
    listAuditEntries(dataSource, viewer, args, args),
};

export const ApiKey = {
  organisation: (key: ApiKeyRow, _: unknown, { loaders }: DirectoryContext) => loaders.organisation.load(key.organisationId),
};

export const AuditEntry = {
  actorOrganisation: (entry: AuditEntryRow) => entry.actorOrg,
  ownerOrganisation: (entry: AuditEntryRow) => entry.ownerOrg,
};
