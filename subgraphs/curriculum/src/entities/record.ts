export { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
