import { randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context.ts';
import { actorOf, type Authenticated, type Principal } from '../access/principal.ts';
import * as accessRepo from '../access/repo.ts';
import { recordEvent } from '../trail/repo.ts';
import * as brandsRepo from '../brands/repo.ts';
import { viewFor as brandView } from '../brands/service.ts';
import { digestOf, sha256Hex } from '../trust/canonical.ts';
import { ensureIssuerKey } from '../trust/keys-service.ts';
import { appendEntries } from '../trust/log-service.ts';
import { isMetal } from '../metals/service.ts';
import type { Queryable } from '../platform/db.ts';
import { AppError, forbidden, notFound, type ErrorDetail } from '../platform/errors.ts';
import * as repo from './disclosure-repo.ts';
import {
  canSeeRestricted,
  decimalProblem,
  isIsoDate,
  trackProblems,
  validityStatus,
  type Methodology,
  type PremiumThreshold,
  type Reference,
  type Settings,
  type Standard,
  type Topic,
  type TrackInput,
} from '../cbam/rules.ts';
import { signAndLog } from './signing.ts';

// Reference data, evidence files, responsible-sourcing tracks and compliance, disclosures and
// attestations, producer profiles and comparison. CBAM lives in cbam-service.ts.

export const today = (ctx: AppContext): string => ctx.now().toISOString().slice(0, 10);

/** An object-level refusal: anonymous callers are told to sign in, others that they may not. */
export const refuse = (p: Principal, why: string): AppError =>
  p.type === 'anonymous' ? new AppError('unauthenticated', `Sign in: ${why}`) : forbidden(why);

const bad = (message: string, details: ErrorDetail[]): AppError => new AppError('bad_request', message, details);

export async function brandOr404(q: Queryable, ref: string): Promise<brandsRepo.BrandRecord> {
  const b = await brandsRepo.getBrand(q, ref);
  if (!b) throw notFound('Brand');
  return b;
}

// ---------------------------------------------------------------- reference data

export const getReference = (ctx: AppContext): Promise<Reference> => repo.getReference(ctx.db);

export type ReferenceChange =
  | { table: 'topics'; key: string; record: Topic }
  | { table: 'standards'; key: string; record: Standard }
  | { table: 'methodologies'; key: string; record: Methodology }
  | { table: 'premium-thresholds'; key: string; record: PremiumThreshold }
  | { table: 'settings'; key: string; record: Settings };

/** The exchange edits its reference data; each change is logged and audited. */
export async function updateReference(ctx: AppContext, p: Authenticated, change: ReferenceChange): Promise<Reference> {
  if (p.orgKind !== 'exchange') throw forbidden('Only the exchange maintains sustainability reference data');
  const problems: ErrorDetail[] = [];
  if (change.table === 'methodologies' || change.table === 'premium-thresholds') {
    if (!isMetal(change.key)) problems.push({ path: 'params.metal', message: `unknown metal ${change.key}` });
  }
  if (change.table === 'premium-thresholds') {
    const why = decimalProblem(change.record.maxTco2ePerTonne);
    if (why) problems.push({ path: 'body.maxTco2ePerTonne', message: why });
  }
  if (change.table === 'standards') {
    change.record.metals.forEach((m, i) => {
      if (!isMetal(m)) problems.push({ path: `body.metals.${i}`, message: `unknown metal ${m}` });
    });
  }
  if (change.table === 'settings') {
    if (!isIsoDate(change.record.cbamDailyFrom)) problems.push({ path: 'body.cbamDailyFrom', message: 'is not a date' });
    change.record.publicTrackMetals.forEach((m, i) => {
      if (!isMetal(m)) problems.push({ path: `body.publicTrackMetals.${i}`, message: `unknown metal ${m}` });
    });
  }
  if (problems.length) throw bad('The reference data cannot be changed', problems);
  await ctx.db.transaction(async (tx) => {
    switch (change.table) {
      case 'topics':
        await repo.upsertTopic(tx, change.record);
        break;
      case 'standards':
        await repo.upsertStandard(tx, change.record);
        break;
      case 'methodologies':
        await repo.upsertMethodology(tx, change.record);
        break;
      case 'premium-thresholds':
        await repo.upsertThreshold(tx, change.record);
        break;
      case 'settings':
        await repo.upsertSettings(tx, change.record);
        break;
    }
    const record = { table: change.table, key: change.key, record: change.record };
    await appendEntries(ctx, tx, [
      { kind: 'sustainability_reference.updated', subjectType: 'sustainability_reference', subjectId: `${change.table}/${change.key}`, version: null, payloadDigest: digestOf(record) },
    ]);
    await recordEvent(tx, {
      actor: actorOf(p),
      action: 'sustainability_reference.updated',
      subjectType: 'sustainability_reference',
      subjectId: `${change.table}/${change.key}`,
      digestAfter: digestOf(record),
      details: record,
    });
  });
  return repo.getReference(ctx.db);
}

// ---------------------------------------------------------------- evidence files

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export function evidenceView(e: repo.EvidenceMeta) {
  return { id: e.id, filename: e.filename, mediaType: e.media_type, sizeBytes: e.size_bytes, sha256: e.sha256, uploadedAt: e.created_at.toISOString() };
}

export async function uploadEvidence(ctx: AppContext, p: Authenticated, input: { filename: string; mediaType: string; contentBase64: string }) {
  if (p.orgKind !== 'producer') throw forbidden('Only producers upload evidence');
  const text = input.contentBase64.replace(/\s+/g, '');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64').replace(/=+$/, '') !== text.replace(/=+$/, '')) {
    throw bad('The file is not valid base64', [{ path: 'body.contentBase64', message: 'is not valid base64' }]);
  }
  if (bytes.length === 0) throw bad('The file is empty', [{ path: 'body.contentBase64', message: 'is empty' }]);
  if (bytes.length > MAX_EVIDENCE_BYTES) throw new AppError('payload_too_large', `Evidence files are limited to ${MAX_EVIDENCE_BYTES} bytes`);
  const sha256 = sha256Hex(bytes);
  const id = randomUUID();
  const actor = actorOf(p);
  const meta = await ctx.db.transaction(async (tx) => {
    const [logIndex] = await appendEntries(ctx, tx, [
      { kind: 'evidence.uploaded', subjectType: 'evidence_file', subjectId: id, version: null, payloadDigest: `sha256:${sha256}` },
    ]);
    const m = await repo.insertEvidence(tx, { id, orgId: p.orgId, filename: input.filename, mediaType: input.mediaType, sha256, bytes, logIndex: logIndex!, userId: actor.userId, apiKeyId: actor.apiKeyId });
    await recordEvent(tx, { actor, action: 'evidence.uploaded', subjectType: 'evidence_file', subjectId: id, digestAfter: `sha256:${sha256}`, details: { filename: input.filename, size: bytes.length } });
    return m;
  });
  return evidenceView(meta);
}

