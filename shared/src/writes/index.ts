/** @peacegraph/kit/writes: see shared/README.md. Only what code outside the kit uses is exported. */
export { updateWithVersion } from './versioned-update';
export { OWNED_RECORD_COLUMNS, OWNED_RECORD_SQL, constraintOf, type OwnedRecord } from './owned-record';
export { RecordWrites, type AdminWriteSpec, type WriteSpec, type Duplicates } from './record-writes';
export { createOnce } from './keyed-create';
export { atMost } from './child-limit';
