export { createTestDatabase, testServerUrl, type TestDatabase } from './test-database';
export { graphqlClient, dataOf, ok, type GraphQLResponse } from './graphql-client';
export { problemsIn, problemsOf, refusalOf } from './refusal';
export { answeredOnce, atOnce, outcomes, retriedCreate, rowsWithKey, type Outcomes, type Retried } from './at-once';
export { TEST_SERVER_ENV } from './global-setup';
export { TEST_AUTH, bearer } from './identity';
export { serveSubgraphForTest, subgraphTestDatabase, servedForTest, testServerOptions, type ServedForTest, type Client } from './served';
export { until } from './until';
export { createSupergraphWorkspace, directorySdl, conflictsSdl, type SupergraphWorkspace } from './supergraph-workspace';
