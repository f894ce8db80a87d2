export { composeSupergraph, type ComposeOptions, type ComposeReport, type PreviousSupergraph, type Baseline } from './compose-supergraph';
export { describeReport } from './report';
export { readSupergraphConfig, SupergraphConfigError, COMPOSER_VERSION, type SupergraphConfig, type SubgraphSource } from './read-config';
export { composeSubgraphs, type Composition, type CompositionProblem } from './compose';
export { apiSchemaOf, compareApiSchemas, type SchemaChange, type SchemaDiff } from './breaking-changes';
export { nonNullRootFields, NON_NULL_ROOT_FIELD } from './nullable-root-fields';
export { namingProblems, SCHEMA_NAMING } from './naming';
