import { QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../session/session-store';
import { useSessionScopedCache } from './session-scoped-cache';

const alice = { userId: 'user_alice', token: 'token-a', via: 'local' as const };
const bob = { userId: 'user_bob', token: 'token-b', via: 'local' as const };

describe('the cache follows the signed-in user', () => {
  it('empties when another user signs in, before anything renders for them', () => {
    sessionStore.signIn(alice);
    const queryClient = new QueryClient();
    renderHook(() => useSessionScopedCache(queryClient));
    queryClient.setQueryData(['icps'], ['alice’s profile']);

    let seenByBob: unknown = 'not read';
    const unsubscribe = sessionStore.subscribe(() => {
      seenByBob = queryClient.getQueryData(['icps']);
    });
    act(() => sessionStore.signIn(bob));
    unsubscribe();

    expect(queryClient.getQueryData(['icps'])).toBeUndefined();
    expect(seenByBob).toBeUndefined();
  });

  it('empties on sign-out, and keeps its data when the same user signs in again', () => {
    sessionStore.signIn(alice);
    const queryClient = new QueryClient();
    renderHook(() => useSessionScopedCache(queryClient));
    queryClient.setQueryData(['icps'], ['kept']);

    act(() => sessionStore.signIn({ ...alice, token: 'refreshed' }));
    expect(queryClient.getQueryData(['icps'])).toEqual(['kept']);

    act(() => sessionStore.signOut());
    expect(queryClient.getQueryData(['icps'])).toBeUndefined();
  });
});
