import { randomUUID } from 'node:crypto';
import { actorOf, type Authenticated } from '../access/principal.ts';
import { findOrganisation } from '../access/organisations.ts';
import { formatDay, parseIsoDay } from '../market/dates.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { digestOf } from '../trust/canonical.ts';
import { ensureIssuerKey, orgDid } from '../trust/keys-service.ts';
import { recordSignedChanges, type SignedChange } from '../trust/signed-change.ts';
import { today } from './account.ts';
import { feeCredential, RENT_KINDS, RENT_SUBJECTS, type EndorsementSubject, type FeeSubject } from './credentials.ts';
import { formatMoney, parseMoney, parsePct, percentOf } from './money.ts';
import * as repo from './repo.ts';
import { rentSettings } from './settings.ts';

// The exchange's supervision fee: `supervisionFeePct` % (reference/rent.json, 1 %) of the rent each
// warehouse company endorsed in a period (by endorsement date). For a period that has ended the
// exchange issues, at once, one statement per warehouse company with rent endorsed in it and one
// for itself listing them all; each is signed by the exchange and logged. Periods never overlap, so
// no endorsement is charged twice. Rounding: per warehouse and currency, the fee is the rent
// endorsed × pct / 100 rounded half-up to the cent; the exchange's total is the sum of those fees.

type Money = { currency: string; amount: string };

const byCurrency = (m: Map<string, bigint>): Money[] => [...m.entries()].sort().map(([currency, cents]) => ({ currency, amount: formatMoney(cents) }));

/** What the period's endorsements add up to, per warehouse company: the figures a fee statement states. */
export async function feeFigures(q: Queryable, period: { from: string; to: string }, feePct: string) {
  const pct = parsePct(feePct);
  const endorsements = await repo.listEndorsements(q, period);
  const byWarehouse = new Map<string, { rent: Map<string, bigint>; endorsements: NonNullable<FeeSubject['endorsements']> }>();
  for (const e of endorsements) {
    const c = e.content as unknown as EndorsementSubject;
    const w = byWarehouse.get(e.warehouse_org_id) ?? { rent: new Map<string, bigint>(), endorsements: [] };
    for (const t of c.totals) {
      w.rent.set(t.currency, (w.rent.get(t.currency) ?? 0n) + parseMoney(t.amount));
      w.endorsements.push({ id: e.id, statement: c.statement.number, endorsedOn: e.endorsed_on, currency: t.currency, amount: t.amount });
    }
    byWarehouse.set(e.warehouse_org_id, w);
  }
  return [...byWarehouse.entries()].map(([warehouseOrgId, w]) => ({
    warehouseOrgId,
    rentEndorsed: byCurrency(w.rent),
    fee: byCurrency(new Map([...w.rent.entries()].map(([c, cents]) => [c, percentOf(cents, pct)]))),
    endorsements: w.endorsements,
  }));
}

export function feeView(f: repo.FeeStatementRow) {
  const c = f.content as unknown as FeeSubject;
  return { id: f.id, batchId: f.batch_id, ...c, logIndex: Number(f.log_index) };
}

