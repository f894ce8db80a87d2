import { loadExisting } from '@peacegraph/kit/sql';
import type { QueryResolvers, ViewerResolvers } from '../generated/resolvers';

/** The caller itself: every subgraph verifies it; the directory, which knows organisations, describes it. */
export const viewerQueries: QueryResolvers = {
  viewer: (_, __, { viewer }) => viewer,
};

export const Viewer: ViewerResolvers = {
  signedIn: (viewer) => viewer.kind === 'partner',
  subject: (viewer) => (viewer.kind === 'partner' ? viewer.subject : null),
  organisation: (viewer, _, { loaders }) => (viewer.kind === 'partner' ? loadExisting(loaders.organisation, viewer.organisationId) : null),
  scopes: (viewer) => (viewer.kind === 'partner' ? [...viewer.scopes].sort() : []),
  admin: (viewer) => viewer.kind === 'partner' && viewer.scopes.has('admin'),
  credential: (viewer) => (viewer.kind === 'partner' ? (viewer.via === 'token' ? 'TOKEN' : 'API_KEY') : null),
  trustedDocumentsOnly: (viewer) => viewer.kind === 'partner' && viewer.trustedDocumentsOnly === true,
  expiresAt: (viewer) => (viewer.kind === 'partner' ? (viewer.expiresAt ?? null) : null),
  // As the gateway counted this request; it sets the header itself, so a client cannot claim another budget through it.
  rateLimit: (_, __, { rateLimit }) => rateLimit,
};
