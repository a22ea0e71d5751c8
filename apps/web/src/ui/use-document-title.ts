import { useEffect } from 'react';

const PRODUCT = 'ICP Studio';

/** Names the browser tab (and history entry) after the page: "Profiles · ICP Studio". */
export function useDocumentTitle(page: string | null): void {
  useEffect(() => {
    document.title = page === null ? PRODUCT : `${page} · ${PRODUCT}`;
  }, [page]);
}