/** An evidence file is readable by its uploader and the exchange, and by anyone who may see an item citing it. */
export async function downloadEvidence(ctx: AppContext, p: Principal, id: string) {
  const file = await repo.getEvidence(ctx.db, id);
  if (!file) throw notFound('Evidence file');
  if (p.type !== 'anonymous' && (p.orgKind === 'exchange' || p.orgId === file.org_id)) return file;
  const citations = await repo.evidenceCitations(ctx.db, id);
  const visible = citations.some((c) => !c.restricted || canSeeRestricted(p, { orgId: c.org_id, auditorOrgId: c.auditor_org_id }));
  // Evidence behind restricted items only is not announced either: the same 404 as an unknown id.
  if (!visible) throw notFound('Evidence file');
  return file;
}

async function checkEvidence(ctx: AppContext, orgId: string, ids: string[], path: string): Promise<{ problems: ErrorDetail[]; files: repo.EvidenceMeta[] }> {
  const files = await repo.evidenceMeta(ctx.db, ids);
  const problems: ErrorDetail[] = [];
  ids.forEach((id, i) => {
    const f = files.find((x) => x.id === id);
    if (!f || f.org_id !== orgId) problems.push({ path: `${path}.${i}`, message: 'no such evidence file of your organisation' });
  });
  return { problems, files };
}

const evidenceRefs = (files: repo.EvidenceMeta[], ids: string[]) =>
  ids.map((id) => {
    const f = files.find((x) => x.id === id)!;
    return { id, filename: f.filename, sha256: f.sha256 };
  });

// ---------------------------------------------------------------- responsible sourcing

