import type { Icp } from '@icp/schema';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { toApiError } from '../../api/api-error';
import { useTRPC } from '../../api/trpc';
import { joinWords } from '../../icp/text';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useLeaveProfilePage } from './use-leave-profile-page';

/**
 * Takes the signed-in member off a shared profile (an update of its members, conditional on the
 * version on screen); the others keep it. Shown only while someone else would keep it.
 */
export function LeaveIcpButton({
  icp,
  etag,
  viewerId,
}: {
  icp: Pick<Icp, 'id' | 'name' | 'userIds'>;
  etag: string;
  viewerId: string | null;
}) {
  const trpc = useTRPC();
  const leavePage = useLeaveProfilePage(icp.id);
  const [open, setOpen] = useState(false);
  const others = icp.userIds.filter((id) => id !== viewerId);

  const leave = useMutation(
    trpc.icp.update.mutationOptions({
      onSuccess: () => leavePage(`You left “${icp.name}”`),
    }),
  );

  if (viewerId === null || !icp.userIds.includes(viewerId) || others.length === 0) return null;
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          leave.reset();
          setOpen(true);
        }}
      >
        Leave
      </button>
      <ConfirmDialog
        open={open}
        title="Leave this profile?"
        confirmLabel="Leave profile"
        busy={leave.isPending}
        onConfirm={() => leave.mutate({ id: icp.id, ifMatch: etag, body: { userIds: others } })}
        onCancel={() => setOpen(false)}
      >
        <div className="stack">
          <p>
            <strong>{icp.name}</strong> leaves your profiles; {joinWords(others, 'and')} keep
            {others.length === 1 ? 's' : ''} it. To get it back, ask{' '}
            {others.length === 1 ? 'them' : 'one of them'} to share it with you again.
          </p>
          {leave.isError && (
            <ErrorBanner error={toApiError(leave.error)} title="You could not leave the profile" />
          )}
        </div>
      </ConfirmDialog>
    </>
  );
}
