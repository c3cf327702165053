import type { Queryable } from '../platform/db.ts';
import { digestOf } from '../trust/canonical.ts';
import type { AuditCheck, AuditReporter, LoggedEntry, RegisteredCredential, TrustRegistry } from '../trust/registry.ts';
import { digestBytes } from '../trust/trust.ts';
import { decodeCredentialJwt } from '../trust/vc.ts';
import { termsRecord } from './collateral-service.ts';
import {
  KIND,
  PLEDGE_STATEMENT_PROFILE,
  PRICES_PROFILE,
  RECEIPT_EVENT_KINDS,
  RECEIPT_PROFILE,
  RECEIPT_STATEMENT_PROFILE,
  SUBJECT,
  type PledgeAssetRef,
  type PriceRow,
  type ReceiptSubject,
} from './credential.ts';
import { compare, dec } from './decimal.ts';
import * as repo from './repo.ts';
import { E_RECEIPT_KIND, PLEDGE_KINDS } from './rules.ts';

// What the pledge module registers with the trust kernel: its credential types, and an audit
// check per subject type it logs (electronic receipts and their transitions, pledge steps, price
// publications, collateral terms). Each recomputes from the database what the log committed to,
// and names what differs as an operator would look it up.

const credentialVersion = (jwt: string): number => Number(/:v(\d+)$/.exec(String(decodeCredentialJwt(jwt).credential.id))?.[1] ?? 0);

function subjectOf(jwt: string): Record<string, unknown> | null {
  try {
    return decodeCredentialJwt(jwt).credential.credentialSubject as Record<string, unknown>;
  } catch {
    return null;
  }
}

const sameDecimal = (a: unknown, b: unknown): boolean => {
  try {
    return compare(dec(String(a)), dec(String(b))) === 0;
  } catch {
    return false;
  }
};

export const receiptCredential: RegisteredCredential = {
  profile: RECEIPT_PROFILE,
  async currentVersion(db, id) {
    const r = await repo.getReceipt(db, id);
    return r ? credentialVersion(r.credential) : undefined;
  },
};
export const receiptStatement: RegisteredCredential = {
  profile: RECEIPT_STATEMENT_PROFILE,
  async currentVersion(db, id) {
    return (await repo.getReceipt(db, id))?.version;
  },
};
export const pledgeStatement: RegisteredCredential = {
  profile: PLEDGE_STATEMENT_PROFILE,
  async currentVersion(db, id) {
    return (await repo.getPledge(db, id))?.version;
  },
};
export const pricePublication: RegisteredCredential = {
  profile: PRICES_PROFILE,
  async currentVersion(db, id) {
    return (await repo.getPublication(db, id)) ? 1 : undefined;
  },
};

async function eachReceipt(db: Queryable, fn: (r: repo.EReceiptRow) => Promise<void>): Promise<Set<string>> {
  const present = new Set<string>();
  for (let before: number | undefined; ; ) {
    const page = await repo.listReceipts(db, { limit: 500, ...(before !== undefined ? { beforeSeq: before } : {}) });
    if (page.length === 0) break;
    before = page.at(-1)!.seq;
    for (const r of page) {
      present.add(r.id);
      await fn(r);
    }
  }
  return present;
}

async function eachPledge(db: Queryable, fn: (p: repo.PledgeRow) => Promise<void>): Promise<Set<string>> {
  const present = new Set<string>();
  for (let before: number | undefined; ; ) {
    const page = await repo.listPledges(db, { limit: 500, ...(before !== undefined ? { beforeSeq: before } : {}) });
    if (page.length === 0) break;
    before = page.at(-1)!.seq;
    for (const p of page) {
      present.add(p.id);
      await fn(p);
    }
  }
  return present;
}

/** A record's transitions against its log entries: numbered 1…n, digests intact, each the entry's, each statement of its state. */
function checkHistory(what: string, code: string, events: readonly repo.EventRow[], entries: readonly LoggedEntry[], r: AuditReporter): void {
  if (events.length !== entries.length) r.find(code, what, `${what}: ${events.length} transitions recorded, ${entries.length} logged`);
  events.forEach((e, i) => {
    const at = `${what} version ${e.version}`;
    if (e.version !== i + 1) r.find(code, at, `${at}: transitions are not numbered 1, 2, 3…`);
    if (digestOf(e.record) !== e.record_digest) r.find(code, at, `${at}: the recorded state no longer matches its digest`);
    const entry = entries.find((x) => x.idx === e.log_index);
    if (!entry || entry.version !== e.version || entry.kind !== e.kind || entry.digest !== digestBytes(e.statement)) r.find(code, at, `${at}: differs from what log entry ${e.log_index} committed to`);
    const stated = subjectOf(e.statement);
    if (!stated || stated.recordDigest !== e.record_digest) r.find(code, at, `${at}: the signed statement is not of this state`);
  });
}

