import type { EntitySchema } from 'typeorm';

export const displacementEntities: EntitySchema<any>[] = [];
