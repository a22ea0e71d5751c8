import { skipToken, useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { toApiError } from '../../api/api-error';
import { useTRPC } from '../../api/trpc';
import { formatDateTime } from '../../icp/dates';
import { formatCount } from '../../icp/text';
import { leadsToCsv } from '../../leads/lead-csv';
import { leadListFileName } from '../../leads/lead-text';
import { MatchNotes } from '../../leads/MatchNotes';
import { useSession } from '../../session/session-store';
import { downloadTextFile } from '../../ui/download-file';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { DeleteLeadListButton } from './DeleteLeadListButton';
import { LeadListUnavailable } from './LeadListUnavailable';
import { LeadsTable } from './LeadsTable';
import './lead-lists.css';
import { LoadFailure } from '../../ui/LoadFailure';

// Excel reads a CSV file as UTF-8 only when it starts with a byte order mark.
const UTF8_BOM = '\uFEFF';

/** One generated lead list: where it came from, its leads, and a CSV of them. */
export function LeadListPage({ listId }: { listId: string }) {
  const trpc = useTRPC();
  const viewerId = useSession()?.userId ?? null;
  const query = useQuery(trpc.leadLists.byId.queryOptions({ id: listId }));
  const icpId = query.data?.icpId;
  const icp = useQuery(trpc.icp.byId.queryOptions(icpId === undefined ? skipToken : { id: icpId }));
  const icpName = icp.data?.icp.name ?? null;
  useDocumentTitle(icpName === null ? 'Lead list' : `Lead list of ${icpName}`);

  if (query.isPending) return <PageLoading label="Loading the lead list…" />;
  if (query.isError) {
    const error = toApiError(query.error);
    if (error.code === 'NOT_FOUND') return <LeadListUnavailable reason="not-found" />;
    if (error.code === 'FORBIDDEN') return <LeadListUnavailable reason="forbidden" />;
    return (
      <LoadFailure
        query={query}
        heading="Lead list"
        title="This lead list could not be loaded"
        className="lead-list-page__failure"
      >
        <Link href="/lead-lists" className="button button--ghost">
          Back to lead lists
        </Link>
      </LoadFailure>
    );
  }

  const list = query.data;
  const icpHref = `/icps/${encodeURIComponent(list.icpId)}`;
  const download = () =>
    downloadTextFile(
      leadListFileName(icpName, list.createdAt),
      UTF8_BOM + leadsToCsv(list.leads, list.crmSourcing),
      'text/csv;charset=utf-8',
    );

  return (
    <article className="lead-list-page" aria-labelledby="lead-list-title">
      <Link href="/lead-lists" className="back-link">
        <span aria-hidden="true">←</span> All lead lists
      </Link>
      <header className="page-header">
        <div className="page-header__text">
          <h1 id="lead-list-title" className="lead-list-page__title">
            {icpName === null ? (
              'Lead list'
            ) : (
              <>
                Leads for <Link href={icpHref}>{icpName}</Link>
              </>
            )}
          </h1>
          <p className="page-header__subtitle">
            Generated <time dateTime={list.createdAt}>{formatDateTime(list.createdAt)}</time> by{' '}
            {list.createdBy === viewerId ? (
              'you'
            ) : (
              <span className="lead-list-page__by">{list.createdBy}</span>
            )}
            {icpName === null && (
              <>
                {' '}
                from <Link href={icpHref}>its profile</Link>
              </>
            )}
          </p>
        </div>
        <div className="page-header__actions">
          <button type="button" className="button button--primary" onClick={download}>
            Download CSV
          </button>
          <DeleteLeadListButton list={list} />
        </div>
      </header>

      <dl className="lead-list-page__facts">
        <div>
          <dt>Leads</dt>
          <dd>
            {formatCount(list.leadCount)} of {formatCount(list.requestedSize)} requested
          </dd>
        </div>
        <div>
          <dt>People matching the searches</dt>
          <dd>{formatCount(list.matchedCount)}</dd>
        </div>
      </dl>
      {list.leadCount < list.requestedSize && (
        <p className="lead-list-page__hint">
          Fewer people than requested matched the searches and passed the filters when the list was
          made.
        </p>
      )}
      <MatchNotes notes={list} label="Notes on this list" />

      {list.leads.length === 0 ? (
        <section className="empty-state" aria-labelledby="no-leads-title">
          <h2 id="no-leads-title">No leads in this list</h2>
          <p>No one passed the profile’s searches and filters when the list was made.</p>
        </section>
      ) : (
        <LeadsTable leads={list.leads} crmSourcing={list.crmSourcing} />
      )}
    </article>
  );
}
