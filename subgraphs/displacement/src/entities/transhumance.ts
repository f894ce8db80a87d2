import type { EntitySchema } from 'typeorm';

export const transhumanceEntities: EntitySchema<any>[] = [];
