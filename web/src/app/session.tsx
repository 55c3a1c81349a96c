import { createContext, useContext, useEffect } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, onAuthProblem, setCsrfToken } from '../api/client';
import { authApi } from '../api/endpoints';
import type { SessionView } from '../api/types';

export const SESSION_KEY = ['session'] as const;

/** The current session, or null when nobody is signed in. */
async function fetchSession(): Promise<SessionView | null> {
  try {
    const session = await authApi.me();
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

export function storeSession(client: QueryClient, session: SessionView | null) {
  setCsrfToken(session?.csrfToken ?? null);
  client.setQueryData(SESSION_KEY, session);
}

/** Forgets everything cached for the previous user. */
export function clearSession(client: QueryClient) {
  client.clear();
  storeSession(client, null);
}

/**
 * Reacts to the API's answers about the session: an expired session sends the
 * user to the login page, an admin-set password to the change-password page
 * (the route guards read the refreshed session and redirect).
 */
export function useSessionWatcher() {
  const client = useQueryClient();
  useEffect(
    () =>
      onAuthProblem((error) => {
        if (error.status === 401) clearSession(client);
        else void client.invalidateQueries({ queryKey: SESSION_KEY });
      }),
    [client],
  );
}

const SessionContext = createContext<SessionView | null>(null);
export const SessionProvider = SessionContext.Provider;

/** The signed-in user's session; only inside the guarded part of the app. */
export function useSession(): SessionView {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside a signed-in route');
  return session;
}
