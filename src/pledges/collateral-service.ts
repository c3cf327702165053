import { actorOf, type Authenticated } from '../access/principal.ts';
import { findOrganisation } from '../access/organisations.ts';
import { METAL_CODES } from '../metals/spec-types.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import { AppError, forbidden } from '../platform/errors.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import { KIND, SUBJECT } from './credential.ts';
import { compare, dec } from './decimal.ts';
import { pledgeView } from './pledge-service.ts';
import { collateralReference } from './reference.ts';
import * as repo from './repo.ts';
import { isOverdue } from './rules.ts';
import { valuePledge, type CollateralTerms, type PriceFact } from './valuation.ts';

// A collateral taker's book: its terms (haircut per metal and LTV alert threshold, set by the
// taker, defaults from reference/collateral.json), and every pledge it holds or is offered, valued
// at the latest official price of the valuation prompt after haircut, with its LTV against the
// pledge amount and what needs attention: an LTV at or above the threshold, a missing or stale
// price, a pledge past maturity.

const TAKERS = ['lender', 'clearing_house'];
const today = (ctx: AppContext): string => ctx.now().toISOString().slice(0, 10);

/** What the log commits to for a taker's terms. */
export const termsRecord = (t: { takerOrgId: string; haircutsPct: Record<string, string>; ltvAlertPct: string; version: number }) => ({
  takerOrgId: t.takerOrgId,
  haircutsPct: t.haircutsPct,
  ltvAlertPct: t.ltvAlertPct,
  version: t.version,
});

const plain = (t: string): string => (t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t);

export async function termsOf(q: Queryable, takerOrgId: string): Promise<CollateralTerms & { version: number; set: Record<string, string>; defaults: Record<string, string>; unconfirmedDefaults: string[] }> {
  const ref = collateralReference();
  const row = await repo.getTerms(q, takerOrgId);
  const set = row?.haircuts ?? {};
  return {
    haircutsPct: { ...ref.defaultHaircutsPct, ...set },
    ltvAlertPct: row ? plain(row.ltv_alert_pct) : ref.defaultLtvAlertPct,
    valuationPrompt: ref.valuationPrompt,
    priceCurrency: ref.priceCurrency,
    staleAfterDays: ref.staleAfterDays,
    version: row?.version ?? 0,
    set,
    defaults: ref.defaultHaircutsPct,
    unconfirmedDefaults: ref.unconfirmed,
  };
}

function takerOnly(p: Authenticated): void {
  if (!TAKERS.includes(p.orgKind)) throw forbidden('Collateral terms and books belong to lenders and the clearing house');
}

export async function getTerms(ctx: AppContext, p: Authenticated) {
  takerOnly(p);
  return termsOf(ctx.db, p.orgId);
}

/** Sets haircuts (per metal, percent, 0 ≤ h < 100) and/or the LTV alert threshold; logged. */
export async function putTerms(ctx: AppContext, p: Authenticated, input: { haircutsPct?: Record<string, string>; ltvAlertPct?: string }) {
  takerOnly(p);
  const problems: { path: string; message: string }[] = [];
  for (const [metal, pct] of Object.entries(input.haircutsPct ?? {})) {
    if (!(METAL_CODES as readonly string[]).includes(metal)) problems.push({ path: `body.haircutsPct.${metal}`, message: `${metal} is not a metal code` });
    else if (compare(dec(pct), dec('100')) >= 0) problems.push({ path: `body.haircutsPct.${metal}`, message: 'a haircut is below 100 %' });
  }
  if (input.ltvAlertPct !== undefined && compare(dec(input.ltvAlertPct), dec('0')) <= 0) problems.push({ path: 'body.ltvAlertPct', message: 'must be above 0 %' });
  if (problems.length) throw new AppError('bad_request', 'The terms cannot be set', problems);
  const actor = actorOf(p);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.getTerms(tx, p.orgId, true);
    const record = termsRecord({
      takerOrgId: p.orgId,
      haircutsPct: Object.fromEntries(
        Object.entries({ ...(before?.haircuts ?? {}), ...Object.fromEntries(Object.entries(input.haircutsPct ?? {}).map(([m, v]) => [m, plain(v)])) }).sort(([a], [b]) => a.localeCompare(b)),
      ),
      ltvAlertPct: plain(input.ltvAlertPct ?? (before ? before.ltv_alert_pct : collateralReference().defaultLtvAlertPct)),
      version: (before?.version ?? 0) + 1,
    });
    const { logIndex } = await recordSignedChange(ctx, tx, {
      log: { kind: KIND.terms, subjectType: SUBJECT.terms, subjectId: p.orgId, version: record.version },
      payload: { record },
      event: { actor, details: { haircutsPct: record.haircutsPct, ltvAlertPct: record.ltvAlertPct, version: record.version } },
    });
    await repo.putTerms(tx, { taker_org_id: p.orgId, haircuts: record.haircutsPct, ltv_alert_pct: record.ltvAlertPct, version: record.version, log_index: logIndex });
  });
  return termsOf(ctx.db, p.orgId);
}

export async function pricesForValuation(q: Queryable, terms: Pick<CollateralTerms, 'valuationPrompt' | 'priceCurrency'>, asOf: string): Promise<Map<string, PriceFact>> {
  const rows = await repo.latestPrices(q, { prompt: terms.valuationPrompt, onOrBefore: asOf });
  return new Map(
    rows
      .filter((r) => r.currency === terms.priceCurrency)
      .map((r) => [r.metal, { metal: r.metal, prompt: r.prompt, priceDate: r.price_date, price: plain(r.price), currency: r.currency }]),
  );
}

export async function book(ctx: AppContext, p: Authenticated) {
  takerOnly(p);
  const asOf = today(ctx);
  const terms = await termsOf(ctx.db, p.orgId);
  const prices = await pricesForValuation(ctx.db, terms, asOf);
  const rows = await repo.listPledges(ctx.db, { lenderOrgId: p.orgId, status: ['proposed', 'active'], limit: 1000 });
  const alerts: { pledge: string; pledgeId: string; code: string; message: string }[] = [];
  const valued = await Promise.all(
    rows.map(async (row) => {
      const view = await pledgeView(ctx, row, p);
      const valuation = valuePledge({ amount: view.amount, currency: view.currency, assets: view.assets }, prices, terms, asOf);
      if (row.status === 'active') {
        if (valuation.ltvAlert) {
          alerts.push({
            pledge: row.number,
            pledgeId: row.id,
            code: 'ltv',
            message: valuation.ltvPct
              ? `LTV ${valuation.ltvPct} % is at or above your threshold of ${terms.ltvAlertPct} %`
              : `The collateral is worth nothing after haircuts against ${view.amount} ${view.currency}`,
          });
        }
        if (isOverdue(row, asOf)) alerts.push({ pledge: row.number, pledgeId: row.id, code: 'overdue', message: `Matured on ${row.maturity} and still active: release or enforce it` });
        for (const x of valuation.problems) alerts.push({ pledge: row.number, pledgeId: row.id, code: x.code, message: x.message });
      }
      return { ...view, valuation };
    }),
  );
  const taker = await findOrganisation(ctx.db, p.orgId);
  return {
    taker: { id: p.orgId, name: taker?.name ?? null },
    asOf,
    terms: { haircutsPct: terms.haircutsPct, ltvAlertPct: terms.ltvAlertPct, valuationPrompt: terms.valuationPrompt, priceCurrency: terms.priceCurrency, staleAfterDays: terms.staleAfterDays },
    proposals: valued.filter((v) => v.status === 'proposed'),
    active: valued.filter((v) => v.status === 'active'),
    alerts,
  };
}
