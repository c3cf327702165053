import { useTranslation } from 'react-i18next';
import type { Role } from './api.ts';

// Names for organisation kinds and user roles in the chosen language, and the invitation link an
// administrator sends to a new user.

export function useOrgKindName() {
  const { t } = useTranslation();
  return (kind: string): string =>
    (
      ({
        exchange: t('orgKinds.exchange'),
        producer: t('orgKinds.producer'),
        warehouse: t('orgKinds.warehouse'),
        trader: t('orgKinds.trader'),
        lender: t('orgKinds.lender'),
        clearing_house: t('orgKinds.clearing_house'),
        end_user: t('orgKinds.end_user'),
        auditor: t('orgKinds.auditor'),
      }) as Record<string, string>
    )[kind] ?? kind;
}

export function useRoleName() {
  const { t } = useTranslation();
  return (role: Role | string): string =>
    (
      ({
        admin: t('users.roles.admin'),
        member: t('users.roles.member'),
        viewer: t('users.roles.viewer'),
      }) as Record<string, string>
    )[role] ?? role;
}

export const ACCEPT_PATH = '/invitations/accept';

/**
 * The link that opens the acceptance page with the invitation token. The token rides in the
 * fragment, which browsers never send to the server, so it stays out of access logs and referrers.
 */
export function invitationLink(token: string, origin: string = window.location.origin): string {
  return `${origin}${ACCEPT_PATH}#token=${encodeURIComponent(token)}`;
}

/** The token from an invitation link: `#token=…` (what the app builds) or `?token=…`. */
export function tokenFromLocation(loc: { hash: string; search: string }): string {
  const fromHash = new URLSearchParams(loc.hash.replace(/^#/, '')).get('token');
  return (fromHash ?? new URLSearchParams(loc.search).get('token') ?? '').trim();
}
