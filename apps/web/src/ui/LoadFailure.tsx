import type { ReactNode } from 'react';
import { type ApiError, toApiError } from '../api/api-error';
import { ErrorBanner } from './ErrorBanner';

/**
 * A query that failed: what went wrong, a "Try again" that refetches, and an optional way out
 * (a link back). The query is passed as is: its error, `refetch` and `isFetching`.
 */
export function LoadFailure({
  query,
  title,
  heading,
  className,
  children,
}: {
  query: { error: unknown; refetch: () => unknown; isFetching: boolean };
  title: string;
  /** A page-level heading, when the failure replaces the whole page. */
  heading?: string;
  className?: string;
  /** More actions beside "Try again", such as a link back. */
  children?: ReactNode;
}) {
  const error: ApiError = toApiError(query.error);
  return (
    <div className={['stack', className ?? ''].join(' ').trim()}>
      {heading !== undefined && <h1>{heading}</h1>}
      <ErrorBanner error={error} title={title} />
      <div className="page-header__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => query.refetch()}
          disabled={query.isFetching}
        >
          {query.isFetching ? 'Retrying…' : 'Try again'}
        </button>
        {children}
      </div>
    </div>
  );
}
