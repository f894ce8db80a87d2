/** @peacegraph/kit/server: see shared/README.md. Only what code outside the kit uses is exported. */
export { readEnv, loadEnvOrExit, env, EnvError, type EnvOf } from './env';
export { createLogger, type Logger } from './logger';
export { callerLeft } from './caller-signal';
export { RATE_LIMIT_HEADER, formatRateLimitHeader, parseRateLimitHeader, type RateLimitState } from './rate-limit-header';
export { scalars, PCODE_PATTERN } from './scalars';
export { onParentGone } from './parent-watch';
export { stopOnSignals, type RunningServer } from './server';
export { KeptEntries, keptBytes, declaredVariables, keptAnswersEnv, rememberJson, stringifyResult } from './kept-answers';
export { loadTypeDefs, withCommonTypeDefs } from '../graphql/type-defs';
export { DEFAULT_LIMITS } from '../graphql/limits';
export { listSizesFromSdl, type ListSizes } from '../graphql/cost';
export { queryLimitsEnv, requestGuards } from '../graphql/guards';
export { notFoundHandler, requestErrorHandler, RequestErrorCode } from '../graphql/request-errors';
export { defineSubgraph, type SubgraphDefinition } from '../subgraph/definition';
export { perRequest, type RequestContext } from '../subgraph/request';
export { startSubgraph, subgraphDataSource, prepareSubgraphDatabase } from '../subgraph/build';
export { runSubgraphCommand, SUBGRAPH_COMMANDS, type SubgraphCommand } from '../subgraph/run';
