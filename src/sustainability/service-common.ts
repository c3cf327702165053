import { actorOf, type Authenticated, type Principal } from '../access/principal.ts';
import { findBrand, type BrandRecord } from '../brands/lookup.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import { AppError, forbidden, notFound, type ErrorDetail } from '../platform/errors.ts';
import { orgDid } from '../trust/keys-service.ts';
import { buildCredential, type Credential } from '../trust/vc.ts';

// What the sustainability and CBAM services share: today's date, the refusals they answer with, the
// brand a request names, who made a change (recorded on the rows they write), and the credential an
// organisation signs for a statement it makes.

export const today = (ctx: AppContext): string => ctx.now().toISOString().slice(0, 10);

/** An object-level refusal: anonymous callers are told to sign in, others that they may not. */
export const refuse = (p: Principal, why: string): AppError =>
  p.type === 'anonymous' ? new AppError('unauthenticated', `Sign in: ${why}`) : forbidden(why);

export const bad = (message: string, details: ErrorDetail[]): AppError => new AppError('bad_request', message, details);

export async function brandOr404(q: Queryable, ref: string): Promise<BrandRecord> {
  const b = await findBrand(q, ref);
  if (!b) throw notFound('Brand');
  return b;
}

/** A brand of the calling producer's own, or a refusal. */
export async function ownBrand(ctx: AppContext, p: Authenticated, ref: string): Promise<BrandRecord> {
  const brand = await brandOr404(ctx.db, ref);
  if (p.orgKind !== 'producer' || brand.producer.id !== p.orgId) throw forbidden(`Brand ${brand.code} belongs to another producer`);
  return brand;
}

/** The user or API key that made a change, as the rows record it. */
export const actorIds = (p: Authenticated) => {
  const a = actorOf(p);
  return { userId: a.userId, apiKeyId: a.apiKeyId };
};

/**
 * A statement an organisation makes, as the W3C VC it signs (vc+jwt, through recordSignedChange).
 * These records are never revoked in place: a later version or record supersedes them.
 */
export function orgCredential(ctx: AppContext, s: { type: string; id: string; issuerOrgId: string; validFrom: string; subject: Record<string, unknown> }): Credential {
  return buildCredential({ id: s.id, types: [s.type], issuer: orgDid(ctx, s.issuerOrgId), validFrom: s.validFrom, subject: s.subject });
}
