import path from 'node:path';
import { defineSubgraph } from '@peacegraph/kit/server';
import { AlertRecipientSchema, AlertTransitionSchema, TranshumanceAlertSchema } from './alert/alert.entity';
import { AwarenessSessionSchema } from './awareness/awareness.entity';
import { createContextFactory } from './context';
import { CorridorVertexSchema, TranshumanceCorridorSchema } from './corridor/corridor.entity';
import { DisplacementReportSchema, IdmcDisplacementFigureSchema } from './displacement-report/displacement-report.entity';
import { FlowObservationBatchSchema, FlowObservationSchema } from './flow/flow.entity';
import { migrations } from './migrations';
import { CountingPointSchema, SensitiveSpotSchema } from './place/place.entity';
import { loadIdmcFigures } from './reference/idmc-figures';
import { ReintegrationAssistanceSchema, ReintegrationCaseSchema, ReintegrationProgrammeSchema } from './reintegration/reintegration.entity';
import { resolvers } from './resolvers';
import { directoryReady, seedDemoData } from './seed/demo';

/** Displacement and reintegration, and peaceful transhumance with its early-action alerts. */
export const subgraph = defineSubgraph({
  name: 'displacement',
  schemaFile: path.resolve(__dirname, '../schema.graphql'),
  // Plain EntitySchema definitions, as in every subgraph: no decorators, no reflect-metadata.
  entities: [
    DisplacementReportSchema,
    IdmcDisplacementFigureSchema,
    ReintegrationProgrammeSchema,
    ReintegrationCaseSchema,
    ReintegrationAssistanceSchema,
    AwarenessSessionSchema,
    TranshumanceCorridorSchema,
    CorridorVertexSchema,
    SensitiveSpotSchema,
    CountingPointSchema,
    FlowObservationBatchSchema,
    FlowObservationSchema,
    TranshumanceAlertSchema,
    AlertRecipientSchema,
    AlertTransitionSchema,
  ],
  migrations,
  // IDMC's national figures: reloaded as upserts on every start, so a new release of the shipped
  // file corrects figures in place.
  reference: async (dataSource, logger) => logger.info({ idmcFigures: await loadIdmcFigures(dataSource) }, 'reference data up to date'),
  resolvers,
  context: ({ dataSource, directoryUrl }) => createContextFactory(dataSource, directoryUrl),
  // Figures that depend only on the records, the arguments and the caller: kept until a write commits.
  keptAnswers: [
    'Query.reintegrationStats',
    'AdminArea.reintegrationStats',
    'Query.transhumanceFlows',
    'Query.transhumanceAlertStats',
    'Query.idpsOverTime',
  ],
  demo: { directoryReady, load: seedDemoData },
});
