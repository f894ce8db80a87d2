import { EntitySchema } from 'typeorm';

export interface ApiKey {
  id: string;
  organisationId: string;
  name: string;
  prefix: string;
  secretHash: string;
  scopes: string[];
  /** The gateway runs only registered documents of the key's organisation for it, never a query sent as text. */
  trustedDocumentsOnly: boolean;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const ApiKeySchema = new EntitySchema<ApiKey>({
  name: 'ApiKey',
  tableName: 'api_key',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    organisationId: { type: 'uuid' },
    name: { type: 'text' },
    prefix: { type: 'text', unique: true },
    secretHash: { type: 'text', unique: true },
    scopes: { type: 'text', array: true },
    trustedDocumentsOnly: { type: 'boolean', default: false },
    createdBy: { type: 'text' },
    createdAt: { type: 'timestamptz', createDate: true },
    lastUsedAt: { type: 'timestamptz', nullable: true },
    revokedAt: { type: 'timestamptz', nullable: true },
  },
});
