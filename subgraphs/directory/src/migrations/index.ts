import { Initial1732300000000 } from './1732300000000-initial';
import { Identity1732400000000 } from './1732400000000-identity';
import { RetriesPerOrganisation1732500000000 } from './1732500000000-retries-per-organisation';
import { TrustedDocumentsOnly1732600000000 } from './1732600000000-trusted-documents-only';

/** In order; listed explicitly so that migrations load the same under tsx, jest and a bundle. */
export const migrations = [
  Initial1732300000000,
  Identity1732400000000,
  RetriesPerOrganisation1732500000000,
  TrustedDocumentsOnly1732600000000,
];
