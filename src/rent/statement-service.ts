import { randomBytes, randomUUID } from 'node:crypto';
import { actorOf, type Authenticated } from '../access/principal.ts';
import { findOrganisation } from '../access/organisations.ts';
import { formatDay, parseIsoDay, type Day } from '../market/dates.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import { AppError, forbidden, notFound, type ErrorDetail } from '../platform/errors.ts';
import { digestOf } from '../trust/canonical.ts';
import { ensureIssuerKey, orgDid } from '../trust/keys-service.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import { rentWarrants, setRentPaidTo, type RentWarrant } from '../warehouse/rent-facts.ts';
import { rateYearBounds, rateYearEnd, rateYearOf } from './accrual.ts';
import { accountOf, lineFor, lineView, missingRateYears, priceWarrants, RENT_CURRENCY, today, type Priced } from './account.ts';
import { endorsementCredential, RENT_KINDS, RENT_SUBJECTS, STATEMENT_SCHEMA, type EndorsedLine, type EndorsementSubject } from './credentials.ts';
import { formatMoney, parseMoney } from './money.ts';
import * as repo from './repo.ts';
import { rentSettings } from './settings.ts';

// Rent statements and their endorsement (the 31 March cycle). A holder selects warrants (or all it
// holds) and gets a statement paying their rent up to a chosen date (default: the next 31 March),
// one line per warrant (statement-line rounding: accrual.ts rule 4), totals per warehouse and
// currency. Each warehouse endorses its own lines once it is paid: that moves those warrants'
// paid-to dates, signed by the warehouse and logged. A statement is read by its holder, the
// warehouses with lines on it (their own lines only) and the exchange; nobody else learns it exists.

export const ROUNDING_RULE =
  'Each line is round(C(to)) − round(C(paid-to)), where C(d) is the exact rent of every chargeable day from the warranting date up to and including d, rounded half-up to the cent; so lines over any split of a period add up to the line over the whole.';

/** What a statement says, as made (the log commits to its canonical digest). */
export interface StatementContent {
  schema: typeof STATEMENT_SCHEMA;
  number: string;
  holder: { id: string; name: string };
  paidTo: string;
  madeAt: string;
  queueRentCapDays: number;
  rounding: string;
  lines: StatementLine[];
  totals: Totals;
  nonce: string;
}

export interface StatementLine {
  line: number;
  warrantId: string;
  number: string;
  warehouse: { id: string; name: string };
  facility: { id: string; name: string };
  location: string;
  metal: string;
  tonnes: string;
  status: string;
  paidToBefore: string | null;
  from: string;
  to: string;
  days: number;
  segments: ReturnType<typeof lineView>['segments'];
  exact: string;
  amount: string;
  currency: string;
}

interface Totals {
  byWarehouse: { warehouse: { id: string; name: string }; currency: string; warrants: number; amount: string }[];
  byCurrency: { currency: string; amount: string }[];
}

function totalsOf(lines: readonly StatementLine[]): Totals {
  const byWh = new Map<string, { warehouse: { id: string; name: string }; currency: string; warrants: number; cents: bigint }>();
  const byCur = new Map<string, bigint>();
  for (const l of lines) {
    const k = `${l.warehouse.id}/${l.currency}`;
    const t = byWh.get(k) ?? { warehouse: l.warehouse, currency: l.currency, warrants: 0, cents: 0n };
    t.warrants++;
    t.cents += parseMoney(l.amount);
    byWh.set(k, t);
    byCur.set(l.currency, (byCur.get(l.currency) ?? 0n) + parseMoney(l.amount));
  }
  return {
    byWarehouse: [...byWh.values()].map((t) => ({ warehouse: t.warehouse, currency: t.currency, warrants: t.warrants, amount: formatMoney(t.cents) })),
    byCurrency: [...byCur.entries()].sort().map(([currency, cents]) => ({ currency, amount: formatMoney(cents) })),
  };
}

// ---------------------------------------------------------------- who sees what

type Part = 'holder' | 'warehouse' | 'exchange';

