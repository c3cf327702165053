import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { actorOf, type Authenticated } from '../access/principal.ts';
import { findOrganisation } from '../access/organisations.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import { AppError, forbidden, isUniqueViolation, notFound, type ErrorDetail } from '../platform/errors.ts';
import { isIsoCountry } from '../platform/countries.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import * as repo from './repo.ts';

// The delivery network: locations, rent caps and approved facilities. Exchange data, loaded from
// reference/delivery-network.json at start and edited by the exchange through the API; every edit
// is logged. Read by everyone.

export const NETWORK_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../reference/delivery-network.json');

export interface NetworkReference {
  locations: (repo.NetworkLocation & { unconfirmed?: string[]; source?: string })[];
  rentCaps: { location: string; metal: string; effectiveFrom: string; rentUsdPerTonneDay: string; fotPerTonne?: string; fotCurrency?: string; source?: string }[];
  reconciliation: { weightTolerancePct: string; piecesTolerance: number; cbamMetals: string[] };
}

let cached: NetworkReference | undefined;
export function networkReference(file = NETWORK_FILE): NetworkReference {
  if (file !== NETWORK_FILE) return JSON.parse(fs.readFileSync(file, 'utf8')) as NetworkReference;
  return (cached ??= JSON.parse(fs.readFileSync(file, 'utf8')) as NetworkReference);
}

export const capReferenceKey = (c: { location: string; metal: string; effectiveFrom: string }): string => `${c.location}/${c.metal}/${c.effectiveFrom}`;

/** Loads the reference network; rows already present are left alone (the database is the record). */
export async function loadReferenceNetwork(q: Queryable, ref = networkReference()): Promise<number> {
  let n = 0;
  for (const l of ref.locations) n += await repo.insertReferenceLocation(q, l);
  for (const c of ref.rentCaps) {
    const row = await repo.insertCap(
      q,
      { ...c, fotPerTonne: c.fotPerTonne ?? null, fotCurrency: c.fotCurrency ?? null, yearlyIndexPct: null, indexFromYear: null, source: c.source ?? null },
      capReferenceKey(c),
    );
    if (row) n++;
  }
  return n;
}

// ---------------------------------------------------------------- views and what the log commits to

export const locationView = (l: repo.LocationRow) => ({
  code: l.code,
  name: l.name,
  country: l.country,
  timeZone: l.time_zone,
  currency: l.currency,
  calendar: l.calendar,
  metals: l.metals,
  approvedFrom: l.approved_from,
  withdrawnFrom: l.withdrawn_from,
  version: l.version,
});
export const locationRecord = (l: repo.LocationRow) => locationView(l);

export const capView = (c: repo.CapRow) => ({
  id: c.id,
  location: c.location_code,
  metal: c.metal,
  effectiveFrom: c.effective_from,
  rentUsdPerTonneDay: c.rent_usd_per_tonne_day,
  fotPerTonne: c.fot_per_tonne,
  fotCurrency: c.fot_currency,
  yearlyIndexPct: c.yearly_index_pct,
  indexFromYear: c.index_from_year,
  source: c.source,
});
export const capRecord = (c: repo.CapRow) => capView(c);

export const facilityView = (f: repo.FacilityRow) => ({
  id: f.id,
  name: f.name,
  address: f.address,
  warehouse: { id: f.warehouse_org_id, name: f.warehouse_name },
  location: { code: f.location_code, name: f.location_name },
  metals: f.metals,
  minDailyLoadOutTonnes: f.min_daily_load_out_tonnes,
  approvedFrom: f.approved_from,
  withdrawnFrom: f.withdrawn_from,
  version: f.version,
});
export const facilityRecord = (f: repo.FacilityRow) => {
  const { warehouse, location, ...rest } = facilityView(f);
  return { ...rest, warehouseOrgId: warehouse.id, location: location.code };
};

// ---------------------------------------------------------------- reads

export async function listLocations(ctx: AppContext) {
  const caps = await repo.listCaps(ctx.db, {});
  return (await repo.listLocations(ctx.db)).map((l) => ({ ...locationView(l), rentCaps: caps.filter((c) => c.location_code === l.code).map(capView) }));
}

export async function getLocation(ctx: AppContext, code: string) {
  const l = await repo.getLocation(ctx.db, code.toUpperCase());
  if (!l) throw notFound(`Delivery location ${code}`);
  return { ...locationView(l), rentCaps: (await repo.listCaps(ctx.db, { location: l.code })).map(capView) };
}

export const listCaps = async (ctx: AppContext, f: { location?: string; metal?: string }) => (await repo.listCaps(ctx.db, f)).map(capView);

export const listFacilities = async (ctx: AppContext, f: { warehouseOrgId?: string; location?: string }) =>
  (await repo.listFacilities(ctx.db, f)).map(facilityView);

export async function getFacility(ctx: AppContext, id: string) {
  const f = await repo.getFacility(ctx.db, id);
  if (!f) throw notFound('Facility');
  return facilityView(f);
}

