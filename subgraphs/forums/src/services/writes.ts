import { RecordWrites, type AuditRecorder, type Viewer } from '@peacegraph/kit';
import type { DataSource } from 'typeorm';

/** The domain: its scopes are forums:write and forums:sensitive. */
export const DOMAIN = 'forums';

/**
 * The kit's write pipeline (scope, ownership, version, one transaction with its audit row) for forums.
 * `written` clears the request's loaders, so the next mutation of the request validates against what
 * this one wrote.
 */
export class Writes extends RecordWrites {
  constructor(dataSource: DataSource, viewer: Viewer, audit: AuditRecorder, written: () => void) {
    super(DOMAIN, dataSource, viewer, audit, written);
  }
}
