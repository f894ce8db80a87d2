/** @peacegraph/kit/sql: see shared/README.md. Only what code outside the kit uses is exported. */
export { createDataSource, migrate, type PeaceGraphDataSource } from './data-source';
export { ensureDatabase, dropDatabase, withDatabase } from './admin';
export { seedOnce, demoSeeder } from './seed-once';
export { whereWithinAdminArea, PCODE_PREFIXES_SQL } from './pcode';
export { SEARCH_KEY_SQL, containsTerm } from './search';
export { keysetConnection, pageSize, type Connection, type Edge, type PageInfo, type PageArgs, type KeysetOrder } from './pagination';
export { newestFirst, newestFirstOrder, latestOfEach } from './newest-first';
export { encodeCursor, decodeCursor, type CursorList } from './cursor';
export { keyedLoader, groupedLoader, loadPresent, loadExisting, onlyUuids, perArguments, loadedOnce } from './loaders';
export {
  whereId,
  whereBetween,
  firstOfEach,
  namedBinder,
  numberedBinder,
  idEquals,
  withinArea,
  withinAreaOf,
  listsAreaWithin,
  holdsId,
  pcodesOnly,
  type Bind,
} from './query-helpers';
export { ReadCache } from './read-cache';
export { cutAtWholeMonths, dayNumberOf, dateOfDayNumber } from './periods';
