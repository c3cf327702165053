import type { AppContext } from '../platform/context.ts';
import { AppError, forbidden, isUniqueViolation, notFound } from '../platform/errors.ts';
import { recordEvent, type TrailEvent } from '../trail/events.ts';
import * as repo from './repo.ts';
import {
  actorOf,
  SCOPES_BY_KIND,
  type Authenticated,
  type OrgKind,
  type Principal,
  type Role,
  type Scope,
} from './principal.ts';
import {
  decoyHash,
  hashPassword,
  newApiKey,
  newToken,
  parseApiKey,
  sameHash,
  tokenHash,
  verifyPassword,
} from './secrets.ts';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
export const MIN_PASSWORD_LENGTH = 12;

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('bad_request', `Password must be at least ${MIN_PASSWORD_LENGTH} characters`, [
      { path: 'body.password', message: `at least ${MIN_PASSWORD_LENGTH} characters` },
    ]);
  }
}

const canAdminOrg = (p: Authenticated, orgId: string): boolean =>
  (p.orgId === orgId || p.orgKind === 'exchange') &&
  (p.type === 'user' ? p.role === 'admin' : p.scopes.includes('admin'));

// ---------------------------------------------------------------- authentication

export async function signIn(
  ctx: AppContext,
  email: string,
  password: string,
): Promise<{ token: string; expiresAt: Date; user: repo.User }> {
  const user = await repo.findUserByEmail(ctx.db, email);
  // Verify against a decoy when the user is unknown so the answer takes the same time.
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash(ctx.config.argon2)), password);
  if (!user || !ok || user.disabled) throw new AppError('unauthenticated', 'Email or password is incorrect');
  const token = newToken();
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.sessionTtlHours * 3600 * 1000);
  await ctx.db.transaction(async (tx) => {
    await repo.insertSession(tx, { tokenHash: tokenHash(token), userId: user.id, expiresAt });
    await recordEvent(tx, {
      actor: { userId: user.id, apiKeyId: null, orgId: user.orgId },
      action: 'session.created',
      subjectType: 'user',
      subjectId: user.id,
    });
  });
  const { passwordHash: _omit, orgKind: _kind, ...publicUser } = user;
  return { token, expiresAt, user: publicUser };
}

export async function signOut(ctx: AppContext, token: string): Promise<void> {
  await repo.revokeSession(ctx.db, tokenHash(token));
}

export async function principalFromSession(ctx: AppContext, token: string): Promise<Principal | null> {
  const u = await repo.findSessionUser(ctx.db, tokenHash(token), ctx.now());
  if (!u) return null;
  return { type: 'user', userId: u.id, orgId: u.orgId, orgKind: u.orgKind, role: u.role, email: u.email, name: u.name };
}

export async function principalFromApiKey(ctx: AppContext, key: string): Promise<Principal | null> {
  const parsed = parseApiKey(key);
  if (!parsed) return null;
  const row = await repo.findApiKeyByPrefix(ctx.db, parsed.prefix);
  if (!row || row.revokedAt || !sameHash(row.secretHash, tokenHash(parsed.secret))) return null;
  await repo.touchApiKey(ctx.db, row.id);
  return { type: 'api_key', keyId: row.id, orgId: row.orgId, orgKind: row.orgKind, scopes: row.scopes };
}

/** The person behind an action, named on what they issue (certificate versions). */
export const personBehind = (ctx: AppContext, actor: { userId: string | null; apiKeyId: string | null }) =>
  repo.personBehind(ctx.db, actor);

// ---------------------------------------------------------------- organisations

/**
 * Adds an organisation without a permission check, recording `actor` in the trail: for the
 * operator (the CLI) and the demo world's exchange, which exists before anyone could authorise it.
 */
