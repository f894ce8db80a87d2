import { Initial1764100000000 } from './1764100000000-initial';
import { ReadGeneration1764200000000 } from './1764200000000-read-generation';
import { ParticipationGeneration1764200000001 } from './1764200000001-participation-generation';
import { DraftIndexes1764200000002 } from './1764200000002-draft-indexes';

/** In order; listed explicitly so that migrations load the same under tsx, jest and a bundle. */
export const migrations = [
  Initial1764100000000,
  ReadGeneration1764200000000,
  ParticipationGeneration1764200000001,
  DraftIndexes1764200000002,
];
