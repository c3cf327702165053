import { brandsOfMetalHeldBy } from '../certificates/access.ts';
import { randomUUID } from 'node:crypto';
import { actorOf, type Authenticated, type Principal } from '../access/principal.ts';
import { findOrganisation } from '../access/organisations.ts';
import { findBrands, lockBrand, type BrandRecord } from '../brands/lookup.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { brandOr404, orgCredential, ownBrand, refuse } from '../sustainability/service-common.ts';
import { digestOf } from '../trust/canonical.ts';
import { ensureIssuerKey } from '../trust/keys-service.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import { decodeCredentialJwt } from '../trust/vc.ts';
import * as repo from './access-repo.ts';
import { cbamAccess, type CbamAccess } from './access-rules.ts';
import {
  GRANT_VERSION,
  grantCredentialId,
  grantRevocationCredentialId,
  KIND,
  parseVisibilityCredentialId,
  SUBJECT,
  VC_TYPE,
  visibilityCredentialId,
} from './records.ts';

// Who may read a brand's CBAM data: private by default; the producer publishes it (or makes it
// private again), and the producer or the exchange grant it to named organisations and revoke
// those grants. Checked on every request, so a revoked grant stops at once.

/** The version a brand's stored publication credential names (0 for a legacy one, which names none). */
const visibilityVersion = (credential: string): number => parseVisibilityCredentialId(decodeCredentialJwt(credential).credential.id)?.version ?? 0;

/** Why the caller may read this brand's CBAM data, or null. Checked on every request, so a revoked grant stops at once. */
async function access(ctx: AppContext, p: Principal, brand: BrandRecord): Promise<CbamAccess | null> {
  const granted = p.type !== 'anonymous' && (await repo.hasActiveGrant(ctx.db, brand.id, p.orgId));
  const published = await repo.isPublished(ctx.db, brand.id);
  const holdsMetal = p.type !== 'anonymous' && (await brandsOfMetalHeldBy(ctx.db, p.orgId, brand.id)).length > 0;
  return cbamAccess(p, { producerOrgId: brand.producer.id }, { published, granted, holdsMetal });
}

export async function requireAccess(ctx: AppContext, p: Principal, brand: BrandRecord): Promise<CbamAccess> {
  const why = await access(ctx, p, brand);
  if (!why) throw refuse(p, `the CBAM data of ${brand.code} is private to its producer, the exchange, the holders of its metal and organisations it is granted to`);
  return why;
}

/** Brands whose CBAM data this caller may read. */
export async function readableBrandIds(ctx: AppContext, p: Principal): Promise<string[] | 'all'> {
  if (p.type !== 'anonymous' && p.orgKind === 'exchange') return 'all';
  const shared = await repo.sharedBrandIds(ctx.db, p.type === 'anonymous' ? null : p.orgId);
  if (p.type === 'anonymous') return shared;
  const own = (await findBrands(ctx.db, { producerOrgId: p.orgId })).map((b) => b.id);
  const held = await brandsOfMetalHeldBy(ctx.db, p.orgId);
  return [...new Set([...own, ...shared, ...held])];
}

/** Whether the producer has published the brand's CBAM data. */
export const isPublished = (ctx: AppContext, brandId: string): Promise<boolean> => repo.isPublished(ctx.db, brandId);

// ---------------------------------------------------------------- publication and grants

export async function setPublication(ctx: AppContext, p: Authenticated, brandRef: string, input: { published: boolean }) {
  const brand = await ownBrand(ctx, p, brandRef);
  const key = await ensureIssuerKey(ctx, brand.producer.id);
  const at = ctx.now().toISOString();
  const rec = { schema: 'assay.cbam-visibility/1', brand: { id: brand.id, code: brand.code }, published: input.published, changedAt: at };
  await ctx.db.transaction(async (tx) => {
    await lockBrand(tx, brand.id);
    // Publication is a record of its own about the brand (subject type cbam_visibility), versioned
    // per brand, so publishing never makes the brand's own log entries look changed.
    const before = await repo.getVisibility(tx, brand.id);
    const version = (before ? visibilityVersion(before.credential) : 0) + 1;
    const { credential, logIndex } = await recordSignedChange(ctx, tx, {
      log: { kind: KIND.visibility, subjectType: SUBJECT.visibility, subjectId: brand.id, version },
      payload: {
        credential: orgCredential(ctx, {
          type: VC_TYPE.visibility,
          id: visibilityCredentialId(brand.id, version),
          issuerOrgId: brand.producer.id,
          validFrom: at,
          subject: { id: `urn:assay:brand:${brand.code}`, ...rec },
        }),
        key,
      },
      event: { actor: actorOf(p), subjectType: 'brand', subjectId: brand.id, digestAfter: digestOf(rec), details: { published: input.published } },
    });
    await repo.setPublished(tx, brand.id, input.published, credential!, logIndex);
  });
  return { brand: { id: brand.id, code: brand.code }, published: input.published };
}

