import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { authApi } from '../api/endpoints';
import { clearSession } from './session';

/** Ends the session on the server (best effort) and forgets everything cached for this user. */
export function useLogout() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      await authApi.logout();
    } finally {
      clearSession(client);
      navigate('/login', { replace: true });
    }
  };
}
