import type { Queryable } from '../platform/db.ts';
import type { OrgKind, Role, Scope } from './principal.ts';
import type { ThrottleKey, ThrottleScope } from './throttle.ts';

export interface Organisation {
  id: string;
  name: string;
  kind: OrgKind;
  country: string | null;
  createdAt: string;
}

export interface User {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
  hasPassword: boolean;
  /** The organisation whose user or key added this one; null for the first users and the operator CLI. */
  addedBy: { orgId: string; orgName: string; orgKind: OrgKind } | null;
}

export interface ApiKey {
  id: string;
  orgId: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

interface OrgRow {
  id: string;
  name: string;
  kind: OrgKind;
  country: string | null;
  created_at: Date;
}
const toOrg = (r: OrgRow): Organisation => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  country: r.country,
  createdAt: r.created_at.toISOString(),
});

export async function insertOrganisation(
  q: Queryable,
  o: { name: string; kind: OrgKind; country: string | null },
): Promise<Organisation> {
  const r = await q.query<OrgRow>(`INSERT INTO organisations (name, kind, country) VALUES ($1, $2, $3) RETURNING *`, [
    o.name,
    o.kind,
    o.country,
  ]);
  return toOrg(r.rows[0]!);
}

export async function getOrganisation(q: Queryable, id: string): Promise<Organisation | undefined> {
  const r = await q.query<OrgRow>(`SELECT * FROM organisations WHERE id = $1`, [id]);
  return r.rows[0] && toOrg(r.rows[0]);
}

export async function listOrganisations(q: Queryable, f: { kind?: OrgKind; onlyId?: string }): Promise<Organisation[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.kind) where.push(`kind = $${params.push(f.kind)}`);
  if (f.onlyId) where.push(`id = $${params.push(f.onlyId)}`);
  const r = await q.query<OrgRow>(
    `SELECT * FROM organisations ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY name`,
    params,
  );
  return r.rows.map(toOrg);
}

interface UserRow {
  id: string;
  org_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  created_at: Date;
  disabled_at: Date | null;
  added_by_org_id?: string | null;
  added_by_org_name?: string | null;
  added_by_org_kind?: OrgKind | null;
}
const toUser = (r: UserRow): User => ({
  id: r.id,
  orgId: r.org_id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: r.created_at.toISOString(),
  disabled: r.disabled_at !== null,
  hasPassword: r.password_hash !== null,
  addedBy:
    r.added_by_org_id && r.added_by_org_name && r.added_by_org_kind
      ? { orgId: r.added_by_org_id, orgName: r.added_by_org_name, orgKind: r.added_by_org_kind }
      : null,
});

const USER_SELECT = `SELECT u.*, a.name AS added_by_org_name, a.kind AS added_by_org_kind
  FROM users u LEFT JOIN organisations a ON a.id = u.added_by_org_id`;

export async function insertUser(
  q: Queryable,
  u: {
    orgId: string;
    email: string;
    name: string;
    role: Role;
    passwordHash: string | null;
    addedBy?: { orgId: string | null; userId: string | null };
  },
): Promise<User> {
  const r = await q.query<{ id: string }>(
    `INSERT INTO users (org_id, email, name, role, password_hash, added_by_org_id, added_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [u.orgId, u.email, u.name, u.role, u.passwordHash, u.addedBy?.orgId ?? null, u.addedBy?.userId ?? null],
  );
  return (await getUser(q, r.rows[0]!.id))!;
}

export async function getUser(q: Queryable, id: string): Promise<User | undefined> {
  const r = await q.query<UserRow>(`${USER_SELECT} WHERE u.id = $1`, [id]);
  return r.rows[0] && toUser(r.rows[0]);
}

export async function listUsers(q: Queryable, orgId: string): Promise<User[]> {
  const r = await q.query<UserRow>(`${USER_SELECT} WHERE u.org_id = $1 ORDER BY u.email`, [orgId]);
  return r.rows.map(toUser);
}

/** Disables a user of the organisation and ends their sessions and open invitations. */
export async function disableUser(q: Queryable, orgId: string, userId: string, now: Date): Promise<User | undefined> {
  const r = await q.query<{ id: string }>(
    `UPDATE users SET disabled_at = coalesce(disabled_at, $3) WHERE id = $1 AND org_id = $2 RETURNING id`,
    [userId, orgId, now],
  );
  if (!r.rows[0]) return undefined;
  await q.query(`UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, now]);
  await q.query(`UPDATE invitations SET expires_at = least(expires_at, $2) WHERE user_id = $1 AND accepted_at IS NULL`, [userId, now]);
  return getUser(q, userId);
}

