import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTRPC } from '../../api/trpc';
import { countOf } from '../../icp/text';
import { LeadListRow } from '../../leads/LeadListRow';
import { useSession } from '../../session/session-store';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/use-document-title';
import './lead-lists.css';
import { LoadFailure } from '../../ui/LoadFailure';

/** Every lead list the user sees, newest first. */
export function LeadListsPage() {
  const trpc = useTRPC();
  const viewerId = useSession()?.userId ?? null;
  const lists = useQuery(trpc.leadLists.list.queryOptions());
  // Only for the profiles' names; a list still shows if they cannot be loaded.
  const icps = useQuery(trpc.icp.list.queryOptions());
  useDocumentTitle('Lead lists');
  const names = new Map(icps.data?.map((icp) => [icp.id, icp.name]));

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
      {lists.isPending ? (
        <PageLoading label="Loading lead lists…" />
      ) : lists.isError ? (
        <LoadFailure
          query={lists}
          title="The lead lists could not be loaded"
          className="lead-list-page__failure"
        />
      ) : lists.data.length === 0 ? (
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
            {countOf(lists.data.length, 'list')}
          </p>
          <ul className="lead-list-rows" aria-label="Lead lists">
            {lists.data.map((list) => (
              <LeadListRow
                key={list.id}
                list={list}
                viewerId={viewerId}
                icpName={list.icpId === null ? 'No profile' : (names.get(list.icpId) ?? 'Profile')}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
