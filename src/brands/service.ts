import type { AppContext } from '../platform/context.ts';
import { actorOf, type Authenticated, type Principal } from '../access/principal.ts';
import { findOrganisation } from '../access/organisations.ts';
import { digestOf } from '../trust/canonical.ts';
import { recordSignedChange, type SignedChange } from '../trust/signed-change.ts';
import type { Queryable } from '../platform/db.ts';
import * as metalsRepo from '../metals/specs.ts';
import { isMetal } from '../metals/service.ts';
import { selectSpec } from '../metals/spec-select.ts';
import { isIsoCountry } from '../platform/countries.ts';
import { AppError, forbidden, isUniqueViolation, notFound, type ErrorDetail } from '../platform/errors.ts';
import * as repo from './repo.ts';
import { brandLogRecord } from './records.ts';
import { allowedTransition } from './rules.ts';

export type Brand = repo.BrandRecord;

/** Annual capacity is commercially sensitive: the exchange and the brand's producer see it. */
export function canSeeRestricted(p: Principal, brand: { producer: { id: string } }): boolean {
  return p.type !== 'anonymous' && (p.orgKind === 'exchange' || p.orgId === brand.producer.id);
}

export function viewFor(p: Principal, b: Brand): Brand | Omit<Brand, 'annualCapacityTonnes'> {
  if (canSeeRestricted(p, b)) return b;
  const { annualCapacityTonnes: _hidden, ...rest } = b;
  return rest;
}

const today = (ctx: AppContext): string => ctx.now().toISOString().slice(0, 10);

async function checkShapes(ctx: AppContext, metal: string, shapes: string[], path: string): Promise<ErrorDetail[]> {
  const spec = selectSpec(await metalsRepo.listSpecs(ctx.db), metal as never, today(ctx));
  if (!spec) return [{ path: 'body.metal', message: `no ${metal} contract specification is in force` }];
  return shapes
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => !spec.shapes.includes(s))
    .map(({ s, i }) => ({ path: `${path}.${i}`, message: `"${s}" is not a ${metal} contract shape (${spec.shapes.join(', ')})` }));
}

export interface ListBrandInput {
  code: string;
  name: string;
  metal: string;
  producerOrgId: string;
  plant: { name: string; country: string };
  shapes: string[];
  annualCapacityTonnes?: string | null;
  /** When the brand became listed (an existing brand registered later); default today. */
  listedFrom?: string;
}

export { brandLogRecord } from './records.ts';

/** The brand as it now stands, with its latest status record, as one signed change. */
async function logBrand(ctx: AppContext, tx: Queryable, kind: string, b: Brand, event: SignedChange['event']): Promise<void> {
  const history = await repo.statusHistory(tx, b.id);
  await recordSignedChange(ctx, tx, {
    log: { kind, subjectType: 'brand', subjectId: b.id, version: history.length },
    payload: { record: brandLogRecord(b, history.at(-1)) },
    event,
  });
}

export async function listBrand(ctx: AppContext, p: Authenticated, input: ListBrandInput): Promise<Brand> {
  if (p.orgKind !== 'exchange') throw forbidden('Only the exchange lists brands');
  const problems: ErrorDetail[] = [];
  if (!isMetal(input.metal)) problems.push({ path: 'body.metal', message: `unknown metal ${input.metal}` });
  if (!isIsoCountry(input.plant.country)) {
    problems.push({ path: 'body.plant.country', message: `${input.plant.country} is not an ISO 3166-1 alpha-2 country code` });
  }
  const producer = await findOrganisation(ctx.db, input.producerOrgId);
  if (!producer) problems.push({ path: 'body.producerOrgId', message: 'no such organisation', code: 'unknown_organisation' });
  else if (producer.kind !== 'producer') problems.push({ path: 'body.producerOrgId', message: `is a ${producer.kind}, not a producer` });
  if (isMetal(input.metal)) problems.push(...(await checkShapes(ctx, input.metal, input.shapes, 'body.shapes')));
  if (input.listedFrom && input.listedFrom > today(ctx)) problems.push({ path: 'body.listedFrom', message: 'is in the future', code: 'future_date' });
  if (problems.length) throw new AppError('bad_request', 'The brand cannot be listed', problems);

  try {
    return await ctx.db.transaction(async (tx) => {
      const id = await repo.insertBrand(tx, {
        code: input.code,
        name: input.name.trim(),
        metal: input.metal,
        producerOrgId: input.producerOrgId,
        plantName: input.plant.name.trim(),
        plantCountry: input.plant.country,
        shapes: [...new Set(input.shapes)],
        annualCapacityTonnes: input.annualCapacityTonnes ?? null,
      });
      await repo.setStatus(tx, {
        brandId: id,
        status: 'listed',
        effectiveDate: input.listedFrom ?? today(ctx),
        reason: 'Brand listed',
        actorUserId: p.type === 'user' ? p.userId : null,
      });
      const brand = (await repo.getBrand(tx, id))!;
      await logBrand(ctx, tx, 'brand.listed', brand, {
        actor: actorOf(p),
        digestAfter: digestOf(brand),
        details: { code: brand.code },
      });
      return brand;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'brands_code_key')) {
      throw new AppError('conflict', `Brand code ${input.code} is already taken`, [{ path: 'body.code', message: 'already taken', code: 'already_taken' }]);
    }
    if (isUniqueViolation(e, 'brands_plant_metal_key')) {
      throw new AppError('conflict', `${input.plant.name} already has a ${input.metal} brand (one brand per plant)`, [
        { path: 'body.plant.name', message: 'already has a brand for this metal' },
      ]);
    }
    throw e;
  }
}

