import { Initial1765000000000 } from './1765000000000-initial';
import { Displacement1765000000001 } from './1765000000001-displacement';
import { Transhumance1765000000002 } from './1765000000002-transhumance';
import { ReintegrationCaseload1765400000000 } from './1765400000000-reintegration-caseload';
import { CaseloadTruncate1765500000000 } from './1765500000000-caseload-truncate';
import { CaseloadVersionFirst1765500000001 } from './1765500000001-caseload-version-first';

/** In order; listed explicitly so that migrations load the same under tsx, jest and a bundle. */
export const migrations = [
  Initial1765000000000,
  Displacement1765000000001,
  Transhumance1765000000002,
  ReintegrationCaseload1765400000000,
  CaseloadTruncate1765500000000,
  CaseloadVersionFirst1765500000001,
];
