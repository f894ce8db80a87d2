import path from 'node:path';
import { defineSubgraph } from '@peacegraph/kit/server';
import { CommunityConsultationSchema, ConsultationParticipantGroupSchema } from './consultation/consultation.entity';
import { createContextFactory } from './context';
import { LegalInstrumentSchema, ProvisionSchema } from './legal-instrument/legal-instrument.entity';
import { MediaInterventionSchema, PublicationSchema } from './media/media.entity';
import { migrations } from './migrations';
import { MiningSiteSchema } from './mining-site/mining-site.entity';
import {
  CommitmentStatusChangeSchema,
  DialogueParticipantGroupSchema,
  PolicyCommitmentSchema,
  PolicyDialogueSchema,
} from './policy-dialogue/policy-dialogue.entity';
import { resolvers } from './resolvers';
import { directoryReady, seedDemoData } from './seed/demo';
import { MiningTrainingSchema, TrainingParticipantGroupSchema } from './training/training.entity';

/** Mining has no reference data of its own: places, languages and organisations are the directory's. */
export const subgraph = defineSubgraph({
  name: 'mining',
  schemaFile: path.resolve(__dirname, '../schema.graphql'),
  // Plain EntitySchema definitions, as in every subgraph: no decorators, no reflect-metadata.
  entities: [
    LegalInstrumentSchema,
    ProvisionSchema,
    MiningSiteSchema,
    CommunityConsultationSchema,
    ConsultationParticipantGroupSchema,
    MiningTrainingSchema,
    TrainingParticipantGroupSchema,
    PolicyDialogueSchema,
    DialogueParticipantGroupSchema,
    PolicyCommitmentSchema,
    CommitmentStatusChangeSchema,
    MediaInterventionSchema,
    PublicationSchema,
  ],
  migrations,
  resolvers,
  context: ({ dataSource, directoryUrl }) => createContextFactory(dataSource, directoryUrl),
  // Figures that depend only on the records, the arguments and the caller: kept until a write commits.
  keptAnswers: ['Query.miningPeopleTrained', 'Query.miningKnowledgeGain', 'Query.miningCoverage'],
  demo: { directoryReady, load: seedDemoData },
});
