import { useCallback, useEffect, useRef } from 'react';

/**
 * Moves focus once the next render is on screen: to an item just added, or to a sensible place
 * after one was removed, so keyboard users are not dropped at the top of the page.
 */
export function useFocusAfterRender(): (find: () => HTMLElement | null | undefined) => void {
  const pending = useRef<(() => HTMLElement | null | undefined) | null>(null);
  useEffect(() => {
    const find = pending.current;
    if (find === null) return;
    pending.current = null;
    find()?.focus();
  });
  return useCallback((find) => {
    pending.current = find;
  }, []);
}

/** The first control inside an element, such as a list item just added. */
export function firstControlIn(element: Element | null | undefined): HTMLElement | null {
  return element?.querySelector<HTMLElement>('input, select, textarea') ?? null;
}