/**
 * The person behind an action: the user, or the API key with the user who created it (a key made
 * by the operator CLI has no creator and is named by its label).
 */
export async function personBehind(
  q: Queryable,
  actor: { userId: string | null; apiKeyId: string | null },
): Promise<{ name: string; userId?: string; apiKey?: { id: string; name: string } } | null> {
  if (actor.userId) {
    const r = await q.query<{ name: string }>(`SELECT name FROM users WHERE id = $1`, [actor.userId]);
    return r.rows[0] ? { name: r.rows[0].name, userId: actor.userId } : null;
  }
  if (actor.apiKeyId) {
    const r = await q.query<{ key_name: string; user_id: string | null; user_name: string | null }>(
      `SELECT k.name AS key_name, u.id AS user_id, u.name AS user_name FROM api_keys k LEFT JOIN users u ON u.id = k.created_by WHERE k.id = $1`,
      [actor.apiKeyId],
    );
    const k = r.rows[0];
    if (!k) return null;
    const apiKey = { id: actor.apiKeyId, name: k.key_name };
    return k.user_id && k.user_name ? { name: k.user_name, userId: k.user_id, apiKey } : { name: `API key “${k.key_name}”`, apiKey };
  }
  return null;
}

/** The organisation of the user holding this email, if any (for a precise conflict message). */
export async function emailOwnerOrg(q: Queryable, email: string): Promise<string | undefined> {
  const r = await q.query<{ org_id: string }>(`SELECT org_id FROM users WHERE lower(email) = lower($1)`, [email]);
  return r.rows[0]?.org_id;
}

export interface UserWithOrg extends User {
  passwordHash: string | null;
  orgKind: OrgKind;
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserWithOrg | undefined> {
  const r = await q.query<UserRow & { kind: OrgKind }>(
    `SELECT u.*, o.kind FROM users u JOIN organisations o ON o.id = u.org_id WHERE lower(u.email) = lower($1)`,
    [email],
  );
  const row = r.rows[0];
  return row && { ...toUser(row), passwordHash: row.password_hash, orgKind: row.kind };
}

export async function setPassword(q: Queryable, userId: string, passwordHash: string): Promise<void> {
  await q.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [userId, passwordHash]);
}

export async function setName(q: Queryable, userId: string, name: string): Promise<void> {
  await q.query(`UPDATE users SET name = $2 WHERE id = $1`, [userId, name]);
}

// ---------------------------------------------------------------- sessions and invitations

export async function insertSession(q: Queryable, s: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
  await q.query(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [
    s.tokenHash,
    s.userId,
    s.expiresAt,
  ]);
}

export async function findSessionUser(q: Queryable, tokenHash: string, now: Date): Promise<(UserWithOrg & { sessionExpiresAt: Date }) | undefined> {
  const r = await q.query<UserRow & { kind: OrgKind; session_expires_at: Date }>(
    `SELECT u.*, o.kind, s.expires_at AS session_expires_at FROM sessions s
       JOIN users u ON u.id = s.user_id
       JOIN organisations o ON o.id = u.org_id
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.disabled_at IS NULL`,
    [tokenHash, now],
  );
  const row = r.rows[0];
  return row && { ...toUser(row), passwordHash: null, orgKind: row.kind, sessionExpiresAt: row.session_expires_at };
}

/**
 * The principal epoch (migrations/0014_cache_versions.sql): bumped by trigger with every change
 * that ends or narrows a session or API key, so a cached principal is trusted only under it.
 */
export async function principalEpoch(q: Queryable): Promise<number> {
  return (await q.query<{ n: number }>(`SELECT n FROM principal_epoch`)).rows[0]!.n;
}

export async function revokeSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash]);
}

