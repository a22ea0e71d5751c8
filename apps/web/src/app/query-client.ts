import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { toApiError } from '../api/api-error';
import { sessionStore } from '../session/session-store';

/** Errors worth retrying: the server or the network, never a refusal of the request itself. */
function isTransient(error: unknown): boolean {
  const { code } = toApiError(error);
  return code === 'NETWORK_ERROR' || code === 'SERVICE_UNAVAILABLE' || code === 'INTERNAL_ERROR';
}

/** A token the server no longer accepts (expired, revoked) ends the session: sign in again. */
function signOutWhenUnauthenticated(error: unknown): void {
  if (toApiError(error).code === 'UNAUTHORIZED' && sessionStore.get() !== null) {
    sessionStore.signOut();
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: signOutWhenUnauthenticated }),
    mutationCache: new MutationCache({ onError: signOutWhenUnauthenticated }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failures, error) => isTransient(error) && failures < 2,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
