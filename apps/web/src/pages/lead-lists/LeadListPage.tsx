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
import { AddPersonForm } from './AddPersonForm';
import { CompaniesTable } from './CompaniesTable';
import { DeleteLeadListButton } from './DeleteLeadListButton';
import { LeadListUnavailable } from './LeadListUnavailable';
import { LeadsTable } from './LeadsTable';
import './lead-lists.css';
import { LoadFailure } from '../../ui/LoadFailure';

// Excel reads a CSV file as UTF-8 only when it starts with a byte order mark.
const UTF8_BOM = '\uFEFF';

/** One lead list: where it came from, its leads (or companies), and a CSV of them. */
export function LeadListPage({ listId }: { listId: string }) {
  const trpc = useTRPC();
  const viewerId = useSession()?.userId ?? null;
  const query = useQuery(trpc.leadLists.byId.queryOptions({ id: listId }));
  const icpId = query.data?.icpId;
  const icp = useQuery(
    trpc.icp.byId.queryOptions(icpId === undefined || icpId === null ? skipToken : { id: icpId }),
  );
  const icpName = icp.data?.icp.name ?? null;
  useDocumentTitle(query.data?.name ?? 'Lead list');

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
  const generated = list.requestedSize !== null;
  const download = () =>
    downloadTextFile(
      leadListFileName(icpName ?? list.name, list.createdAt),
      UTF8_BOM + leadsToCsv(list.people, list.crmSourcing),
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
            {list.name}
          </h1>
          <p className="page-header__subtitle">
            {generated ? 'Generated' : 'Made'}{' '}
            <time dateTime={list.createdAt}>{formatDateTime(list.createdAt)}</time> by{' '}
            {list.createdBy === viewerId ? (
              'you'
            ) : (
              <span className="lead-list-page__by">{list.createdBy}</span>
            )}
            {list.icpId === null ? (
              ', for no profile'
            ) : (
              <>
                {' '}
                for{' '}
                <Link href={`/icps/${encodeURIComponent(list.icpId)}`}>
                  {icpName ?? 'its profile'}
                </Link>
              </>
            )}
          </p>
        </div>
        <div className="page-header__actions">
          {list.type === 'person' && (
            <button type="button" className="button button--primary" onClick={download}>
              Download CSV
            </button>
          )}
          <DeleteLeadListButton list={list} />
        </div>
      </header>

      <dl className="lead-list-page__facts">
        <div>
          <dt>{list.type === 'company' ? 'Companies' : 'Leads'}</dt>
          <dd>
            {formatCount(list.leadCount)}
            {generated && ` of ${formatCount(list.requestedSize ?? 0)} requested`}
          </dd>
        </div>
        <div>
          <dt>Period</dt>
          <dd>
            <time dateTime={list.startDate}>{formatDateTime(list.startDate)}</time> to{' '}
            <time dateTime={list.endDate}>{formatDateTime(list.endDate)}</time>
          </dd>
        </div>
        {list.matchedCount !== null && (
          <div>
            <dt>People matching the searches</dt>
            <dd>{formatCount(list.matchedCount)}</dd>
          </div>
        )}
      </dl>
      {generated && list.leadCount < (list.requestedSize ?? 0) && (
        <p className="lead-list-page__hint">
          Fewer people than requested matched the searches and passed the filters when the list was
          made.
        </p>
      )}
      <MatchNotes notes={list} label="Notes on this list" />

      {list.type === 'person' && <AddPersonForm listId={list.id} />}

      {list.type === 'company' ? (
        <CompaniesTable companies={list.companies} />
      ) : list.people.length === 0 ? (
        <section className="empty-state" aria-labelledby="no-leads-title">
          <h2 id="no-leads-title">No leads in this list</h2>
          <p>
            {generated
              ? 'No one passed the profile’s searches and filters when the list was made.'
              : 'Add people with the form above, or pick them from a profile’s matching people.'}
          </p>
        </section>
      ) : (
        <LeadsTable leads={list.people} crmSourcing={list.crmSourcing} />
      )}
    </article>
  );
}