function partsOf(p: Authenticated, s: repo.StatementRow, lines: readonly repo.LineRow[]): Part[] {
  const parts: Part[] = [];
  if (p.orgKind === 'exchange') parts.push('exchange');
  if (p.orgId === s.holder_org_id) parts.push('holder');
  if (lines.some((l) => l.warehouse_org_id === p.orgId)) parts.push('warehouse');
  return parts;
}

/** The statement as this caller may read it: in full for its holder and the exchange, a warehouse its own lines. */
export async function statementView(q: Queryable, p: Authenticated, s: repo.StatementRow, lines: readonly repo.LineRow[]) {
  const parts = partsOf(p, s, lines);
  const content = s.content as unknown as StatementContent;
  const full = parts.includes('holder') || parts.includes('exchange');
  const own = full ? content.lines : content.lines.filter((l) => l.warehouse.id === p.orgId);
  const endorsements = (await repo.endorsementsOf(q, s.id)).filter((e) => full || e.warehouse_org_id === p.orgId);
  const warehouses = [...new Map(own.map((l) => [l.warehouse.id, l.warehouse])).values()];
  return {
    id: s.id,
    number: s.number,
    view: full ? ('full' as const) : ('warehouse' as const),
    status: s.status,
    holder: content.holder,
    paidTo: content.paidTo,
    madeAt: content.madeAt,
    queueRentCapDays: content.queueRentCapDays,
    rounding: content.rounding,
    lines: own,
    totals: full ? content.totals : totalsOf(own),
    warehouses: warehouses.map((w) => {
      const e = endorsements.find((x) => x.warehouse_org_id === w.id);
      return { ...w, endorsed: e ? { id: e.id, on: e.endorsed_on, at: e.endorsed_at.toISOString(), logIndex: Number(e.log_index), credential: e.credential } : null };
    }),
    withdrawnAt: (s.withdrawal as { at?: string } | null)?.at ?? null,
    contentDigest: s.content_digest,
    logIndex: Number(s.log_index),
    canEndorse: parts.includes('warehouse') && (s.status === 'open' || s.status === 'partly_endorsed') && !endorsements.some((e) => e.warehouse_org_id === p.orgId),
  };
}
export type StatementView = Awaited<ReturnType<typeof statementView>>;

/** Finds a statement the caller may read; everyone else gets the same 404 as for an unknown one. */
async function readable(q: Queryable, p: Authenticated, idOrNumber: string) {
  const s = await repo.getStatement(q, idOrNumber.trim().toUpperCase().startsWith('RS-') ? idOrNumber.trim().toUpperCase() : idOrNumber);
  const lines = s ? await repo.statementLines(q, s.id) : [];
  if (!s || partsOf(p, s, lines).length === 0) throw notFound('Rent statement');
  return { s, lines };
}

export async function getStatement(ctx: AppContext, p: Authenticated, idOrNumber: string) {
  const { s, lines } = await readable(ctx.db, p, idOrNumber);
  return statementView(ctx.db, p, s, lines);
}

export async function listStatements(ctx: AppContext, p: Authenticated, q: { scope?: 'held' | 'to-endorse' | 'stored' | 'all'; status?: repo.StatementStatus; limit?: number }) {
  const scope = q.scope ?? (p.orgKind === 'exchange' ? 'all' : p.orgKind === 'warehouse' ? 'to-endorse' : 'held');
  if (scope === 'all' && p.orgKind !== 'exchange') throw forbidden('Only the exchange lists every rent statement');
  if ((scope === 'to-endorse' || scope === 'stored') && p.orgKind !== 'warehouse') throw forbidden('Only a warehouse company endorses rent statements');
  const base = { limit: q.limit ?? 100, ...(q.status ? { status: q.status } : {}) };
  const rows = await repo.listStatements(
    ctx.db,
    scope === 'held' ? { ...base, holderOrgId: p.orgId } : scope === 'all' ? base : { ...base, warehouseOrgId: p.orgId, toEndorse: scope === 'to-endorse' },
  );
  const items = [];
  for (const s of rows) items.push(summaryOf(await statementView(ctx.db, p, s, await repo.statementLines(ctx.db, s.id))));
  return { scope, items };
}

