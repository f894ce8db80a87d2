import { Initial1763900000000 } from './1763900000000-initial';
import { StatsCoveringIndexes1764000000000 } from './1764000000000-stats-covering-indexes';
import { CaseFigures1765400000000 } from './1765400000000-case-figures';

/** In order; listed explicitly so that migrations load the same under tsx, jest and a bundle. */
export const migrations = [Initial1763900000000, StatsCoveringIndexes1764000000000, CaseFigures1765400000000];
