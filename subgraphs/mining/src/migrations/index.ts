import { Initial1764000000000 } from './1764000000000-initial';

/** In order; listed explicitly so that migrations load the same under tsx, jest and a bundle. */
export const migrations = [Initial1764000000000];
