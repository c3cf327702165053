import type { AppContext } from '../platform/context.ts';
import { actorOf, type Authenticated } from '../access/principal.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { buildDidDocument, buildJwks } from './did.ts';
import { ensureLogKey, orgDid, registryDid, rotateIssuerKey } from './keys-service.ts';
import { issuerKeys, keyByKid } from './keys-repo.ts';
import * as logRepo from './log-repo.ts';
import * as reads from './read-cache.ts';
import { statusListCredentialJwt, statusListUrl } from './status-service.ts';
import { buildTrustBundle, logAndWitnesses, trustedIssuer } from './trust-service.ts';
import { digestBytes, type TrustBundle } from './trust.ts';
import { decodeCredentialJwt } from './vc.ts';
import { verifyCredential, type VerificationReport } from './verify.ts';
import { profileFor } from './credential-profile.ts';
import { profilesOf, type RegisteredCredential, type TrustRegistry } from './registry.ts';
import type { ParsedTilePath } from './tiles.ts';

/** A trust bundle holding just what one credential needs (its key, its status list): cheap per request. */
async function trustFor(ctx: AppContext, jwt: string): Promise<TrustBundle> {
  const base: TrustBundle = {
    format: 'assay-trust/1',
    exportedAt: ctx.now().toISOString(),
    registry: { did: registryDid(ctx), publicUrl: ctx.config.publicUrl },
    ...(await logAndWitnesses(ctx)),
    issuers: [],
    statusLists: [],
  };
  let kid: unknown;
  let status: { statusListCredential?: unknown } | undefined;
  try {
    const d = decodeCredentialJwt(jwt);
    kid = d.header.kid;
    status = d.credential.credentialStatus as typeof status;
  } catch {
    return base; // the verifier reports the format problem
  }
  if (typeof kid === 'string') {
    const k = await keyByKid(ctx.db, kid);
    if (k && k.purpose === 'issuer' && k.org_id) {
      const org = await ctx.db.query<{ name: string }>(`SELECT name FROM organisations WHERE id = $1`, [k.org_id]);
      base.issuers.push(trustedIssuer(k, org.rows[0]?.name ?? ''));
      const url = status?.statusListCredential;
      const m = typeof url === 'string' ? /\/status\/([0-9a-f-]{36})\/revocation\/(\d+)$/.exec(url) : null;
      if (m && url === statusListUrl(ctx.config.publicUrl, m[1]!, Number(m[2]))) {
        try {
          const encodedList = await reads.encodedStatusList(ctx, m[1]!, Number(m[2]));
          base.statusLists.push({ url: url as string, encodedList, asOf: base.exportedAt });
        } catch {
          // unknown list: the status check says so
        }
      }
    }
  }
  return base;
}

/** The report as the API answers it: the summary also under the credential type's legacy field. */
export type ApiVerificationReport = VerificationReport & Record<string, unknown>;

/**
 * Verifies a credential against this registry's own state: its issuer's key and status list, its
 * log proof (found by the credential's digest when none is given) and its record's current version.
 */
export async function verifyWithServerState(
  ctx: AppContext,
  registry: TrustRegistry,
  jwt: string,
  opts: { proof?: string; witnessQuorum?: number } = {},
): Promise<ApiVerificationReport> {
  const trust = await trustFor(ctx, jwt);
  let currentVersion: number | undefined;
  let registered: RegisteredCredential | undefined;
  let proofText = opts.proof;
  try {
    const c = decodeCredentialJwt(jwt).credential;
    registered = registry.credentials.find((r) => profileFor([r.profile], c.type));
    const ref = registered?.profile.parseId(c.id);
    if (ref && registered?.currentVersion) currentVersion = await registered.currentVersion(ctx.db, ref.subjectId);
  } catch {
    // malformed: reported by the verifier
  }
  if (!proofText) {
    const found = await logRepo.firstEntryWithDigest(ctx.db, digestBytes(jwt));
    if (found !== undefined) proofText = await reads.proofBundle(ctx, found);
  }
  const report = verifyCredential({
    jwt,
    trust,
    profiles: profilesOf(registry),
    ...(proofText ? { proof: proofText } : {}),
    ...(currentVersion !== undefined ? { currentVersion } : {}),
    witnessQuorum: opts.witnessQuorum ?? 0,
  });
  const field = registered?.reportField;
  return field && report.summary ? { ...report, [field]: report.summary } : report;
}

export const trustBundle = (ctx: AppContext) => buildTrustBundle(ctx);

export async function jwks(ctx: AppContext) {
  return buildJwks((await issuerKeys(ctx.db)).map((k) => ({ kid: k.kid, publicKeyRaw: k.public_key })));
}

export async function registryDidDocument(ctx: AppContext) {
  const k = await ensureLogKey(ctx);
  return buildDidDocument(registryDid(ctx), [{ kid: 'log', publicKeyRaw: k.publicKey, validFrom: k.validFrom.toISOString() }]);
}

export async function orgDidDocument(ctx: AppContext, orgId: string) {
  const keys = await issuerKeys(ctx.db, orgId);
  if (keys.length === 0) throw notFound('Issuer');
  const did = orgDid(ctx, orgId);
  // Retired keys stay listed without an expiry so what they signed keeps verifying; their
  // validity windows are in the trust bundle and JWKS history.
  return buildDidDocument(
    did,
    keys.map((k) => ({ kid: k.kid.slice(k.kid.indexOf('#') + 1), publicKeyRaw: k.public_key, validFrom: k.valid_from.toISOString() })),
  );
}

export const statusList = (ctx: AppContext, orgId: string, listNo: number) => statusListCredentialJwt(ctx, orgId, listNo);

/** The latest signed checkpoint with its cosignatures (cached: trust/read-cache.ts). */
export const checkpoint = (ctx: AppContext): Promise<string> => reads.checkpointNote(ctx);

export const tile = (ctx: AppContext, t: ParsedTilePath): Promise<Buffer> => reads.tileBytes(ctx, t);

export async function entry(ctx: AppContext, index: number) {
  const e = await logRepo.entryAt(ctx.db, index);
  if (!e) throw notFound(`Log entry ${index}`);
  return { index: e.idx, leafHash: e.leaf_hash.toString('base64'), entry: JSON.parse(e.entry.toString('utf8')) as unknown };
}

export async function inclusion(ctx: AppContext, index: number, size: number) {
  const hashes = await reads.inclusionProof(ctx, index, size);
  return { index, size, hashes: hashes.map((h) => h.toString('base64')) };
}

export async function consistency(ctx: AppContext, from: number, to: number) {
  const hashes = await reads.consistencyProof(ctx, from, to);
  return { from, to, hashes: hashes.map((h) => h.toString('base64')) };
}

export async function rotate(ctx: AppContext, p: Authenticated, orgId: string) {
  if (p.orgId !== orgId && p.orgKind !== 'exchange') throw forbidden('Only the organisation or the exchange rotates its key');
  const org = await ctx.db.query<{ kind: string }>(`SELECT kind FROM organisations WHERE id = $1`, [orgId]);
  if (!org.rows[0]) throw notFound('Organisation');
  if (!['producer', 'warehouse', 'exchange'].includes(org.rows[0].kind)) {
    throw new AppError('bad_request', `A ${org.rows[0].kind} does not issue credentials`);
  }
  return rotateIssuerKey(ctx, orgId, actorOf(p));
}


