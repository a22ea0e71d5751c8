import { showingText } from './list-page';

/** Previous and next pages of the lead lists, and which of them this page shows. */
export function LeadListsPager({
  page,
  size,
  shown,
  total,
  onPage,
}: {
  /** 0-based. */
  page: number;
  size: number;
  /** How many lists this page holds. */
  shown: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const hasPrevious = page > 0;
  const hasNext = (page + 1) * size < total;
  // aria-disabled, not disabled: the button pressed keeps the focus on the first or last page.
  return (
    <nav className="lead-lists-pager" aria-label="Pages of lead lists">
      <button
        type="button"
        className="button button--secondary button--small"
        aria-disabled={!hasPrevious}
        onClick={() => hasPrevious && onPage(page - 1)}
      >
        Previous
      </button>
      <output className="lead-lists-pager__showing" aria-live="polite">
        {showingText(page, size, shown, total)}
      </output>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-disabled={!hasNext}
        onClick={() => hasNext && onPage(page + 1)}
      >
        Next
      </button>
    </nav>
  );
}
