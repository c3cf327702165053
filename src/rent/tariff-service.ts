import { randomUUID } from 'node:crypto';
import { actorOf, type Authenticated } from '../access/principal.ts';
import { formatDay, parseIsoDay } from '../market/dates.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, forbidden, isUniqueViolation, notFound, type ErrorDetail } from '../platform/errors.ts';
import { digestOf } from '../trust/canonical.ts';
import { ensureIssuerKey, orgDid } from '../trust/keys-service.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import { digestBytes } from '../trust/trust.ts';
import { signCredentialJwt } from '../trust/vc.ts';
import { getFacility, getLocation, listCaps, listLocations } from '../warehouse/network-service.ts';
import { rateYearBounds, rateYearLabel, rateYearOf } from './accrual.ts';
import { today } from './account.ts';
import { capsForYear, checkAgainstCaps, type CapInput, type CapInYear } from './caps.ts';
import { RENT_KINDS, RENT_SUBJECTS, tariffCredential, type TariffSubject } from './credentials.ts';
import { formatMoney, formatRate, parseMoney, parsePct, parseRate } from './money.ts';
import * as repo from './repo.ts';
import { rentSettings } from './settings.ts';

// Tariffs: what a warehouse company charges at one of its facilities for one metal in one rate
// year — rent in US$ per tonne per day, the FOT (free-on-truck) and FIC charges per tonne in the
// location's currency, and per-warrant fees. Checked against every cap of the exchange in force
// during the year (refused naming the cap), signed by the warehouse, logged, public. A tariff is
// published once and never changed.

export interface TariffInput {
  facilityId: string;
  metal: string;
  rateYear: number;
  rentUsdPerTonneDay: string;
  fotPerTonne?: string | null;
  ficPerTonne?: string | null;
  perWarrantFees?: { code: string; amount: string; currency: string }[];
}

type CapView = Awaited<ReturnType<typeof listCaps>>[number];

export const capInput = (c: CapView): CapInput => ({
  id: c.id,
  location: c.location,
  metal: c.metal,
  effectiveFrom: parseIsoDay(c.effectiveFrom)!,
  rent: parseRate(c.rentUsdPerTonneDay),
  fot: c.fotPerTonne === null ? null : parseMoney(c.fotPerTonne),
  fotCurrency: c.fotCurrency,
  indexPct: c.yearlyIndexPct === null ? null : parsePct(c.yearlyIndexPct),
  indexFromYear: c.indexFromYear,
});

const capInYearView = (c: CapInYear) => ({
  id: c.id,
  location: c.location,
  metal: c.metal,
  effectiveFrom: formatDay(c.effectiveFrom),
  rentUsdPerTonneDay: formatRate(c.rentInYear),
  fotPerTonne: c.fotInYear === null ? null : formatMoney(c.fotInYear),
  fotCurrency: c.fotCurrency,
  indexSteps: c.indexSteps,
});

export function tariffView(t: repo.TariffRow) {
  const s = t.content as unknown as TariffSubject;
  return { id: t.id, ...s, logIndex: Number(t.log_index) };
}

// ---------------------------------------------------------------- reads

export async function listTariffs(ctx: AppContext, f: { warehouseOrgId?: string; facilityId?: string; location?: string; metal?: string; rateYear?: number }) {
  return (await repo.listTariffs(ctx.db, f)).map(tariffView);
}

export async function getTariff(ctx: AppContext, id: string) {
  const t = await repo.getTariff(ctx.db, id);
  if (!t) throw notFound('Tariff');
  return { ...tariffView(t), credential: t.credential };
}

/**
 * The caps that bind tariffs in a rate year (default: the current one), per location and metal,
 * with yearly indexation applied: what the exchange's caps page and the warehouse's tariff form show.
 */
