import type { Queryable } from '../platform/db.ts';
import { digestOf } from '../trust/canonical.ts';
import type { AuditCheck, AuditReporter, LoggedEntry, RegisteredCredential, TrustRegistry } from '../trust/registry.ts';
import { digestBytes } from '../trust/trust.ts';
import { decodeCredentialJwt } from '../trust/vc.ts';
import { EVENT_KINDS, STATEMENT_PROFILE, WARRANT_PROFILE, type WarrantSubject } from './credential.ts';
import { capRecord, capReferenceKey, facilityRecord, locationRecord, networkReference } from './network-service.ts';
import * as repo from './repo.ts';

// What the warehouse module registers with the trust kernel: its two credential types, and an
// audit check for each record type it logs (locations, rent caps, facilities, receipts, warrants
// and their transitions).

const credentialVersion = (jwt: string): number => Number(/:v(\d+)$/.exec(String(decodeCredentialJwt(jwt).credential.id))?.[1] ?? 0);

export const warrantCredential: RegisteredCredential = {
  profile: WARRANT_PROFILE,
  async currentVersion(db, id) {
    const w = await repo.getWarrant(db, id);
    return w ? credentialVersion(w.credential) : undefined;
  },
};

export const warrantStatement: RegisteredCredential = {
  profile: STATEMENT_PROFILE,
  async currentVersion(db, id) {
    return (await repo.getWarrant(db, id))?.version;
  },
};

