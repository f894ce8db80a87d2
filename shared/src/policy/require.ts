import { forbidden, unauthenticated } from '../errors/errors';
import { hasScope, isAdmin, type Viewer } from '../auth/viewer';

export type Partner = Extract<Viewer, { kind: 'partner' }>;

/** The caller must be signed in. */
export function requirePartner(viewer: Viewer): Partner {
  if (viewer.kind === 'anonymous') throw unauthenticated();
  return viewer;
}

/** The caller must hold `scope` (or `admin`). */
export function requireScope(viewer: Viewer, scope: string): Partner {
  const partner = requirePartner(viewer);
  if (!hasScope(partner, scope)) throw forbidden(`This needs the ${scope} scope`);
  return partner;
}

export function requireAdmin(viewer: Viewer): Partner {
  const partner = requirePartner(viewer);
  if (!isAdmin(partner)) throw forbidden('This needs the admin scope');
  return partner;
}

/** Writes to a domain: `<domain>:write`, on behalf of the caller's organisation. */
export function requireWriter(viewer: Viewer, domain: string): Partner {
  return requireScope(viewer, `${domain}:write`);
}

/**
 * A partner changes only its own records. Checked before anything is written; `admin` may correct
 * platform-owned reference data only where a service says so (`adminMayOverride`).
 */
export function requireOwner(viewer: Partner, ownerOrg: string | null, what: string, adminMayOverride = false): void {
  if (ownerOrg === viewer.organisationId) return;
  if (adminMayOverride && isAdmin(viewer)) return;
  throw forbidden(`${what} belongs to another organisation; only its owner may change it`);
}
