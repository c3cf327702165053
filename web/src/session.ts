import { useQuery } from '@tanstack/react-query';
import { api, type Session } from './api.ts';

export const SESSION_KEY = ['session'] as const;

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: () => api<Session>('/api/v1/sessions/current') });
}

export const isProducerMember = (s: Session | undefined): boolean =>
  !!s?.signedIn && s.organisation?.kind === 'producer' && !!s.user && s.user.role !== 'viewer';

/** The signed-in organisation's kind, or undefined when signed out. */
export const orgKindOf = (s: Session | undefined): string | undefined => (s?.signedIn ? s.organisation?.kind : undefined);

/** A signed-in member or administrator (viewers read only): who may act for the organisation. */
export const isMember = (s: Session | undefined): boolean => !!s?.signedIn && !!s.user && s.user.role !== 'viewer';

export const isWarehouse = (s: Session | undefined): boolean => orgKindOf(s) === 'warehouse';
export const isExchange = (s: Session | undefined): boolean => orgKindOf(s) === 'exchange';
