import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../platform/context.ts';
import { actorOf, type Authenticated, type Principal } from '../access/principal.ts';
import { personBehind } from '../access/service.ts';
import type { TrailEvent } from '../trail/events.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import * as brandsRepo from '../brands/lookup.ts';
import { digestOf } from '../trust/canonical.ts';
import { ensureIssuerKey, orgDid, type SigningKey } from '../trust/keys-service.ts';
import { reserveIndex, locate, revokeIndex } from '../trust/status-service.ts';
import { digestBytes, type LogKind } from '../trust/trust.ts';
import { protectedHeaderSegment, signCredentialJwt } from '../trust/vc.ts';
import type { Queryable } from '../platform/db.ts';
import { certificateCredential, credentialPieces, statusListUrl } from './credential.ts';
import * as metalsRepo from '../metals/specs.ts';
import { checkChemistry } from '../metals/chemistry.ts';
import { selectSpec } from '../metals/spec-select.ts';
import type { ContractSpec, MetalCode } from '../metals/spec-types.ts';
import { AppError, forbidden, isUniqueViolation, notFound } from '../platform/errors.ts';
import type { CertificateContent, CertificateStatus, Evaluation, IssuedBy, Submission } from './model.ts';
import * as repo from './repo.ts';
import { revocationRecord } from './records.ts';
import { evaluateSubmission, type CertificateRules, type OriginRestriction } from './rules.ts';
import { canReadFully, fullyReadable, normaliseNumber, requireCertificate } from './access.ts';
import { fullView, minimalView, summaryView, versionView } from './views.ts';
export { normaliseNumber } from './access.ts';

const REFERENCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../reference');
const readJson = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(REFERENCE, name), 'utf8')) as T;
export const CERTIFICATE_RULES = readJson<CertificateRules>('certificate-rules.json');
export const ORIGIN_RESTRICTIONS = readJson<OriginRestriction[]>('origin-restrictions.json');

const today = (ctx: AppContext): string => ctx.now().toISOString().slice(0, 10);

async function evaluate(ctx: AppContext, s: Submission, brand: brandsRepo.BrandRecord) {
  const specs = await metalsRepo.listSpecs(ctx.db, brand.metal as MetalCode);
  const spec = /^\d{4}-\d{2}-\d{2}$/.test(s.productionDate)
    ? selectSpec(specs, brand.metal as MetalCode, s.productionDate)
    : undefined;
  const evaluation = evaluateSubmission({
    submission: s,
    brand,
    spec,
    today: today(ctx),
    rules: CERTIFICATE_RULES,
    originRestrictions: ORIGIN_RESTRICTIONS,
  });
  return { evaluation, spec };
}

/**
 * The contract specification a version was checked against. For an alloy contract with registered
 * designations it names the designation the analysis meets (the first the contract lists); other
 * metals' content is exactly as before designations existed.
 */
function specReference(spec: ContractSpec, s: Submission): NonNullable<CertificateContent['spec']> {
  const ref = { metal: spec.metal, version: spec.version, qualityStandard: spec.qualityStandard };
  if (!spec.designations) return ref;
  const designation = checkChemistry(spec, s.chemistry).designation?.matched;
  return designation ? { ...ref, designation } : ref;
}

/** The canonical content of one version; bulk import builds it through this same function. */
export function buildContent(
  s: Submission,
  brand: brandsRepo.BrandRecord,
  spec: ContractSpec | undefined,
  number: string,
  version: number,
  issuedAt: Date,
  issuedBy?: IssuedBy | null,
): CertificateContent {
  const { brand: _b, metal: _m, ...rest } = s;
  return {
    schema: 'assay.ecoa/1',
    number,
    version,
    brand: { id: brand.id, code: brand.code, name: brand.name },
    producer: { id: brand.producer.id, name: brand.producer.name },
    plant: brand.plant,
    metal: brand.metal,
    spec: spec ? specReference(spec, s) : null,
    ...rest,
    issuedAt: issuedAt.toISOString(),
    ...(issuedBy ? { issuedBy } : {}),
  };
}

async function producerBrand(ctx: AppContext, p: Authenticated, brandRef: string): Promise<brandsRepo.BrandRecord> {
  const brand = await brandsRepo.findBrand(ctx.db, brandRef);
  if (!brand) throw new AppError('bad_request', `Unknown brand ${brandRef}`, [{ path: 'body.brand', message: 'no such brand' }]);
  if (brand.producer.id !== p.orgId) throw forbidden(`Brand ${brand.code} belongs to another producer`);
  return brand;
}