const summaryOf = (v: StatementView) => ({
  id: v.id,
  number: v.number,
  view: v.view,
  status: v.status,
  holder: v.holder,
  paidTo: v.paidTo,
  madeAt: v.madeAt,
  warrants: v.lines.length,
  totals: v.totals,
  warehouses: v.warehouses.map((w) => ({ id: w.id, name: w.name, endorsedOn: w.endorsed?.on ?? null })),
  canEndorse: v.canEndorse,
});

// ---------------------------------------------------------------- outstanding rent

/** The holder's summary (or, scope `stored`, a warehouse's rent receivable): each warrant's account and totals. */
export async function outstanding(ctx: AppContext, p: Authenticated, q: { scope?: 'held' | 'stored' }) {
  const scope = q.scope ?? 'held';
  if (scope === 'stored' && p.orgKind !== 'warehouse') throw forbidden('Only a warehouse company has warrants stored with it');
  const warrants = await rentWarrants(ctx.db, scope === 'held' ? { holderOrgId: p.orgId } : { warehouseOrgId: p.orgId });
  const priced = await priceWarrants(ctx.db, warrants);
  const open = new Map((await repo.openLinesFor(ctx.db, warrants.map((w) => w.id))).map((o) => [o.warrant_id, o.number]));
  const asOf = today(ctx);
  const items = warrants
    .map((w) => ({ w, account: accountOf(priced.get(w.id)!, asOf, open.get(w.id) ?? null) }))
    // Delivered-out warrants drop out once nothing is owed on them.
    .filter((x) => x.w.status !== 'delivered_out' || x.account.outstanding.amount !== '0.00')
    .map(({ w, account }) => ({
      warrantId: w.id,
      number: w.number,
      status: w.status,
      metal: w.metal,
      tonnes: plain(w.tonnes),
      warrantedOn: w.warrantedOn,
      warehouse: { id: w.warehouseOrgId, name: w.warehouseName },
      facility: { id: w.facilityId, name: w.facilityName },
      location: w.locationCode,
      ...(scope === 'stored' ? { holderOrgId: w.holderOrgId } : {}),
      rent: account,
    }));
  const sum = (pick: (a: (typeof items)[number]['rent']) => string) => {
    const byWh = new Map<string, { warehouse: { id: string; name: string }; currency: string; cents: bigint }>();
    for (const i of items) {
      const k = i.warehouse.id;
      const t = byWh.get(k) ?? { warehouse: i.warehouse, currency: RENT_CURRENCY, cents: 0n };
      t.cents += parseMoney(pick(i.rent));
      byWh.set(k, t);
    }
    return [...byWh.values()].map((t) => ({ warehouse: t.warehouse, currency: t.currency, amount: formatMoney(t.cents) }));
  };
  const end = rateYearEnd(asOf, rentSettings().rateYear);
  return {
    scope,
    asOf: formatDay(asOf),
    rateYearEnd: formatDay(end),
    items,
    totals: {
      outstanding: sum((a) => a.outstanding.amount),
      toRateYearEnd: sum((a) => a.toRateYearEnd.amount),
    },
  };
}

const plain = (t: string): string => (t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t);

// ---------------------------------------------------------------- make a statement

