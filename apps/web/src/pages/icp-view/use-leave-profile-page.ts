import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { useTRPC } from '../../api/trpc';
import { announceOutcome } from '../../ui/outcome';

/**
 * What follows a profile leaving the signed-in user's hands (deleted, or left): it goes from the
 * profiles list, the outcome is said, and the app returns to the list.
 */
export function useLeaveProfilePage(icpId: string): (outcome: string) => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  return (outcome) => {
    queryClient.setQueryData(trpc.icp.list.queryKey(), (icps) =>
      icps?.filter((item) => item.id !== icpId),
    );
    void queryClient.invalidateQueries({ queryKey: trpc.icp.list.queryKey() });
    announceOutcome(outcome, '/');
    navigate('/');
    // After navigating, so this page does not refetch the profile on its way out.
    queryClient.removeQueries({ queryKey: trpc.icp.byId.queryKey({ id: icpId }), exact: true });
  };
}
