import { describe, expect, it } from 'vitest';
import { decide, explainRefusal, PERMISSIONS, type Permission, type PermissionRule } from './permissions.ts';
import { ORG_KINDS, SCOPES, SCOPES_BY_KIND, unfitScopes, type OrgKind, type Principal, type Role, type Scope } from './principal.ts';

describe('API-key scopes by organisation kind', () => {
  it('offers each kind exactly the scopes some permission open to that kind uses (plus read and admin)', () => {
    for (const kind of ORG_KINDS) {
      const used = new Set<string>(['read', 'admin']);
      for (const rule of Object.values(PERMISSIONS) as PermissionRule[]) {
        const kinds = rule.orgKinds ?? [];
        if (rule.scope && (kinds === 'any' || kinds.includes(kind))) used.add(rule.scope);
      }
      expect([...SCOPES_BY_KIND[kind]].sort(), kind).toEqual([...used].sort());
    }
    expect(SCOPES_BY_KIND.warehouse).not.toContain('certificates:write');
    expect(SCOPES_BY_KIND.producer).not.toContain('brands:write');
  });

  it('names the scopes a key may not carry for its kind', () => {
    expect(unfitScopes('warehouse', ['read', 'certificates:write', 'brands:write'])).toEqual(['certificates:write', 'brands:write']);
    expect(unfitScopes('producer', ['read', 'certificates:write', 'cbam:write'])).toEqual([]);
    expect(unfitScopes('auditor', [...SCOPES])).toEqual(['certificates:write', 'cbam:write', 'warehouse:write', 'pledges:write', 'brands:write', 'specs:write']);
  });
});

describe('refusals say why', () => {
  const user = (orgKind: OrgKind, role: Role): Principal => ({
    type: 'user',
    userId: 'u',
    orgId: 'o',
    orgKind,
    role,
    email: 'e@example.test',
    name: 'E',
  });
  const key = (orgKind: OrgKind, scopes: Scope[]): Principal => ({ type: 'api_key', keyId: 'k', orgId: 'o', orgKind, scopes });
  const refuse = (permission: Permission, p: Principal) => {
    expect(decide(permission, p)).toBe('forbidden');
    return explainRefusal(permission, p);
  };

  it('by organisation kind, role, missing scope, and keys where only people may act', () => {
    expect(refuse('certificates.issue', user('warehouse', 'admin'))).toBe(
      "Not open to a warehouse organisation. Allowed: Producer members and administrators, for their own organisation's listed brands",
    );
    expect(refuse('certificates.issue', user('producer', 'viewer'))).toMatch(/^Your role \(viewer\) is not enough: this needs member or above/);
    expect(refuse('certificates.issue', key('producer', ['read']))).toBe('This API key lacks the certificates:write scope (it carries read)');
    expect(refuse('apikeys.manage', key('producer', ['admin']))).toMatch(/^API keys cannot do this; sign in instead/);
    expect(refuse('brands.write', key('producer', ['admin']))).toMatch(/^Not open to a producer organisation/);
  });
});
