import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { logoutMutationOptions } from '../api/logout.ts';

/** Signs out, forgets every cached answer of this user, and goes to the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({
    ...logoutMutationOptions(),
    onSettled: async () => {
      // Even if the request failed, leave nothing of the account on screen.
      await navigate('/login', { replace: true });
      queryClient.clear();
    },
  });
  return { signOut: () => mutation.mutate(), pending: mutation.isPending };
}
