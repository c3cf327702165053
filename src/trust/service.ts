import type { AppContext } from '../platform/context.ts';
import { actorOf, type Authenticated, type Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/repo.ts';
import { parseCredentialId, statusListUrl } from '../certificates/credential.ts';
import * as certRepo from '../certificates/repo.ts';
import { certificateSubjectSchema } from '../certificates/subject-schema.ts';
import { canReadFull } from '../certificates/views.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { buildDidDocument, buildJwks } from './did.ts';
import { ensureLogKey, orgDid, registryDid, rotateIssuerKey } from './keys-service.ts';
import { issuerKeys, keyByKid } from './keys-repo.ts';
import * as logRepo from './log-repo.ts';
import * as log from './log-service.ts';
import { encodeList } from './status-list.ts';
import { listBits, statusListCredentialJwt } from './status-service.ts';
import { buildTrustBundle, logAndWitnesses, trustedIssuer } from './trust-service.ts';
import { digestBytes, type TrustBundle } from './trust.ts';
import { decodeCredentialJwt } from './vc.ts';
import { verifyCertificate, type VerificationReport } from './verify.ts';
import type { ParsedTilePath } from './tiles.ts';

async function versionFor(ctx: AppContext, p: Principal, id: string, version?: number) {
  const c = await certRepo.getCertificate(ctx.db, id);
  if (!c || (c.status === 'rejected' && !canReadFull(p, c))) throw notFound('Certificate');
  const v = await certRepo.getVersion(ctx.db, id, version ?? c.current_version);
  if (!v) throw notFound(`Version ${version}`);
  return { c, v };
}

export async function credentialFor(ctx: AppContext, p: Principal, id: string, version?: number): Promise<string> {
  const { c, v } = await versionFor(ctx, p, id, version);
  if (!canReadFull(p, c)) {
    throw p.type === 'anonymous'
      ? new AppError('unauthenticated', 'Sign in to download the credential')
      : forbidden('The credential carries the full certificate: issuing producer and exchange only');
  }
  if (!v.credential) throw new AppError('not_found', `Version ${v.version} was rejected and carries no credential`);
  return v.credential;
}

export async function proofFor(ctx: AppContext, p: Principal, id: string, version?: number): Promise<string> {
  const { v } = await versionFor(ctx, p, id, version);
  return log.proofBundle(ctx, v.log_index);
}

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
          const { bits } = await listBits(ctx.db, m[1]!, Number(m[2]));
          base.statusLists.push({ url: url as string, encodedList: encodeList(bits), asOf: base.exportedAt });
        } catch {
          // unknown list: the status check says so
        }
      }
    }
  }
  return base;
}

async function verifyWithServerState(ctx: AppContext, jwt: string, proof?: string, witnessQuorum = 0): Promise<VerificationReport> {
  const trust = await trustFor(ctx, jwt);
  let currentVersion: number | undefined;
  let proofText = proof;
  try {
    const ref = parseCredentialId(decodeCredentialJwt(jwt).credential.id);
    if (ref) currentVersion = (await certRepo.getCertificate(ctx.db, ref.certificateId))?.current_version;
  } catch {
    // malformed: reported by the verifier
  }
  if (!proofText) {
    const found = await ctx.db.query<{ idx: number }>(`SELECT idx FROM log_entries WHERE payload_digest = $1 ORDER BY idx LIMIT 1`, [
      digestBytes(jwt),
    ]);
    if (found.rows[0]) proofText = await log.proofBundle(ctx, found.rows[0].idx);
  }
  return verifyCertificate({
    jwt,
    trust,
    ...(proofText ? { proof: proofText } : {}),
    ...(currentVersion !== undefined ? { currentVersion } : {}),
    witnessQuorum,
    subjectSchema: certificateSubjectSchema(ctx.config.publicUrl),
  });
}

export const verifySubmitted = (ctx: AppContext, jwt: string, proof?: string, witnessQuorum = 0) =>
  verifyWithServerState(ctx, jwt, proof, witnessQuorum);

/** Server-side verification of a stored certificate; the public sees the checks, not the content. */
export async function verifyStored(ctx: AppContext, p: Principal, id: string, witnessQuorum = 0): Promise<VerificationReport> {
  const { c, v } = await versionFor(ctx, p, id);
  if (!v.credential) {
    return { ok: false, checks: [{ name: 'format', status: 'fail', reason: 'This certificate was rejected; it carries no credential' }] };
  }
  const report = await verifyWithServerState(ctx, v.credential, undefined, witnessQuorum);
  if (!canReadFull(p, c) && report.certificate) {
    const { pcr: _hidden, ...rest } = report.certificate;
    return { ...report, certificate: rest as VerificationReport['certificate'] };
  }
  return report;
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

export async function checkpoint(ctx: AppContext): Promise<string> {
  const latest = (await logRepo.latestCheckpoint(ctx.db)) ?? (await log.publishCheckpoint(ctx));
  return log.checkpointNote(ctx.db, latest);
}

export async function tile(ctx: AppContext, t: ParsedTilePath): Promise<Buffer> {
  const size = await log.treeSize(ctx.db);
  if (t.kind === 'entries') {
    log.tileFor(size, 0, t.index, t.width);
    return log.entryBundle(ctx.db, t.index, t.width);
  }
  return log.readTile(ctx.db, log.tileFor(size, t.level, t.index, t.width));
}

export async function entry(ctx: AppContext, index: number) {
  const e = await logRepo.entryAt(ctx.db, index);
  if (!e) throw notFound(`Log entry ${index}`);
  return { index: e.idx, leafHash: e.leaf_hash.toString('base64'), entry: JSON.parse(e.entry.toString('utf8')) as unknown };
}

export async function inclusion(ctx: AppContext, index: number, size: number) {
  const hashes = await log.inclusionProof(ctx.db, index, size);
  return { index, size, hashes: hashes.map((h) => h.toString('base64')) };
}

export async function consistency(ctx: AppContext, from: number, to: number) {
  const hashes = await log.consistencyProof(ctx.db, from, to);
  return { from, to, hashes: hashes.map((h) => h.toString('base64')) };
}

export async function rotate(ctx: AppContext, p: Authenticated, orgId: string) {
  if (p.orgId !== orgId && p.orgKind !== 'exchange') throw forbidden('Only the organisation or the exchange rotates its key');
  const org = await ctx.db.query<{ kind: string }>(`SELECT kind FROM organisations WHERE id = $1`, [orgId]);
  if (!org.rows[0]) throw notFound('Organisation');
  if (!['producer', 'warehouse', 'exchange'].includes(org.rows[0].kind)) {
    throw new AppError('bad_request', `A ${org.rows[0].kind} does not issue credentials`);
  }
  const result = await rotateIssuerKey(ctx, orgId);
  await recordAudit(ctx.db, {
    actor: actorOf(p),
    action: 'key.rotated',
    subjectType: 'organisation',
    subjectId: orgId,
    details: result,
  });
  return result;
}