export async function issueFeeStatements(ctx: AppContext, p: Authenticated, input: { from: string; to: string }) {
  if (p.orgKind !== 'exchange') throw forbidden('Only the exchange issues supervision fee statements');
  const now = today(ctx);
  const from = parseIsoDay(input.from)!;
  const to = parseIsoDay(input.to)!;
  if (to < from) throw new AppError('bad_request', 'The period ends before it starts', [{ path: 'body.to', message: 'must be on or after from' }]);
  if (to >= now) throw new AppError('bad_request', `A period is charged once it has ended: ${input.to} is not before today (${formatDay(now)})`, [{ path: 'body.to', message: 'must be before today' }]);
  const feePct = rentSettings().supervisionFeePct;
  const exchange = (await findOrganisation(ctx.db, p.orgId))!;
  const key = await ensureIssuerKey(ctx, p.orgId);
  const actor = actorOf(p);
  const batchId = randomUUID();
  const issuedAt = ctx.now().toISOString();
  const period = { from: input.from, to: input.to };
  await ctx.db.transaction(async (tx) => {
    await repo.lockFeeStatements(tx);
    const overlap = await repo.listFeeStatements(tx, { overlapping: period });
    if (overlap.length) {
      const o = overlap[0]!;
      throw new AppError('conflict', `The period overlaps ${o.number} (${o.period_from} – ${o.period_to}); rent endorsed in a period is charged once`, [{ path: 'body.from', message: 'overlaps an issued period' }]);
    }
    const figures = await feeFigures(tx, period, feePct);
    const rows: (Omit<repo.FeeStatementRow, 'number' | 'issued_at' | 'log_index' | 'credential'> & { subject: FeeSubject })[] = [];
    for (const f of figures) {
      const seq = await repo.nextFeeSeq(tx);
      const wh = (await findOrganisation(tx, f.warehouseOrgId))!;
      const subject: FeeSubject = {
        schema: 'assay.supervision-fee/1',
        number: repo.feeNumber(seq),
        kind: 'warehouse',
        period,
        feePct,
        exchange: { id: exchange.id, name: exchange.name },
        warehouse: { id: wh.id, name: wh.name },
        rentEndorsed: f.rentEndorsed,
        fee: f.fee,
        endorsements: f.endorsements,
        issuedAt,
      };
      rows.push({ id: randomUUID(), seq, batch_id: batchId, period_from: period.from, period_to: period.to, warehouse_org_id: wh.id, exchange_org_id: exchange.id, content: {}, content_digest: '', subject });
    }
    const sum = (pick: (s: FeeSubject) => Money[]) => {
      const m = new Map<string, bigint>();
      for (const r of rows) for (const x of pick(r.subject)) m.set(x.currency, (m.get(x.currency) ?? 0n) + parseMoney(x.amount));
      return byCurrency(m);
    };
    const seq = await repo.nextFeeSeq(tx);
    const summary: FeeSubject = {
      schema: 'assay.supervision-fee/1',
      number: repo.feeNumber(seq),
      kind: 'exchange',
      period,
      feePct,
      exchange: { id: exchange.id, name: exchange.name },
      warehouse: null,
      rentEndorsed: sum((s) => s.rentEndorsed),
      fee: sum((s) => s.fee),
      warehouses: rows.map((r) => ({ id: r.subject.warehouse!.id, name: r.subject.warehouse!.name, statement: r.subject.number, rentEndorsed: r.subject.rentEndorsed, fee: r.subject.fee })),
      issuedAt,
    };
    rows.push({ id: randomUUID(), seq, batch_id: batchId, period_from: period.from, period_to: period.to, warehouse_org_id: null, exchange_org_id: exchange.id, content: {}, content_digest: '', subject: summary });
    const changes: SignedChange[] = rows.map((r) => ({
      log: { kind: RENT_KINDS.feeIssued, subjectType: RENT_SUBJECTS.fee, subjectId: r.id, version: 1 },
      payload: { credential: feeCredential({ id: r.id, issuerDid: orgDid(ctx, exchange.id), subject: r.subject }), key: { kid: key.kid, privateKey: key.privateKey } },
      event: { actor, details: { number: r.subject.number, kind: r.subject.kind, warehouse: r.subject.warehouse?.name ?? null, period, fee: r.subject.fee } },
    }));
    const recorded = await recordSignedChanges(ctx, tx, changes);
    for (const [i, r] of rows.entries()) {
      const { subject, ...row } = r;
      await repo.insertFeeStatement(tx, {
        ...row,
        content: subject as unknown as Record<string, unknown>,
        content_digest: digestOf(subject),
        credential: recorded[i]!.credential!,
        log_index: recorded[i]!.logIndex,
        issued_at: issuedAt,
        userId: actor.userId,
        apiKeyId: actor.apiKeyId,
      });
    }
  });
  return { batchId, items: (await repo.listFeeStatements(ctx.db)).filter((f) => f.batch_id === batchId).map(feeView) };
}

/** The exchange sees every fee statement; a warehouse company its own (never the exchange's summary). */
export async function listFeeStatements(ctx: AppContext, p: Authenticated) {
  if (p.orgKind !== 'exchange' && p.orgKind !== 'warehouse') throw forbidden('Supervision fee statements are the exchange’s and each warehouse company’s');
  const rows = await repo.listFeeStatements(ctx.db, p.orgKind === 'exchange' ? {} : { warehouseOrgId: p.orgId });
  return { feePct: rentSettings().supervisionFeePct, items: rows.map(feeView) };
}

export async function getFeeStatement(ctx: AppContext, p: Authenticated, idOrNumber: string) {
  const f = await repo.getFeeStatement(ctx.db, idOrNumber.trim().toUpperCase().startsWith('SF-') ? idOrNumber.trim().toUpperCase() : idOrNumber);
  if (!f || !(p.orgKind === 'exchange' || (f.warehouse_org_id !== null && f.warehouse_org_id === p.orgId))) throw notFound('Supervision fee statement');
  return { ...feeView(f), credential: f.credential };
}

/** What the fee for a period would be now (nothing issued): the exchange, or a warehouse for itself. */
export async function previewFees(ctx: AppContext, p: Authenticated, input: { from: string; to: string }) {
  if (p.orgKind !== 'exchange' && p.orgKind !== 'warehouse') throw forbidden('Supervision fees are the exchange’s and each warehouse company’s');
  const feePct = rentSettings().supervisionFeePct;
  const figures = (await feeFigures(ctx.db, input, feePct)).filter((f) => p.orgKind === 'exchange' || f.warehouseOrgId === p.orgId);
  const items = [];
  for (const f of figures) items.push({ warehouse: { id: f.warehouseOrgId, name: (await findOrganisation(ctx.db, f.warehouseOrgId))?.name ?? '' }, rentEndorsed: f.rentEndorsed, fee: f.fee, endorsements: f.endorsements.length });
  return { period: input, feePct, items };
}
