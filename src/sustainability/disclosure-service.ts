import { randomUUID } from 'node:crypto';
import { actorOf, type Authenticated, type Principal } from '../access/principal.ts';
import { findOrganisation } from '../access/organisations.ts';
import { findBrand, findBrands, type BrandRecord } from '../brands/lookup.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, forbidden, notFound, type ErrorDetail } from '../platform/errors.ts';
import { digestOf, sha256Hex } from '../trust/canonical.ts';
import { ensureIssuerKey } from '../trust/keys-service.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import * as repo from './disclosure-repo.ts';
import { evidenceMeta } from './evidence-repo.ts';
import { checkEvidence, evidenceRefs, evidenceView } from './evidence-service.ts';
import { getReference } from './reference-service.ts';
import { attestationCredentialId, disclosureCredentialId, KIND, SUBJECT, VC_TYPE } from './records.ts';
import { actorIds, bad, orgCredential, today } from './service-common.ts';
import { canSeeRestricted, validityStatus } from './visibility.ts';

// Disclosures (certifications, metrics and targets at company, asset or brand level), signed by the
// producer, and their attestations, signed by the auditor organisation. Restricted ones are for the
// producer, the exchange and the named auditor only.

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
  const reference = await getReference(ctx);
  const problems: ErrorDetail[] = [];
  const add = (field: string, message: string) => problems.push({ path: `body.${field}`, message });
  const own = await findBrands(ctx.db, { producerOrgId: p.orgId });
  let brand: BrandRecord | undefined;
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
    const auditor = await findOrganisation(ctx.db, input.auditorOrgId);
    if (!auditor || auditor.kind !== 'auditor') add('auditorOrgId', 'is not an auditor organisation');
  }
  const evidenceIds = [...new Set(input.evidenceFileIds ?? [])];
  const ev = await checkEvidence(ctx, p.orgId, evidenceIds, 'body.evidenceFileIds');
  problems.push(...ev.problems);
  if (problems.length) throw bad('The disclosure cannot be filed', problems);

  const org = (await findOrganisation(ctx.db, p.orgId))!;
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
    const { credential, logIndex } = await recordSignedChange(ctx, tx, {
      log: { kind: KIND.disclosure, subjectType: SUBJECT.disclosure, subjectId: id, version: 1 },
      payload: {
        credential: orgCredential(ctx, {
          type: VC_TYPE.disclosure,
          id: disclosureCredentialId(id),
          issuerOrgId: p.orgId,
          validFrom: filedAt,
          subject: { id: disclosureCredentialId(id), ...content },
        }),
        key,
      },
      event: { actor: actorOf(p), digestAfter: contentDigest, details: { topic: input.topic, kind: input.kind, restricted: content.restricted } },
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
      credential: credential!,
      logIndex,
      ...actorIds(p),
    });
  });
  return getDisclosure(ctx, p, id);
}

export async function attestDisclosure(ctx: AppContext, p: Authenticated, id: string, input: { statement: string }) {
  if (p.orgKind !== 'auditor') throw forbidden('Only auditor organisations attest disclosures');
  const d = await repo.getDisclosure(ctx.db, id);
  if (!d || (d.restricted && !canSeeRestricted(p, { orgId: d.org_id, auditorOrgId: d.auditor_org_id }))) throw notFound('Disclosure');
  if (digestOf(d.content) !== d.content_digest) throw new AppError('conflict', 'The disclosure no longer matches its recorded digest; it cannot be attested');
  const auditor = (await findOrganisation(ctx.db, p.orgId))!;
  const key = await ensureIssuerKey(ctx, p.orgId);
  const attestationId = randomUUID();
  const at = ctx.now().toISOString();
  const subject = {
    id: disclosureCredentialId(d.id),
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
      const { credential, logIndex } = await recordSignedChange(ctx, tx, {
        log: { kind: KIND.attestation, subjectType: SUBJECT.attestation, subjectId: attestationId, version: 1 },
        payload: {
          credential: orgCredential(ctx, { type: VC_TYPE.attestation, id: attestationCredentialId(attestationId), issuerOrgId: p.orgId, validFrom: at, subject }),
          key,
        },
        event: { actor: actorOf(p), subjectType: SUBJECT.disclosure, subjectId: d.id, digestAfter: d.content_digest, details: { attestationId } },
      });
      await repo.insertAttestation(tx, { id: attestationId, disclosureId: d.id, auditorOrgId: p.orgId, statement: subject.statement, disclosureDigest: d.content_digest, credential: credential!, logIndex, ...actorIds(p) });
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError('conflict', `${auditor.name} has already attested this disclosure`);
    throw e;
  }
  return getDisclosure(ctx, p, id);
}

const restrictedScope = (p: Principal): 'all' | string | null => (p.type === 'anonymous' ? null : p.orgKind === 'exchange' ? 'all' : p.orgId);

export async function visibleDisclosures(ctx: AppContext, p: Principal, f: Omit<repo.DisclosureFilter, 'restrictedVisibleTo'>): Promise<repo.DisclosureRow[]> {
  const rows = await repo.listDisclosures(ctx.db, { ...f, restrictedVisibleTo: restrictedScope(p) });
  // Defence in depth: the query already filtered; the rule decides again per row.
  return rows.filter((d) => !d.restricted || canSeeRestricted(p, { orgId: d.org_id, auditorOrgId: d.auditor_org_id }));
}

export async function disclosuresView(ctx: AppContext, p: Principal, rows: repo.DisclosureRow[]) {
  const attestations = await repo.listAttestations(ctx.db, rows.map((r) => r.id));
  const files = await evidenceMeta(ctx.db, [...new Set(rows.flatMap((r) => r.evidence_file_ids))]);
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
    const b = await findBrand(ctx.db, q.brand);
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

