import type { Principal } from '../access/principal.ts';

// Who may read a brand's CBAM data. Pure.

export type CbamAccess = 'exchange' | 'producer' | 'holder' | 'grantee' | 'published';

/**
 * Why this caller may read a brand's CBAM data, or null when it may not. Private by default: the
 * exchange, the brand's producer, the legal owner of its metal on warrant and the warehouse holding
 * it, organisations holding an active grant, or anyone once published.
 */
export function cbamAccess(
  p: Principal,
  brand: { producerOrgId: string },
  state: { published: boolean; granted: boolean; holdsMetal?: boolean },
): CbamAccess | null {
  if (p.type !== 'anonymous' && p.orgKind === 'exchange') return 'exchange';
  if (p.type !== 'anonymous' && p.orgId === brand.producerOrgId) return 'producer';
  if (p.type !== 'anonymous' && state.holdsMetal) return 'holder';
  if (p.type !== 'anonymous' && state.granted) return 'grantee';
  if (state.published) return 'published';
  return null;
}
