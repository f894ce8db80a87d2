/** @peacegraph/kit/embedded: see shared/README.md. Only what code outside the kit uses is exported. */
export { startEmbeddedPostgres, freePort, portInUse } from './embedded';
export { processAlive } from './postmaster-lock';
