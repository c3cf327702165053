export const ORG_KINDS = ['exchange', 'producer', 'warehouse', 'trader', 'lender', 'end_user', 'auditor', 'clearing_house'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ROLES = ['admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What an API key may do; a user's role plays the same part for sessions. */
export const SCOPES = [
  'read',
  'certificates:write',
  'sustainability:write',
  'cbam:write',
  'warehouse:write',
  'warrants:write',
  'pledges:write',
  'brands:write',
  'specs:write',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Which scopes a key of each organisation kind may carry: only what some permission of that kind
 * could use (access/permissions.ts), so a warehouse is never offered `certificates:write`.
 */
export const SCOPES_BY_KIND: Readonly<Record<OrgKind, readonly Scope[]>> = {
  exchange: ['read', 'certificates:write', 'cbam:write', 'warehouse:write', 'warrants:write', 'brands:write', 'specs:write', 'admin'],
  producer: ['read', 'certificates:write', 'sustainability:write', 'cbam:write', 'warrants:write', 'pledges:write', 'admin'],
  warehouse: ['read', 'warehouse:write', 'warrants:write', 'pledges:write', 'admin'],
  trader: ['read', 'warrants:write', 'pledges:write', 'admin'],
  lender: ['read', 'warrants:write', 'pledges:write', 'admin'],
  end_user: ['read', 'warrants:write', 'pledges:write', 'admin'],
  // Any organisation may hold warrants (and so transfer them and pay their rent), an auditor too.
  auditor: ['read', 'sustainability:write', 'warrants:write', 'admin'],
  // The exchange's clearing house: takes warrants and receipts as margin collateral, like a lender.
  clearing_house: ['read', 'warrants:write', 'pledges:write', 'admin'],
};

/** The scopes of `scopes` a key of this kind may not carry (a key made before the rule, or by hand). */
export const unfitScopes = (kind: OrgKind, scopes: readonly string[]): string[] =>
  scopes.filter((s) => !(SCOPES_BY_KIND[kind] as readonly string[]).includes(s));

export type Principal =
  | { type: 'anonymous' }
  | { type: 'user'; userId: string; orgId: string; orgKind: OrgKind; role: Role; email: string; name: string }
  | { type: 'api_key'; keyId: string; orgId: string; orgKind: OrgKind; scopes: Scope[] };

export type Authenticated = Exclude<Principal, { type: 'anonymous' }>;

export const ANONYMOUS: Principal = Object.freeze({ type: 'anonymous' });

export const isAuthenticated = (p: Principal): p is Authenticated => p.type !== 'anonymous';

/** Who did it, for the audit trail. */
export function actorOf(p: Authenticated): { userId: string | null; apiKeyId: string | null; orgId: string } {
  return p.type === 'user'
    ? { userId: p.userId, apiKeyId: null, orgId: p.orgId }
    : { userId: null, apiKeyId: p.keyId, orgId: p.orgId };
}
