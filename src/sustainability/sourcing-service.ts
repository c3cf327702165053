import { randomUUID } from 'node:crypto';
import { actorOf, type Authenticated, type Principal } from '../access/principal.ts';
import { findBrands, lockBrand } from '../brands/lookup.ts';
import type { AppContext } from '../platform/context.ts';
import { forbidden, type ErrorDetail } from '../platform/errors.ts';
import { digestOf } from '../trust/canonical.ts';
import { ensureIssuerKey } from '../trust/keys-service.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import { disclosuresView, visibleDisclosures } from './disclosure-service.ts';
import { checkEvidence, evidenceRefs } from './evidence-service.ts';
import { getReference } from './reference-service.ts';
import { KIND, rulingCredentialId, SUBJECT, trackCredentialId, VC_TYPE } from './records.ts';
import { actorIds, bad, brandOr404, orgCredential, ownBrand, today } from './service-common.ts';
import * as repo from './sourcing-repo.ts';
import { trackProblems, type TrackInput } from './sourcing-rules.ts';
import { fieldDetail } from './fields.ts';
import { canSeeRestricted } from './visibility.ts';

// Responsible sourcing: the producer records each brand's track (A–D) from a date with its
// evidence; the exchange rules a brand compliant or not. Both are signed and logged.

export async function recordTrack(ctx: AppContext, p: Authenticated, brandRef: string, input: TrackInput) {
  const brand = await ownBrand(ctx, p, brandRef);
  const reference = await getReference(ctx);
  const problems: ErrorDetail[] = trackProblems(input, brand.metal, reference, today(ctx)).map((x) => fieldDetail(x));
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
    const { credential, logIndex } = await recordSignedChange(ctx, tx, {
      log: { kind: KIND.track, subjectType: SUBJECT.track, subjectId: id, version: 1 },
      payload: {
        credential: orgCredential(ctx, {
          type: VC_TYPE.track,
          id: trackCredentialId(id),
          issuerOrgId: brand.producer.id,
          validFrom: recordedAt,
          subject: { id: `urn:assay:brand:${brand.code}`, ...content },
        }),
        key,
      },
      event: {
        actor: actorOf(p),
        subjectType: 'brand',
        subjectId: brand.id,
        digestAfter: digestOf(content),
        details: { track: input.track, effectiveFrom: input.effectiveFrom },
      },
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
      credential: credential!,
      logIndex,
      ...actorIds(p),
    });
  });
  return brandSourcing(ctx, p, brand.id);
}

export async function setCompliance(ctx: AppContext, p: Authenticated, brandRef: string, input: { status: 'compliant' | 'non_compliant'; reason: string; effectiveDate?: string }) {
  if (p.orgKind !== 'exchange') throw forbidden('Only the exchange rules on responsible-sourcing compliance');
  const brand = await brandOr404(ctx.db, brandRef);
  const effectiveDate = input.effectiveDate ?? today(ctx);
  if (effectiveDate > today(ctx)) throw bad('A compliance ruling is recorded when it is made', [{ path: 'body.effectiveDate', message: 'must not be in the future', code: 'future_date' }]);
  const key = await ensureIssuerKey(ctx, p.orgId);
  const at = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await lockBrand(tx, brand.id);
    const version = (await repo.listCompliance(tx, brand.id)).length + 1;
    const record = { schema: 'assay.sourcing-compliance/1', brand: { id: brand.id, code: brand.code }, status: input.status, reason: input.reason.trim(), effectiveDate, version, recordedAt: at };
    // A ruling is a record of its own about the brand (subject type sourcing_ruling), so ruling on a
    // brand never makes the brand's own log entries look changed.
    const { credential, logIndex } = await recordSignedChange(ctx, tx, {
      log: { kind: KIND.ruling, subjectType: SUBJECT.ruling, subjectId: brand.id, version },
      payload: {
        credential: orgCredential(ctx, {
          type: VC_TYPE.ruling,
          id: rulingCredentialId(brand.id, version),
          issuerOrgId: p.orgId,
          validFrom: at,
          subject: { id: `urn:assay:brand:${brand.code}`, ...record },
        }),
        key,
      },
      event: { actor: actorOf(p), subjectType: 'brand', subjectId: brand.id, digestAfter: digestOf(record), details: { status: input.status, reason: input.reason } },
    });
    await repo.insertCompliance(tx, { brandId: brand.id, status: input.status, effectiveDate, reason: input.reason.trim(), credential: credential!, logIndex, ...actorIds(p) });
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
  const brands = new Map((await findBrands(ctx.db, {})).map((b) => [b.id, b]));
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

