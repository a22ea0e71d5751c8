/**
 * Work a server process does in the background in rounds: one round at a time, the next
 * `intervalMs` after the last one ended, until stopped. A round that fails is reported to
 * `onError` (unless it failed because the loop was stopped) and the next one runs as planned.
 */
export interface Rounds {
  /** Runs a round now, unless one is under way: then resolves when that one is done. */
  runOnce(): Promise<void>;
  /** No more rounds; resolves once the round under way, if any, is done. */
  stop(): Promise<void>;
}

export interface RoundsOptions {
  intervalMs: number;
  /** Whether the first round runs at once, or one interval after the start. */
  firstAtOnce: boolean;
  onError: (error: unknown) => void;
}

/** Starts the rounds of `round`, which is told whether the loop has been stopped meanwhile. */
export function startRounds(
  round: (stopped: () => boolean) => Promise<void>,
  options: RoundsOptions,
): Rounds {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const isStopped = () => stopped;

  const runOnce = (): Promise<void> => {
    running ??= round(isStopped)
      .catch((error: unknown) => {
        if (!stopped) options.onError(error);
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const next = () => {
    if (stopped) return;
    // The server's socket keeps the process alive, not this timer.
    timer = setTimeout(() => {
      void runOnce().finally(next);
    }, options.intervalMs);
    timer.unref();
  };
  if (options.firstAtOnce) void runOnce().finally(next);
  else next();

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
