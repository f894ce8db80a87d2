import { isAdmin, type Viewer } from '@peacegraph/kit/auth';
import { forbidden, unauthenticated } from '@peacegraph/kit/errors';

/** Who did something, as the registry records it in versions, checks, launches and its audit log. */
export interface Actor {
  subject: string;
  organisationId: string | null;
  admin: boolean;
  ip: string | null;
  requestId: string | null;
}

export function signedIn(viewer: Viewer, ip: string | null, requestId: string | null): Actor {
  if (viewer.kind !== 'partner') {
    throw unauthenticated('The registry needs a bearer token or API key');
  }
  // A key held to trusted documents ships inside an app, where anyone may extract it: were it to reach
  // the registry, it could register (or upload) the very documents it is held to, and run anything.
  if (viewer.trustedDocumentsOnly) {
    throw forbidden(
      'This API key is held to trusted documents: it runs the documents registered for its organisation at the gateway, and nothing at the registry',
    );
  }
  return { subject: viewer.subject, organisationId: viewer.organisationId, admin: isAdmin(viewer), ip, requestId };
}

export function requireAdmin(actor: Actor, what: string): void {
  if (!actor.admin) throw forbidden(`Only an admin may ${what}`);
}

/** Admins manage every subgraph; an organisation only those it owns. */
export function requireOwner(actor: Actor, subgraph: { name: string; ownerOrganisationId: string | null }, what: string): void {
  if (actor.admin) return;
  if (subgraph.ownerOrganisationId && subgraph.ownerOrganisationId === actor.organisationId) return;
  throw forbidden(`Only the organisation that owns the subgraph "${subgraph.name}" (or an admin) may ${what}`);
}
