// Hive Gateway as the bench runs it: the same supergraph file as our gateway, the caller's credentials
// and stated purpose passed on to the subgraphs as our gateway passes them (the subgraphs decide what
// a caller may see), and in-flight request deduplication off, as the issue that added it asks
// ("merging off"), so that both gateways send every subgraph request they plan.
import { defineConfig } from '@graphql-hive/gateway';

const PASSED_ON = ['authorization', 'x-purpose', 'x-request-id'];

export const gatewayConfig = defineConfig({
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const headers = {};
      for (const name of PASSED_ON) {
        const value = request.headers.get(name);
        if (value) headers[name] = value;
      }
      return headers;
    },
  },
  transportEntries: {
    '*.http': { options: { deduplicateInflightRequests: false } },
  },
  logging: 'warn',
});
