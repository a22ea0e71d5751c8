/**
 * Back and forward steps, seen before the router sees them. wouter shows the next page as soon as
 * its own `popstate` listener runs, and listeners of an event run in the order they were added; so
 * this one is added when the app loads (the app shell imports this module), before the router
 * first renders and adds its own. The module stays tiny on purpose: it is part of the first load.
 */
let intercept: ((event: PopStateEvent) => void) | null = null;

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', (event) => intercept?.(event));
}

/** Shows every back/forward step to `handler` first, until the returned function is called. */
export function interceptHistorySteps(handler: (event: PopStateEvent) => void): () => void {
  intercept = handler;
  return () => {
    if (intercept === handler) intercept = null;
  };
}
