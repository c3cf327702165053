import type { Principal } from '../access/principal.ts';

// Who may see a restricted sustainability item, and whether a dated item is valid today. Pure.

/** Restricted items are for their producer, the exchange and (for a disclosure) the auditor it names. */
export function canSeeRestricted(p: Principal, owner: { orgId: string; auditorOrgId?: string | null }): boolean {
  if (p.type === 'anonymous') return false;
  return p.orgKind === 'exchange' || p.orgId === owner.orgId || (!!owner.auditorOrgId && p.orgId === owner.auditorOrgId);
}

export type Validity = 'valid' | 'expired' | 'not_yet_valid';

/** Expired items stay on record and show as expired. Null when the item carries no validity dates. */
export function validityStatus(validFrom: string | null, validUntil: string | null, today: string): Validity | null {
  if (!validFrom && !validUntil) return null;
  if (validFrom && today < validFrom) return 'not_yet_valid';
  if (validUntil && today > validUntil) return 'expired';
  return 'valid';
}
