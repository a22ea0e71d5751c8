import { useSyncExternalStore } from 'react';

/** What an action just did ("Saved"), said on the page it led to. */
export interface Outcome {
  message: string;
  /** The page it is said on; moving to another page ends it. */
  path: string;
}

const listeners = new Set<() => void>();
let current: Outcome | null = null;

/** Says `message` on `path` (where the action leads), in the app's live status. */
export function announceOutcome(message: string, path: string): void {
  current = { message, path };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The outcome to show on `path`, if any. */
export function useOutcome(path: string): string | null {
  const outcome = useSyncExternalStore(subscribe, () => current);
  return outcome !== null && outcome.path === path ? outcome.message : null;
}