const pcrConflict = (brand: string, pcr: string): AppError =>
  new AppError('conflict', `Brand ${brand} already has a certificate for PCR ${pcr}`, [
    { path: 'body.pcr', message: 'already certified for this brand; amend the existing certificate instead' },
  ]);

interface VersionInput {
  certificateId: string;
  content: CertificateContent;
  evaluation: Evaluation;
  statusIndex: number | null;
  key: SigningKey | null;
  /** The key's credential frame (credentialFrameFor); null without a key. */
  frameId: number | null;
}

/**
 * The id of the credential frame `key` signs in for `orgId` under this server's public URL, stored
 * on first use (committed at once: call it before the transaction that stores versions).
 */
export const credentialFrameFor = (ctx: AppContext, key: Pick<SigningKey, 'kid'>, orgId: string): Promise<number> =>
  repo.credentialFrameId(ctx.db, { protectedHeader: protectedHeaderSegment(key.kid), publicUrl: ctx.config.publicUrl, issuer: orgDid(ctx, orgId) });

interface Signed {
  digest: string;
  credential: string | null;
  /** What the version stores of its credential. */
  stored: repo.StoredCredential | null;
}

/** A conforming version is signed as a VC by the producer's key; a rejected one is only digested. */
async function signVersion(ctx: AppContext, v: VersionInput): Promise<Signed> {
  const digest = digestOf(v.content);
  if (v.evaluation.verdict !== 'conforming') return { digest, credential: null, stored: null };
  if (!v.key || v.statusIndex === null || v.frameId === null) throw new Error('a conforming version needs a key, a credential frame and a status index');
  const orgId = v.content.producer.id;
  const issuer = orgDid(ctx, orgId);
  const vc = certificateCredential({
    publicUrl: ctx.config.publicUrl,
    certificateId: v.certificateId,
    issuerDid: issuer,
    content: v.content,
    status: { listUrl: statusListUrl(ctx.config.publicUrl, orgId, locate(v.statusIndex).listNo), index: v.statusIndex },
  });
  const credential = await signCredentialJwt(vc, { privateKey: v.key.privateKey, kid: v.key.kid });
  // Checked to rebuild byte for byte from what is stored, the content as its JSON reads back (it throws otherwise).
  const stored = JSON.parse(JSON.stringify(v.content)) as CertificateContent;
  const pieces = credentialPieces(credential, { certificateId: v.certificateId, content: stored, publicUrl: ctx.config.publicUrl, issuer, statusIndex: v.statusIndex });
  return { digest, credential, stored: { frameId: v.frameId, signature: pieces.signature, statusIndex: pieces.statusIndex } };
}

/**
 * Records the version as one signed change (its trail event, and its log entry over the exact JWT
 * bytes, or the content digest of a rejected one) and stores it with its log index. Called last in
 * the transaction: the log head lock is held only from here to COMMIT.
 */
async function logAndStoreVersion(
  ctx: AppContext,
  tx: Queryable,
  v: VersionInput & { kind: LogKind; amendmentReason: string | null; actor: TrailEvent['actor'] },
  signed: Signed,
  event: { action: string; digestBefore?: string | null; details: Record<string, unknown> },
): Promise<void> {
  const { logIndex } = await recordSignedChange(ctx, tx, {
    log: { kind: v.kind, subjectType: 'certificate', subjectId: v.certificateId, version: v.content.version },
    payload: signed.credential ? { payloadDigest: digestBytes(signed.credential), credential: signed.credential } : { payloadDigest: signed.digest },
    event: { actor: v.actor, digestAfter: signed.digest, ...event },
  });
  await repo.insertVersion(tx, {
    certificateId: v.certificateId,
    version: v.content.version,
    content: v.content,
    contentDigest: signed.digest,
    evaluation: v.evaluation,
    amendmentReason: v.amendmentReason,
    userId: v.actor.userId,
    apiKeyId: v.actor.apiKeyId,
    credential: signed.stored,
    logIndex,
  });
}