async function grantorBrand(ctx: AppContext, p: Authenticated, ref: string): Promise<BrandRecord> {
  const brand = await brandOr404(ctx.db, ref);
  if (p.orgKind !== 'exchange' && brand.producer.id !== p.orgId) throw forbidden(`Only ${brand.producer.name} or the exchange manage access to ${brand.code}'s CBAM data`);
  return brand;
}

function grantView(g: repo.GrantRow) {
  return {
    id: g.id,
    brandId: g.brand_id,
    grantee: { id: g.grantee_org_id, name: g.grantee_name },
    grantedBy: g.granted_by_org_id,
    reason: g.reason,
    grantedAt: g.granted_at.toISOString(),
    active: g.revoked_at === null,
    credential: g.credential,
    logIndex: g.log_index,
    revocation: g.revoked_at
      ? { at: g.revoked_at.toISOString(), by: g.revoked_by_org_id, reason: g.revoke_reason, credential: g.revoke_credential, logIndex: g.revoke_log_index }
      : null,
  };
}

export async function listGrants(ctx: AppContext, p: Principal, brandRef: string) {
  const brand = await brandOr404(ctx.db, brandRef);
  if (p.type === 'anonymous' || (p.orgKind !== 'exchange' && p.orgId !== brand.producer.id)) throw refuse(p, 'grants are visible to the producer and the exchange');
  return { items: (await repo.listGrants(ctx.db, brand.id)).map(grantView) };
}

export async function createGrant(ctx: AppContext, p: Authenticated, brandRef: string, input: { organisationId: string; reason: string }) {
  const brand = await grantorBrand(ctx, p, brandRef);
  const grantee = await findOrganisation(ctx.db, input.organisationId);
  if (!grantee) throw new AppError('bad_request', 'No such organisation', [{ path: 'body.organisationId', message: 'no such organisation', code: 'unknown_organisation' }]);
  if (grantee.id === brand.producer.id || grantee.kind === 'exchange') {
    throw new AppError('bad_request', `${grantee.name} already sees this data`, [{ path: 'body.organisationId', message: 'the producer and the exchange need no grant' }]);
  }
  const key = await ensureIssuerKey(ctx, p.orgId);
  const id = randomUUID();
  const at = ctx.now();
  const rec = {
    schema: 'assay.cbam-grant/1',
    grantId: id,
    brand: { id: brand.id, code: brand.code },
    grantee: { id: grantee.id, name: grantee.name },
    grantedBy: p.orgId,
    reason: input.reason.trim(),
    grantedAt: at.toISOString(),
  };
  try {
    await ctx.db.transaction(async (tx) => {
      const { credential, logIndex } = await recordSignedChange(ctx, tx, {
        log: { kind: KIND.grantCreated, subjectType: SUBJECT.grant, subjectId: id, version: GRANT_VERSION.created },
        payload: {
          credential: orgCredential(ctx, {
            type: VC_TYPE.grant,
            id: grantCredentialId(id),
            issuerOrgId: p.orgId,
            validFrom: rec.grantedAt,
            subject: { id: grantCredentialId(id), ...rec },
          }),
          key,
        },
        event: { actor: actorOf(p), digestAfter: digestOf(rec), details: { brand: brand.code, grantee: grantee.id } },
      });
      await repo.insertGrant(tx, { id, brandId: brand.id, granteeOrgId: grantee.id, grantedByOrgId: p.orgId, reason: rec.reason, credential: credential!, logIndex, at });
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError('conflict', `${grantee.name} already holds an active grant for ${brand.code}`);
    throw e;
  }
  return grantView((await repo.getGrant(ctx.db, id))!);
}

export async function revokeGrant(ctx: AppContext, p: Authenticated, brandRef: string, grantId: string, input: { reason: string }) {
  const brand = await grantorBrand(ctx, p, brandRef);
  const key = await ensureIssuerKey(ctx, p.orgId);
  const at = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const g = await repo.getGrant(tx, grantId, true);
    if (!g || g.brand_id !== brand.id) throw notFound('Grant');
    if (g.revoked_at) throw new AppError('conflict', 'The grant is already revoked');
    const rec = { schema: 'assay.cbam-grant-revocation/1', grantId, brand: { id: brand.id, code: brand.code }, grantee: g.grantee_org_id, revokedBy: p.orgId, reason: input.reason.trim(), revokedAt: at.toISOString() };
    const { credential, logIndex } = await recordSignedChange(ctx, tx, {
      log: { kind: KIND.grantRevoked, subjectType: SUBJECT.grant, subjectId: grantId, version: GRANT_VERSION.revoked },
      payload: {
        credential: orgCredential(ctx, {
          type: VC_TYPE.grantRevocation,
          id: grantRevocationCredentialId(grantId),
          issuerOrgId: p.orgId,
          validFrom: rec.revokedAt,
          subject: { id: grantCredentialId(grantId), ...rec },
        }),
        key,
      },
      event: { actor: actorOf(p), digestAfter: digestOf(rec), details: { brand: brand.code } },
    });
    await repo.revokeGrant(tx, { id: grantId, byOrgId: p.orgId, reason: rec.reason, credential: credential!, logIndex, at });
  });
  return grantView((await repo.getGrant(ctx.db, grantId))!);
}

