import crypto from 'node:crypto';
import { type AuditRecorder } from '@peacegraph/kit/audit';
import { API_KEY_PREFIX, SCOPE_PATTERN, parseScopes, type Viewer } from '@peacegraph/kit/auth';
import { notFound } from '@peacegraph/kit/errors';
import { Problems, blank } from '@peacegraph/kit/input';
import { requireAdmin } from '@peacegraph/kit/policy';
import type { ApiKey } from './identity.entity';
import type { CreateApiKeyInput } from '../generated/resolvers';
import type { Repositories } from '../repositories';

export function hashApiKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex');
}

/**
 * Machine clients' credentials, managed by admins. A key is `pgk_` and 32 random base64url
 * characters; its first 12 characters (the prefix) identify it in lists and logs, and only its hash
 * is stored, so a copy of the database grants nothing.
 */
export class ApiKeyService {
  constructor(
    private readonly repositories: Repositories,
    private readonly viewer: Viewer,
    private readonly audit: AuditRecorder,
  ) {}

  async create(input: CreateApiKeyInput): Promise<{ apiKey: ApiKey; key: string }> {
    const admin = requireAdmin(this.viewer);
    const problems = new Problems();
    const name = input.name.trim();
    if (blank(name)) problems.add('input.name', 'Give the key a name that says what it is for');
    else if (name.length > 200) problems.add('input.name', 'The name is longer than 200 characters');
    const scopes = [...new Set(parseScopes(input.scope))];
    if (scopes.length === 0) problems.add('input.scope', 'Give at least one scope, e.g. "conflicts:read"');
    const bad = scopes.filter((s) => !SCOPE_PATTERN.test(s));
    if (bad.length)
      problems.add(
        'input.scope',
        `Unknown scope${bad.length > 1 ? 's' : ''}: ${bad.join(', ')} (scopes are <domain>:read|write|sensitive or admin)`,
      );
    const [found] = await this.repositories.organisations.byIds([input.organisation]);
    if (!found) problems.add('input.organisation', `No organisation with id "${input.organisation}"`);
    const { organisation } = problems.done({ organisation: found });

    const key = `${API_KEY_PREFIX}${crypto.randomBytes(24).toString('base64url')}`;
    const apiKey = await this.repositories.transaction(async (manager) => {
      const created = await this.repositories.apiKeys.create(
        { organisationId: organisation.id, name, prefix: key.slice(0, 12), secretHash: hashApiKey(key), scopes, createdBy: admin.subject },
        manager,
      );
      await this.audit.recordWrite(manager, {
        operation: 'createApiKey',
        recordType: 'ApiKey',
        recordIds: [created.id],
        fields: ['organisation', 'name', 'scopes'],
        ownerOrg: organisation.id,
      });
      return created;
    });
    return { apiKey, key };
  }

  async revoke(id: string): Promise<ApiKey> {
    requireAdmin(this.viewer);
    const existing = await this.repositories.apiKeys.byId(id);
    if (!existing) throw notFound('ApiKey', id);
    return this.repositories.transaction(async (manager) => {
      const revoked = await this.repositories.apiKeys.revoke(id, manager);
      await this.audit.recordWrite(manager, {
        operation: 'revokeApiKey',
        recordType: 'ApiKey',
        recordIds: [id],
        fields: ['revokedAt'],
        ownerOrg: existing.organisationId,
      });
      return revoked;
    });
  }
}
