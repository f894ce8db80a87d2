export { readEnv, loadEnvOrExit, env, EnvError, type EnvSpec, type EnvOf } from './server/env';
export { createLogger, type Logger } from './server/logger';
export {
  ErrorCode,
  PeaceGraphError,
  badInput,
  notFound,
  forbidden,
  unauthenticated,
  conflict,
  serviceUnavailable,
  queryTimeout,
  retryableErrorFor,
  RETRYABLE_CODES,
  createErrorFormatter,
  withHttpStatus,
} from './errors/errors';
export { platformFaultOf, type PlatformFault } from './errors/platform-faults';
export { callerLeft, RequestAbandonedError } from './server/caller-signal';
export { checkStatusChange } from './input/status-change';
export { scalars, scalarResolversFor, PCodeScalar, LanguageCodeScalar, PCODE_PATTERN } from './server/scalars';
export { createDataSource, migrate, type DataSourceOptions, type PeaceGraphDataSource } from './sql/data-source';
export { databaseTimeoutEnv, databaseTimeouts, type DatabaseTimeouts } from './sql/timeouts';
export { StatementCancellation } from './sql/cancellation';
export { SnakeNamingStrategy } from './sql/naming';
export { SqlStatementCounter } from './sql/statement-counter';
export { ensureDatabase, dropDatabase, withDatabase } from './sql/admin';
export { seedOnce } from './sql/seed-once';
export { whereWithinAdminArea, PCODE_PREFIXES_SQL } from './sql/pcode';
export { SEARCH_KEY_SQL, containsTerm } from './sql/search';
export { startEmbeddedPostgres, freePort, portInUse, type EmbeddedServer } from './embedded/embedded';
export { onParentGone } from './server/parent-watch';
export { processAlive } from './embedded/postmaster-lock';
export {
  keysetConnection,
  pageSize,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type Connection,
  type Edge,
  type PageInfo,
  type PageArgs,
  type KeysetOrder,
} from './sql/pagination';
export {
  encodeCursor,
  decodeCursor,
  listIdentity,
  MAX_CURSOR_LENGTH,
  type CursorKey,
  type CursorList,
  type CursorValueType,
} from './sql/cursor';
export { keyedLoader, groupedLoader, loadPresent, loadExisting, onlyUuids, perArguments, loadedOnce } from './sql/loaders';
export { startSubgraphServer, stopOnSignals, buildSchema, type RunningServer, type SubgraphServerOptions } from './server/server';
export { loadTypeDefs, withCommonTypeDefs } from './graphql/type-defs';
export { DEFAULT_LIMITS, maxAliasesRule, maxDepthRule, type QueryLimits } from './graphql/limits';
export { ASSUMED_LIST_SIZE, costLimitPlugin, estimateCost, listSizesFromSdl, type ListSizes, type ListSizeHint } from './graphql/cost';
export { queryLimitsEnv, queryLimitsOf, requestGuards } from './graphql/guards';
export { notFoundHandler, requestErrorHandler } from './graphql/request-errors';
export { ANONYMOUS, hasScope, isAdmin, organisationOf, parseScopes, SCOPE_PATTERN, type Viewer } from './auth/viewer';
export { createAuthenticator, API_KEY_PREFIX, type Authenticator } from './auth/authenticate';
export {
  remoteIdentityStore,
  DEFAULT_IDENTITY_WINDOWS,
  type IdentityStore,
  type ApiKeyIdentity,
  type IdentityWindows,
} from './auth/identity-store';
export { signDevToken, type DevTokenClaims } from './auth/tokens';
export { authEnv, authProblems, tokenKeyConfig, type AuthEnv } from './auth/env';
export type { TokenKeyConfig } from './auth/keys';
export { applyFieldPolicies, type FieldPolicyOptions, type PolicyContext, type RecordIdentity } from './policy/enforce';
export { classOf, type DataClass } from './policy/classes';
export { requirePartner, requireScope, requireAdmin, requireWriter, requireOwner, type Partner } from './policy/require';
export { AuditRecorder, type RequestMeta, type SensitiveRead, type WriteEntry } from './audit/recorder';
export { AUDIT_LOG_SQL } from './audit/sql';
export { listAuditEntries, type AuditEntry, type AuditFilter } from './audit/query';
export { discloseTable, discloseCounts, DEFAULT_THRESHOLD, type DisclosedCount, type DisclosureOptions } from './disclosure/disclosure';
export { discloseNested, type NestedBreakdown, type NestedLeaf, type DisclosedArea } from './disclosure/disclosure-nested';
export { updateWithVersion } from './writes/versioned-update';
export { createDirectoryClient, type DirectoryClient, type CommunityPlace } from './input/directory-client';
export { subgraphEnv, loadSubgraphConfig, DEFAULT_DIRECTORY_URL, type SubgraphConfig } from './server/subgraph-env';
export * from './subgraph';
export { OWNED_RECORD_COLUMNS, OWNED_RECORD_SQL, constraintOf, type OwnedRecord } from './writes/owned-record';
export { RecordWrites, type WriteSpec, type Duplicates } from './writes/record-writes';
export { createOnce, createOnceFor } from './writes/keyed-create';
export { atMost, type ChildLimit } from './writes/child-limit';
export * from './input/dates';
export * from './input/text';
export { Problems, problemsError, type Problem } from './input/problems';
export { controlCharacterIn } from './input/control-characters';
export { refuseControlCharacters } from './input/text-arguments';
export { ReferenceChecks, type AreaRef, type AreaLocation, type KeyFields } from './input/reference-checks';
export { COUNTRY_EXTENTS, insideCountry, checkInsideCountry } from './input/country-extents';
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
} from './sql/query-helpers';