export async function updateBrand(
  ctx: AppContext,
  p: Authenticated,
  id: string,
  u: { name?: string; plantName?: string; shapes?: string[]; annualCapacityTonnes?: string | null },
): Promise<Brand> {
  if (p.orgKind !== 'exchange') throw forbidden('Only the exchange edits brands');
  return ctx.db.transaction(async (tx) => {
    const before = await repo.lockBrand(tx, id);
    if (!before) throw notFound('Brand');
    if (u.shapes) {
      const problems = await checkShapes(ctx, before.metal, u.shapes, 'body.shapes');
      if (problems.length) throw new AppError('bad_request', 'The brand cannot be changed', problems);
    }
    await repo.updateBrand(tx, id, {
      ...u,
      ...(u.name !== undefined ? { name: u.name.trim() } : {}),
      ...(u.plantName !== undefined ? { plantName: u.plantName.trim() } : {}),
      ...(u.shapes ? { shapes: [...new Set(u.shapes)] } : {}),
    });
    const after = (await repo.getBrand(tx, id))!;
    await logBrand(ctx, tx, 'brand.updated', after, {
      actor: actorOf(p),
      digestBefore: digestOf(before),
      digestAfter: digestOf(after),
      details: { fields: Object.keys(u) },
    });
    return after;
  });
}

export async function changeStatus(
  ctx: AppContext,
  p: Authenticated,
  id: string,
  input: { status: repo.BrandStatus; reason: string; effectiveDate?: string },
): Promise<Brand> {
  if (p.orgKind !== 'exchange') throw forbidden('Only the exchange changes brand status');
  const effectiveDate = input.effectiveDate ?? today(ctx);
  if (effectiveDate > today(ctx)) {
    throw new AppError('bad_request', 'A status change is recorded when it happens', [
      { path: 'body.effectiveDate', message: 'must not be in the future', code: 'future_date' },
    ]);
  }
  return ctx.db.transaction(async (tx) => {
    const before = await repo.lockBrand(tx, id);
    if (!before) throw notFound('Brand');
    const why = allowedTransition(before.status, input.status);
    if (why) throw new AppError('conflict', why, [{ path: 'body.status', message: why }]);
    await repo.setStatus(tx, {
      brandId: id,
      status: input.status,
      effectiveDate,
      reason: input.reason.trim(),
      actorUserId: p.type === 'user' ? p.userId : null,
    });
    const after = (await repo.getBrand(tx, id))!;
    await logBrand(ctx, tx, 'brand.status_changed', after, {
      actor: actorOf(p),
      digestBefore: digestOf(before),
      digestAfter: digestOf(after),
      details: { from: before.status, to: input.status, reason: input.reason, effectiveDate },
    });
    return after;
  });
}

export async function getBrand(ctx: AppContext, p: Principal, idOrCode: string) {
  const b = await repo.getBrand(ctx.db, idOrCode);
  if (!b) throw notFound('Brand');
  return viewFor(p, b);
}

export async function listBrands(ctx: AppContext, p: Principal, f: repo.BrandFilter & { mine?: boolean }) {
  const { mine, ...filter } = f;
  if (mine) {
    if (p.type === 'anonymous') throw new AppError('unauthenticated', 'Sign in to list your own brands');
    filter.producerOrgId = p.orgId;
  }
  return (await repo.listBrands(ctx.db, filter)).map((b) => viewFor(p, b));
}

export async function brandHistory(ctx: AppContext, idOrCode: string): Promise<repo.StatusChange[]> {
  const b = await repo.getBrand(ctx.db, idOrCode);
  if (!b) throw notFound('Brand');
  return repo.statusHistory(ctx.db, b.id);
}
