import { Initial1735000000000 } from './1735000000000-initial';
import { ReachMonths1735000000001 } from './1735000000001-reach-months';
import { ReachDays1735000000002 } from './1735000000002-reach-days';

/** In order; listed explicitly so that migrations load the same under tsx, jest and a bundle. */
export const migrations = [Initial1735000000000, ReachMonths1735000000001, ReachDays1735000000002];
