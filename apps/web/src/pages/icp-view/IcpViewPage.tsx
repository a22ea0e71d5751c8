import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { toApiError } from '../../api/api-error';
import { useTRPC } from '../../api/trpc';
import { icpStatus } from '../../icp/icp-status';
import { useSession } from '../../session/session-store';
import { Badge } from '../../ui/Badge';
import { PageLoading } from '../../ui/PageLoading';
import { DeleteIcpButton } from './DeleteIcpButton';
import { IcpDetails } from './IcpDetails';
import { IcpLeadLists } from './IcpLeadLists';
import { IcpPickPeople } from './IcpPickPeople';
import { IcpRawJson } from './IcpRawJson';
import { IcpRestApi } from './IcpRestApi';
import { IcpSchedule } from './IcpSchedule';
import { IcpTargeting } from './IcpTargeting';
import { IcpUnavailable } from './IcpUnavailable';
import { LeaveIcpButton } from './LeaveIcpButton';
import './icp-view.css';
import { LoadFailure } from '../../ui/LoadFailure';
import { useDocumentTitle } from '../../ui/use-document-title';

export function IcpViewPage({ icpId }: { icpId: string }) {
  const trpc = useTRPC();
  const session = useSession();
  const viewerId = session?.userId ?? null;
  const query = useQuery(trpc.icp.byId.queryOptions({ id: icpId }));
  useDocumentTitle(query.data?.icp.name ?? 'Profile');

  if (query.isPending) return <PageLoading label="Loading profile…" />;
  if (query.isError) {
    const error = toApiError(query.error);
    if (error.code === 'NOT_FOUND') return <IcpUnavailable reason="not-found" userId={viewerId} />;
    if (error.code === 'FORBIDDEN') return <IcpUnavailable reason="forbidden" userId={viewerId} />;
    return (
      <LoadFailure
        query={query}
        heading="Profile"
        title="This profile could not be loaded"
        className="icp-view__failure"
      >
        <Link href="/" className="button button--ghost">
          Back to your profiles
        </Link>
      </LoadFailure>
    );
  }

  const { icp, etag } = query.data;
  const status = icpStatus(icp);
  const idInPath = encodeURIComponent(icp.id);

  return (
    <article className="icp-view" aria-labelledby="icp-title">
      <Link href="/" className="back-link">
        <span aria-hidden="true">←</span> All profiles
      </Link>
      <header className="page-header">
        <div className="page-header__text">
          <div className="icp-view__title">
            <h1 id="icp-title">{icp.name}</h1>
            <Badge tone={status.tone}>{status.label}</Badge>
          </div>
          {icp.description ? (
            <p className="page-header__subtitle icp-view__description">{icp.description}</p>
          ) : (
            <p className="page-header__subtitle icp-view__description--empty">No description</p>
          )}
        </div>
        <div className="page-header__actions">
          <Link href={`/icps/${idInPath}/edit`} className="button button--primary">
            Edit
          </Link>
          <Link href={`/icps/new?from=${idInPath}`} className="button button--secondary">
            Duplicate
          </Link>
          <LeaveIcpButton icp={icp} etag={etag} viewerId={viewerId} />
          <DeleteIcpButton icp={icp} etag={etag} viewerId={viewerId} />
        </div>
      </header>
      {/* Details follow the summary in reading order; wide screens show them as a sidebar. */}
      <div className="icp-view__layout">
        <IcpTargeting icp={icp} />
        <aside className="icp-view__side" aria-label="Profile details">
          <IcpDetails icp={icp} viewerId={viewerId} />
        </aside>
        <IcpLeadLists icp={icp} viewerId={viewerId} />
        <IcpSchedule icp={icp} />
        <IcpPickPeople icp={icp} />
        <IcpRestApi icpId={icp.id} userId={viewerId} />
        <IcpRawJson icp={icp} />
      </div>
    </article>
  );
}
