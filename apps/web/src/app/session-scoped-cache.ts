import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sessionStore } from '../session/session-store';

/**
 * Nothing cached for one user may show to the next: the cache is emptied the moment the signed-in
 * user changes, before any page of the new user renders and starts its own requests.
 */
export function useSessionScopedCache(queryClient: QueryClient): void {
  useEffect(() => {
    let userId = sessionStore.get()?.userId;
    return sessionStore.subscribe(() => {
      const next = sessionStore.get()?.userId;
      if (next !== userId) queryClient.clear();
      userId = next;
    });
  }, [queryClient]);
}
