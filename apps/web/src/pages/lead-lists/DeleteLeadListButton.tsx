import type { LeadList } from '@icp/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { toApiError } from '../../api/api-error';
import { useTRPC } from '../../api/trpc';
import { countOf } from '../../icp/text';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorBanner } from '../../ui/ErrorBanner';

const refusalTitles: Record<string, string> = {
  NOT_FOUND: 'This lead list no longer exists',
  FORBIDDEN: 'You no longer have access to this lead list',
};

/** Deletes the list after a confirmation, then goes to its profile. */
export function DeleteLeadListButton({ list }: { list: LeadList }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState(false);

  const remove = useMutation(
    trpc.leadLists.delete.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.leadLists.listPage.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.leadLists.ofIcp.queryKey() });
        navigate(list.icpId === null ? '/lead-lists' : `/icps/${encodeURIComponent(list.icpId)}`);
        // After navigating, so this page does not refetch the deleted list on its way out.
        queryClient.removeQueries({
          queryKey: trpc.leadLists.byId.queryKey({ id: list.id }),
          exact: true,
        });
      },
    }),
  );
  const error = remove.isError ? toApiError(remove.error) : null;

  return (
    <>
      <button
        type="button"
        className="button button--danger-outline"
        onClick={() => {
          remove.reset();
          setOpen(true);
        }}
      >
        Delete list
      </button>
      <ConfirmDialog
        open={open}
        title="Delete this lead list?"
        confirmLabel="Delete list"
        busy={remove.isPending}
        onConfirm={() => remove.mutate({ id: list.id })}
        onCancel={() => setOpen(false)}
      >
        <div className="stack lead-list-delete">
          <p>
            The list and its {countOf(list.leadCount, 'lead')} will be deleted for everyone who sees
            it, and its people may appear in new lists again. The people themselves stay. This
            cannot be undone.
          </p>
          {error !== null && (
            <ErrorBanner
              error={error}
              title={refusalTitles[error.code] ?? 'The lead list could not be deleted'}
            />
          )}
        </div>
      </ConfirmDialog>
    </>
  );
}