const actorIds = (p: Authenticated) => {
  const a = actorOf(p);
  return { userId: a.userId, apiKeyId: a.apiKeyId };
};

async function producerOwnBrand(ctx: AppContext, p: Authenticated, ref: string): Promise<brandsRepo.BrandRecord> {
  const brand = await brandOr404(ctx.db, ref);
  if (p.orgKind !== 'producer' || brand.producer.id !== p.orgId) throw forbidden(`Brand ${brand.code} belongs to another producer`);
  return brand;
}

export async function recordTrack(ctx: AppContext, p: Authenticated, brandRef: string, input: TrackInput) {
  const brand = await producerOwnBrand(ctx, p, brandRef);
  const reference = await repo.getReference(ctx.db);
  const problems: ErrorDetail[] = trackProblems(input, brand.metal, reference, today(ctx)).map((x) => ({ path: `body.${x.field}`, message: x.message }));
  const evidenceIds = [...new Set(input.evidenceFileIds ?? [])];
  const ev = await checkEvidence(ctx, p.orgId, evidenceIds, 'body.evidenceFileIds');
  problems.push(...ev.problems);
  if (problems.length) throw bad('The sourcing track cannot be recorded', problems);
  const key = await ensureIssuerKey(ctx, brand.producer.id);
  const id = randomUUID();
  const recordedAt = ctx.now().toISOString();
  const restricted = input.restricted ?? false;
  const content = {
    schema: 'assay.sourcing-track/1',
    trackId: id,
    brand: { id: brand.id, code: brand.code, metal: brand.metal },
    producer: { id: brand.producer.id, name: brand.producer.name },
    track: input.track,
    effectiveFrom: input.effectiveFrom,
    standardCode: input.standardCode ?? null,
    auditor: input.auditor ?? null,
    rfa: input.rfa ?? null,
    secondaryMaterials: input.secondaryMaterials ?? null,
    evidence: evidenceRefs(ev.files, evidenceIds),
    restricted,
    recordedAt,
  };
  await ctx.db.transaction(async (tx) => {
    const { credential, logIndex } = await signAndLog(ctx, tx, {
      key,
      orgId: brand.producer.id,
      kind: 'sourcing.track_recorded',
      subjectType: 'sourcing_track',
      subjectId: id,
      version: 1,
      type: 'ResponsibleSourcingTrack',
      id: `urn:assay:sourcing-track:${id}`,
      subject: { id: `urn:assay:brand:${brand.code}`, ...content },
      validFrom: recordedAt,
    });
    await repo.insertTrack(tx, {
      id,
      brandId: brand.id,
      track: input.track,
      effectiveFrom: input.effectiveFrom,
      restricted,
      evidenceFileIds: evidenceIds,
      content,
      contentDigest: digestOf(content),
      credential,
      logIndex,
      ...actorIds(p),
    });
    await recordEvent(tx, { actor: actorOf(p), action: 'sourcing.track_recorded', subjectType: 'brand', subjectId: brand.id, digestAfter: digestOf(content), details: { track: input.track, effectiveFrom: input.effectiveFrom } });
  });
  return brandSourcing(ctx, p, brand.id);
}

export async function setCompliance(ctx: AppContext, p: Authenticated, brandRef: string, input: { status: 'compliant' | 'non_compliant'; reason: string; effectiveDate?: string }) {
  if (p.orgKind !== 'exchange') throw forbidden('Only the exchange rules on responsible-sourcing compliance');
  const brand = await brandOr404(ctx.db, brandRef);
  const effectiveDate = input.effectiveDate ?? today(ctx);
  if (effectiveDate > today(ctx)) throw bad('A compliance ruling is recorded when it is made', [{ path: 'body.effectiveDate', message: 'must not be in the future' }]);
  const key = await ensureIssuerKey(ctx, p.orgId);
  const at = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await brandsRepo.lockBrand(tx, brand.id);
    const version = (await repo.listCompliance(tx, brand.id)).length + 1;
    const record = { schema: 'assay.sourcing-compliance/1', brand: { id: brand.id, code: brand.code }, status: input.status, reason: input.reason.trim(), effectiveDate, version, recordedAt: at };
    const { credential, logIndex } = await signAndLog(ctx, tx, {
      key,
      orgId: p.orgId,
      kind: 'sourcing.compliance_changed',
      subjectType: 'brand',
      subjectId: brand.id,
      version,
      type: 'ResponsibleSourcingCompliance',
      id: `urn:assay:sourcing-compliance:${brand.id}:v${version}`,
      subject: { id: `urn:assay:brand:${brand.code}`, ...record },
      validFrom: at,
    });
    await repo.insertCompliance(tx, { brandId: brand.id, status: input.status, effectiveDate, reason: input.reason.trim(), credential, logIndex, ...actorIds(p) });
    await recordEvent(tx, { actor: actorOf(p), action: 'sourcing.compliance_changed', subjectType: 'brand', subjectId: brand.id, digestAfter: digestOf(record), details: { status: input.status, reason: input.reason } });
  });
  return brandSourcing(ctx, p, brand.id);
}

