import type { EntitySchema } from 'typeorm';
import { AwarenessSessionSchema } from './awareness';
import { DisplacementReportSchema, IdmcDisplacementFigureSchema } from './displacement-report';
import { ReintegrationAssistanceSchema, ReintegrationCaseSchema, ReintegrationProgrammeSchema } from './reintegration';

export * from './awareness';
export * from './displacement-report';
export * from './displacement-values';
export * from './reintegration';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const displacementEntities: EntitySchema<any>[] = [
  DisplacementReportSchema,
  IdmcDisplacementFigureSchema,
  ReintegrationProgrammeSchema,
  ReintegrationCaseSchema,
  ReintegrationAssistanceSchema,
  AwarenessSessionSchema,
];
