/** What every record a partner writes carries: who owns it, who wrote it, when, and its version. */
export interface OwnedRecord {
  id: string;
  /** The organisation that owns the record; only it changes the record. */
  ownerOrg: string;
  createdBy: string;
  clientMutationId: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Optimistic lock: increases with every change. */
  version: number;
}

/** The EntitySchema columns of OwnedRecord; spread into a record's `columns`. */
export const OWNED_RECORD_COLUMNS = {
  id: { type: 'uuid', primary: true, generated: 'uuid' },
  ownerOrg: { type: 'uuid' },
  createdBy: { type: 'text' },
  clientMutationId: { type: 'text', nullable: true },
  createdAt: { type: 'timestamptz', createDate: true },
  updatedAt: { type: 'timestamptz', updateDate: true },
  version: { type: 'integer', version: true },
} as const;

/** The same columns in SQL, for a migration's CREATE TABLE: `CREATE TABLE x (${OWNED_RECORD_SQL}, name text …)`. */
export const OWNED_RECORD_SQL = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_org uuid NOT NULL,
  created_by text NOT NULL,
  client_mutation_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1`;

/** The unique index a failed INSERT/UPDATE ran into, if that is why it failed. */
export function constraintOf(error: unknown): string | undefined {
  const failure = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  if ((failure.code ?? failure.driverError?.code) !== '23505') return undefined;
  return failure.constraint ?? failure.driverError?.constraint;
}
