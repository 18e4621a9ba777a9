import { print, type DocumentNode } from 'graphql';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { SessionUserFieldsFragment } from '../graphql/graphql';
import { ApiRequestError, offlineError } from './errors';
import { LoginDocument, RefreshSessionDocument, SignOutDocument } from './operations';

export type SessionUser = SessionUserFieldsFragment;

/**
 * The access token lives in this module only (memory): never in localStorage or a cookie a script
 * can read. The refresh token is an httpOnly cookie the API sets; a reload refreshes from it.
 */
let accessToken: string | null = null;
let expiresAt = 0;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<SessionUser | null> | null = null;
let onSessionChange: (user: SessionUser | null) => void = () => {};
/** True after the user signed out (not when the session ran out): sign-in then offers no way back. */
let signedOutOnPurpose = false;

export const wasSignedOutOnPurpose = () => signedOutOnPurpose;

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

async function post<Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables?: Variables,
): Promise<Result> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(document as DocumentNode), variables }),
    });
  } catch {
    throw new ApiRequestError(offlineError());
  }
  const body = (await response.json().catch(() => ({}))) as {
    data?: Result;
    errors?: Array<{ message: string; extensions?: { code?: string; fields?: Record<string, string> } }>;
  };
  const first = body.errors?.[0];
  if (first || !body.data) {
    throw new ApiRequestError({
      message: first?.message ?? `The server answered ${response.status}.`,
      code: first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
      fields: first?.extensions?.fields ?? {},
    });
  }
  return body.data;
}

function expiryOf(token: string): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return (payload.exp ?? 0) * 1000;
  } catch {
    return 0;
  }
}

function adopt(token: string, user: SessionUser): SessionUser {
  accessToken = token;
  expiresAt = expiryOf(token);
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refreshSession(), Math.max(5_000, expiresAt - Date.now() - REFRESH_MARGIN_MS));
  onSessionChange(user);
  return user;
}

function forget(): void {
  accessToken = null;
  expiresAt = 0;
  clearTimeout(refreshTimer);
  onSessionChange(null);
}

/**
 * Exchanges the refresh cookie for a new access token. One at a time, across tabs too (a Web Lock):
 * two tabs presenting the same refresh token would look like theft and end the session.
 */
export function refreshSession(): Promise<SessionUser | null> {
  inFlight ??= (async () => {
    const run = async () => {
      try {
        const { refreshToken } = await post(RefreshSessionDocument);
        return adopt(refreshToken.accessToken, refreshToken.user);
      } catch (error) {
        if (error instanceof ApiRequestError && error.apiError.code === 'NETWORK' && accessToken) return null;
        forget();
        return null;
      }
    };
    return navigator.locks ? navigator.locks.request('interview-pipeline-refresh', run) : run();
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** A valid access token for the next request, refreshing first when it is about to expire. */
export async function currentAccessToken(): Promise<string | null> {
  if (accessToken && Date.now() < expiresAt - 10_000) return accessToken;
  if (!accessToken) return null;
  await refreshSession();
  return accessToken;
}

export async function signIn(email: string, password: string): Promise<SessionUser> {
  const { login } = await post(LoginDocument, { input: { email, password } });
  signedOutOnPurpose = false;
  return adopt(login.accessToken, login.user);
}

export async function signOut(): Promise<void> {
  signedOutOnPurpose = true;
  try {
    await post(SignOutDocument);
  } finally {
    forget();
  }
}

type SessionState = { status: 'checking' } | { status: 'signedOut' } | { status: 'signedIn'; user: SessionUser };

interface SessionContextValue {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<SessionUser>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children, onSignedOut }: { children: ReactNode; onSignedOut: () => void }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const signedOutRef = useRef(onSignedOut);
  signedOutRef.current = onSignedOut;

  useEffect(() => {
    onSessionChange = (user) => {
      setState((previous) => {
        if (!user && previous.status === 'signedIn') signedOutRef.current();
        // A refresh that returns the same user changes nothing on screen.
        if (user && previous.status === 'signedIn' && JSON.stringify(previous.user) === JSON.stringify(user)) {
          return previous;
        }
        return user ? { status: 'signedIn', user } : { status: 'signedOut' };
      });
    };
    // After a reload: the cookie, if any, gives a new access token.
    void refreshSession();
    return () => {
      onSessionChange = () => {};
    };
  }, []);

  const value = useMemo<SessionContextValue>(() => ({ state, signIn, signOut }), [state]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only under a route that requires a session. */
export function useCurrentUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useCurrentUser without a session');
  return state.user;
}

export function useHasRole(): (...roles: SessionUser['roles']) => boolean {
  const user = useCurrentUser();
  return useCallback((...roles) => roles.some((role) => user.roles.includes(role)), [user]);
}
