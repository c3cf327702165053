import type { AppContext } from '../platform/context.ts';
import { AppError, forbidden, isUniqueViolation, notFound } from '../platform/errors.ts';
import { recordEvent, type TrailEvent } from '../trail/events.ts';
import { passwordProblem } from './password-policy.ts';
import * as repo from './repo.ts';
import { cachedPrincipal, dueForTouch, keepPrincipal, principalCacheOn } from './principal-cache.ts';
import {
  actorOf,
  SCOPES_BY_KIND,
  unfitScopes,
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
import {
  addressKey,
  inWords,
  liveFailures,
  thresholdsFor,
  waitNow,
  type ThrottleKey,
  type ThrottleScope,
  type ThrottleState,
} from './throttle.ts';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
export { MIN_PASSWORD_LENGTH } from './password-policy.ts';

/** Refuses a password people may not choose (access/password-policy.ts), saying why. */
function checkPassword(ctx: AppContext, password: string, email?: string): void {
  const problem = passwordProblem(password, { email, allowDemo: ctx.seedingDemo === true });
  if (problem) {
    throw new AppError('bad_request', `Choose another password: this one ${problem.message}`, [
      { path: 'body.password', code: problem.code, message: problem.message },
    ]);
  }
}

const canAdminOrg = (p: Authenticated, orgId: string): boolean =>
  (p.orgId === orgId || p.orgKind === 'exchange') &&
  (p.type === 'user' ? p.role === 'admin' : p.scopes.includes('admin'));

// ---------------------------------------------------------------- throttling (access/throttle.ts)

const emailKey = (email: string): ThrottleKey => ({ scope: 'email', subject: email.trim().toLowerCase() });
const apiKeyKey = (prefix: string): ThrottleKey => ({ scope: 'api_key', subject: prefix });
const clientKey = (address: string): ThrottleKey => ({ scope: 'address', subject: addressKey(address) });

const REFUSALS: Record<ThrottleScope, { wait: string; locked: string }> = {
  email: {
    wait: 'Too many failed sign-ins: wait {wait} before trying again',
    locked: 'Too many failed sign-ins: signing in to this account is locked for {wait}; an administrator can unlock it sooner',
  },
  address: {
    wait: 'Too many failed attempts from your network address: wait {wait} before trying again',
    locked: 'Too many failed attempts from your network address: it is locked for {wait}',
  },
  api_key: {
    wait: 'Too many failed attempts with this API key: wait {wait} before trying again',
    locked: "Too many failed attempts with this API key: it is locked for {wait}; an administrator of its organisation can unlock it sooner",
  },
};

/** The longest wait among these subjects' rows as a 429, or nothing when every one may try now. */
function refusal(ctx: AppContext, rows: readonly (ThrottleState & ThrottleKey)[], now: Date): AppError | undefined {
  const policy = ctx.config.signInThrottle;
  let worst: { scope: ThrottleScope; ms: number; locked: boolean } | undefined;
  for (const row of rows) {
    const w = waitNow(row, now, policy, thresholdsFor(policy, row.scope));
    if (w.ms > 0 && (!worst || w.ms > worst.ms)) worst = { scope: row.scope, ...w };
  }
  if (!worst) return undefined;
  const retryAfterSeconds = Math.ceil(worst.ms / 1000);
  const message = REFUSALS[worst.scope][worst.locked ? 'locked' : 'wait'].replace('{wait}', inWords(worst.ms));
  return new AppError(
    'too_many_requests',
    message,
    [{ code: `${worst.scope}_${worst.locked ? 'locked' : 'wait'}`, message, retryAfterSeconds }],
    { retryAfterSeconds },
  );
}

/**
 * Admits one sign-in attempt or refuses it (429). An admitted attempt is counted as a failure at
 * once, under a row lock, so a burst of parallel guesses cannot all slip in before the first
 * failure is written; a success takes it back. Returns the subjects this attempt brings to their
 * lock, for the audit trail should it fail.
 */
async function admitAttempt(ctx: AppContext, keys: ThrottleKey[], now: Date): Promise<ThrottleKey[]> {
  const policy = ctx.config.signInThrottle;
  return ctx.db.transaction(async (tx) => {
    const rows = await repo.lockThrottle(tx, keys, now);
    const refused = refusal(ctx, rows, now);
    if (refused) throw refused;
    const locking: ThrottleKey[] = [];
    for (const row of rows) {
      const t = thresholdsFor(policy, row.scope);
      const failures = liveFailures(row, now, policy, t) + 1;
      await repo.setThrottle(tx, row, failures, now);
      if (failures === t.lockFailures) locking.push({ scope: row.scope, subject: row.subject });
    }
    await repo.sweepThrottle(tx, new Date(now.getTime() - Math.max(policy.windowMs, policy.lockMs)));
    return locking;
  });
}

/** Counts one failure for each subject (the API-key path); returns those it brings to their lock. */
async function countFailure(ctx: AppContext, keys: ThrottleKey[], now: Date): Promise<ThrottleKey[]> {
  const policy = ctx.config.signInThrottle;
  const locking: ThrottleKey[] = [];
  for (const key of keys) {
    const t = thresholdsFor(policy, key.scope);
    const failures = await repo.addThrottleFailure(ctx.db, key, now, {
      forgetBefore: new Date(now.getTime() - policy.windowMs),
      lockOverBefore: new Date(now.getTime() - policy.lockMs),
      lockFailures: t.lockFailures,
    });
    if (failures === t.lockFailures) locking.push(key);
  }
  return locking;
}

/** One audit event per lock: the account (by user or key when known, else as typed) or the address. */
async function auditLocks(
  ctx: AppContext,
  locking: readonly ThrottleKey[],
  known: { user?: { id: string; orgId: string }; apiKey?: { id: string; orgId: string } },
): Promise<void> {
  const policy = ctx.config.signInThrottle;
  for (const key of locking) {
    const t = thresholdsFor(policy, key.scope);
    const owner = key.scope === 'email' ? known.user : key.scope === 'api_key' ? known.apiKey : undefined;
    const subjectType = key.scope === 'email' ? (owner ? 'user' : 'email') : key.scope === 'api_key' ? (owner ? 'api_key' : 'api_key_prefix') : 'address';
    await recordEvent(ctx.db, {
      actor: { userId: null, apiKeyId: null, orgId: owner?.orgId ?? null },
      action: key.scope === 'api_key' ? 'api_key.locked' : 'sign_in.locked',
      subjectType,
      subjectId: owner?.id ?? key.subject,
      details: { scope: key.scope, subject: key.subject, failures: t.lockFailures, lockedForSeconds: Math.ceil(policy.lockMs / 1000) },
    });
  }
}

// ---------------------------------------------------------------- authentication

/**
 * Signs in with email and password. `address` is the client's (req.ip): failures are counted per
 * email as typed, whether or not it is anyone's, and per address, so a lock says nothing about
 * which emails exist, and an unknown email costs the same database work and password check.
 */
export async function signIn(
  ctx: AppContext,
  email: string,
  password: string,
  address: string,
): Promise<{ token: string; expiresAt: Date; user: repo.User }> {
  const now = ctx.now();
  const keys = [emailKey(email), clientKey(address)];
  const locking = await admitAttempt(ctx, keys, now);
  const user = await repo.findUserByEmail(ctx.db, email);
  // Verify against a decoy when the user is unknown so the answer takes the same time.
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash(ctx.config.argon2)), password);
  if (!user || !ok || user.disabled) {
    if (locking.length > 0) await auditLocks(ctx, locking, user ? { user } : {});
    throw new AppError('unauthenticated', 'Email or password is incorrect');
  }
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3600 * 1000);
  await ctx.db.transaction(async (tx) => {
    // The attempt was counted on admission: forget the account's failures, take it back from the address.
    await repo.clearThrottle(tx, keys[0]!);
    await repo.takeBackThrottleAttempt(tx, keys[1]!);
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

/**
 * The principal of a live session, or null. With the principal cache on (access/principal-cache.ts)
 * a request reads one number, the principal epoch, and looks the session up only on a miss.
 */
export async function principalFromSession(ctx: AppContext, token: string): Promise<Principal | null> {
  const cacheOn = principalCacheOn(ctx);
  const credential = `s:${tokenHash(token)}`;
  const epoch = cacheOn ? await repo.principalEpoch(ctx.db) : 0;
  if (cacheOn) {
    const hit = cachedPrincipal(ctx, epoch, credential);
    if (hit) return hit;
  }
  const u = await repo.findSessionUser(ctx.db, tokenHash(token), ctx.now());
  if (!u) return null;
  const p: Authenticated = { type: 'user', userId: u.id, orgId: u.orgId, orgKind: u.orgKind, role: u.role, email: u.email, name: u.name };
  if (cacheOn) keepPrincipal(ctx, epoch, credential, p, u.sessionExpiresAt.getTime());
  return p;
}

/**
 * The principal of an API key, or null when it is malformed, unknown, revoked or wrong. Keys are
 * 256-bit random, so guessing one is hopeless; the throttle stops floods of wrong keys and locks a
 * prefix under attack. It reads before and writes only on failure, so a good key costs one read:
 * the throttle rows and the principal epoch together, the key itself too on a principal-cache miss
 * (a hit is filed under the whole key's hash, so only the real secret finds it). A locked prefix
 * or address refuses even a cached key, as before.
 */
export async function principalFromApiKey(ctx: AppContext, key: string, address: string): Promise<Principal | null> {
  const now = ctx.now();
  const parsed = parseApiKey(key);
  const keys = parsed ? [apiKeyKey(parsed.prefix), clientKey(address)] : [clientKey(address)];
  const cacheOn = principalCacheOn(ctx);
  const { epoch, rows } = cacheOn ? await repo.readThrottleAndEpoch(ctx.db, keys) : { epoch: 0, rows: await repo.readThrottle(ctx.db, keys) };
  const refused = refusal(ctx, rows, now);
  if (refused) throw refused;
  const credential = `k:${tokenHash(key)}`;
  const hit = cacheOn && parsed ? cachedPrincipal(ctx, epoch, credential) : undefined;
  if (hit && hit.type === 'api_key') {
    if (rows.some((r) => r.scope === 'api_key' && r.failures > 0)) await repo.clearThrottle(ctx.db, keys[0]!);
    if (dueForTouch(ctx, hit.keyId)) await repo.touchApiKey(ctx.db, hit.keyId);
    return hit;
  }
  const row = parsed ? await repo.findApiKeyByPrefix(ctx.db, parsed.prefix) : undefined;
  if (!parsed || !row || row.revokedAt || !sameHash(row.secretHash, tokenHash(parsed.secret))) {
    const locking = await countFailure(ctx, keys, now);
    if (locking.length > 0) await auditLocks(ctx, locking, row ? { apiKey: row } : {});
    return null;
  }
  if (rows.some((r) => r.scope === 'api_key' && r.failures > 0)) await repo.clearThrottle(ctx.db, keys[0]!);
  // A key that carries a scope its organisation's kind may not hold (made before the rule, or by
  // hand) is refused whole, with the reason, rather than half-honoured.
  const unfit = unfitScopes(row.orgKind, row.scopes);
  if (unfit.length > 0) {
    throw new AppError(
      'forbidden',
      `This API key carries ${unfit.join(', ')}, which a key of a ${row.orgKind} organisation cannot hold; ` +
        `an administrator should revoke it (prefix ${row.prefix}) and create a key with scopes from ${SCOPES_BY_KIND[row.orgKind].join(', ')}`,
      [{ path: 'headers.authorization', message: `scopes not available to a ${row.orgKind}: ${unfit.join(', ')}` }],
    );
  }
  if (!cacheOn || dueForTouch(ctx, row.id)) await repo.touchApiKey(ctx.db, row.id);
  const p: Authenticated = { type: 'api_key', keyId: row.id, orgId: row.orgId, orgKind: row.orgKind, scopes: row.scopes };
  if (cacheOn) keepPrincipal(ctx, epoch, credential, p);
  return p;
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
    throw new AppError('bad_request', 'You cannot remove yourself; ask another administrator', [{ path: 'params.userId', message: 'is you', code: 'is_you' }]);
  }
  return ctx.db.transaction(async (tx) => {
    const user = await repo.disableUser(tx, orgId, userId, ctx.now());
    if (!user) throw notFound('User');
    await recordEvent(tx, { actor: actorOf(p), action: 'user.removed', subjectType: 'user', subjectId: userId, details: { orgId } });
    return user;
  });
}

/**
 * Forgets an account's failed attempts, lifting its lock, and records who did it. For callers that
 * already hold the authority: unlockUser and unlockApiKey after their checks, and the operator CLI.
 */
export async function liftLock(
  ctx: AppContext,
  actor: TrailEvent['actor'],
  key: { email: string } | { apiKeyPrefix: string },
  subject: { type: string; id: string },
): Promise<{ wasLocked: boolean; failures: number }> {
  const policy = ctx.config.signInThrottle;
  const k = 'email' in key ? emailKey(key.email) : apiKeyKey(key.apiKeyPrefix);
  return ctx.db.transaction(async (tx) => {
    const held = await repo.clearThrottle(tx, k);
    const wasLocked = waitNow(held, ctx.now(), policy, policy.account).locked;
    const failures = liveFailures(held, ctx.now(), policy, policy.account);
    await recordEvent(tx, {
      actor,
      action: k.scope === 'email' ? 'user.unlocked' : 'api_key.unlocked',
      subjectType: subject.type,
      subjectId: subject.id,
      details: { wasLocked, failures },
    });
    return { wasLocked, failures };
  });
}

/** Lifts a user's sign-in lock early: the organisation's administrators, or the exchange's. */
export async function unlockUser(
  ctx: AppContext,
  p: Authenticated,
  orgId: string,
  userId: string,
): Promise<{ user: repo.User; wasLocked: boolean }> {
  if (!canAdminOrg(p, orgId)) throw forbidden('Only administrators of this organisation can unlock its users');
  const user = await repo.getUser(ctx.db, userId);
  if (!user || user.orgId !== orgId) throw notFound('User');
  const { wasLocked } = await liftLock(ctx, actorOf(p), { email: user.email }, { type: 'user', id: user.id });
  return { user, wasLocked };
}

/** Lifts an API key's lock early: signed-in administrators of its organisation. */
export async function unlockApiKey(ctx: AppContext, p: Authenticated, keyId: string): Promise<{ apiKey: repo.ApiKey; wasLocked: boolean }> {
  const apiKey = await repo.getApiKey(ctx.db, p.orgId, keyId);
  if (!apiKey) throw notFound('API key');
  const { wasLocked } = await liftLock(ctx, actorOf(p), { apiKeyPrefix: apiKey.prefix }, { type: 'api_key', id: apiKey.id });
  return { apiKey, wasLocked };
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
  if (input.password !== undefined) checkPassword(ctx, input.password, input.email.trim());
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

/** The organisation's users, each with when its sign-in lock ends if it is locked now. */
export async function listUsers(
  ctx: AppContext,
  p: Authenticated,
  orgId: string,
): Promise<(repo.User & { signInLockedUntil: string | null })[]> {
  if (!canAdminOrg(p, orgId)) throw forbidden('Only administrators of this organisation can list its users');
  const users = await repo.listUsers(ctx.db, orgId);
  const rows = await repo.readThrottle(ctx.db, users.map((u) => emailKey(u.email)));
  const policy = ctx.config.signInThrottle;
  const now = ctx.now();
  return users.map((u) => {
    const w = waitNow(rows.find((r) => r.subject === emailKey(u.email).subject), now, policy, policy.account);
    return { ...u, signInLockedUntil: w.locked ? new Date(now.getTime() + w.ms).toISOString() : null };
  });
}

/** The invitee chooses a password and, if they like, the name others see (replacing the invitation's). */
export async function acceptInvitation(ctx: AppContext, token: string, password: string, name?: string): Promise<void> {
  const newName = name?.trim();
  if (newName === '') throw new AppError('bad_request', 'Name must not be blank', [{ path: 'body.name', message: 'must not be blank' }]);
  // Judged against the invitee's email when the invitation is live; an unknown one is a 404 below.
  checkPassword(ctx, password, (await repo.invitationEmail(ctx.db, tokenHash(token), ctx.now())) ?? undefined);
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

/** The organisation's keys; `unfitScopes` names what a key carries that its organisation's kind may not (such a key is refused). */
export async function listApiKeys(ctx: AppContext, p: Authenticated): Promise<(repo.ApiKey & { unfitScopes: string[] })[]> {
  return (await repo.listApiKeys(ctx.db, p.orgId)).map((k) => ({ ...k, unfitScopes: unfitScopes(p.orgKind, k.scopes) }));
}

export async function revokeApiKey(ctx: AppContext, p: Authenticated, id: string): Promise<repo.ApiKey> {
  return ctx.db.transaction(async (tx) => {
    const k = await repo.revokeApiKey(tx, p.orgId, id);
    if (!k) throw notFound('API key');
    await recordEvent(tx, { actor: actorOf(p), action: 'api_key.revoked', subjectType: 'api_key', subjectId: id });
    return k;
  });
}