export async function capsInYear(ctx: AppContext, f: { location?: string; metal?: string; rateYear?: number }) {
  const rule = rentSettings().rateYear;
  const year = f.rateYear ?? rateYearOf(today(ctx), rule);
  const caps = await listCaps(ctx, { ...(f.location ? { location: f.location } : {}), ...(f.metal ? { metal: f.metal } : {}) });
  const groups = new Map<string, CapInput[]>();
  for (const c of caps) {
    const k = `${c.location}/${c.metal}`;
    groups.set(k, [...(groups.get(k) ?? []), capInput(c)]);
  }
  const locations = new Map((await listLocations(ctx)).map((l) => [l.code, l]));
  const bounds = rateYearBounds(year, rule);
  const items = [...groups.entries()]
    .map(([, list]) => {
      const inYear = capsForYear(list, year, rule);
      if (inYear.length === 0) return null;
      const l = locations.get(list[0]!.location);
      const lowest = inYear.reduce((a, b) => (b.rentInYear < a.rentInYear ? b : a));
      const fots = inYear.filter((c) => c.fotInYear !== null);
      const lowestFot = fots.length ? fots.reduce((a, b) => (b.fotInYear! < a.fotInYear! ? b : a)) : null;
      return {
        location: { code: list[0]!.location, name: l?.name ?? list[0]!.location, currency: l?.currency ?? null },
        metal: list[0]!.metal,
        rentUsdPerTonneDay: formatRate(lowest.rentInYear),
        fotPerTonne: lowestFot ? formatMoney(lowestFot.fotInYear!) : null,
        fotCurrency: lowestFot?.fotCurrency ?? null,
        caps: inYear.map(capInYearView),
      };
    })
    .filter((x) => x !== null)
    .sort((a, b) => a.location.name.localeCompare(b.location.name) || a.metal.localeCompare(b.metal));
  return { rateYear: year, rateYearLabel: rateYearLabel(year), from: formatDay(bounds.from), to: formatDay(bounds.to), items };
}

// ---------------------------------------------------------------- publish

const bad = (message: string, details: ErrorDetail[]) => new AppError('bad_request', message, details);