function subjectOf(jwt: string): Record<string, unknown> | null {
  try {
    return decodeCredentialJwt(jwt).credential.credentialSubject as Record<string, unknown>;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- network

/** A record loaded from the reference file (never logged) must still be the file's; one changed through the API, its last entry. */
function lastOrReference(
  r: AuditReporter,
  what: string,
  code: string,
  logged: readonly LoggedEntry[] | undefined,
  current: unknown,
  reference: unknown,
): void {
  const last = logged?.at(-1);
  if (last) {
    if (last.digest !== digestOf(current)) r.find(code, what, `The ${what} differs from its last logged state`);
  } else if (reference === undefined || digestOf(reference) !== digestOf(current)) {
    r.find(code, what, `The ${what} is neither logged nor as the reference data loaded it`);
  }
}

export const locationCheck: AuditCheck = {
  subjectType: 'delivery_location',
  kinds: ['network.location_set'],
  noun: 'delivery location',
  async run(ctx, logged, r) {
    const rows = await repo.listLocations(ctx.db);
    const ref = new Map(networkReference().locations.map((l) => [l.code, l]));
    for (const l of rows) {
      const seeded = l.reference_key ? ref.get(l.reference_key) : undefined;
      const asLoaded = seeded && {
        code: seeded.code,
        name: seeded.name,
        country: seeded.country,
        timeZone: seeded.timeZone,
        currency: seeded.currency,
        calendar: seeded.calendar,
        metals: seeded.metals,
        approvedFrom: seeded.approvedFrom,
        withdrawnFrom: null,
        version: 1,
      };
      lastOrReference(r, `delivery location ${l.code}`, 'location_changed', logged.get(l.code), locationRecord(l), asLoaded);
    }
    return { checked: rows.length, present: new Set(rows.map((l) => l.code)) };
  },
};

export const rentCapCheck: AuditCheck = {
  subjectType: 'rent_cap',
  kinds: ['network.cap_set'],
  noun: 'rent cap',
  async run(ctx, logged, r) {
    const rows = await repo.listCaps(ctx.db, {});
    const ref = new Map(networkReference().rentCaps.map((c) => [capReferenceKey(c), c]));
    for (const c of rows) {
      const seeded = c.reference_key ? ref.get(c.reference_key) : undefined;
      const asLoaded = seeded && {
        id: c.id,
        location: seeded.location,
        metal: seeded.metal,
        effectiveFrom: seeded.effectiveFrom,
        rentUsdPerTonneDay: c.rent_usd_per_tonne_day === seeded.rentUsdPerTonneDay || Number(c.rent_usd_per_tonne_day) === Number(seeded.rentUsdPerTonneDay) ? c.rent_usd_per_tonne_day : seeded.rentUsdPerTonneDay,
        fotPerTonne: seeded.fotPerTonne === undefined ? null : Number(c.fot_per_tonne) === Number(seeded.fotPerTonne) ? c.fot_per_tonne : seeded.fotPerTonne,
        fotCurrency: seeded.fotCurrency ?? null,
        yearlyIndexPct: null,
        indexFromYear: null,
        source: seeded.source ?? null,
      };
      lastOrReference(r, `rent cap ${c.location_code} ${c.metal} from ${c.effective_from}`, 'rent_cap_changed', logged.get(c.id), capRecord(c), asLoaded);
    }
    return { checked: rows.length, present: new Set(rows.map((c) => c.id)) };
  },
};

export const facilityCheck: AuditCheck = {
  subjectType: 'facility',
  kinds: ['network.facility_approved'],
  noun: 'facility',
  async run(ctx, logged, r) {
    const rows = await repo.listFacilities(ctx.db, {});
    for (const f of rows) {
      const last = logged.get(f.id)?.at(-1);
      if (!last || last.digest !== digestOf(facilityRecord(f))) r.find('facility_changed', `facility ${f.name} (${f.id})`, `Facility ${f.name} differs from its last logged state`);
    }
    return { checked: rows.length, present: new Set(rows.map((f) => f.id)) };
  },
};

// ---------------------------------------------------------------- receipts

export const receiptCheck: AuditCheck = {
  subjectType: 'receipt',
  kinds: ['receipt.recorded'],
  noun: 'receipt',
  async run(ctx, logged, r) {
    const present = new Set<string>();
    let checked = 0;
    for (let before: number | undefined; ; ) {
      const page = await repo.listReceipts(ctx.db, { orgId: null, limit: 500, ...(before !== undefined ? { beforeSeq: before } : {}) });
      if (page.length === 0) break;
      before = page.at(-1)!.seq;
      for (const rc of page) {
        checked++;
        present.add(rc.id);
        checkReceipt(rc, await repo.receiptBundles(ctx.db, rc.id), await repo.receiptLots(ctx.db, rc.id), logged.get(rc.id) ?? [], r);
      }
    }
    return { checked, present };
  },
};

interface ReceiptContentShape {
  facility: { id: string };
  depositor: { id: string };
  brand: { id: string };
  metal: string;
  shape: string;
  originCountry: string;
  receivedOn: string;
  reconciliation: {
    bundles: { line: number; lotRef: string | null; pcr: string; bundleRef: string; pieces: number; grossKg: string; netKg: string; certificateId: string | null; conforming: boolean }[];
    lots: { lotRef: string; netKg: string; bundles: number; warrantable: boolean }[];
  };
}

const sameDecimal = (a: string, b: string): boolean => Number(a) === Number(b);

function checkReceipt(rc: repo.ReceiptRow, bundles: repo.BundleRow[], lots: repo.LotRow[], logged: readonly LoggedEntry[], r: AuditReporter): void {
  const what = `receipt ${rc.number}`;
  const digest = digestOf(rc.content);
  if (digest !== rc.content_digest) r.find('receipt_changed', what, `${what}: its content no longer matches its digest`);
  const entry = logged.find((e) => e.idx === rc.log_index);
  if (!entry || entry.digest !== rc.content_digest) r.find('receipt_changed', what, `${what}: differs from what log entry ${rc.log_index} committed to`);
  const c = rc.content as unknown as ReceiptContentShape;
  const cols: [string, unknown, unknown][] = [
    ['facility', rc.facility_id, c.facility.id],
    ['depositor', rc.depositor_org_id, c.depositor.id],
    ['brand', rc.brand_id, c.brand.id],
    ['metal', rc.metal, c.metal],
    ['shape', rc.shape, c.shape],
    ['origin', rc.origin_country, c.originCountry],
    ['received on', rc.received_on, c.receivedOn],
  ];
  for (const [name, a, b] of cols) if (a !== b) r.find('receipt_changed', what, `${what}: its ${name} is ${String(a)} in the table but ${String(b)} in the recorded receipt`);
  if (bundles.length !== c.reconciliation.bundles.length) r.find('receipt_changed', what, `${what}: ${bundles.length} bundle rows, ${c.reconciliation.bundles.length} recorded`);
  for (const b of c.reconciliation.bundles) {
    const row = bundles.find((x) => x.line === b.line);
    const same =
      row &&
      row.pcr === b.pcr &&
      row.bundle_ref === b.bundleRef &&
      row.lot_ref === b.lotRef &&
      row.pieces === b.pieces &&
      sameDecimal(row.gross_kg, b.grossKg) &&
      sameDecimal(row.net_kg, b.netKg) &&
      row.certificate_id === b.certificateId &&
      row.conforming === b.conforming;
    if (!same) r.find('receipt_changed', `${what} line ${b.line}`, `${what} line ${b.line}: the bundle row differs from the recorded receipt`);
  }
  for (const l of c.reconciliation.lots) {
    const row = lots.find((x) => x.lot_ref === l.lotRef);
    if (!row || !sameDecimal(row.net_kg, l.netKg) || row.bundles !== l.bundles || row.warrantable !== l.warrantable) {
      r.find('receipt_changed', `${what} lot ${l.lotRef}`, `${what} lot ${l.lotRef}: the lot row differs from the recorded receipt`);
    }
  }
}

// ---------------------------------------------------------------- warrants

async function eachWarrant(db: Queryable, fn: (w: repo.WarrantRow) => Promise<void>): Promise<Set<string>> {
  const present = new Set<string>();
  for (let before: number | undefined; ; ) {
    const page = await repo.listWarrants(db, { limit: 500, ...(before !== undefined ? { beforeSeq: before } : {}) });
    if (page.length === 0) break;
    before = page.at(-1)!.seq;
    for (const w of page) {
      present.add(w.id);
      await fn(w);
    }
  }
  return present;
}

export const warrantCheck: AuditCheck = {
  subjectType: 'warrant',
  kinds: ['warrant.issued', 'warrant.corrected'],
  noun: 'warrant',
  async run(ctx, logged, r) {
    let checked = 0;
    const present = await eachWarrant(ctx.db, async (w) => {
      checked++;
      const what = `warrant ${w.number}`;
      const last = logged.get(w.id)?.at(-1);
      if (!last || last.digest !== digestBytes(w.credential)) r.find('warrant_changed', what, `${what}: its credential is not the one last logged`);
      const s = subjectOf(w.credential) as (WarrantSubject & { id: string }) | null;
      if (!s) {
        r.find('warrant_changed', what, `${what}: its credential does not decode`);
        return;
      }
      const { id: _id, ...subject } = s;
      if (digestOf(subject) !== w.content_digest) r.find('warrant_changed', what, `${what}: its content digest differs from its credential`);
      const cols: [string, unknown, unknown][] = [
        ['number', w.number, s.number],
        ['metal', w.metal, s.metal],
        ['brand', w.brand_id, s.brand.id],
        ['shape', w.shape, s.shape],
        ['origin', w.origin_country, s.originCountry],
        ['tonnage', Number(w.tonnes), Number(s.tonnes)],
        ['facility', w.facility_id, s.facility.id],
        ['location', w.location_code, s.location.code],
        ['warehouse', w.warehouse_org_id, s.warehouse.id],
        ['warranting date', w.warranted_on, s.warrantedOn],
      ];
      for (const [name, a, b] of cols) if (a !== b) r.find('warrant_changed', what, `${what}: its ${name} is ${String(a)} in the table but ${String(b)} in its signed credential`);
    });
    return { checked, present };
  },
};

export const warrantEventCheck: AuditCheck = {
  subjectType: 'warrant_event',
  kinds: EVENT_KINDS,
  noun: 'warrant',
  async run(ctx, logged, r) {
    let checked = 0;
    const present = await eachWarrant(ctx.db, async (w) => {
      checked++;
      const what = `warrant ${w.number}`;
      const events = await repo.warrantEvents(ctx.db, w.id);
      const entries = logged.get(w.id) ?? [];
      if (events.length !== entries.length) r.find('warrant_history', what, `${what}: ${events.length} transitions recorded, ${entries.length} logged`);
      events.forEach((e, i) => {
        const at = `${what} version ${e.version}`;
        if (e.version !== i + 1) r.find('warrant_history', at, `${at}: transitions are not numbered 1, 2, 3…`);
        if (digestOf(e.record) !== e.record_digest) r.find('warrant_history', at, `${at}: the recorded state no longer matches its digest`);
        const entry = entries.find((x) => x.idx === e.log_index);
        if (!entry || entry.version !== e.version || entry.digest !== digestBytes(e.statement)) r.find('warrant_history', at, `${at}: differs from what log entry ${e.log_index} committed to`);
        const stated = subjectOf(e.statement);
        if (!stated || stated.recordDigest !== e.record_digest) r.find('warrant_history', at, `${at}: the signed statement is not of this state`);
      });
      const last = events.at(-1)?.record as { holderOrgId?: string; status?: string; version?: number; credentialDigest?: string } | undefined;
      if (!last) {
        r.find('warrant_history', what, `${what}: has no recorded transitions`);
        return;
      }
      const state: [string, unknown, unknown][] = [
        ['holder', w.holder_org_id, last.holderOrgId],
        ['status', w.status, last.status],
        ['version', w.version, last.version],
        ['credential', digestBytes(w.credential), last.credentialDigest],
      ];
      for (const [name, a, b] of state) if (a !== b) r.find('warrant_changed', what, `${what}: its ${name} is ${String(a)} in the table but ${String(b)} in its last signed transition`);
    });
    return { checked, present };
  },
};

export const warehouseTrust: Partial<TrustRegistry> = {
  credentials: [warrantCredential, warrantStatement],
  checks: [locationCheck, rentCapCheck, facilityCheck, receiptCheck, warrantCheck, warrantEventCheck],
};