function trackView(t: repo.TrackRow) {
  const c = t.content;
  return {
    id: t.id,
    track: t.track,
    effectiveFrom: t.effective_from,
    standardCode: c.standardCode ?? null,
    auditor: c.auditor ?? null,
    rfa: c.rfa ?? null,
    secondaryMaterials: c.secondaryMaterials ?? null,
    evidence: c.evidence ?? [],
    restricted: t.restricted,
    recordedAt: t.created_at.toISOString(),
    credential: t.credential,
    logIndex: t.log_index,
  };
}

/** A brand's track history, compliance rulings and ISO 14001 / 45001 certificates, as this caller may see them. */
export async function brandSourcing(ctx: AppContext, p: Principal, brandRef: string) {
  const brand = await brandOr404(ctx.db, brandRef);
  const owner = { orgId: brand.producer.id };
  const tracks = (await repo.listTracks(ctx.db, brand.id)).filter((t) => !t.restricted || canSeeRestricted(p, owner));
  const d = today(ctx);
  const current = [...tracks].reverse().find((t) => t.effective_from <= d);
  const compliance = await repo.listCompliance(ctx.db, brand.id);
  const iso = await disclosuresView(
    ctx,
    p,
    (await visibleDisclosures(ctx, p, { orgIds: [brand.producer.id], kind: 'certification', limit: 500 })).filter(
      (x) => (x.standard_code === 'ISO14001' || x.standard_code === 'ISO45001') && (x.brand_id === brand.id || x.level === 'company' || x.asset_name === brand.plant.name),
    ),
  );
  const latest = compliance.at(-1);
  return {
    brand: { id: brand.id, code: brand.code, name: brand.name, metal: brand.metal, producer: brand.producer },
    currentTrack: current ? trackView(current) : null,
    tracks: tracks.map(trackView),
    compliance: latest ? { status: latest.status, effectiveDate: latest.effective_date, reason: latest.reason } : null,
    complianceHistory: compliance.map((c) => ({
      status: c.status,
      effectiveDate: c.effective_date,
      reason: c.reason,
      recordedAt: c.recorded_at.toISOString(),
      credential: c.credential,
      logIndex: c.log_index,
    })),
    isoCertificates: iso,
  };
}

/** Each brand's latest compliance ruling (public, like the brand page): the exchange's review list. */
export async function complianceRulings(ctx: AppContext, q: { status?: 'compliant' | 'non_compliant' }) {
  const rows = await repo.latestCompliance(ctx.db, q.status);
  const brands = new Map((await brandsRepo.listBrands(ctx.db, {})).map((b) => [b.id, b]));
  return {
    items: rows.flatMap((c) => {
      const b = brands.get(c.brand_id);
      if (!b) return [];
      return [
        {
          brand: { id: b.id, code: b.code, name: b.name, metal: b.metal, producer: b.producer },
          status: c.status,
          effectiveDate: c.effective_date,
          reason: c.reason,
          recordedAt: c.recorded_at.toISOString(),
          logIndex: c.log_index,
        },
      ];
    }),
  };
}

// ---------------------------------------------------------------- disclosures

export interface DisclosureInput {
  level: 'company' | 'asset' | 'brand';
  brand?: string;
  asset?: string;
  topic: string;
  kind: 'certification' | 'metric' | 'target';
  title: string;
  standardCode?: string;
  value?: string;
  unit?: string;
  periodStart?: string;
  periodEnd?: string;
  methodology?: string;
  validFrom?: string;
  validUntil?: string;
  evidenceFileIds?: string[];
  restricted?: boolean;
  auditorOrgId?: string;
}

