/** @peacegraph/kit/auth: see shared/README.md. Only what code outside the kit uses is exported. */
export { isAdmin, organisationOf, parseScopes, SCOPE_PATTERN, type Viewer } from './viewer';
export { createAuthenticator, API_KEY_PREFIX, type Authenticator } from './authenticate';
export { remoteIdentityStore, type IdentityStore, type ApiKeyIdentity } from './identity-store';
export { signDevToken } from './tokens';
export { authEnv, authProblems, tokenKeyConfig } from './env';
export { type TokenKeyConfig } from './keys';