export async function addOrganisation(
  ctx: AppContext,
  actor: TrailEvent['actor'],
  input: { name: string; kind: OrgKind; country?: string | null },
  via: string,
): Promise<repo.Organisation> {
  return ctx.db.transaction(async (tx) => {
    const org = await repo.insertOrganisation(tx, { name: input.name.trim(), kind: input.kind, country: input.country ?? null });
    await recordEvent(tx, { actor, action: 'organisation.created', subjectType: 'organisation', subjectId: org.id, details: { name: org.name, kind: org.kind, via } });
    return org;
  });
}

export async function createOrganisation(
  ctx: AppContext,
  p: Authenticated,
  input: { name: string; kind: OrgKind; country?: string | null },
): Promise<repo.Organisation> {
  if (p.orgKind !== 'exchange') throw forbidden('Only the exchange creates organisations');
  try {
    return await ctx.db.transaction(async (tx) => {
      const org = await repo.insertOrganisation(tx, {
        name: input.name.trim(),
        kind: input.kind,
        country: input.country ?? null,
      });
      await recordEvent(tx, {
        actor: actorOf(p),
        action: 'organisation.created',
        subjectType: 'organisation',
        subjectId: org.id,
        details: { name: org.name, kind: org.kind },
      });
      return org;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict', `An organisation named "${input.name}" already exists`);
    throw e;
  }
}

export async function listOrganisations(
  ctx: AppContext,
  p: Authenticated,
  f: { kind?: OrgKind },
): Promise<repo.Organisation[]> {
  return repo.listOrganisations(ctx.db, { ...f, ...(p.orgKind === 'exchange' ? {} : { onlyId: p.orgId }) });
}

/** Names, kinds and countries of every organisation: enough to pick one, nothing more. */
export async function organisationDirectory(ctx: AppContext, f: { kind?: OrgKind }): Promise<{ id: string; name: string; kind: OrgKind; country: string | null }[]> {
  return (await repo.listOrganisations(ctx.db, f)).map((o) => ({ id: o.id, name: o.name, kind: o.kind, country: o.country }));
}

export async function getOrganisation(ctx: AppContext, p: Authenticated, id: string): Promise<repo.Organisation> {
  if (p.orgKind !== 'exchange' && p.orgId !== id) throw notFound('Organisation');
  const org = await repo.getOrganisation(ctx.db, id);
  if (!org) throw notFound('Organisation');
  return org;
}

// ---------------------------------------------------------------- users

export async function createUser(
  ctx: AppContext,
  p: Authenticated,
  orgId: string,
  input: { email: string; name: string; role: Role; password?: string },
): Promise<{ user: repo.User; invitationToken?: string; invitationExpiresAt?: string }> {
  if (!canAdminOrg(p, orgId)) throw forbidden('Only administrators of this organisation can add users');
  // A key is a program, not a person: it may invite, but a password it chose, or an administrator
  // it made, would let whoever holds the key become a signed-in user able to mint more keys.
  if (p.type === 'api_key' && input.password !== undefined) {
    throw new AppError('forbidden', 'An API key may invite users; only the invitee chooses a password', [
      { path: 'body.password', message: 'not accepted from an API key; leave it out to send an invitation' },
    ]);
  }
  if (p.type === 'api_key' && input.role === 'admin') {
    throw new AppError('forbidden', 'An API key cannot add administrators; a signed-in administrator can', [
      { path: 'body.role', message: 'admin not accepted from an API key' },
    ]);
  }
  // The exchange may bring a person into another organisation, but never hold their password:
  // otherwise it could sign in as a producer and issue certificates in the producer's name.
  if (p.orgId !== orgId && input.password !== undefined) {
    throw new AppError('forbidden', 'Users of another organisation are invited; only the invitee chooses a password', [
      { path: 'body.password', message: 'leave it out to send an invitation' },
    ]);
  }
  return addUser(ctx, actorOf(p), orgId, input, { orgId: p.orgId, userId: p.type === 'user' ? p.userId : null, exchange: p.orgKind === 'exchange' });
}

/** Disables a user of the organisation; its administrators (or the exchange's) decide. */
export async function removeUser(ctx: AppContext, p: Authenticated, orgId: string, userId: string): Promise<repo.User> {
  if (!canAdminOrg(p, orgId)) throw forbidden('Only administrators of this organisation can remove its users');
  if (p.type === 'user' && p.userId === userId) {
    throw new AppError('bad_request', 'You cannot remove yourself; ask another administrator', [{ path: 'params.userId', message: 'is you' }]);
  }
  return ctx.db.transaction(async (tx) => {
    const user = await repo.disableUser(tx, orgId, userId, ctx.now());
    if (!user) throw notFound('User');
    await recordEvent(tx, { actor: actorOf(p), action: 'user.removed', subjectType: 'user', subjectId: userId, details: { orgId } });
    return user;
  });
}

/**
 * Adds a user (with a password, or invited) without a permission check, recording `actor` in the
 * audit trail. For callers that already hold the authority: createUser after its check, the
 * operator CLI (`assay user create`, actor without a user) and the demo-world seeder.
 */
export async function addUser(
  ctx: AppContext,
  actor: TrailEvent['actor'],
  orgId: string,
  input: { email: string; name: string; role: Role; password?: string },
  addedBy: { orgId: string | null; userId: string | null; exchange?: boolean } = { orgId: null, userId: null },
): Promise<{ user: repo.User; invitationToken?: string; invitationExpiresAt?: string }> {
  const org = await repo.getOrganisation(ctx.db, orgId);
  if (!org) throw notFound('Organisation');
  if (input.password !== undefined) checkPassword(input.password);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password, ctx.config.argon2) : null;
  try {
    return await ctx.db.transaction(async (tx) => {
      const user = await repo.insertUser(tx, {
        orgId,
        email: input.email.trim(),
        name: input.name.trim(),
        role: input.role,
        passwordHash,
        addedBy: { orgId: addedBy.orgId, userId: addedBy.userId },
      });
      let invitation: { invitationToken: string; invitationExpiresAt: string } | undefined;
      if (!passwordHash) {
        const token = newToken();
        const expiresAt = new Date(ctx.now().getTime() + INVITATION_TTL_MS);
        await repo.insertInvitation(tx, { tokenHash: tokenHash(token), userId: user.id, expiresAt });
        invitation = { invitationToken: token, invitationExpiresAt: expiresAt.toISOString() };
      }
      await recordEvent(tx, {
        actor,
        action: passwordHash ? 'user.created' : 'user.invited',
        subjectType: 'user',
        subjectId: user.id,
        details: { email: user.email, role: user.role, orgId },
      });
      return { user, ...invitation };
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      // Only the exchange learns where an address is in use; an organisation's administrator gets
      // the same answer whether the person is theirs or another organisation's.
      const owner = await repo.emailOwnerOrg(ctx.db, input.email.trim());
      const message = addedBy.exchange
        ? `already in use by organisation ${owner}`
        : owner === orgId
          ? 'already in use in this organisation'
          : 'cannot be used; ask the person for another address';
      throw new AppError('conflict', 'This email address cannot be used for a new user', [{ path: 'body.email', message }]);
    }
    throw e;
  }
}

export async function listUsers(ctx: AppContext, p: Authenticated, orgId: string): Promise<repo.User[]> {
  if (!canAdminOrg(p, orgId)) throw forbidden('Only administrators of this organisation can list its users');
  return repo.listUsers(ctx.db, orgId);
}

/** The invitee chooses a password and, if they like, the name others see (replacing the invitation's). */
export async function acceptInvitation(ctx: AppContext, token: string, password: string, name?: string): Promise<void> {
  const newName = name?.trim();
  if (newName === '') throw new AppError('bad_request', 'Name must not be blank', [{ path: 'body.name', message: 'must not be blank' }]);
  checkPassword(password);
  const hash = await hashPassword(password, ctx.config.argon2);
  await ctx.db.transaction(async (tx) => {
    const userId = await repo.consumeInvitation(tx, tokenHash(token), ctx.now());
    if (!userId) throw new AppError('not_found', 'This invitation is unknown, expired or already used');
    await repo.setPassword(tx, userId, hash);
    if (newName !== undefined) await repo.setName(tx, userId, newName);
    await recordEvent(tx, {
      actor: { userId, apiKeyId: null, orgId: null },
      action: 'user.invitation_accepted',
      subjectType: 'user',
      subjectId: userId,
      ...(newName !== undefined ? { details: { name: newName } } : {}),
    });
  });
}

// ---------------------------------------------------------------- API keys

export async function createApiKey(
  ctx: AppContext,
  p: Authenticated,
  input: { name: string; scopes: Scope[] },
): Promise<{ key: string; apiKey: repo.ApiKey }> {
  if (p.type !== 'user' || p.role !== 'admin') throw forbidden('Only signed-in administrators create API keys');
  const scopes = [...new Set(input.scopes)];
  const allowed = SCOPES_BY_KIND[p.orgKind];
  const unfit = scopes.filter((s) => !allowed.includes(s));
  if (unfit.length > 0) {
    throw new AppError(
      'bad_request',
      `A key of a ${p.orgKind} organisation cannot carry ${unfit.join(', ')}`,
      unfit.map((s) => ({ path: 'body.scopes', message: `${s} is not available to a ${p.orgKind}; choose from ${allowed.join(', ')}` })),
    );
  }
  const { key, prefix, secretHash } = newApiKey();
  const apiKey = await ctx.db.transaction(async (tx) => {
    const k = await repo.insertApiKey(tx, { orgId: p.orgId, name: input.name.trim(), prefix, secretHash, scopes, createdBy: p.userId });
    await recordEvent(tx, {
      actor: actorOf(p),
      action: 'api_key.created',
      subjectType: 'api_key',
      subjectId: k.id,
      details: { name: k.name, scopes },
    });
    return k;
  });
  return { key, apiKey };
}

/** An API key made by the operator (`assay apikey create`): no user created it; scopes must fit the kind. */
export async function addApiKeyAsOperator(
  ctx: AppContext,
  org: { id: string; kind: OrgKind },
  input: { name: string; scopes: Scope[] },
): Promise<{ key: string; apiKey: repo.ApiKey }> {
  const unfit = input.scopes.filter((s) => !SCOPES_BY_KIND[org.kind].includes(s));
  if (unfit.length > 0) throw new AppError('bad_request', `A key of a ${org.kind} cannot carry ${unfit.join(', ')} (available: ${SCOPES_BY_KIND[org.kind].join(', ')})`);
  const { key, prefix, secretHash } = newApiKey();
  const apiKey = await ctx.db.transaction(async (tx) => {
    const k = await repo.insertApiKey(tx, { orgId: org.id, name: input.name, prefix, secretHash, scopes: input.scopes, createdBy: null });
    await recordEvent(tx, {
      actor: { userId: null, apiKeyId: null, orgId: org.id },
      action: 'api_key.created',
      subjectType: 'api_key',
      subjectId: k.id,
      details: { name: k.name, scopes: input.scopes, via: 'cli' },
    });
    return k;
  });
  return { key, apiKey };
}

export async function listApiKeys(ctx: AppContext, p: Authenticated): Promise<repo.ApiKey[]> {
  return repo.listApiKeys(ctx.db, p.orgId);
}

export async function revokeApiKey(ctx: AppContext, p: Authenticated, id: string): Promise<repo.ApiKey> {
  return ctx.db.transaction(async (tx) => {
    const k = await repo.revokeApiKey(tx, p.orgId, id);
    if (!k) throw notFound('API key');
    await recordEvent(tx, { actor: actorOf(p), action: 'api_key.revoked', subjectType: 'api_key', subjectId: id });
    return k;
  });
}