const SIGNED_DECIMAL = /^-?\d+(\.\d+)?$/;

export async function fileDisclosure(ctx: AppContext, p: Authenticated, input: DisclosureInput) {
  if (p.orgKind !== 'producer') throw forbidden('Only producers file disclosures');
  const reference = await repo.getReference(ctx.db);
  const problems: ErrorDetail[] = [];
  const add = (field: string, message: string) => problems.push({ path: `body.${field}`, message });
  const own = await brandsRepo.listBrands(ctx.db, { producerOrgId: p.orgId });
  let brand: brandsRepo.BrandRecord | undefined;
  if (input.level === 'brand') {
    brand = input.brand ? own.find((b) => b.id === input.brand || b.code === input.brand) : undefined;
    if (!input.brand) add('brand', 'is required for a brand-level disclosure');
    else if (!brand) add('brand', 'is not one of your brands');
  } else if (input.brand) add('brand', `only a brand-level disclosure names a brand`);
  if (input.level === 'asset') {
    if (!input.asset) add('asset', 'is required for an asset-level disclosure (the plant name)');
    else if (!own.some((b) => b.plant.name === input.asset)) add('asset', `is not one of your plants (${own.map((b) => b.plant.name).join(', ') || 'none listed'})`);
  } else if (input.asset) add('asset', 'only an asset-level disclosure names a plant');
  if (!reference.topics.some((t) => t.code === input.topic)) add('topic', `unknown topic ${input.topic}`);
  const standard = input.standardCode ? reference.standards.find((s) => s.code === input.standardCode) : undefined;
  if (input.standardCode && !standard) add('standardCode', `unknown standard ${input.standardCode}`);
  if (input.kind === 'certification') {
    if (!input.standardCode) add('standardCode', 'a certification names its standard');
    if (!input.validFrom) add('validFrom', 'a certification states when it became valid');
    if (!input.validUntil) add('validUntil', 'a certification states when it expires');
  } else {
    if (input.value === undefined) add('value', `a ${input.kind} has a value`);
    if (!input.unit) add('unit', `a ${input.kind} has a unit`);
    if (!input.periodEnd) add('periodEnd', input.kind === 'target' ? 'a target has a target date' : 'a metric covers a period');
    if (input.kind === 'metric' && !input.periodStart) add('periodStart', 'a metric covers a period');
  }
  if (input.value !== undefined && !SIGNED_DECIMAL.test(input.value)) add('value', `is not a plain decimal (found "${input.value}")`);
  if (input.validFrom && input.validUntil && input.validUntil < input.validFrom) add('validUntil', 'must not be before validFrom');
  if (input.periodStart && input.periodEnd && input.periodEnd < input.periodStart) add('periodEnd', 'must not be before periodStart');
  if (input.auditorOrgId) {
    const auditor = await accessRepo.getOrganisation(ctx.db, input.auditorOrgId);
    if (!auditor || auditor.kind !== 'auditor') add('auditorOrgId', 'is not an auditor organisation');
  }
  const evidenceIds = [...new Set(input.evidenceFileIds ?? [])];
  const ev = await checkEvidence(ctx, p.orgId, evidenceIds, 'body.evidenceFileIds');
  problems.push(...ev.problems);
  if (problems.length) throw bad('The disclosure cannot be filed', problems);

  const org = (await accessRepo.getOrganisation(ctx.db, p.orgId))!;
  const key = await ensureIssuerKey(ctx, p.orgId);
  const id = randomUUID();
  const filedAt = ctx.now().toISOString();
  const content = {
    schema: 'assay.disclosure/1',
    disclosureId: id,
    organisation: { id: org.id, name: org.name },
    level: input.level,
    brand: brand ? { id: brand.id, code: brand.code } : null,
    asset: input.level === 'asset' ? input.asset! : null,
    topic: input.topic,
    kind: input.kind,
    title: input.title.trim(),
    standardCode: input.standardCode ?? null,
    value: input.value ?? null,
    unit: input.unit ?? null,
    periodStart: input.periodStart ?? null,
    periodEnd: input.periodEnd ?? null,
    methodology: input.methodology ?? null,
    validFrom: input.validFrom ?? null,
    validUntil: input.validUntil ?? null,
    evidence: evidenceRefs(ev.files, evidenceIds),
    restricted: input.restricted ?? false,
    auditorOrgId: input.auditorOrgId ?? null,
    filedAt,
  };
  const contentDigest = digestOf(content);
  await ctx.db.transaction(async (tx) => {
    const { credential, logIndex } = await signAndLog(ctx, tx, {
      key,
      orgId: p.orgId,
      kind: 'disclosure.filed',
      subjectType: 'disclosure',
      subjectId: id,
      version: 1,
      type: 'SustainabilityDisclosure',
      id: `urn:assay:disclosure:${id}`,
      subject: { id: `urn:assay:disclosure:${id}`, ...content },
      validFrom: filedAt,
    });
    await repo.insertDisclosure(tx, {
      id,
      orgId: p.orgId,
      level: input.level,
      brandId: brand?.id ?? null,
      assetName: content.asset,
      topic: input.topic,
      kind: input.kind,
      title: content.title,
      standardCode: content.standardCode,
      value: content.value,
      unit: content.unit,
      periodStart: content.periodStart,
      periodEnd: content.periodEnd,
      validFrom: content.validFrom,
      validUntil: content.validUntil,
      restricted: content.restricted,
      auditorOrgId: content.auditorOrgId,
      evidenceFileIds: evidenceIds,
      content,
      contentDigest,
      credential,
      logIndex,
      ...actorIds(p),
    });
    await recordEvent(tx, { actor: actorOf(p), action: 'disclosure.filed', subjectType: 'disclosure', subjectId: id, digestAfter: contentDigest, details: { topic: input.topic, kind: input.kind, restricted: content.restricted } });
  });
  return getDisclosure(ctx, p, id);
}

