/** @peacegraph/kit/audit: see shared/README.md. Only what code outside the kit uses is exported. */
export { AuditRecorder } from './recorder';
export { AUDIT_LOG_SQL } from './sql';
export { type AuditEntry } from './query';
