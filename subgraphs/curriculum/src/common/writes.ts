import { type AuditRecorder } from '@peacegraph/kit/audit';
import { type Viewer } from '@peacegraph/kit/auth';
import { RecordWrites } from '@peacegraph/kit/writes';
import type { DataSource } from 'typeorm';

export { constraintOf, type Duplicates, type WriteSpec } from '@peacegraph/kit/writes';

/** The domain: its scopes are curriculum:write and curriculum:sensitive. */
export const DOMAIN = 'curriculum';

/** The kit's write pipeline (scope, ownership, version, one transaction with its audit row) for curriculum. */
export class Writes extends RecordWrites {
  constructor(dataSource: DataSource, viewer: Viewer, audit: AuditRecorder, written: () => void = () => {}) {
    super(DOMAIN, dataSource, viewer, audit, written);
  }
}
