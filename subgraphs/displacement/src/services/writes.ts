import { RecordWrites, type AuditRecorder, type Viewer } from '@peacegraph/kit';
import type { DataSource } from 'typeorm';

export { constraintOf, type Duplicates, type WriteSpec } from '@peacegraph/kit';

/** The domain: its scopes are displacement:write and displacement:sensitive. */
export const DOMAIN = 'displacement';

/** The kit's write pipeline (scope, ownership, version, one transaction with its audit row) for displacement. */
export class Writes extends RecordWrites {
  constructor(dataSource: DataSource, viewer: Viewer, audit: AuditRecorder, written: () => void = () => {}) {
    super(DOMAIN, dataSource, viewer, audit, written);
  }
}
