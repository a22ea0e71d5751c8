import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'wouter';
import { useTRPC } from '../../api/trpc';
import { countOf } from '../../icp/text';
import { LeadListRow } from '../../leads/LeadListRow';
import { useSession } from '../../session/session-store';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/use-document-title';
import './lead-lists.css';
import { LoadFailure } from '../../ui/LoadFailure';
import { LeadListsPager } from './LeadListsPager';
import { LEAD_LISTS_PAGE_SIZE, lastPage, parsePage, withPage } from './list-page';

/** Every lead list the user sees, newest first, a page at a time; the page lives in the URL. */
export function LeadListsPage() {
  const trpc = useTRPC();
  const viewerId = useSession()?.userId ?? null;
  const [params, setParams] = useSearchParams();
  const page = parsePage(params.get('page'));
  // The page shown stays while the next one loads, so the pager keeps the focus.
  const lists = useQuery(
    trpc.leadLists.listPage.queryOptions(
      { page, size: LEAD_LISTS_PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );
  // Only for the profiles' names; a list still shows if they cannot be loaded.
  const icps = useQuery(trpc.icp.list.queryOptions());
  useDocumentTitle('Lead lists');
  const names = new Map(icps.data?.map((icp) => [icp.id, icp.name]));

  // A page past the last (its lists deleted since, or an old link) gives way to the last page.
  const pastTheEnd =
    lists.data !== undefined && lists.data.lists.length === 0 && lists.data.total > 0;
  const last = lists.data === undefined ? 0 : lastPage(lists.data.total, lists.data.size);
  const redirect = pastTheEnd && !lists.isPlaceholderData;
  useEffect(() => {
    if (redirect) setParams((previous) => withPage(previous, last), { replace: true });
  }, [redirect, last, setParams]);

  return (
    <div className="lead-lists-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1>Lead lists</h1>
          <p className="page-header__subtitle">
            The lists of every profile shared with you, and those shared with you directly, newest
            first.
          </p>
        </div>
      </header>
      {lists.isPending || pastTheEnd ? (
        <PageLoading label="Loading lead lists…" />
      ) : lists.isError ? (
        <LoadFailure
          query={lists}
          title="The lead lists could not be loaded"
          className="lead-list-page__failure"
        />
      ) : lists.data.total === 0 ? (
        <section className="empty-state" aria-labelledby="no-lead-lists-title">
          <h2 id="no-lead-lists-title">No lead lists yet</h2>
          <p>
            Open a profile and generate a lead list: it takes the people the profile finds, checked
            against its filters.
          </p>
          <Link href="/" className="button button--primary">
            Go to your profiles
          </Link>
        </section>
      ) : (
        <>
          <p className="lead-lists-page__count" role="status">
            {countOf(lists.data.total, 'list')}
          </p>
          <ul
            className="lead-list-rows"
            aria-label="Lead lists"
            aria-busy={lists.isPlaceholderData}
          >
            {lists.data.lists.map((list) => (
              <LeadListRow
                key={list.id}
                list={list}
                viewerId={viewerId}
                icpName={list.icpId === null ? 'No profile' : (names.get(list.icpId) ?? 'Profile')}
              />
            ))}
          </ul>
          {lists.data.total > lists.data.size && (
            <LeadListsPager
              page={lists.data.page}
              size={lists.data.size}
              shown={lists.data.lists.length}
              total={lists.data.total}
              onPage={(next) => setParams((previous) => withPage(previous, next))}
            />
          )}
        </>
      )}
    </div>
  );
}
