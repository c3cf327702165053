import { ROLES, type OrgKind, type Principal, type Role, type Scope } from './principal.ts';

// Every route names one of these permissions; a route without one fails at start-up (deny by
// default). A permission says which organisation kinds, which minimum user role and which API-key
// scope may pass the door; object-level rules (own organisation, own brand) live in the services.
export interface PermissionRule {
  /** Anyone, signed in or not. */
  public?: true;
  orgKinds?: readonly OrgKind[] | 'any';
  minRole?: Role;
  /** Scope an API key needs; keys without it are refused. Absent → API keys are refused. */
  scope?: Scope;
  description: string;
}

const ANY = 'any' as const;

export const PERMISSIONS = {
  public: { public: true, description: 'Anyone, including anonymous callers' },
  'session.end': { orgKinds: ANY, minRole: 'viewer', description: 'A signed-in user (session cookie)' },
  'me.read': { orgKinds: ANY, minRole: 'viewer', scope: 'read', description: 'Any signed-in user or API key' },
  'organisations.read': {
    orgKinds: ANY,
    minRole: 'viewer',
    scope: 'read',
    description: 'Any signed-in caller; the exchange sees every organisation, others their own',
  },
  'directory.read': {
    orgKinds: ANY,
    minRole: 'viewer',
    scope: 'read',
    description: 'Any signed-in caller: the names and kinds of the organisations on the register (to choose a grantee or an auditor)',
  },
  'organisations.create': {
    orgKinds: ['exchange'],
    minRole: 'admin',
    scope: 'admin',
    description: 'Exchange administrators',
  },
  'users.manage': {
    orgKinds: ANY,
    minRole: 'admin',
    scope: 'admin',
    description: "Administrators of the user's organisation, or exchange administrators",
  },
  'users.unlock': {
    orgKinds: ANY,
    minRole: 'admin',
    description:
      "Signed-in administrators of the user's organisation, or the exchange's (an API key cannot lift a lock that guards against guessing)",
  },
  'apikeys.manage': {
    orgKinds: ANY,
    minRole: 'admin',
    description: 'Administrators of the organisation, signed in (an API key cannot mint keys)',
  },
  'specs.write': {
    orgKinds: ['exchange'],
    minRole: 'member',
    scope: 'specs:write',
    description: 'Exchange members and administrators',
  },
  'calendar.write': {
    orgKinds: ['exchange'],
    minRole: 'member',
    scope: 'specs:write',
    description: "Exchange members and administrators: the exchange's calendar closures and openings",
  },
  'brands.write': {
    orgKinds: ['exchange'],
    minRole: 'member',
    scope: 'brands:write',
    description: 'Exchange members and administrators',
  },
  'certificates.issue': {
    orgKinds: ['producer'],
    minRole: 'member',
    scope: 'certificates:write',
    description: "Producer members and administrators, for their own organisation's listed brands",
  },
  'certificates.revoke': {
    orgKinds: ['producer', 'exchange'],
    minRole: 'member',
    scope: 'certificates:write',
    description: 'The issuing producer or the exchange',
  },
  'imports.create': {
    orgKinds: ['producer'],
    minRole: 'member',
    scope: 'certificates:write',
    description: "Producer members and administrators, importing eCOAs for their own organisation's brands",
  },
  'imports.read': {
    orgKinds: ['producer', 'exchange'],
    minRole: 'viewer',
    scope: 'read',
    description: 'The producer that uploaded the import, and the exchange',
  },
  'keys.rotate': {
    orgKinds: ['producer', 'warehouse', 'exchange'],
    minRole: 'admin',
    scope: 'admin',
    description: "Administrators of the issuing organisation, or the exchange's",
  },
  'sustainability.file': {
    orgKinds: ['producer'],
    minRole: 'member',
    scope: 'sustainability:write',
    description: "Producer members and administrators, for their own organisation's brands and disclosures",
  },
  'sustainability.attest': {
    orgKinds: ['auditor'],
    minRole: 'member',
    scope: 'sustainability:write',
    description: 'Auditor organisations (members and administrators) signing attestations',
  },
  'sustainability.govern': {
    orgKinds: ['exchange'],
    minRole: 'member',
    scope: 'brands:write',
    description: 'Exchange members and administrators: sustainability reference data and compliance rulings',
  },
  'cbam.file': {
    orgKinds: ['producer'],
    minRole: 'member',
    scope: 'cbam:write',
    description: "Producer members and administrators: their own brands' CBAM carbon reports and whether they are published",
  },
  'cbam.grant': {
    orgKinds: ['producer', 'exchange'],
    minRole: 'member',
    scope: 'cbam:write',
    description: "The brand's producer or the exchange, granting or revoking access to CBAM data",
  },
  'sustainability.read': {
    orgKinds: ANY,
    minRole: 'viewer',
    scope: 'read',
    description: 'Any signed-in caller; what each sees is decided per record (CBAM data is private by default)',
  },
  'network.write': {
    orgKinds: ['exchange'],
    minRole: 'member',
    scope: 'specs:write',
    description: 'Exchange members and administrators: delivery locations, rent caps and approved facilities',
  },
  'receipts.write': {
    orgKinds: ['warehouse'],
    minRole: 'member',
    scope: 'warehouse:write',
    description: 'Warehouse members and administrators, recording what arrives at their own facilities',
  },
  'warehouse.read': {
    orgKinds: ANY,
    minRole: 'viewer',
    scope: 'read',
    description: 'Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange',
  },
  'warrants.issue': {
    orgKinds: ['warehouse'],
    minRole: 'member',
    scope: 'warehouse:write',
    description: 'Warehouse members and administrators, for lots at their own facilities',
  },
  'warrants.operate': {
    orgKinds: ['warehouse', 'exchange'],
    minRole: 'member',
    scope: 'warehouse:write',
    description: 'The warehouse storing the metal (load-out, re-warranting); the exchange may re-warrant',
  },
  'warrants.hold': {
    orgKinds: ANY,
    minRole: 'member',
    scope: 'warrants:write',
    description: 'Members and administrators of the organisation holding the warrant (transfer, swap, cancel for load-out)',
  },
  'warrants.correct': {
    orgKinds: ['exchange'],
    minRole: 'member',
    scope: 'warrants:write',
    description: 'Exchange members and administrators: corrections to a warrant, with a reason',
  },
  'ereceipts.operate': {
    orgKinds: ['warehouse'],
    minRole: 'member',
    scope: 'warehouse:write',
    description: 'Warehouse members and administrators: electronic receipts for off-warrant lots at their own facilities (issue, conversion to a warrant, delivery)',
  },
  'pledges.write': {
    orgKinds: ['producer', 'warehouse', 'trader', 'lender', 'end_user', 'clearing_house'],
    minRole: 'member',
    scope: 'pledges:write',
    description:
      'Members and administrators of a holder (proposing and withdrawing pledges of what it holds) or of the lender a pledge names (accepting, declining, consenting, releasing, enforcing)',
  },
  'pledges.read': {
    orgKinds: ANY,
    minRole: 'viewer',
    scope: 'read',
    description: 'Any signed-in caller; a pledge is shown only to its pledgor, its lender and the exchange',
  },
  'collateral.terms': {
    orgKinds: ['lender', 'clearing_house'],
    minRole: 'member',
    scope: 'pledges:write',
    description: 'Lenders and the clearing house (members and administrators): their own haircuts and LTV alert threshold',
  },
  'collateral.read': {
    orgKinds: ['lender', 'clearing_house'],
    minRole: 'viewer',
    scope: 'read',
    description: 'Lenders and the clearing house: their own collateral book and terms',
  },
  'prices.publish': {
    orgKinds: ['exchange'],
    minRole: 'member',
    scope: 'specs:write',
    description: "Exchange members and administrators: the exchange's official daily prices",
  },
  'witnesses.manage': {
    orgKinds: ['exchange'],
    minRole: 'admin',
    scope: 'admin',
    description: 'Exchange administrators',
  },
  'audit.read': {
    orgKinds: ['exchange', 'auditor'],
    minRole: 'viewer',
    scope: 'read',
    description: 'The exchange and auditors',
  },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

export const isPermission = (p: unknown): p is Permission => typeof p === 'string' && p in PERMISSIONS;

const roleRank = (r: Role): number => ROLES.length - ROLES.indexOf(r); // admin 3, member 2, viewer 1

export type Decision = 'allow' | 'unauthenticated' | 'forbidden';

/** Pure door check: may this principal call a route with this permission? */
export function decide(permission: Permission, principal: Principal): Decision {
  const rule: PermissionRule = PERMISSIONS[permission];
  if (rule.public) return 'allow';
  if (principal.type === 'anonymous') return 'unauthenticated';
  const kinds = rule.orgKinds ?? [];
  if (kinds !== ANY && !kinds.includes(principal.orgKind)) return 'forbidden';
  if (principal.type === 'user') {
    return rule.minRole && roleRank(principal.role) < roleRank(rule.minRole) ? 'forbidden' : 'allow';
  }
  if (!rule.scope) return 'forbidden';
  return principal.scopes.includes(rule.scope) || principal.scopes.includes('admin') ? 'allow' : 'forbidden';
}
