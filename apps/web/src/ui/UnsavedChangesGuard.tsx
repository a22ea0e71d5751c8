import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';
import { interceptHistorySteps } from './history-steps';

/** Where the user tried to go: through a link on the page, or back/forward in the history. */
type Leaving = { by: 'link'; link: HTMLAnchorElement } | { by: 'history' };

/** A plain left click on a link to another page of this app, which the app would handle. */
function inAppLinkOf(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement)) return null;
  if (link.target !== '' && link.target !== '_self') return null;
  if (link.hasAttribute('download')) return null;
  // "Skip to content" and other in-page anchors leave nothing behind.
  if (link.getAttribute('href')?.startsWith('#')) return null;
  return new URL(link.href).origin === window.location.origin ? link : null;
}

/**
 * While `when` is true, leaving the page asks before the changes are lost.
 *
 * - Closing or reloading the tab: the browser's own "Leave site?" prompt (`beforeunload`).
 * - Links inside the app: wouter has no navigation blocker, so one click listener on the document,
 *   in the capture phase, sees every link click before React (and so before wouter's `Link`). It
 *   stops the click and asks; on "Discard changes" it clicks the same link again with the guard
 *   released, so the link behaves exactly as it would have.
 * - Back and forward: the address has already changed when `popstate` arrives. The step is seen
 *   before wouter sees it (`history-steps.ts`), kept from wouter, and this page's address is put
 *   back; on "Discard changes" the guard is released and the history goes back. (A step forward
 *   is rare here, as the form is normally the newest entry; it is treated as a step back.)
 *
 * It acts only while there are changes, and stops with the page.
 */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const [leaving, setLeaving] = useState<Leaving | null>(null);
  const released = useRef(false);

  useEffect(() => {
    if (!when) return;
    const here = window.location.href;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (released.current) return;
      event.preventDefault();
      // Older browsers prompt only when a return value is set.
      event.returnValue = true;
    };
    const onClick = (event: MouseEvent) => {
      if (released.current) return;
      const link = inAppLinkOf(event);
      if (link === null) return;
      event.preventDefault();
      event.stopPropagation();
      setLeaving({ by: 'link', link });
    };
    const onPopState = (event: PopStateEvent) => {
      if (released.current) return;
      event.stopImmediatePropagation();
      window.history.pushState(null, '', here);
      setLeaving({ by: 'history' });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    const stopIntercepting = interceptHistorySteps(onPopState);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      stopIntercepting();
    };
  }, [when]);

  const discard = () => {
    if (leaving === null) return;
    released.current = true;
    setLeaving(null);
    if (leaving.by === 'link') leaving.link.click();
    else window.history.back();
  };

  return (
    <ConfirmDialog
      open={leaving !== null}
      title="Discard your changes?"
      confirmLabel="Discard changes"
      cancelLabel="Keep editing"
      onConfirm={discard}
      onCancel={() => setLeaving(null)}
    >
      <p>Your changes have not been saved. If you leave now, they are lost.</p>
    </ConfirmDialog>
  );
}
