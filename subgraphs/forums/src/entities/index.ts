import { DeclarationRecipientSchema, DeclarationSchema, DeclarationTextSchema } from './declaration';
import { ForumSchema, ParticipantGroupSchema, ParticipantOriginSchema } from './forum';
import { RecommendationFollowUpSchema, RecommendationSchema, RecommendationTextSchema } from './recommendation';
import { TestimonySchema } from './testimony';
import { WorkingGroupSchema } from './working-group';

export * from './declaration';
export * from './forum';
export * from './recommendation';
export * from './record';
export * from './testimony';
export * from './values';
export * from './working-group';

/** Plain EntitySchema definitions, as in every subgraph: no decorators, no reflect-metadata. */
export const entities = [
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
];