export async function insertInvitation(q: Queryable, i: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
  await q.query(`INSERT INTO invitations (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [
    i.tokenHash,
    i.userId,
    i.expiresAt,
  ]);
}

/** The email of a live invitation's user, without using it up. */
export async function invitationEmail(q: Queryable, tokenHash: string, now: Date): Promise<string | undefined> {
  const r = await q.query<{ email: string }>(
    `SELECT u.email FROM invitations i JOIN users u ON u.id = i.user_id
      WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > $2`,
    [tokenHash, now],
  );
  return r.rows[0]?.email;
}

/** Marks the invitation used and returns its user, or nothing when unknown, expired or used. */
export async function consumeInvitation(q: Queryable, tokenHash: string, now: Date): Promise<string | undefined> {
  const r = await q.query<{ user_id: string }>(
    `UPDATE invitations SET accepted_at = $2
      WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2 RETURNING user_id`,
    [tokenHash, now],
  );
  return r.rows[0]?.user_id;
}

// ---------------------------------------------------------------- API keys

interface KeyRow {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: Scope[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}
const toKey = (r: KeyRow): ApiKey => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes,
  createdAt: r.created_at.toISOString(),
  lastUsedAt: iso(r.last_used_at),
  revokedAt: iso(r.revoked_at),
});

export async function insertApiKey(
  q: Queryable,
  k: { orgId: string; name: string; prefix: string; secretHash: string; scopes: Scope[]; createdBy: string | null },
): Promise<ApiKey> {
  const r = await q.query<KeyRow>(
    `INSERT INTO api_keys (org_id, name, prefix, secret_hash, scopes, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [k.orgId, k.name, k.prefix, k.secretHash, k.scopes, k.createdBy],
  );
  return toKey(r.rows[0]!);
}

export async function listApiKeys(q: Queryable, orgId: string): Promise<ApiKey[]> {
  const r = await q.query<KeyRow>(`SELECT * FROM api_keys WHERE org_id = $1 ORDER BY created_at DESC`, [orgId]);
  return r.rows.map(toKey);
}

export async function getApiKey(q: Queryable, orgId: string, id: string): Promise<ApiKey | undefined> {
  const r = await q.query<KeyRow>(`SELECT * FROM api_keys WHERE id = $1 AND org_id = $2`, [id, orgId]);
  return r.rows[0] && toKey(r.rows[0]);
}

export async function findApiKeyByPrefix(
  q: Queryable,
  prefix: string,
): Promise<(ApiKey & { secretHash: string; orgKind: OrgKind }) | undefined> {
  const r = await q.query<KeyRow & { kind: OrgKind }>(
    `SELECT k.*, o.kind FROM api_keys k JOIN organisations o ON o.id = k.org_id WHERE k.prefix = $1`,
    [prefix],
  );
  const row = r.rows[0];
  return row && { ...toKey(row), secretHash: row.secret_hash, orgKind: row.kind };
}

export async function touchApiKey(q: Queryable, id: string): Promise<void> {
  // Coarse (one write a minute at most) so a busy key does not turn every read into a write.
  await q.query(
    `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
    [id],
  );
}

export async function revokeApiKey(q: Queryable, orgId: string, id: string): Promise<ApiKey | undefined> {
  const r = await q.query<KeyRow>(
    `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND org_id = $2 RETURNING *`,
    [id, orgId],
  );
  return r.rows[0] && toKey(r.rows[0]);
}

// ---------------------------------------------------------------- sign-in throttle (access/throttle.ts)

export interface ThrottleRow {
  scope: ThrottleScope;
  subject: string;
  failures: number;
  lastFailureAt: Date;
}

const toThrottle = (r: { scope: ThrottleScope; subject: string; failures: number; last_failure_at: Date }): ThrottleRow => ({
  scope: r.scope,
  subject: r.subject,
  failures: r.failures,
  lastFailureAt: r.last_failure_at,
});

const keyList = (keys: readonly ThrottleKey[], params: unknown[]): string =>
  keys.map((k) => `($${params.push(k.scope)}, $${params.push(k.subject)})`).join(', ');

/** The rows of these subjects, without locking (the API-key path reads, then writes on failure). */
export async function readThrottle(q: Queryable, keys: readonly ThrottleKey[]): Promise<ThrottleRow[]> {
  if (keys.length === 0) return [];
  const params: unknown[] = [];
  const r = await q.query<{ scope: ThrottleScope; subject: string; failures: number; last_failure_at: Date }>(
    `SELECT scope, subject, failures, last_failure_at FROM auth_throttle WHERE (scope, subject) IN (${keyList(keys, params)})`,
    params,
  );
  return r.rows.map(toThrottle);
}

/** readThrottle and principalEpoch in one round trip (the API-key path reads both on every request). */
export async function readThrottleAndEpoch(q: Queryable, keys: readonly ThrottleKey[]): Promise<{ epoch: number; rows: ThrottleRow[] }> {
  const params: unknown[] = [];
  const r = await q.query<{ epoch: number; scope: ThrottleScope | null; subject: string; failures: number; last_failure_at: Date }>(
    `SELECT e.n AS epoch, t.scope, t.subject, t.failures, t.last_failure_at
       FROM principal_epoch e LEFT JOIN auth_throttle t ON ${keys.length ? `(t.scope, t.subject) IN (${keyList(keys, params)})` : 'false'}`,
    params,
  );
  return {
    epoch: r.rows[0]!.epoch,
    rows: r.rows.filter((x) => x.scope !== null).map((x) => toThrottle({ ...x, scope: x.scope! })),
  };
}

/**
 * The rows of these subjects, created (with no failures) when missing and locked FOR UPDATE until
 * the transaction ends, so concurrent attempts on one subject, in any process, take turns.
 */
export async function lockThrottle(q: Queryable, keys: readonly ThrottleKey[], now: Date): Promise<ThrottleRow[]> {
  const ins: unknown[] = [now];
  await q.query(
    `INSERT INTO auth_throttle (scope, subject, failures, last_failure_at)
     SELECT s, subj, 0, $1 FROM (VALUES ${keys.map((k) => `($${ins.push(k.scope)}, $${ins.push(k.subject)})`).join(', ')}) v(s, subj)
     ON CONFLICT (scope, subject) DO NOTHING`,
    ins,
  );
  const params: unknown[] = [];
  const r = await q.query<{ scope: ThrottleScope; subject: string; failures: number; last_failure_at: Date }>(
    `SELECT scope, subject, failures, last_failure_at FROM auth_throttle
      WHERE (scope, subject) IN (${keyList(keys, params)}) ORDER BY scope, subject FOR UPDATE`,
    params,
  );
  return r.rows.map(toThrottle);
}

export async function setThrottle(q: Queryable, key: ThrottleKey, failures: number, at: Date): Promise<void> {
  await q.query(`UPDATE auth_throttle SET failures = $3, last_failure_at = $4 WHERE scope = $1 AND subject = $2`, [
    key.scope,
    key.subject,
    failures,
    at,
  ]);
}

/**
 * Counts one failure atomically and returns the new count. `forgetBefore` and `lockOverBefore`
 * mirror throttle.liveFailures: a failure older than the window, or a run-out lock, starts afresh.
 */
export async function addThrottleFailure(
  q: Queryable,
  key: ThrottleKey,
  now: Date,
  f: { forgetBefore: Date; lockOverBefore: Date; lockFailures: number },
): Promise<number> {
  const r = await q.query<{ failures: number }>(
    `INSERT INTO auth_throttle AS t (scope, subject, failures, last_failure_at) VALUES ($1, $2, 1, $3)
     ON CONFLICT (scope, subject) DO UPDATE SET
       failures = CASE WHEN t.last_failure_at <= $4 OR (t.failures >= $6 AND t.last_failure_at <= $5) THEN 1 ELSE t.failures + 1 END,
       last_failure_at = $3
     RETURNING failures`,
    [key.scope, key.subject, now, f.forgetBefore, f.lockOverBefore, f.lockFailures],
  );
  return r.rows[0]!.failures;
}

/** Takes back one counted attempt (it succeeded); the row stays for the others it counts. */
export async function takeBackThrottleAttempt(q: Queryable, key: ThrottleKey): Promise<void> {
  await q.query(`UPDATE auth_throttle SET failures = greatest(failures - 1, 0) WHERE scope = $1 AND subject = $2`, [
    key.scope,
    key.subject,
  ]);
}

/** Forgets a subject's failures (a success, or an administrator's unlock); returns what it held. */
export async function clearThrottle(q: Queryable, key: ThrottleKey): Promise<ThrottleRow | undefined> {
  const r = await q.query<{ scope: ThrottleScope; subject: string; failures: number; last_failure_at: Date }>(
    `DELETE FROM auth_throttle WHERE scope = $1 AND subject = $2 RETURNING scope, subject, failures, last_failure_at`,
    [key.scope, key.subject],
  );
  return r.rows[0] && toThrottle(r.rows[0]);
}

/** Removes up to 100 rows last touched before `before`, so the table does not grow without end. */
export async function sweepThrottle(q: Queryable, before: Date): Promise<void> {
  await q.query(
    `DELETE FROM auth_throttle WHERE (scope, subject) IN
       (SELECT scope, subject FROM auth_throttle WHERE last_failure_at < $1 LIMIT 100)`,
    [before],
  );
}