export async function issueCertificate(ctx: AppContext, p: Authenticated, s: Submission) {
  if (p.orgKind !== 'producer') throw forbidden('Only producers issue certificates');
  const brand = await producerBrand(ctx, p, s.brand);
  const { evaluation, spec } = await evaluate(ctx, s, brand);
  const status: CertificateStatus = evaluation.verdict === 'conforming' ? 'issued' : 'rejected';
  const actor = actorOf(p);
  const key = status === 'issued' ? await ensureIssuerKey(ctx, brand.producer.id) : null;
  const frameId = key ? await credentialFrameFor(ctx, key, brand.producer.id) : null;
  // Reserved outside the transaction so no per-producer lock is held while it runs; an index left
  // unused by a failed insert is just a bit that never gets set.
  const statusIndex = status === 'issued' ? await reserveIndex(ctx.db, brand.producer.id) : null;
  const issuedBy = await personBehind(ctx, actor);
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const row = await repo.insertCertificate(tx, {
        statusIndex,
        brandId: brand.id,
        pcr: s.pcr,
        metal: brand.metal,
        producerOrgId: brand.producer.id,
        status,
        productionDate: s.productionDate,
        originCountry: s.originCountry,
        warrantEligible: evaluation.warrantEligible,
      });
      const content = buildContent(s, brand, spec, row.number, 1, row.createdAt, issuedBy);
      const version = { certificateId: row.id, content, evaluation, statusIndex, key, frameId };
      const signed = await signVersion(ctx, version);
      await repo.updateHead(tx, row.id, {
        status,
        version: 1,
        contentDigest: signed.digest,
        warrantEligible: evaluation.warrantEligible,
        productionDate: s.productionDate,
        originCountry: s.originCountry,
        statusReason: null,
      });
      const kind = status === 'issued' ? 'certificate.issued' : 'certificate.rejected';
      await logAndStoreVersion(ctx, tx, { ...version, kind, amendmentReason: null, actor }, signed, {
        action: kind,
        details: { number: row.number, brand: brand.code, pcr: s.pcr, reasons: evaluation.reasons.length, issuedBy: issuedBy?.name ?? null },
      });
      return row.id;
    });
    return getCertificate(ctx, p, id);
  } catch (e) {
    if (isUniqueViolation(e, 'certificates_brand_pcr_live')) throw pcrConflict(brand.code, s.pcr);
    throw e;
  }
}

/**
 * A new version with a reason. An issued certificate only takes a conforming amendment (nothing is
 * written otherwise); a rejected one takes any, and becomes issued once it conforms.
 */
