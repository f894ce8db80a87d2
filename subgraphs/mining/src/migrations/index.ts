import { Initial1764000000000 } from './1764000000000-initial';
import { TrainingMonths1764000000001 } from './1764000000001-training-months';

/** In order; listed explicitly so that migrations load the same under tsx, jest and a bundle. */
export const migrations = [Initial1764000000000, TrainingMonths1764000000001];
