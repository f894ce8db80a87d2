import crypto from 'node:crypto';
import { API_KEY_PREFIX, SCOPE_PATTERN, parseScopes } from '@peacegraph/kit/auth';
import { notFound } from '@peacegraph/kit/errors';
import { Problems, blank } from '@peacegraph/kit/input';
import type { RecordWrites } from '@peacegraph/kit/writes';
import { ApiKeySchema, type ApiKey } from './identity.entity';
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
    private readonly writes: RecordWrites,
  ) {}

  async create(input: CreateApiKeyInput): Promise<{ apiKey: ApiKey; key: string }> {
    const admin = this.writes.admin();
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
    const apiKey = await this.writes.createAsAdmin<ApiKey>(
      {
        organisationId: organisation.id,
        name,
        prefix: key.slice(0, 12),
        secretHash: hashApiKey(key),
        scopes,
        trustedDocumentsOnly: input.trustedDocumentsOnly ?? false,
        createdBy: admin.subject,
        lastUsedAt: null,
        revokedAt: null,
      },
      // A key is its organisation's, though only admins make it.
      {
        schema: ApiKeySchema,
        recordType: 'ApiKey',
        operation: 'createApiKey',
        fields: ['organisation', 'name', 'scopes', ...(input.trustedDocumentsOnly ? ['trustedDocumentsOnly'] : [])],
        auditOwner: (k) => k.organisationId,
      },
    );
    return { apiKey, key };
  }

  async revoke(id: string): Promise<ApiKey> {
    this.writes.admin();
    const existing = await this.repositories.apiKeys.byId(id);
    if (!existing) throw notFound('ApiKey', id);
    // Revoking is no versioned update: a key revoked twice stays revoked from the first time.
    return this.writes.changeAsAdmin(id, (manager) => this.repositories.apiKeys.revoke(id, manager), {
      schema: ApiKeySchema,
      recordType: 'ApiKey',
      operation: 'revokeApiKey',
      fields: ['revokedAt'],
      auditOwner: () => existing.organisationId,
    });
  }
}