// ---------------------------------------------------------------- electronic receipts

export const receiptCheck: AuditCheck = {
  subjectType: SUBJECT.receipt,
  kinds: [E_RECEIPT_KIND.issue],
  noun: 'electronic receipt',
  async run(ctx, logged, r) {
    let checked = 0;
    const present = await eachReceipt(ctx.db, async (row) => {
      checked++;
      const what = `electronic receipt ${row.number}`;
      const last = logged.get(row.id)?.at(-1);
      if (!last || last.digest !== digestBytes(row.credential)) r.find('e_receipt_changed', what, `${what}: its credential is not the one logged`);
      const s = subjectOf(row.credential) as (ReceiptSubject & { id: string }) | null;
      if (!s) {
        r.find('e_receipt_changed', what, `${what}: its credential does not decode`);
        return;
      }
      const { id: _id, ...subject } = s;
      if (digestOf(subject) !== row.content_digest) r.find('e_receipt_changed', what, `${what}: its content digest differs from its credential`);
      const cols: [string, unknown, unknown][] = [
        ['number', row.number, s.number],
        ['metal', row.metal, s.metal],
        ['brand', row.brand_id, s.brand.id],
        ['shape', row.shape, s.shape],
        ['origin', row.origin_country, s.originCountry],
        ['facility', row.facility_id, s.facility.id],
        ['location', row.location_code, s.location.code],
        ['warehouse', row.warehouse_org_id, s.warehouse.id],
        ['issue date', row.issued_on, s.issuedOn],
      ];
      for (const [name, a, b] of cols) if (a !== b) r.find('e_receipt_changed', what, `${what}: its ${name} is ${String(a)} in the table but ${String(b)} in its signed credential`);
      if (!sameDecimal(row.tonnes, s.tonnes)) r.find('e_receipt_changed', what, `${what}: its tonnage is ${row.tonnes} in the table but ${s.tonnes} in its signed credential`);
      // Its casts are the credential's, held exactly while it is active.
      const casts = await repo.receiptCasts(ctx.db, row.id);
      const signed = [...new Set(s.bundles.map((b) => b.pcr))].sort();
      if (casts.map((c) => c.pcr).join() !== signed.join() || casts.some((c) => c.brand_id !== s.brand.id)) r.find('e_receipt_changed', what, `${what}: its casts differ from its signed credential`);
      if (casts.some((c) => c.live !== (row.status === 'active'))) r.find('e_receipt_changed', what, `${what}: its casts are ${row.status === 'active' ? 'released' : 'still held'} while it is ${row.status}`);
    });
    return { checked, present };
  },
};

export const receiptEventCheck: AuditCheck = {
  subjectType: SUBJECT.receiptEvent,
  kinds: RECEIPT_EVENT_KINDS,
  noun: 'electronic receipt',
  async run(ctx, logged, r) {
    let checked = 0;
    const present = await eachReceipt(ctx.db, async (row) => {
      checked++;
      const what = `electronic receipt ${row.number}`;
      const events = await repo.events(ctx.db, 'receipt', row.id);
      checkHistory(what, 'e_receipt_history', events, logged.get(row.id) ?? [], r);
      const last = events.at(-1)?.record as { holderOrgId?: string; status?: string; version?: number; credentialDigest?: string; warrant?: { id: string } } | undefined;
      if (!last) {
        r.find('e_receipt_history', what, `${what}: has no recorded transitions`);
        return;
      }
      const state: [string, unknown, unknown][] = [
        ['holder', row.holder_org_id, last.holderOrgId],
        ['status', row.status, last.status],
        ['version', row.version, last.version],
        ['credential', digestBytes(row.credential), last.credentialDigest],
        ['warrant', row.warrant_id, last.warrant?.id ?? null],
      ];
      for (const [name, a, b] of state) if (a !== b) r.find('e_receipt_changed', what, `${what}: its ${name} is ${String(a)} in the table but ${String(b)} in its last signed transition`);
    });
    return { checked, present };
  },
};

// ---------------------------------------------------------------- pledges

