import path from 'node:path';
import { defineSubgraph } from '@peacegraph/kit/server';
import { createContextFactory } from './context';
import { DeclarationRecipientSchema, DeclarationSchema, DeclarationTextSchema } from './declaration/declaration.entity';
import { ForumSchema, ParticipantGroupSchema, ParticipantOriginSchema } from './forum/forum.entity';
import { migrations } from './migrations';
import { RecommendationFollowUpSchema, RecommendationSchema, RecommendationTextSchema } from './recommendation/recommendation.entity';
import { resolvers } from './resolvers';
import { directoryReady, seedDemoData } from './seed/demo';
import { TestimonySchema } from './testimony/testimony.entity';
import { WorkingGroupSchema } from './working-group/working-group.entity';

/** Preventing violent extremism: forums, testimonies, declarations and their recommendations. */
export const subgraph = defineSubgraph({
  name: 'forums',
  schemaFile: path.resolve(__dirname, '../schema.graphql'),
  // Plain EntitySchema definitions, as in every subgraph: no decorators, no reflect-metadata.
  entities: [
    ForumSchema,
    ParticipantGroupSchema,
    ParticipantOriginSchema,
    WorkingGroupSchema,
    TestimonySchema,
    DeclarationSchema,
    DeclarationTextSchema,
    DeclarationRecipientSchema,
    RecommendationSchema,
    RecommendationTextSchema,
    RecommendationFollowUpSchema,
  ],
  migrations,
  resolvers,
  context: ({ dataSource, directoryUrl }) => createContextFactory(dataSource, { url: directoryUrl }),
  // Search and figures that depend only on the records, the arguments and the caller: kept until a write commits.
  keptAnswers: ['Query.forumSearch', 'Query.forumParticipation', 'Query.forumImplementation'],
  demo: { directoryReady, load: (dataSource, directoryUrl) => seedDemoData(dataSource, directoryUrl), poolSize: 4 },
});
