import { Initial1764100000000 } from './1764100000000-initial';

/** In order; listed explicitly so that migrations load the same under tsx, jest and a bundle. */
export const migrations = [Initial1764100000000];
