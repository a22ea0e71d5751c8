import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toApiError } from '../../api/api-error';
import { useTRPC } from '../../api/trpc';
import { countOf } from '../../icp/text';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorBanner } from '../../ui/ErrorBanner';

/** Stops the profile's schedule after a confirmation; the lists it delivered stay. */
export function StopScheduleButton({
  icpId,
  deliveredCount,
  onStopped,
}: {
  icpId: string;
  deliveredCount: number;
  onStopped: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.schedules.get.queryKey({ id: icpId }) });

  const stopped = async () => {
    await refresh();
    setOpen(false);
    onStopped();
  };
  const stop = useMutation(
    trpc.schedules.delete.mutationOptions({
      onSuccess: stopped,
      // Stopped by someone else meanwhile: what was asked for is done.
      onError: (error) => (toApiError(error).code === 'NOT_FOUND' ? stopped() : undefined),
    }),
  );
  const failure = stop.isError ? toApiError(stop.error) : null;

  return (
    <>
      <button
        type="button"
        className="button button--danger-outline"
        onClick={() => {
          stop.reset();
          setOpen(true);
        }}
      >
        Stop
      </button>
      <ConfirmDialog
        open={open}
        title="Stop this schedule?"
        confirmLabel="Stop schedule"
        busy={stop.isPending}
        onConfirm={() => stop.mutate({ id: icpId })}
        onCancel={() => setOpen(false)}
      >
        <div className="stack">
          <p>
            No more lists will be delivered, and webhook messages not sent yet are dropped.
            {deliveredCount > 0 && ` The ${countOf(deliveredCount, 'list')} delivered so far stay.`}
          </p>
          {failure !== null && failure.code !== 'NOT_FOUND' && (
            <ErrorBanner error={failure} title="The schedule could not be stopped" />
          )}
        </div>
      </ConfirmDialog>
    </>
  );
}
