import type { DataSource } from 'typeorm';
import { keysetConnection, type Connection, type PageArgs } from '../sql/pagination';
import { isAdmin, type Viewer } from '../auth/viewer';
import { requirePartner } from '../policy/require';
import { badInput } from '../errors/errors';

export interface AuditEntry {
  id: string;
  at: Date;
  action: 'READ' | 'WRITE';
  actor: string;
  actorOrg: string | null;
  operation: string | null;
  recordType: string;
  recordIds: string[];
  fields: string[];
  ownerOrg: string | null;
  purpose: string | null;
}

export interface AuditFilter {
  from?: Date | null;
  to?: Date | null;
  actor?: string | null;
  recordId?: string | null;
  action?: 'READ' | 'WRITE' | null;
  /** The purpose the caller stated (X-Purpose), exactly. */
  purpose?: string | null;
}

/**
 * A subgraph's audit log as its readers may see it: admins everything; a partner the entries about
 * its own records and the actions of its own people. Newest first.
 */
export function listAuditEntries(
  dataSource: DataSource,
  viewer: Viewer,
  filter: AuditFilter,
  page: PageArgs,
): Promise<Connection<AuditEntry>> {
  const partner = requirePartner(viewer);
  if (filter.from && filter.to && filter.from > filter.to) throw badInput('to', 'to must not be before from');
  const query = dataSource
    .createQueryBuilder()
    .select([
      'a.id AS id',
      'a.at AS at',
      'a.action AS action',
      'a.actor AS actor',
      'a.actor_org AS "actorOrg"',
      'a.operation AS operation',
      'a.record_type AS "recordType"',
      'a.record_ids AS "recordIds"',
      'a.fields AS fields',
      'a.owner_org AS "ownerOrg"',
      'a.purpose AS purpose',
    ])
    .from('audit_log', 'a');
  if (!isAdmin(partner)) query.andWhere('(a.owner_org = :org OR a.actor_org = :org)', { org: partner.organisationId });
  if (filter.from) query.andWhere('a.at >= :from', { from: filter.from });
  if (filter.to) query.andWhere('a.at < :to', { to: filter.to });
  if (filter.actor) query.andWhere('a.actor = :actor', { actor: filter.actor });
  if (filter.action) query.andWhere('a.action = :action', { action: filter.action });
  if (filter.purpose) query.andWhere('a.purpose = :purpose', { purpose: filter.purpose });
  if (filter.recordId) query.andWhere('a.record_ids @> ARRAY[:recordId]::text[]', { recordId: filter.recordId });
  return keysetConnection<AuditEntry>(
    query,
    {
      // ids grow with insertion: newest first, exact to the row (timestamps can tie).
      direction: 'DESC',
      keys: [{ expression: 'a.id', type: 'bigint', value: (e) => e.id }],
    },
    page,
    { raw: true },
  );
}
