export { defineSubgraph, type SubgraphDefinition, type ContextDeps, type DemoData } from './definition';
export { startSubgraph, subgraphDataSource, prepareSubgraphDatabase, type SubgraphServerDeps } from './build';
export { runSubgraphCommand, SUBGRAPH_COMMANDS, type SubgraphCommand } from './run';
