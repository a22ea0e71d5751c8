import { skipToken, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { toApiError } from '../../api/api-error';
import { useTRPC } from '../../api/trpc';
import { useSession } from '../../session/session-store';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { PageLoading } from '../../ui/PageLoading';
import { IcpForm } from './IcpForm';
import { draftForCopy, draftForNew, draftFromIcp } from './icp-draft';
import './form.css';
import { useDocumentTitle } from '../../ui/use-document-title';

/**
 * Create, duplicate (`/icps/new?from=<id>`) or edit (`/icps/<id>/edit`) a profile. The page loads
 * what the form starts from; the form owns everything typed from then on.
 */
export default function IcpFormPage({ mode, icpId }: { mode: 'create' | 'edit'; icpId?: string }) {
  const trpc = useTRPC();
  const session = useSession();
  const currentUserId = session?.userId ?? '';
  const [searchParams] = useSearchParams();
  const copyFrom = mode === 'create' ? searchParams.get('from') || null : null;
  const sourceId = mode === 'edit' ? icpId : (copyFrom ?? undefined);
  const source = useQuery(
    trpc.icp.byId.queryOptions(sourceId === undefined ? skipToken : { id: sourceId }),
  );
  // Bumped to start the form over from a freshly loaded version.
  const [version, setVersion] = useState(0);

  const title =
    mode === 'edit' ? 'Edit profile' : copyFrom !== null ? 'Duplicate profile' : 'New profile';
  useDocumentTitle(title);
  const loaded = source.data?.icp;
  const subtitle =
    mode === 'edit'
      ? loaded === undefined
        ? 'Change who this profile targets and who can use it.'
        : `Changing “${loaded.name}”. Everyone it is shared with sees the changes.`
      : copyFrom !== null
        ? loaded === undefined
          ? 'Start from a copy of an existing profile.'
          : `Starting from a copy of “${loaded.name}”; the original stays as it is.`
        : 'Describe who to target, how to filter the leads found, and who can use the profile.';

  const header = (
    <header className="page-header">
      <div className="page-header__text">
        <h1>{title}</h1>
        <p className="page-header__subtitle">{subtitle}</p>
      </div>
    </header>
  );

  if (sourceId === undefined) {
    if (mode === 'edit') {
      return (
        <div className="icp-form-page">
          {header}
          <ErrorBanner
            error={{ code: 'NOT_FOUND', message: 'No profile was named.', details: [] }}
          />
        </div>
      );
    }
    return (
      <div className="icp-form-page">
        {header}
        <IcpForm
          mode="create"
          initial={draftForNew(currentUserId)}
          currentUserId={currentUserId}
          cancelHref="/"
        />
      </div>
    );
  }

  if (source.data === undefined) {
    return (
      <div className="icp-form-page">
        {header}
        {source.isError ? (
          <div className="stack">
            <ErrorBanner error={toApiError(source.error)} />
            <div className="row">
              <Link href="/" className="button button--secondary">
                Back to your profiles
              </Link>
              {copyFrom !== null && (
                <Link href="/icps/new" className="button button--primary">
                  Start from scratch
                </Link>
              )}
            </div>
          </div>
        ) : (
          <PageLoading label="Loading the profile…" />
        )}
      </div>
    );
  }

  const { icp, etag } = source.data;
  return (
    <div className="icp-form-page">
      {header}
      {mode === 'edit' ? (
        <IcpForm
          key={`${icp.id}:${version}`}
          mode="edit"
          initial={draftFromIcp(icp)}
          currentUserId={currentUserId}
          cancelHref={`/icps/${icp.id}`}
          target={{ id: icp.id, etag }}
          onReloadLatest={async () => {
            const result = await source.refetch();
            if (result.isError) return toApiError(result.error);
            setVersion((current) => current + 1);
            return null;
          }}
        />
      ) : (
        <IcpForm
          key={icp.id}
          mode="create"
          initial={draftForCopy(icp, currentUserId)}
          currentUserId={currentUserId}
          cancelHref={`/icps/${icp.id}`}
          copiedFrom={icp.name}
        />
      )}
    </div>
  );
}
