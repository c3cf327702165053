import type { KeyObject } from 'node:crypto';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import { isUniqueViolation } from '../platform/errors.ts';
import { didWebForHost, didWebForOrg } from './did.ts';
import { generateEd25519, jwkThumbprint, privateKeyFromPkcs8, publicJwk } from './keystore.ts';
import * as repo from './keys-repo.ts';
import type { TrailEvent } from '../trail/events.ts';
import { recordSignedChange } from './signed-change.ts';
import { canonicalBytes } from './canonical.ts';
import { digestBytes } from './trust.ts';

// Issuer keys (one active Ed25519 key per issuing organisation, older ones kept for verifying what
// they signed) and the registry's log key. Private keys are stored wrapped under the master key.

export const hostOf = (publicUrl: string): string => new URL(publicUrl).host;
export const registryDid = (ctx: AppContext): string => didWebForHost(hostOf(ctx.config.publicUrl));
export const orgDid = (ctx: AppContext, orgId: string): string => didWebForOrg(hostOf(ctx.config.publicUrl), orgId);
/** The log's origin line and note key name, e.g. `localhost:3000/log`. */
export const defaultLogOrigin = (ctx: AppContext): string => `${hostOf(ctx.config.publicUrl)}/log`;

export interface SigningKey {
  kid: string;
  name: string;
  publicKey: Buffer;
  privateKey: KeyObject;
  validFrom: Date;
}

async function unwrap(ctx: AppContext, row: repo.SigningKeyRow): Promise<SigningKey> {
  let privateKey = ctx.signingKeys.get(row.kid);
  if (!privateKey) {
    privateKey = privateKeyFromPkcs8(await ctx.keyWrapper.unwrap(row.private_key_wrapped, row.kid));
    ctx.signingKeys.set(row.kid, privateKey);
  }
  return { kid: row.kid, name: row.name, publicKey: row.public_key, privateKey, validFrom: row.valid_from };
}

/** The public record of a key, whose digest the log commits to. */
export const keyRecord = (k: { kid: string; orgId: string | null; purpose: string; publicKey: Buffer; validFrom: Date }) => ({
  kid: k.kid,
  orgId: k.orgId,
  purpose: k.purpose,
  publicKey: k.publicKey.toString('base64url'),
  validFrom: k.validFrom.toISOString(),
});

async function createKey(ctx: AppContext, tx: Queryable, orgId: string | null, purpose: 'issuer' | 'log', name: string) {
  const pair = generateEd25519();
  const validFrom = ctx.now();
  const kid = purpose === 'issuer' ? `${name}#${await jwkThumbprint(pair.publicKeyRaw)}` : `${name}#log-${await jwkThumbprint(pair.publicKeyRaw)}`;
  await repo.insertKey(tx, {
    kid,
    org_id: orgId,
    purpose,
    name,
    public_key: pair.publicKeyRaw,
    private_key_wrapped: await ctx.keyWrapper.wrap(pair.privateKeyPkcs8, kid),
    wrapper_id: ctx.keyWrapper.id,
    valid_from: validFrom,
  });
  return { kid, publicKey: pair.publicKeyRaw, validFrom };
}

async function ensureKey(ctx: AppContext, orgId: string | null, purpose: 'issuer' | 'log', name: string): Promise<SigningKey> {
  const existing = await repo.activeKey(ctx.db, orgId, purpose);
  if (existing) return unwrap(ctx, existing);
  try {
    await ctx.db.transaction(async (tx) => {
      const k = await createKey(ctx, tx, orgId, purpose, name);
      // Made on first need, by the system on the organisation's behalf.
      await recordSignedChange(ctx, tx, {
        log: { kind: 'key.created', subjectType: 'signing_key', subjectId: k.kid, version: 1 },
        payload: { payloadDigest: digestBytes(canonicalBytes(keyRecord({ ...k, orgId, purpose }))) },
        event: { actor: { userId: null, apiKeyId: null, orgId }, details: { purpose } },
      });
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e; // another request created it first: use theirs
  }
  return unwrap(ctx, (await repo.activeKey(ctx.db, orgId, purpose))!);
}

export const ensureIssuerKey = (ctx: AppContext, orgId: string): Promise<SigningKey> =>
  ensureKey(ctx, orgId, 'issuer', orgDid(ctx, orgId));

/** The registry's log key; its name is the log origin, fixed when the key is first made. */
export const ensureLogKey = (ctx: AppContext): Promise<SigningKey> => ensureKey(ctx, null, 'log', defaultLogOrigin(ctx));

/** A new key becomes active; the old one stays valid for what it signed before now. */
export async function rotateIssuerKey(ctx: AppContext, orgId: string, actor: TrailEvent['actor']): Promise<{ retired: string | null; active: string }> {
  return ctx.db.transaction(async (tx) => {
    const old = await tx.query<{ kid: string }>(
      `SELECT kid FROM signing_keys WHERE org_id = $1 AND purpose = 'issuer' AND valid_until IS NULL FOR UPDATE`,
      [orgId],
    );
    const retired = old.rows[0]?.kid ?? null;
    const at = ctx.now();
    if (retired) await repo.retireKey(tx, retired, at);
    const k = await createKey(ctx, tx, orgId, 'issuer', orgDid(ctx, orgId));
    await recordSignedChange(ctx, tx, {
      log: { kind: 'key.rotated', subjectType: 'signing_key', subjectId: k.kid, version: 1 },
      payload: { payloadDigest: digestBytes(canonicalBytes({ ...keyRecord({ ...k, orgId, purpose: 'issuer' }), replaces: retired })) },
      event: { actor, subjectType: 'organisation', subjectId: orgId, action: 'key.rotated', details: { retired, active: k.kid } },
    });
    return { retired, active: k.kid };
  });
}

export function jwkOf(row: Pick<repo.SigningKeyRow, 'kid' | 'public_key'>) {
  return publicJwk(row.public_key, row.kid);
}