export async function amendCertificate(ctx: AppContext, p: Authenticated, id: string, reason: string, s: Submission) {
  const actor = actorOf(p);
  const current = await repo.getCertificate(ctx.db, id);
  if (!current || !(await canReadFully(ctx.db, p, current))) throw notFound('Certificate');
  if (current.producer_org_id !== p.orgId) throw forbidden('Only the issuing producer amends a certificate');
  const brand = await producerBrand(ctx, p, s.brand);
  if (brand.id !== current.brand_id || s.pcr !== current.pcr) {
    throw new AppError('bad_request', 'An amendment cannot change the brand or PCR; issue a new certificate instead', [
      { path: brand.id !== current.brand_id ? 'body.certificate.brand' : 'body.certificate.pcr', message: 'must match the certificate' },
    ]);
  }
  const { evaluation, spec } = await evaluate(ctx, s, brand);
  const key = evaluation.verdict === 'conforming' ? await ensureIssuerKey(ctx, current.producer_org_id) : null;
  const frameId = key ? await credentialFrameFor(ctx, key, current.producer_org_id) : null;
  // A rejected certificate becoming issued needs its first status index (reserved outside the transaction).
  const reserved = key && current.status_index === null ? await reserveIndex(ctx.db, current.producer_org_id) : null;
  const issuedBy = await personBehind(ctx, actor);
  try {
    await ctx.db.transaction(async (tx) => {
      const c = (await repo.getCertificate(tx, id, true))!;
      if (c.status === 'revoked') throw new AppError('conflict', `Certificate ${c.number} is revoked and cannot be amended`);
      if (c.status === 'issued' && evaluation.verdict !== 'conforming') {
        throw new AppError(
          'unprocessable',
          `The amendment does not conform; certificate ${c.number} is unchanged`,
          evaluation.reasons.map((r) => ({ path: `body.certificate.${r.path}`, message: r.message, code: r.code })),
        );
      }
      const version = c.current_version + 1;
      const conforming = evaluation.verdict === 'conforming';
      let statusIndex = c.status_index;
      if (conforming && statusIndex === null && reserved !== null) {
        statusIndex = reserved;
        await repo.setStatusIndex(tx, id, reserved);
      }
      const content = buildContent(s, brand, spec, c.number, version, ctx.now(), issuedBy);
      const v = { certificateId: id, content, evaluation, statusIndex, key, frameId };
      const signed = await signVersion(ctx, v);
      const status: CertificateStatus = conforming ? 'issued' : 'rejected';
      await repo.updateHead(tx, id, {
        status,
        version,
        contentDigest: signed.digest,
        warrantEligible: evaluation.warrantEligible,
        productionDate: s.productionDate,
        originCountry: s.originCountry,
        statusReason: null,
      });
      const kind = !conforming ? 'certificate.rejected' : c.status === 'rejected' ? 'certificate.issued' : 'certificate.amended';
      await logAndStoreVersion(ctx, tx, { ...v, kind, amendmentReason: reason, actor }, signed, {
        action: 'certificate.amended',
        digestBefore: c.content_digest,
        details: { number: c.number, version, reason, status, issuedBy: issuedBy?.name ?? null },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'certificates_brand_pcr_live')) throw pcrConflict(brand.code, s.pcr);
    throw e;
  }
  return getCertificate(ctx, p, id);
}

export { revocationRecord } from './records.ts';

export async function revokeCertificate(ctx: AppContext, p: Authenticated, id: string, reason: string) {
  await ctx.db.transaction(async (tx) => {
    const c = await repo.getCertificate(tx, id, true);
    if (!c || !(await canReadFully(tx, p, c))) throw notFound('Certificate');
    if (c.producer_org_id !== p.orgId && p.orgKind !== 'exchange') throw forbidden('Only the issuing producer or the exchange revokes a certificate');
    if (c.status !== 'issued') throw new AppError('conflict', `Certificate ${c.number} is ${c.status}; only issued certificates are revoked`);
    await repo.setStatus(tx, id, 'revoked', reason);
    await recordSignedChange(ctx, tx, {
      log: { kind: 'certificate.revoked', subjectType: 'certificate', subjectId: id, version: c.current_version },
      payload: { record: revocationRecord(c.id, c.current_version, reason) },
      event: { actor: actorOf(p), digestBefore: c.content_digest, digestAfter: c.content_digest, details: { number: c.number, reason } },
      alsoLog: c.status_index !== null ? [await revokeIndex(tx, c.producer_org_id, c.status_index)] : [],
    });
  });
  return getCertificate(ctx, p, id);
}

async function full(ctx: AppContext, c: repo.CertificateRow) {
  const versions = await repo.listVersions(ctx.db, c.id);
  const head = versions.find((v) => v.version === c.current_version)!;
  return fullView(c, head, versions, await revokedAtOf(ctx, c));
}

/** The logged time of a revoked certificate's revocation (no query for any other status). */
export const revokedAtOf = async (ctx: AppContext, c: repo.CertificateRow): Promise<Date | undefined> =>
  c.status === 'revoked' ? repo.revokedAt(ctx.db, c.id) : undefined;

export async function getCertificate(ctx: AppContext, p: Principal, idOrNumber: string) {
  const { certificate: c, full: entitled } = await requireCertificate(ctx, p, idOrNumber, 'view');
  return entitled ? full(ctx, c) : minimalView(c, await revokedAtOf(ctx, c));
}

export async function getByBrandPcr(ctx: AppContext, p: Principal, brandRef: string, pcr: string) {
  const brand = await brandsRepo.findBrand(ctx.db, brandRef);
  if (!brand) throw notFound('Brand');
  const rows = await repo.findByBrandPcr(ctx.db, brand.id, pcr);
  const readable = await fullyReadable(ctx.db, p, rows);
  const c = rows.find((r) => r.status !== 'rejected') ?? rows.find((r) => readable.has(r.id));
  if (!c) throw notFound(`A certificate for ${brand.code} PCR ${pcr}`);
  return readable.has(c.id) ? full(ctx, c) : minimalView(c, await revokedAtOf(ctx, c));
}

const versionsRefused = (p: Principal): AppError =>
  p.type === 'anonymous'
    ? new AppError('unauthenticated', 'Sign in to see certificate versions')
    : forbidden('Certificate versions are visible to the issuing producer and the exchange');

export async function listVersions(ctx: AppContext, p: Principal, id: string) {
  const { certificate: c, full: entitled } = await requireCertificate(ctx, p, id, 'view');
  if (!entitled) throw versionsRefused(p);
  return (await repo.listVersions(ctx.db, c.id)).map((v) => versionView(v, c.current_version));
}

export async function getVersion(ctx: AppContext, p: Principal, id: string, version: number) {
  const { certificate: c, full: entitled } = await requireCertificate(ctx, p, id, 'view');
  if (!entitled) throw versionsRefused(p);
  const v = await repo.getVersion(ctx.db, id, version);
  if (!v) throw notFound(`Version ${version}`);
  return versionView(v, c.current_version);
}

export interface ListQuery {
  number?: string;
  brand?: string;
  metal?: string;
  status?: CertificateStatus;
  producedFrom?: string;
  producedTo?: string;
  pcrPrefix?: string;
  mine?: boolean;
  needsAttention?: boolean;
  cursor?: string;
  limit?: number;
}

export const encodeCursor = (seq: number): string => Buffer.from(`s:${seq}`).toString('base64url');
export function decodeCursor(cursor: string): number {
  const m = /^s:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new AppError('bad_request', 'Invalid cursor', [{ path: 'query.cursor', message: 'not a cursor from this API' }]);
  return Number(m[1]);
}

const LISTING_FILTERS = ['brand', 'metal', 'status', 'producedFrom', 'producedTo', 'pcrPrefix', 'mine', 'needsAttention', 'cursor'] as const;

/**
 * Lists only certificates the caller may read in full (the exchange: all; a producer: its own),
 * so every filter ranges over fields the caller may read: a filter on a hidden field (the PCR)
 * over others' certificates would answer yes/no questions about it. Anyone, signed in or not, may
 * look one certificate up by its number, as printed on the PDF and behind the QR code.
 */
export async function listCertificates(ctx: AppContext, p: Principal, q: ListQuery) {
  if (q.number !== undefined) {
    const used = LISTING_FILTERS.filter((f) => q[f] !== undefined);
    if (used.length > 0) {
      throw new AppError('bad_request', 'A number looks up one certificate; send no other filter with it', used.map((f) => ({ path: `querystring.${f}`, message: 'not allowed with number' })));
    }
    const c = await repo.getByNumber(ctx.db, normaliseNumber(q.number));
    const entitled = c ? await canReadFully(ctx.db, p, c) : false;
    const visible = c && (entitled || c.status !== 'rejected');
    return { items: visible ? [entitled ? summaryView(c) : minimalView(c)] : [], nextCursor: null };
  }
  if (p.type === 'anonymous') {
    throw new AppError('unauthenticated', 'Sign in to list certificates; anyone can look one up by its number (number=AS-…)');
  }
  if (q.needsAttention && q.status !== undefined && q.status !== 'rejected') {
    throw new AppError('bad_request', `needsAttention lists rejected certificates; it cannot be combined with status=${q.status}`, [
      { path: 'querystring.status', message: 'only rejected, or leave it out, with needsAttention' },
    ]);
  }
  const limit = q.limit ?? 50;
  const exchange = p.orgKind === 'exchange';
  const rows = await repo.listCertificates(ctx.db, {
    ...(q.brand ? { brand: q.brand.trim() } : {}),
    ...(q.metal ? { metal: q.metal } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.producedFrom ? { producedFrom: q.producedFrom } : {}),
    ...(q.producedTo ? { producedTo: q.producedTo } : {}),
    ...(q.pcrPrefix ? { pcrPrefix: q.pcrPrefix } : {}),
    // The exchange lists all (or, with `mine`, its own); everyone else what it produced or was granted.
    ...(exchange ? (q.mine ? { producerOrgId: p.orgId } : {}) : { readableBy: p.orgId }),
    rejectedVisibleTo: exchange ? 'all' : p.orgId,
    ...(q.needsAttention ? { needsAttention: true } : {}),
    ...(q.cursor ? { beforeSeq: decodeCursor(q.cursor) } : {}),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const readable = await fullyReadable(ctx.db, p, page);
  return {
    items: page.map((c) => (readable.has(c.id) ? summaryView(c) : minimalView(c))),
    nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!.seq) : null,
  };
}

export type { Evaluation };
