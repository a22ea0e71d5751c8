import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createApiClient, TRPCProvider } from '../api/trpc';
import { sessionStore } from '../session/session-store';
// Loaded with the app, before the router renders: it must see back/forward steps first.
import '../ui/history-steps';
import { AppRoutes } from './AppRoutes';
import { createQueryClient } from './query-client';
import { useSessionScopedCache } from './session-scoped-cache';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [apiClient] = useState(() => createApiClient(() => sessionStore.get()?.token ?? null));
  useSessionScopedCache(queryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
        <AppRoutes />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
