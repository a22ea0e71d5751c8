import type { Icp } from '@icp/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { type ApiError, toApiError } from '../../api/api-error';
import { useTRPC } from '../../api/trpc';
import { joinWords } from '../../icp/text';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useLeaveProfilePage } from './use-leave-profile-page';

/**
 * Deletes the ICP after a confirmation. The delete is conditional on the version on screen
 * (`ifMatch`), so a profile someone else just changed is not deleted unseen.
 */
export function DeleteIcpButton({
  icp,
  etag,
  viewerId,
}: {
  icp: Pick<Icp, 'id' | 'name' | 'userIds'>;
  etag: string;
  viewerId: string | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const leavePage = useLeaveProfilePage(icp.id);
  const [open, setOpen] = useState(false);
  const byIdKey = trpc.icp.byId.queryKey({ id: icp.id });

  const remove = useMutation(
    trpc.icp.delete.mutationOptions({
      onSuccess: () => leavePage(`Deleted “${icp.name}”`),
    }),
  );

  const openDialog = () => {
    remove.reset();
    setOpen(true);
  };
  const reloadProfile = () => {
    setOpen(false);
    void queryClient.invalidateQueries({ queryKey: byIdKey });
  };
  const others = [...new Set(icp.userIds)].filter((id) => id !== viewerId);
  const viewerIsMember = viewerId !== null && icp.userIds.includes(viewerId);

  return (
    <>
      <button type="button" className="button button--danger-outline" onClick={openDialog}>
        Delete
      </button>
      <ConfirmDialog
        open={open}
        title="Delete this profile?"
        confirmLabel="Delete profile"
        busy={remove.isPending}
        onConfirm={() => remove.mutate({ id: icp.id, ifMatch: etag })}
        onCancel={() => setOpen(false)}
      >
        <div className="stack icp-delete">
          <p>
            <strong>{icp.name}</strong> will be deleted for everyone.
            {others.length > 0 &&
              ` It is also shared with ${joinWords(others, 'and')}, who will lose it too.`}{' '}
            This cannot be undone.
          </p>
          {others.length > 0 && viewerIsMember && (
            <p className="muted">To take it off your own profiles only, leave it instead.</p>
          )}
          {remove.isError && (
            <DeleteError error={toApiError(remove.error)} onReload={reloadProfile} />
          )}
        </div>
      </ConfirmDialog>
    </>
  );
}

function DeleteError({ error, onReload }: { error: ApiError; onReload: () => void }) {
  switch (error.code) {
    case 'PRECONDITION_FAILED':
      return (
        <div className="stack icp-delete__error">
          <ErrorBanner
            error={{
              ...error,
              message:
                'It was edited after you opened it. Review the latest version, then delete it if you still want to.',
            }}
          />
          <button type="button" className="button button--secondary" onClick={onReload}>
            Show the latest version
          </button>
        </div>
      );
    case 'NOT_FOUND':
      return (
        <div className="stack icp-delete__error">
          <ErrorBanner
            error={{ ...error, message: 'It may already have been deleted by someone else.' }}
            title="This profile no longer exists"
          />
          <Link href="/" className="button button--secondary">
            Back to your profiles
          </Link>
        </div>
      );
    case 'FORBIDDEN':
      return (
        <ErrorBanner
          error={{
            ...error,
            message: 'You may have been removed from it. Ask one of its members to add you again.',
          }}
          title="You no longer have access to this profile"
        />
      );
    default:
      return <ErrorBanner error={error} title="The profile could not be deleted" />;
  }
}
