import type { ErrorCode, ErrorDetail } from '@icp/schema';
import type { AppRouter } from '@icp/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { ReactNode } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { TRPCProvider } from '../api/trpc';
import { sessionStore } from '../session/session-store';

/** Test support: renders a page against canned tRPC answers instead of a server. */

/** Thrown by a handler to answer with the API's error shape. */
export class FakeApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly httpStatus = 400,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** Answers by procedure path (`icp.list`); each gets the call's input. */
export type FakeHandlers = Record<string, (input: unknown) => unknown>;

export interface FakeCall {
  path: string;
  input: unknown;
}

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** A `fetch` that speaks tRPC's HTTP protocol (no batching) from the handlers. */
export function fakeFetch(handlers: FakeHandlers, calls: FakeCall[]) {
  return async (url: RequestInfo | URL | string, init?: RequestInit): Promise<Response> => {
    const parsed = new URL(String(url), 'http://localhost');
    const path = parsed.pathname.replace(/^\/trpc\//, '');
    const body = init?.method === 'POST' ? init.body : parsed.searchParams.get('input');
    const input: unknown = typeof body === 'string' && body !== '' ? JSON.parse(body) : undefined;
    calls.push({ path, input });
    const handler = handlers[path];
    try {
      if (handler === undefined) throw new FakeApiError('NOT_FOUND', `No handler for ${path}`, 404);
      return json({ result: { data: await handler(input) } }, 200);
    } catch (error) {
      if (!(error instanceof FakeApiError)) throw error;
      return json(
        {
          error: {
            message: error.message,
            code: -32000,
            data: {
              code: error.code,
              httpStatus: error.httpStatus,
              appCode: error.code,
              details: error.details,
            },
          },
        },
        error.httpStatus,
      );
    }
  };
}

export function renderWithFakeApi(
  ui: ReactNode,
  {
    handlers,
    path = '/',
    userId = 'user_abc123',
  }: { handlers: FakeHandlers; path?: string; userId?: string },
) {
  sessionStore.signIn({ userId, token: 'test-token', via: 'local' });
  const calls: FakeCall[] = [];
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const client = createTRPCClient<AppRouter>({
    links: [httpLink({ url: '/trpc', fetch: fakeFetch(handlers, calls) })],
  });
  const location = memoryLocation({ path, record: true });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={client} queryClient={queryClient}>
        <Router hook={location.hook} searchHook={location.searchHook}>
          {ui}
        </Router>
      </TRPCProvider>
    </QueryClientProvider>,
  );
  return { ...view, calls, location, queryClient };
}
