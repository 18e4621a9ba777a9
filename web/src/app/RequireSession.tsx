import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession, wasSignedOutOnPurpose } from './session';

/** Pages behind sign-in: wait for the silent refresh after a reload, then show or send to sign-in. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'checking') {
    return (
      <Center h="100vh">
        <Loader aria-label="Restoring your session" />
      </Center>
    );
  }
  if (state.status === 'signedOut') {
    const next = `${location.pathname}${location.search}`;
    const back = next === '/' || wasSignedOutOnPurpose() ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/sign-in${back}`} replace />;
  }
  return children;
}