export async function createStatement(ctx: AppContext, p: Authenticated, input: { warrantIds?: string[]; all?: boolean; paidTo?: string }) {
  const settings = rentSettings();
  const now = today(ctx);
  const explicit = input.warrantIds !== undefined;
  if (explicit === (input.all === true)) {
    throw new AppError('bad_request', 'Choose the warrants: list them in warrantIds, or send all: true', [{ path: 'body.warrantIds', message: 'give warrantIds or all, not both or neither' }]);
  }
  const latest = rateYearBounds(rateYearOf(now, settings.rateYear) + 1, settings.rateYear).to;
  const paidToDay: Day = input.paidTo ? parseIsoDay(input.paidTo)! : rateYearEnd(now, settings.rateYear);
  if (paidToDay > latest) {
    throw new AppError('bad_request', `Rent is paid at most to the end of next rate year (${formatDay(latest)})`, [{ path: 'body.paidTo', message: `must be on or before ${formatDay(latest)}` }]);
  }
  const holder = (await findOrganisation(ctx.db, p.orgId))!;
  const actor = actorOf(p);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const ids = explicit ? [...new Set(input.warrantIds)] : null;
    const held = ids ? await rentWarrants(tx, { ids, lock: true }) : await rentWarrants(tx, { holderOrgId: p.orgId, lock: true });
    const chosen: RentWarrant[] = [];
    const problems: ErrorDetail[] = [];
    if (ids) {
      ids.forEach((wid, i) => {
        const w = held.find((x) => x.id === wid || x.number === wid);
        if (!w || w.holderOrgId !== p.orgId) problems.push({ path: `body.warrantIds.${i}`, message: 'no such warrant of yours' });
        else chosen.push(w);
      });
      if (problems.length) throw new AppError('not_found', 'A warrant on the statement is not one you hold; nothing was made', problems);
    } else chosen.push(...held.filter((w) => w.holderOrgId === p.orgId));
    const open = new Map((await repo.openLinesFor(tx, chosen.map((w) => w.id))).map((o) => [o.warrant_id, o.number]));
    const priced = await priceWarrants(tx, chosen);
    const lines: { p: Priced; line: ReturnType<typeof lineFor> }[] = [];
    const conflicts: ErrorDetail[] = [];
    const unpriced: ErrorDetail[] = [];
    for (const [i, w] of chosen.entries()) {
      const path = explicit ? `body.warrantIds.${i}` : 'body.all';
      const pr = priced.get(w.id)!;
      const line = lineFor(pr, paidToDay);
      if (open.has(w.id)) {
        if (explicit) conflicts.push({ path, message: `Warrant ${w.number} is on statement ${open.get(w.id)}, still waiting for ${w.warehouseName}'s endorsement` });
        continue;
      }
      if (line.days === 0 && line.amount === 0n) {
        if (explicit) conflicts.push({ path, message: `Warrant ${w.number} owes no rent up to ${formatDay(paidToDay)} (paid to ${w.rentPaidTo ?? 'nothing yet'})` });
        continue;
      }
      if (line.unpriced.length) {
        unpriced.push({ path, message: `Warrant ${w.number}: ${w.warehouseName} has published no ${w.metal} tariff at ${w.facilityName} for ${missingRateYears(line).join(', ')}` });
        continue;
      }
      lines.push({ p: pr, line });
    }
    if (conflicts.length) throw new AppError('conflict', `Nothing was made: ${conflicts.map((c) => c.message).join('; ')}`, conflicts);
    if (unpriced.length) throw new AppError('unprocessable', `Rent cannot be computed without the tariff: ${unpriced.map((c) => c.message).join('; ')}`, unpriced);
    if (lines.length === 0) {
      throw new AppError('unprocessable', `Nothing to pay up to ${formatDay(paidToDay)}: every warrant you hold is paid, on an open statement, or owes nothing`, [{ path: 'body.all', message: 'no rent owed' }]);
    }
    const seq = await repo.nextStatementSeq(tx);
    const statementLines: StatementLine[] = lines.map(({ p: pr, line }, i) => ({
      line: i + 1,
      warrantId: pr.warrant.id,
      number: pr.warrant.number,
      warehouse: { id: pr.warrant.warehouseOrgId, name: pr.warrant.warehouseName },
      facility: { id: pr.warrant.facilityId, name: pr.warrant.facilityName },
      location: pr.warrant.locationCode,
      metal: pr.warrant.metal,
      tonnes: plain(pr.warrant.tonnes),
      status: pr.warrant.status,
      paidToBefore: pr.warrant.rentPaidTo,
      ...lineView(pr, line),
    }));
    const c: StatementContent = {
      schema: STATEMENT_SCHEMA,
      number: repo.statementNumber(seq),
      holder: { id: holder.id, name: holder.name },
      paidTo: formatDay(paidToDay),
      madeAt: ctx.now().toISOString(),
      queueRentCapDays: settings.queueRentCapDays,
      rounding: ROUNDING_RULE,
      lines: statementLines,
      totals: totalsOf(statementLines),
      nonce: randomBytes(16).toString('base64url'),
    };
    const recorded = await recordSignedChange(ctx, tx, {
      log: { kind: RENT_KINDS.statementMade, subjectType: RENT_SUBJECTS.statement, subjectId: id, version: 1 },
      payload: { record: c },
      event: { actor, details: { number: c.number, paidTo: c.paidTo, warrants: statementLines.length, totals: c.totals.byCurrency } },
    });
    await repo.insertStatement(
      tx,
      { id, seq, holder_org_id: p.orgId, paid_to: c.paidTo, content: c as unknown as Record<string, unknown>, content_digest: digestOf(c), log_index: recorded.logIndex, created_at: c.madeAt, userId: actor.userId, apiKeyId: actor.apiKeyId },
      statementLines.map((l) => ({
        statement_id: id,
        line: l.line,
        warrant_id: l.warrantId,
        warehouse_org_id: l.warehouse.id,
        from_date: l.from,
        to_date: l.to,
        days: l.days,
        amount: l.amount,
        currency: l.currency,
      })),
    );
  });
  return getStatement(ctx, p, id);
}