/** The cap in force for a location and metal on a day (the latest effective on or before it). */
export async function capInForce(q: Queryable, location: string, metal: string, day: string): Promise<repo.CapRow | undefined> {
  return (await repo.listCaps(q, { location, metal })).filter((c) => c.effective_from <= day).at(-1);
}

// ---------------------------------------------------------------- exchange edits

const requireExchange = (p: Authenticated): void => {
  if (p.orgKind !== 'exchange') throw forbidden('Only the exchange maintains the delivery network');
};
const bad = (message: string, details: ErrorDetail[]) => new AppError('bad_request', message, details);

export async function putLocation(
  ctx: AppContext,
  p: Authenticated,
  code: string,
  input: Omit<repo.NetworkLocation, 'code'> & { withdrawnFrom?: string | null },
) {
  requireExchange(p);
  const problems: ErrorDetail[] = [];
  if (!isIsoCountry(input.country)) problems.push({ path: 'body.country', message: `${input.country} is not an ISO 3166-1 alpha-2 country code` });
  if (input.withdrawnFrom && input.approvedFrom && input.withdrawnFrom < input.approvedFrom) {
    problems.push({ path: 'body.withdrawnFrom', message: 'must be on or after approvedFrom' });
  }
  if (problems.length) throw bad('The delivery location is invalid', problems);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.upsertLocation(tx, { ...input, name: input.name.trim(), code, metals: [...new Set(input.metals)].sort(), withdrawnFrom: input.withdrawnFrom ?? null });
    await recordSignedChange(ctx, tx, {
      log: { kind: 'network.location_set', subjectType: 'delivery_location', subjectId: row.code, version: row.version },
      payload: { record: locationRecord(row) },
      event: { actor: actorOf(p), details: { code: row.code, version: row.version } },
    });
    return { ...locationView(row), rentCaps: (await repo.listCaps(tx, { location: row.code })).map(capView) };
  });
}

export async function addCap(ctx: AppContext, p: Authenticated, input: repo.NewCap) {
  requireExchange(p);
  const location = await repo.getLocation(ctx.db, input.location);
  if (!location) throw bad('Unknown delivery location', [{ path: 'body.location', message: `no location ${input.location}` }]);
  if (!location.metals.includes(input.metal)) {
    throw bad('The location does not deliver this metal', [{ path: 'body.metal', message: `${location.name} delivers ${location.metals.join(', ')}` }]);
  }
  if ((input.fotPerTonne === null) !== (input.fotCurrency === null)) {
    throw bad('A free-on-truck cap needs both an amount and a currency', [{ path: input.fotPerTonne === null ? 'body.fotPerTonne' : 'body.fotCurrency', message: 'is required with the other' }]);
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = (await repo.insertCap(tx, input))!;
      if (!row) throw new AppError('conflict', `A cap for ${input.metal} at ${input.location} from ${input.effectiveFrom} already exists`);
      await recordSignedChange(ctx, tx, {
        log: { kind: 'network.cap_set', subjectType: 'rent_cap', subjectId: row.id, version: 1 },
        payload: { record: capRecord(row) },
        event: { actor: actorOf(p), details: { location: row.location_code, metal: row.metal, effectiveFrom: row.effective_from } },
      });
      return capView(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict', `A cap for ${input.metal} at ${input.location} from ${input.effectiveFrom} already exists`);
    throw e;
  }
}

export async function approveFacility(
  ctx: AppContext,
  p: Authenticated,
  input: { warehouseOrgId: string; location: string; name: string; address?: string | null; metals: string[]; minDailyLoadOutTonnes: string; approvedFrom: string },
) {
  requireExchange(p);
  const problems: ErrorDetail[] = [];
  const org = await findOrganisation(ctx.db, input.warehouseOrgId);
  if (!org) problems.push({ path: 'body.warehouseOrgId', message: 'no such organisation', code: 'unknown_organisation' });
  else if (org.kind !== 'warehouse') problems.push({ path: 'body.warehouseOrgId', message: `is a ${org.kind}, not a warehouse company` });
  const location = await repo.getLocation(ctx.db, input.location);
  if (!location) problems.push({ path: 'body.location', message: `no delivery location ${input.location}` });
  else {
    const foreign = input.metals.filter((m) => !location.metals.includes(m));
    if (foreign.length) problems.push({ path: 'body.metals', message: `${location.name} does not deliver ${foreign.join(', ')}` });
  }
  if (problems.length) throw bad('The facility cannot be approved', problems);
  try {
    return await ctx.db.transaction(async (tx) => {
      const f = await repo.insertFacility(tx, { ...input, name: input.name.trim(), address: input.address?.trim() || null, metals: [...new Set(input.metals)].sort() });
      await recordSignedChange(ctx, tx, {
        log: { kind: 'network.facility_approved', subjectType: 'facility', subjectId: f.id, version: f.version },
        payload: { record: facilityRecord(f) },
        event: { actor: actorOf(p), details: { name: f.name, location: f.location_code, warehouse: f.warehouse_org_id } },
      });
      return facilityView(f);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict', `The warehouse already has a facility named "${input.name.trim()}"`, [{ path: 'body.name', message: 'already used' }]);
    throw e;
  }
}
