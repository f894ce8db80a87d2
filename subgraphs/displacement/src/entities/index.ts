import { displacementEntities } from './displacement';
import { transhumanceEntities } from './transhumance';

export * from './displacement';
export * from './transhumance';

/** Plain EntitySchema definitions rather than decorated classes, as in the other subgraphs. */
export const entities = [...displacementEntities, ...transhumanceEntities];
