/** Who is calling, as every subgraph and the gateway see it after verification. */
export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'partner';
      /** The person or system: a token's `sub`, or `api-key:<prefix>` for a machine client. */
      subject: string;
      /** The caller's organisation (a directory Organisation id). */
      organisationId: string;
      scopes: ReadonlySet<string>;
      via: 'token' | 'api-key';
      /** When a token stops working (its `exp`); an API key works until it is revoked. */
      expiresAt?: Date;
      /**
       * An API key held to trusted documents: the gateway runs for it only documents registered for a
       * client application of its organisation, never a query sent as text.
       */
      trustedDocumentsOnly?: boolean;
    };

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

export function hasScope(viewer: Viewer, scope: string): boolean {
  return viewer.kind === 'partner' && (viewer.scopes.has(scope) || viewer.scopes.has('admin'));
}

export function isAdmin(viewer: Viewer): boolean {
  return viewer.kind === 'partner' && viewer.scopes.has('admin');
}

export function organisationOf(viewer: Viewer): string | null {
  return viewer.kind === 'partner' ? viewer.organisationId : null;
}

/** Scopes are `<domain>:<right>` or `admin`; anything else in a token or key is refused. */
export const SCOPE_PATTERN = /^(admin|[a-z][a-z0-9-]*:(read|write|sensitive))$/;

export function parseScopes(raw: string): string[] {
  return raw.split(/\s+/).filter(Boolean);
}
