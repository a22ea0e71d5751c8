import { useSyncExternalStore } from 'react';
import { z } from 'zod';

/** Who is signed in, and the bearer token (local-mode JWT, API key or external JWT) to send. */
export const session = z.object({
  userId: z.string().min(1),
  token: z.string().min(1),
  via: z.enum(['local', 'token']),
});
export type Session = z.infer<typeof session>;

const STORAGE_KEY = 'icp.session';
/** Who signed out last in this browser: the page they were on is theirs only. */
const SIGNED_OUT_KEY = 'icp.signedOutUserId';
const listeners = new Set<() => void>();
let current: Session | null = load();

function load(): Session | null {
  try {
    const parsed = session.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function publish(next: Session | null): void {
  current = next;
  if (next === null) localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  for (const listener of listeners) listener();
}

/** The session kept in this browser, shared by every tab (the storage event keeps them in step). */
export const sessionStore = {
  get: (): Session | null => current,
  signIn: (next: Session): void => publish(next),
  signOut: (): void => {
    if (current !== null) localStorage.setItem(SIGNED_OUT_KEY, current.userId);
    publish(null);
  },
  /** The user who signed out last in this browser, if any. */
  signedOutUserId: (): string | null => localStorage.getItem(SIGNED_OUT_KEY),
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    current = load();
    for (const listener of listeners) listener();
  });
}

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
