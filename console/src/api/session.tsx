import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConsoleError, request, type Endpoint } from './client';

/** What the registry tells the console at /console-config.json. */
export interface ConsoleConfig {
  /** The gateway's GraphQL endpoint (organisations, API keys, the subgraphs' audit logs). */
  gatewayUrl: string;
  /** Only on the embedded development platform: the console opens signed in with it, as the explorer does. */
  devToken?: string;
}

export interface Caller {
  subject: string;
  organisationId: string | null;
  admin: boolean;
  scopes: string[];
}

export interface Session {
  config: ConsoleConfig;
  caller: Caller;
  registry: Endpoint;
  gateway: Endpoint;
  signOut: () => void;
}

// The tab's session only: a token left in localStorage would outlive the person at a shared computer.
const STORED = 'peacegraph.credential';
const SIGNED_OUT = 'peacegraph.signedOut';

export function authorizationOf(credential: string): string {
  return `Bearer ${credential.trim().replace(/^Bearer\s+/i, '')}`;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
}

export interface SignInState {
  config: ConsoleConfig | null;
  session: Session | null;
  checking: boolean;
  error: ConsoleError | null;
  signIn: (credential: string) => Promise<void>;
}

const ME = 'query Me { me { subject organisationId admin scopes } }';

export function endpoints(config: ConsoleConfig, credential: string): { registry: Endpoint; gateway: Endpoint } {
  const authorization = () => authorizationOf(credential);
  return {
    registry: { url: new URL('graphql', location.href).toString(), authorization },
    gateway: { url: config.gatewayUrl, authorization },
  };
}

export function useSignIn(): SignInState {
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [checking, setChecking] = useState(true);
  const [error, setError] = useState<ConsoleError | null>(null);

  const signInWith = useCallback(async (loaded: ConsoleConfig, credential: string) => {
    setChecking(true);
    setError(null);
    try {
      const ends = endpoints(loaded, credential);
      const { me } = await request<{ me: Caller }>(ends.registry, ME);
      sessionStorage.setItem(STORED, credential);
      sessionStorage.removeItem(SIGNED_OUT);
      setSession({
        config: loaded,
        caller: me,
        ...ends,
        signOut: () => {
          sessionStorage.removeItem(STORED);
          sessionStorage.setItem(SIGNED_OUT, '1');
          setSession(null);
        },
      });
    } catch (caught) {
      setError(caught instanceof ConsoleError ? caught : new ConsoleError('ERROR', String(caught)));
    } finally {
      setChecking(false);
    }
  }, []);

  useEffect(() => {
    const address = new URL('console-config.json', location.href);
    fetch(address)
      .then((response) =>
        response.ok ? (response.json() as Promise<ConsoleConfig>) : Promise.reject(new Error(`HTTP ${response.status}`)),
      )
      .then(
        (loaded) => {
          setConfig(loaded);
          // This tab's credential, else (on the embedded development platform, unless signed out) the development token.
          const stored = sessionStorage.getItem(STORED) ?? (sessionStorage.getItem(SIGNED_OUT) ? null : (loaded.devToken ?? null));
          if (stored) void signInWith(loaded, stored);
          else setChecking(false);
        },
        () => {
          setError(new ConsoleError('UNREACHABLE', address.toString()));
          setChecking(false);
        },
      );
  }, [signInWith]);

  const signIn = useCallback(async (credential: string) => (config ? signInWith(config, credential) : undefined), [config, signInWith]);
  return { config, session, checking, error, signIn };
}

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  const value = useMemo(() => session, [session]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
