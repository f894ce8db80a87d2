import { type AuditRecorder } from '@peacegraph/kit/audit';
import { type Viewer } from '@peacegraph/kit/auth';
import { RecordWrites } from '@peacegraph/kit/writes';
import type { DataSource } from 'typeorm';

/** The domain: its scopes are conflicts:write and conflicts:sensitive. */
export const DOMAIN = 'conflicts';

/** The kit's write pipeline (scope, ownership, version, one transaction with its audit row) for conflicts. */
export class Writes extends RecordWrites {
  constructor(dataSource: DataSource, viewer: Viewer, audit: AuditRecorder, written: () => void = () => {}) {
    super(DOMAIN, dataSource, viewer, audit, written);
  }
}