export async function publishTariff(ctx: AppContext, p: Authenticated, input: TariffInput) {
  const settings = rentSettings();
  const facility = await getFacility(ctx, input.facilityId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') throw bad('Unknown facility', [{ path: 'body.facilityId', message: 'no such facility' }]);
    throw e;
  });
  if (facility.warehouse.id !== p.orgId) throw forbidden(`Only ${facility.warehouse.name}, whose facility ${facility.name} is, publishes its tariffs`);
  const location = await getLocation(ctx, facility.location.code);
  const problems: ErrorDetail[] = [];
  if (!facility.metals.includes(input.metal)) problems.push({ path: 'body.metal', message: `${facility.name} is approved for ${facility.metals.join(', ')}, not ${input.metal}` });
  const now = today(ctx);
  const bounds = rateYearBounds(input.rateYear, settings.rateYear);
  const current = rateYearOf(now, settings.rateYear);
  if (bounds.to < now) problems.push({ path: 'body.rateYear', message: `rate year ${rateYearLabel(input.rateYear)} ended on ${formatDay(bounds.to)}` });
  if (input.rateYear > current + 1) problems.push({ path: 'body.rateYear', message: `tariffs are published for the current rate year (${rateYearLabel(current)}) or the next, not ${rateYearLabel(input.rateYear)}` });
  const known = new Map(settings.perWarrantFees.map((f) => [f.code, f]));
  const fees = (input.perWarrantFees ?? []).map((f, i) => {
    const kind = known.get(f.code);
    if (!kind) problems.push({ path: `body.perWarrantFees.${i}.code`, message: `is not a per-warrant fee the exchange lists (${[...known.keys()].join(', ')})` });
    return { code: f.code, name: kind?.name ?? f.code, amount: formatMoney(parseMoney(f.amount)), currency: f.currency };
  });
  if (new Set(fees.map((f) => f.code)).size !== fees.length) problems.push({ path: 'body.perWarrantFees', message: 'lists a fee twice' });
  if (problems.length) throw bad('The tariff is invalid', problems);

  const rent = parseRate(input.rentUsdPerTonneDay);
  const fot = input.fotPerTonne == null ? null : parseMoney(input.fotPerTonne);
  const fic = input.ficPerTonne == null ? null : parseMoney(input.ficPerTonne);
  const caps = capsForYear((await listCaps(ctx, { location: location.code, metal: input.metal })).map(capInput), input.rateYear, settings.rateYear);
  const over = checkAgainstCaps({ rent, fot, currency: location.currency }, caps, { location: location.code, metal: input.metal });
  if (over.length) {
    throw new AppError(
      'unprocessable',
      `The tariff is above the exchange's cap: ${over.map((o) => o.message).join('; ')}`,
      over.map((o) => ({ path: `body.${o.field}`, message: o.message, capId: o.capId })),
    );
  }
  const existing = await repo.listTariffs(ctx.db, { facilityId: facility.id, metal: input.metal, rateYear: input.rateYear });
  if (existing.length) throw tariffExists(facility.name, input.metal, input.rateYear, existing[0]!.id);

  const id = randomUUID();
  const subject: TariffSubject = {
    schema: 'assay.rent-tariff/1',
    warehouse: { id: facility.warehouse.id, name: facility.warehouse.name },
    facility: { id: facility.id, name: facility.name },
    location: { code: location.code, name: location.name },
    metal: input.metal,
    rateYear: input.rateYear,
    rateYearLabel: rateYearLabel(input.rateYear),
    from: formatDay(bounds.from),
    to: formatDay(bounds.to),
    rentUsdPerTonneDay: formatRate(rent),
    currency: location.currency,
    fotPerTonne: fot === null ? null : formatMoney(fot),
    ficPerTonne: fic === null ? null : formatMoney(fic),
    perWarrantFees: fees,
    caps: caps.map((c) => ({ id: c.id, effectiveFrom: formatDay(c.effectiveFrom), rentUsdPerTonneDay: formatRate(c.rentInYear), fotPerTonne: c.fotInYear === null ? null : formatMoney(c.fotInYear), fotCurrency: c.fotCurrency })),
    publishedAt: ctx.now().toISOString(),
  };
  const key = await ensureIssuerKey(ctx, p.orgId);
  const credential = await signCredentialJwt(tariffCredential({ id, issuerDid: orgDid(ctx, p.orgId), subject }), { privateKey: key.privateKey, kid: key.kid });
  const actor = actorOf(p);
  try {
    await ctx.db.transaction(async (tx) => {
      const recorded = await recordSignedChange(ctx, tx, {
        log: { kind: RENT_KINDS.tariffPublished, subjectType: RENT_SUBJECTS.tariff, subjectId: id, version: 1 },
        payload: { payloadDigest: digestBytes(credential), credential },
        event: { actor, details: { facility: facility.name, metal: input.metal, rateYear: subject.rateYearLabel, rentUsdPerTonneDay: subject.rentUsdPerTonneDay } },
      });
      await repo.insertTariff(tx, {
        id,
        warehouse_org_id: p.orgId,
        facility_id: facility.id,
        location_code: location.code,
        metal: input.metal,
        rate_year: input.rateYear,
        rent_usd_per_tonne_day: subject.rentUsdPerTonneDay,
        currency: location.currency,
        fot_per_tonne: subject.fotPerTonne,
        fic_per_tonne: subject.ficPerTonne,
        fees: fees.map(({ code, amount, currency }) => ({ code, amount, currency })),
        content: subject as unknown as Record<string, unknown>,
        content_digest: digestOf(subject),
        credential,
        log_index: recorded.logIndex,
        published_at: subject.publishedAt,
        userId: actor.userId,
        apiKeyId: actor.apiKeyId,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw tariffExists(facility.name, input.metal, input.rateYear, null);
    throw e;
  }
  return getTariff(ctx, id);
}

const tariffExists = (facility: string, metal: string, year: number, id: string | null) =>
  new AppError('conflict', `${facility} already published its ${metal} tariff for ${rateYearLabel(year)}${id ? ` (${id})` : ''}; a published tariff is not changed`, [
    { path: 'body.rateYear', message: 'already published' },
  ]);