// ---------------------------------------------------------------- endorse

/**
 * The warehouse endorses its lines: each warrant must still be held by the statement's holder,
 * paid to the same date, and owe exactly what its line says (its history may have moved since the
 * statement was made); then the paid-to dates move to the line's end, all or none.
 */
export async function endorseStatement(ctx: AppContext, p: Authenticated, idOrNumber: string) {
  const pre = await readable(ctx.db, p, idOrNumber);
  if (!pre.lines.some((l) => l.warehouse_org_id === p.orgId)) throw forbidden(`Only the warehouse companies with warrants on ${pre.s.number} endorse it`);
  const key = await ensureIssuerKey(ctx, p.orgId);
  const warehouse = (await findOrganisation(ctx.db, p.orgId))!;
  const actor = actorOf(p);
  await ctx.db.transaction(async (tx) => {
    const s = (await repo.getStatement(tx, pre.s.id, true))!;
    if (s.status === 'withdrawn') throw new AppError('conflict', `Statement ${s.number} was withdrawn by its holder`);
    const done = await repo.endorsementsOf(tx, s.id);
    if (done.some((e) => e.warehouse_org_id === p.orgId)) throw new AppError('conflict', `${warehouse.name} already endorsed statement ${s.number}`);
    const content = s.content as unknown as StatementContent;
    const mine = content.lines.filter((l) => l.warehouse.id === p.orgId);
    const warrants = await rentWarrants(tx, { ids: mine.map((l) => l.warrantId), lock: true });
    const priced = await priceWarrants(tx, warrants);
    const stale: ErrorDetail[] = [];
    for (const l of mine) {
      const w = warrants.find((x) => x.id === l.warrantId)!;
      const at = `lines.${l.line - 1}`;
      if (w.holderOrgId !== s.holder_org_id) stale.push({ path: at, message: `Warrant ${w.number} changed hands since the statement was made` });
      else if (w.rentPaidTo !== l.paidToBefore) stale.push({ path: at, message: `Warrant ${w.number} is now paid to ${w.rentPaidTo ?? 'nothing'}, the line assumed ${l.paidToBefore ?? 'nothing'}` });
      else {
        const now = lineFor(priced.get(w.id)!, parseIsoDay(l.to)!);
        if (formatMoney(now.amount) !== l.amount || now.days !== l.days) {
          stale.push({ path: at, message: `Warrant ${w.number} now owes ${formatMoney(now.amount)} ${l.currency} for ${now.days} day(s) to ${l.to}, the line says ${l.amount} for ${l.days} (its status changed since)` });
        }
      }
    }
    if (stale.length) {
      throw new AppError('conflict', `Statement ${s.number} no longer matches the warrants; its holder should withdraw it and make a new one: ${stale.map((x) => x.message).join('; ')}`, stale);
    }
    const endorsedAt = ctx.now().toISOString();
    const lines: EndorsedLine[] = mine.map((l) => ({ line: l.line, warrantId: l.warrantId, number: l.number, from: l.from, to: l.to, days: l.days, amount: l.amount, currency: l.currency }));
    const subject: EndorsementSubject = {
      schema: 'assay.rent-endorsement/1',
      statement: { id: s.id, number: s.number, contentDigest: s.content_digest },
      holderOrgId: s.holder_org_id,
      warehouse: { id: warehouse.id, name: warehouse.name },
      lines,
      totals: totalsOf(mine).byCurrency,
      endorsedOn: endorsedAt.slice(0, 10),
      endorsedAt,
    };
    const id = randomUUID();
    const recorded = await recordSignedChange(ctx, tx, {
      log: { kind: RENT_KINDS.statementEndorsed, subjectType: RENT_SUBJECTS.endorsement, subjectId: id, version: 1 },
      payload: { credential: endorsementCredential({ id, issuerDid: orgDid(ctx, p.orgId), subject }), key: { kid: key.kid, privateKey: key.privateKey } },
      event: { actor, subjectType: RENT_SUBJECTS.statement, subjectId: s.id, details: { number: s.number, warehouse: warehouse.name, warrants: lines.length, totals: subject.totals } },
    });
    await repo.insertEndorsement(tx, {
      id,
      statement_id: s.id,
      warehouse_org_id: p.orgId,
      endorsed_on: subject.endorsedOn,
      content: subject as unknown as Record<string, unknown>,
      content_digest: digestOf(subject),
      credential: recorded.credential!,
      log_index: recorded.logIndex,
      endorsed_at: endorsedAt,
      userId: actor.userId,
      apiKeyId: actor.apiKeyId,
    });
    for (const l of mine) await setRentPaidTo(tx, l.warrantId, l.to);
    const warehouses = new Set(content.lines.map((l) => l.warehouse.id));
    await repo.setStatementStatus(tx, s.id, done.length + 1 === warehouses.size ? 'endorsed' : 'partly_endorsed');
  });
  return getStatement(ctx, p, pre.s.id);
}

