import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { stopImpersonationMutationOptions } from '../api/impersonation.ts';
import { meQueryKey } from '../api/me.ts';

/**
 * Ends the impersonation (R9.2) and goes back to the support console. Nothing cached from the
 * customer's account stays: every query except /me is dropped, and /me is asked again.
 */
export function useStopImpersonation() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    ...stopImpersonationMutationOptions(),
    onSettled: async () => {
      await navigate('/support', { replace: true });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      await queryClient.refetchQueries({ queryKey: meQueryKey });
    },
  });
}