export const pledgeEventCheck: AuditCheck = {
  subjectType: SUBJECT.pledgeEvent,
  kinds: PLEDGE_KINDS,
  noun: 'pledge',
  async run(ctx, logged, r) {
    let checked = 0;
    const present = await eachPledge(ctx.db, async (row) => {
      checked++;
      const what = `pledge ${row.number}`;
      const events = await repo.events(ctx.db, 'pledge', row.id);
      checkHistory(what, 'pledge_history', events, logged.get(row.id) ?? [], r);
      const last = events.at(-1)?.record as
        | { status?: string; version?: number; pledgorOrgId?: string; lenderOrgId?: string; amount?: string; currency?: string; reference?: string; maturity?: string; enforcedToOrgId?: string; assets?: PledgeAssetRef[] }
        | undefined;
      if (!last) {
        r.find('pledge_history', what, `${what}: has no recorded steps`);
        return;
      }
      const state: [string, unknown, unknown][] = [
        ['status', row.status, last.status],
        ['version', row.version, last.version],
        ['pledgor', row.pledgor_org_id, last.pledgorOrgId],
        ['lender', row.lender_org_id, last.lenderOrgId],
        ['currency', row.currency, last.currency],
        ['reference', row.reference, last.reference],
        ['maturity', row.maturity, last.maturity],
        ['enforced to', row.enforced_to_org_id, last.enforcedToOrgId ?? null],
      ];
      for (const [name, a, b] of state) if (a !== b) r.find('pledge_changed', what, `${what}: its ${name} is ${String(a)} in the table but ${String(b)} in its last signed step`);
      if (!sameDecimal(row.amount, last.amount)) r.find('pledge_changed', what, `${what}: its amount is ${row.amount} in the table but ${String(last.amount)} in its last signed step`);
      const assets = await repo.pledgeAssets(ctx.db, [row.id]);
      const signed = last.assets ?? [];
      const sameAssets =
        assets.length === signed.length &&
        signed.every((s) => {
          const a = assets.find((x) => x.asset_id === s.id);
          return !!a && a.asset_type === s.type && a.asset_number === s.number && a.metal === s.metal && sameDecimal(a.tonnes, s.tonnes);
        });
      if (!sameAssets) r.find('pledge_changed', what, `${what}: its assets differ from those its parties signed`);
      const shouldBeActive = row.status === 'active';
      for (const a of assets) {
        if (a.active !== shouldBeActive) r.find('pledge_changed', what, `${what}: ${a.asset_number} is ${a.active ? 'held' : 'free'} in the table, but the pledge is ${row.status}`);
      }
    });
    return { checked, present };
  },
};

// ---------------------------------------------------------------- prices and terms

export const pricesCheck: AuditCheck = {
  subjectType: SUBJECT.prices,
  kinds: [KIND.prices],
  noun: 'price publication',
  async run(ctx, logged, r) {
    const present = new Set<string>();
    let checked = 0;
    for (let before: number | undefined; ; ) {
      const page = await repo.listPublications(ctx.db, { limit: 500, ...(before !== undefined ? { beforeSeq: before } : {}) });
      if (page.length === 0) break;
      before = page.at(-1)!.seq;
      for (const pub of page) {
        checked++;
        present.add(pub.id);
        const what = `price publication ${pub.id}`;
        const last = logged.get(pub.id)?.at(-1);
        if (!last || last.digest !== digestBytes(pub.credential) || pub.content_digest !== last.digest) r.find('prices_changed', what, `${what}: its credential is not the one logged`);
        const signed = ((subjectOf(pub.credential)?.prices as PriceRow[] | undefined) ?? []).slice();
        const rows = await repo.publicationPrices(ctx.db, pub.id);
        const same =
          rows.length === signed.length &&
          signed.every((s) => rows.some((x) => x.price_date === s.date && x.metal === s.metal && x.prompt === s.prompt && x.currency === s.currency && sameDecimal(x.price, s.price)));
        if (!same) r.find('prices_changed', what, `${what}: its stored prices differ from those it published`);
      }
    }
    return { checked, present };
  },
};

export const termsCheck: AuditCheck = {
  subjectType: SUBJECT.terms,
  kinds: [KIND.terms],
  noun: 'collateral terms',
  async run(ctx, logged, r) {
    const rows = await repo.listTerms(ctx.db);
    for (const t of rows) {
      const what = `collateral terms ${t.taker_org_id}`;
      const last = logged.get(t.taker_org_id)?.at(-1);
      const current = termsRecord({ takerOrgId: t.taker_org_id, haircutsPct: t.haircuts, ltvAlertPct: t.ltv_alert_pct.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''), version: t.version });
      if (!last || last.digest !== digestOf(current) || t.log_index !== last.idx) r.find('terms_changed', what, `${what}: differ from their last logged state`);
    }
    return { checked: rows.length, present: new Set(rows.map((t) => t.taker_org_id)) };
  },
};

export const pledgesTrust: Partial<TrustRegistry> = {
  credentials: [receiptCredential, receiptStatement, pledgeStatement, pricePublication],
  checks: [receiptCheck, receiptEventCheck, pledgeEventCheck, pricesCheck, termsCheck],
};