// ---------------------------------------------------------------- withdraw

/** The holder withdraws a statement not (fully) endorsed: lines no warehouse endorsed yet lapse; endorsements stand. */
export async function withdrawStatement(ctx: AppContext, p: Authenticated, idOrNumber: string, input: { reason?: string }) {
  const pre = await readable(ctx.db, p, idOrNumber);
  if (pre.s.holder_org_id !== p.orgId) throw forbidden(`Only the holder withdraws statement ${pre.s.number}`);
  const actor = actorOf(p);
  await ctx.db.transaction(async (tx) => {
    const s = (await repo.getStatement(tx, pre.s.id, true))!;
    if (s.status === 'withdrawn' || s.status === 'endorsed') throw new AppError('conflict', `Statement ${s.number} is ${s.status}; only an open one is withdrawn`);
    const withdrawal = { statementId: s.id, number: s.number, version: 2, status: 'withdrawn', contentDigest: s.content_digest, at: ctx.now().toISOString(), ...(input.reason ? { reason: input.reason } : {}) };
    await recordSignedChange(ctx, tx, {
      log: { kind: RENT_KINDS.statementWithdrawn, subjectType: RENT_SUBJECTS.statement, subjectId: s.id, version: 2 },
      payload: { record: withdrawal },
      event: { actor, details: { number: s.number, ...(input.reason ? { reason: input.reason } : {}) } },
    });
    await repo.setStatementStatus(tx, s.id, 'withdrawn', withdrawal);
  });
  return getStatement(ctx, p, pre.s.id);
}
