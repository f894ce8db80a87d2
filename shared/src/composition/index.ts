export { composeSupergraph, type ComposeOptions, type ComposeReport, type PreviousSupergraph, type Baseline } from './compose-supergraph';
export { describeReport } from './report';
export {
  readSupergraphConfig,
  SupergraphConfigError,
  COMPOSER,
  COMPOSER_VERSION,
  type SupergraphConfig,
  type SubgraphSource,
} from './read-config';
export { composeSdls, type Composition, type SubgraphSdl } from './compose';
export { composeSubgraphs } from './compose-files';
export type { CompositionProblem, ProblemLocation } from './problems';
export { apiSchemaOf } from './api-schema';
export { diffApiSchemas, compareApiSchemas, type Criticality, type SchemaChange, type SchemaDiff } from './schema-diff';
export { nonNullRootFields, NON_NULL_ROOT_FIELD } from './nullable-root-fields';
export { namingProblems, SCHEMA_NAMING } from './naming';
export { descriptionProblems, SCHEMA_DESCRIPTION } from './descriptions';
export { dataClassOfDescription, type DataClass } from './data-class-descriptions';
