import { actorOf, type Authenticated, type Principal } from '../access/principal.ts';
import { findBrand, type BrandRecord } from '../brands/lookup.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import { AppError, forbidden, notFound, type ErrorDetail } from '../platform/errors.ts';

// What the sustainability and CBAM services share: today's date, the refusals they answer with, the
// brand a request names, and who made a change (recorded on the rows they write).

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