export async function attestDisclosure(ctx: AppContext, p: Authenticated, id: string, input: { statement: string }) {
  if (p.orgKind !== 'auditor') throw forbidden('Only auditor organisations attest disclosures');
  const d = await repo.getDisclosure(ctx.db, id);
  if (!d || (d.restricted && !canSeeRestricted(p, { orgId: d.org_id, auditorOrgId: d.auditor_org_id }))) throw notFound('Disclosure');
  if (digestOf(d.content) !== d.content_digest) throw new AppError('conflict', 'The disclosure no longer matches its recorded digest; it cannot be attested');
  const auditor = (await accessRepo.getOrganisation(ctx.db, p.orgId))!;
  const key = await ensureIssuerKey(ctx, p.orgId);
  const attestationId = randomUUID();
  const at = ctx.now().toISOString();
  const subject = {
    id: `urn:assay:disclosure:${d.id}`,
    schema: 'assay.attestation/1',
    attestationId,
    disclosureDigest: d.content_digest,
    disclosureCredentialDigest: `sha256:${sha256Hex(d.credential)}`,
    statement: input.statement.trim(),
    auditor: { id: auditor.id, name: auditor.name },
    attestedAt: at,
  };
  try {
    await ctx.db.transaction(async (tx) => {
      const { credential, logIndex } = await signAndLog(ctx, tx, {
        key,
        orgId: p.orgId,
        kind: 'disclosure.attested',
        subjectType: 'disclosure_attestation',
        subjectId: attestationId,
        version: 1,
        type: 'DisclosureAttestation',
        id: `urn:assay:attestation:${attestationId}`,
        subject,
        validFrom: at,
      });
      await repo.insertAttestation(tx, { id: attestationId, disclosureId: d.id, auditorOrgId: p.orgId, statement: subject.statement, disclosureDigest: d.content_digest, credential, logIndex, ...actorIds(p) });
      await recordEvent(tx, { actor: actorOf(p), action: 'disclosure.attested', subjectType: 'disclosure', subjectId: d.id, digestAfter: d.content_digest, details: { attestationId } });
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError('conflict', `${auditor.name} has already attested this disclosure`);
    throw e;
  }
  return getDisclosure(ctx, p, id);
}

const restrictedScope = (p: Principal): 'all' | string | null => (p.type === 'anonymous' ? null : p.orgKind === 'exchange' ? 'all' : p.orgId);

async function visibleDisclosures(ctx: AppContext, p: Principal, f: Omit<repo.DisclosureFilter, 'restrictedVisibleTo'>): Promise<repo.DisclosureRow[]> {
  const rows = await repo.listDisclosures(ctx.db, { ...f, restrictedVisibleTo: restrictedScope(p) });
  // Defence in depth: the query already filtered; the rule decides again per row.
  return rows.filter((d) => !d.restricted || canSeeRestricted(p, { orgId: d.org_id, auditorOrgId: d.auditor_org_id }));
}

async function disclosuresView(ctx: AppContext, p: Principal, rows: repo.DisclosureRow[]) {
  const attestations = await repo.listAttestations(ctx.db, rows.map((r) => r.id));
  const files = await repo.evidenceMeta(ctx.db, [...new Set(rows.flatMap((r) => r.evidence_file_ids))]);
  const d = today(ctx);
  return rows.map((r) => ({
    id: r.id,
    organisation: { id: r.org_id, name: r.org_name },
    level: r.level,
    brand: r.brand_id ? { id: r.brand_id, code: r.brand_code!, name: r.brand_name! } : null,
    asset: r.asset_name,
    topic: r.topic,
    kind: r.kind,
    title: r.title,
    standardCode: r.standard_code,
    value: r.value === null ? null : String(r.content.value),
    unit: r.unit,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    methodology: (r.content.methodology as string | null) ?? null,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    validity: validityStatus(r.valid_from, r.valid_until, d),
    restricted: r.restricted,
    auditorOrgId: r.auditor_org_id,
    evidence: r.evidence_file_ids.flatMap((id) => {
      const f = files.find((x) => x.id === id);
      return f ? [evidenceView(f)] : [];
    }),
    attestations: attestations
      .filter((a) => a.disclosure_id === r.id)
      .map((a) => ({
        id: a.id,
        auditor: { id: a.auditor_org_id, name: a.auditor_name },
        statement: a.statement,
        disclosureDigest: a.disclosure_digest,
        attestedAt: a.created_at.toISOString(),
        credential: a.credential,
        logIndex: a.log_index,
      })),
    contentDigest: r.content_digest,
    credential: r.credential,
    logIndex: r.log_index,
    filedAt: r.created_at.toISOString(),
  }));
}

export type DisclosureView = Awaited<ReturnType<typeof disclosuresView>>[number];

export async function getDisclosure(ctx: AppContext, p: Principal, id: string): Promise<DisclosureView> {
  const d = await repo.getDisclosure(ctx.db, id);
  if (!d) throw notFound('Disclosure');
  if (d.restricted && !canSeeRestricted(p, { orgId: d.org_id, auditorOrgId: d.auditor_org_id })) {
    // Restricted disclosures are not announced to outsiders, signed in or not: the same 404 as an unknown id.
    throw notFound('Disclosure');
  }
  return (await disclosuresView(ctx, p, [d]))[0]!;
}

export const encodeCursor = (seq: number): string => Buffer.from(`d:${seq}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const m = /^d:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw bad('Invalid cursor', [{ path: 'query.cursor', message: 'not a cursor from this API' }]);
  return Number(m[1]);
}

export async function listDisclosures(
  ctx: AppContext,
  p: Principal,
  q: {
    organisation?: string;
    brand?: string;
    topic?: string;
    kind?: string;
    level?: string;
    q?: string;
    auditor?: string;
    unattested?: boolean;
    expiresBy?: string;
    cursor?: string;
    limit?: number;
  },
) {
  const limit = q.limit ?? 50;
  if (q.unattested && !q.auditor) throw bad('Say whose attestations', [{ path: 'query.unattested', message: 'needs `auditor`' }]);
  let brandId: string | undefined;
  if (q.brand) {
    const b = await brandsRepo.getBrand(ctx.db, q.brand);
    if (!b) return { items: [], nextCursor: null };
    brandId = b.id;
  }
  const rows = await visibleDisclosures(ctx, p, {
    ...(q.organisation ? { orgIds: [q.organisation] } : {}),
    ...(brandId ? { brandId } : {}),
    ...(q.topic ? { topic: q.topic } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.level ? { level: q.level } : {}),
    ...(q.q ? { q: q.q } : {}),
    ...(q.auditor ? { auditorOrgId: q.auditor, unattested: q.unattested ?? false } : {}),
    ...(q.expiresBy ? { validUntilBy: q.expiresBy } : {}),
    ...(q.cursor ? { beforeSeq: decodeCursor(q.cursor) } : {}),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { items: await disclosuresView(ctx, p, page), nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!.seq) : null };
}

// ---------------------------------------------------------------- producer profiles and comparison

export async function producerProfile(ctx: AppContext, p: Principal, orgId: string) {
  const org = await accessRepo.getOrganisation(ctx.db, orgId);
  if (!org || org.kind !== 'producer') throw notFound('Producer');
  const brands = await brandsRepo.listBrands(ctx.db, { producerOrgId: orgId });
  const disclosures = await disclosuresView(ctx, p, await visibleDisclosures(ctx, p, { orgIds: [orgId], limit: 1000 }));
  const sourcing = await Promise.all(brands.map((b) => brandSourcing(ctx, p, b.id)));
  return {
    organisation: { id: org.id, name: org.name, country: org.country },
    brands: brands.map((b, i) => ({
      ...brandView(p, b),
      currentTrack: sourcing[i]!.currentTrack ? { track: sourcing[i]!.currentTrack!.track, effectiveFrom: sourcing[i]!.currentTrack!.effectiveFrom, standardCode: sourcing[i]!.currentTrack!.standardCode } : null,
      compliance: sourcing[i]!.compliance,
    })),
    certifications: disclosures.filter((d) => d.kind === 'certification'),
    metrics: disclosures.filter((d) => d.kind === 'metric'),
    targets: disclosures.filter((d) => d.kind === 'target'),
  };
}

export const MAX_COMPARED = 5;

export async function compare(ctx: AppContext, p: Principal, q: { producers?: string[]; plants?: string[] }) {
  const producers = q.producers ?? [];
  const plants = q.plants ?? [];
  if ((producers.length === 0) === (plants.length === 0)) {
    throw bad('Compare producers or plants', [{ path: 'query', message: 'give either producers or plants (brand codes or ids)' }]);
  }
  const ids = producers.length ? producers : plants;
  if (ids.length > MAX_COMPARED) throw bad(`At most ${MAX_COMPARED} can be compared`, [{ path: producers.length ? 'query.producers' : 'query.plants', message: `at most ${MAX_COMPARED}` }]);
  const d = today(ctx);
  const subjects = [];
  for (const ref of ids) {
    let name: string;
    let rows: repo.DisclosureRow[];
    let brands: brandsRepo.BrandRecord[];
    if (producers.length) {
      const org = /^[0-9a-f-]{36}$/i.test(ref) ? await accessRepo.getOrganisation(ctx.db, ref) : undefined;
      if (!org || org.kind !== 'producer') throw notFound(`Producer ${ref}`);
      name = org.name;
      brands = await brandsRepo.listBrands(ctx.db, { producerOrgId: org.id });
      rows = await visibleDisclosures(ctx, p, { orgIds: [org.id], limit: 1000 });
    } else {
      const b = await brandOr404(ctx.db, ref);
      name = `${b.plant.name} (${b.code})`;
      brands = [b];
      rows = (await visibleDisclosures(ctx, p, { orgIds: [b.producer.id], limit: 1000 })).filter(
        (x) => x.brand_id === b.id || (x.level === 'asset' && x.asset_name === b.plant.name),
      );
    }
    const tracks: Record<string, string | null> = {};
    for (const b of brands) tracks[b.code] = (await brandSourcing(ctx, p, b.id)).currentTrack?.track ?? null;
    const metrics: Record<string, { value: string; unit: string | null; periodEnd: string | null; title: string }> = {};
    for (const r of rows.filter((x) => x.kind === 'metric').sort((a, b) => (a.period_end ?? '').localeCompare(b.period_end ?? ''))) {
      metrics[r.topic] = { value: String(r.content.value), unit: r.unit, periodEnd: r.period_end, title: r.title };
    }
    subjects.push({
      id: ref,
      name,
      brands: brands.map((b) => ({ code: b.code, metal: b.metal, plant: b.plant })),
      tracks,
      certifications: rows
        .filter((x) => x.kind === 'certification')
        .map((x) => ({ standardCode: x.standard_code, level: x.level, validUntil: x.valid_until, validity: validityStatus(x.valid_from, x.valid_until, d) })),
      metrics,
      targets: rows.filter((x) => x.kind === 'target').map((x) => ({ topic: x.topic, title: x.title, value: String(x.content.value), unit: x.unit, by: x.period_end })),
    });
  }
  return { subjects };
}

