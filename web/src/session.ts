import { useQuery } from '@tanstack/react-query';
import { api, type Session } from './api.ts';

export const SESSION_KEY = ['session'] as const;

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: () => api<Session>('/api/v1/sessions/current') });
}

export const isProducerMember = (s: Session | undefined): boolean =>
  !!s?.signedIn && s.organisation?.kind === 'producer' && !!s.user && s.user.role !== 'viewer';
