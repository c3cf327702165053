import { digestOf } from '../trust/canonical.ts';
import type { AuditCheck, AuditReporter, LoggedEntry, RegisteredCredential, TrustRegistry } from '../trust/registry.ts';
import { digestBytes } from '../trust/trust.ts';
import { decodeCredentialJwt } from '../trust/vc.ts';
import { paidToDates } from '../warehouse/rent-facts.ts';
import {
  ENDORSEMENT_PROFILE,
  FEE_PROFILE,
  RENT_KINDS,
  RENT_SUBJECTS,
  TARIFF_PROFILE,
  type EndorsementSubject,
  type FeeSubject,
  type TariffSubject,
} from './credentials.ts';
import { feeFigures } from './fee-service.ts';
import { formatMoney, parseMoney, parseRate } from './money.ts';
import * as repo from './repo.ts';
import type { StatementContent } from './statement-service.ts';

// What the rent module registers with the trust kernel: its three credential types, and an audit
// check per subject type it logs. Each recomputes from the database what the log committed to and
// names what differs: a tariff's figures, a statement's lines, an endorsement and the paid-to
// dates it moved, a fee statement and the endorsements of its period.

const exists = (find: (db: Parameters<NonNullable<RegisteredCredential['currentVersion']>>[0], id: string) => Promise<unknown>): RegisteredCredential['currentVersion'] =>
  async (db, id) => ((await find(db, id)) ? 1 : undefined);

export const tariffCredential: RegisteredCredential = { profile: TARIFF_PROFILE, currentVersion: exists((db, id) => repo.getTariff(db, id)) };
export const endorsementCredential: RegisteredCredential = {
  profile: ENDORSEMENT_PROFILE,
  currentVersion: exists(async (db, id) => (await db.query(`SELECT 1 FROM rent_endorsements WHERE id = $1`, [id])).rows[0]),
};
export const feeCredential: RegisteredCredential = { profile: FEE_PROFILE, currentVersion: exists((db, id) => repo.getFeeStatement(db, id)) };

/** The credential's subject without its `id`: what the row's content must be. */
function subjectOf(jwt: string): Record<string, unknown> | null {
  try {
    const { id: _id, ...rest } = decodeCredentialJwt(jwt).credential.credentialSubject as Record<string, unknown>;
    return rest;
  } catch {
    return null;
  }
}

/** The signed record checks every signed rent record shares: logged credential, content = subject, digest. */
function checkSigned(r: AuditReporter, code: string, what: string, row: { credential: string; content: unknown; content_digest: string }, logged: readonly LoggedEntry[] | undefined): void {
  const last = logged?.at(-1);
  if (!last || last.digest !== digestBytes(row.credential)) r.find(code, what, `${what}: its credential is not the one logged`);
  const subject = subjectOf(row.credential);
  if (!subject) r.find(code, what, `${what}: its credential does not decode`);
  else if (digestOf(subject) !== row.content_digest) r.find(code, what, `${what}: its credential is not of its recorded content`);
  if (digestOf(row.content) !== row.content_digest) r.find(code, what, `${what}: its content no longer matches its digest`);
}

const sameMoney = (a: string | null, b: string | null): boolean => (a === null || b === null ? a === b : parseMoney(a) === parseMoney(b));
const sameRate = (a: string, b: string): boolean => parseRate(a) === parseRate(b);

function columns(r: AuditReporter, code: string, what: string, cols: [string, unknown, unknown, boolean?][]): void {
  for (const [name, table, recorded, same] of cols) {
    if (same === false || (same === undefined && table !== recorded)) r.find(code, what, `${what}: its ${name} is ${String(table)} in the table but ${String(recorded)} in the signed record`);
  }
}

// ---------------------------------------------------------------- tariffs

export const tariffCheck: AuditCheck = {
  subjectType: RENT_SUBJECTS.tariff,
  kinds: [RENT_KINDS.tariffPublished],
  noun: 'rent tariff',
  async run(ctx, logged, r) {
    const rows = await repo.listTariffs(ctx.db);
    for (const t of rows) {
      const c = t.content as unknown as TariffSubject;
      const what = `rent tariff ${t.id} (${c.facility?.name} ${c.metal} ${c.rateYearLabel})`;
      checkSigned(r, 'rent_tariff_changed', what, t, logged.get(t.id));
      columns(r, 'rent_tariff_changed', what, [
        ['warehouse', t.warehouse_org_id, c.warehouse?.id],
        ['facility', t.facility_id, c.facility?.id],
        ['location', t.location_code, c.location?.code],
        ['metal', t.metal, c.metal],
        ['rate year', t.rate_year, c.rateYear],
        ['rent', t.rent_usd_per_tonne_day, c.rentUsdPerTonneDay, sameRate(t.rent_usd_per_tonne_day, c.rentUsdPerTonneDay)],
        ['currency', t.currency, c.currency],
        ['FOT charge', t.fot_per_tonne, c.fotPerTonne, sameMoney(t.fot_per_tonne, c.fotPerTonne)],
        ['FIC charge', t.fic_per_tonne, c.ficPerTonne, sameMoney(t.fic_per_tonne, c.ficPerTonne)],
        ['per-warrant fees', JSON.stringify(t.fees), JSON.stringify(c.perWarrantFees?.map(({ code, amount, currency }) => ({ code, amount, currency }))), digestOf(t.fees) === digestOf(c.perWarrantFees?.map(({ code, amount, currency }) => ({ code, amount, currency })) ?? null)],
      ]);
    }
    return { checked: rows.length, present: new Set(rows.map((t) => t.id)) };
  },
};

// ---------------------------------------------------------------- statements

async function allStatements(db: Parameters<AuditCheck['run']>[0]['db']): Promise<repo.StatementRow[]> {
  const out: repo.StatementRow[] = [];
  for (let before: number | undefined; ; ) {
    const page = await repo.listStatements(db, { limit: 500, ...(before !== undefined ? { beforeSeq: before } : {}) });
    if (page.length === 0) break;
    before = page.at(-1)!.seq;
    out.push(...page);
  }
  return out;
}

export const statementCheck: AuditCheck = {
  subjectType: RENT_SUBJECTS.statement,
  kinds: [RENT_KINDS.statementMade, RENT_KINDS.statementWithdrawn],
  noun: 'rent statement',
  async run(ctx, logged, r) {
    const rows = await allStatements(ctx.db);
    for (const s of rows) {
      const what = `rent statement ${s.number}`;
      const code = 'rent_statement_changed';
      const entries = logged.get(s.id) ?? [];
      const made = entries.find((e) => e.version === 1);
      if (!made || made.idx !== Number(s.log_index) || made.digest !== s.content_digest) r.find(code, what, `${what}: differs from what log entry ${s.log_index} committed to`);
      if (digestOf(s.content) !== s.content_digest) r.find(code, what, `${what}: its content no longer matches its digest`);
      const withdrawn = entries.find((e) => e.version === 2);
      if ((withdrawn === undefined) !== (s.withdrawal === null)) r.find(code, what, `${what}: its withdrawal is ${s.withdrawal ? 'recorded but not logged' : 'logged but not recorded'}`);
      else if (withdrawn && withdrawn.digest !== digestOf(s.withdrawal)) r.find(code, what, `${what}: its withdrawal differs from what the log committed to`);
      const c = s.content as unknown as StatementContent;
      columns(r, code, what, [
        ['number', s.number, c.number],
        ['holder', s.holder_org_id, c.holder?.id],
        ['paid-to date', s.paid_to, c.paidTo],
      ]);
      const lines = await repo.statementLines(ctx.db, s.id);
      if (lines.length !== (c.lines?.length ?? 0)) r.find(code, what, `${what}: ${lines.length} line rows, ${c.lines?.length ?? 0} recorded`);
      for (const l of c.lines ?? []) {
        const row = lines.find((x) => x.line === l.line);
        const same =
          row &&
          row.warrant_id === l.warrantId &&
          row.warehouse_org_id === l.warehouse.id &&
          row.from_date === l.from &&
          row.to_date === l.to &&
          row.days === l.days &&
          sameMoney(row.amount, l.amount) &&
          row.currency === l.currency;
        if (!same) r.find(code, `${what} line ${l.line}`, `${what} line ${l.line}: the line row differs from the recorded statement`);
      }
      const endorsed = new Set((await repo.endorsementsOf(ctx.db, s.id)).map((e) => e.warehouse_org_id));
      const warehouses = new Set((c.lines ?? []).map((l) => l.warehouse.id));
      const status = s.withdrawal ? 'withdrawn' : endorsed.size === 0 ? 'open' : endorsed.size >= warehouses.size ? 'endorsed' : 'partly_endorsed';
      if (s.status !== status) r.find(code, what, `${what}: its status is ${s.status} but its endorsements and withdrawal make it ${status}`);
    }
    return { checked: rows.length, present: new Set(rows.map((s) => s.id)) };
  },
};

// ---------------------------------------------------------------- endorsements and paid-to dates

export const endorsementCheck: AuditCheck = {
  subjectType: RENT_SUBJECTS.endorsement,
  kinds: [RENT_KINDS.statementEndorsed],
  noun: 'rent endorsement',
  async run(ctx, logged, r) {
    const rows = await repo.listEndorsements(ctx.db);
    const expected = new Map<string, { to: string; number: string }>();
    for (const e of rows) {
      const c = e.content as unknown as EndorsementSubject;
      const what = `rent endorsement ${e.id} (${c.statement?.number} by ${c.warehouse?.name})`;
      const code = 'rent_endorsement_changed';
      checkSigned(r, code, what, e, logged.get(e.id));
      columns(r, code, what, [
        ['statement', e.statement_id, c.statement?.id],
        ['warehouse', e.warehouse_org_id, c.warehouse?.id],
        ['endorsement date', e.endorsed_on, c.endorsedOn],
      ]);
      const s = await repo.getStatement(ctx.db, e.statement_id);
      if (!s || s.content_digest !== c.statement?.contentDigest) r.find(code, what, `${what}: endorses a statement that is not the one recorded`);
      const lines = (await repo.statementLines(ctx.db, e.statement_id)).filter((l) => l.warehouse_org_id === e.warehouse_org_id);
      const endorsed = c.lines ?? [];
      const matches =
        lines.length === endorsed.length &&
        endorsed.every((l) => lines.some((x) => x.line === l.line && x.warrant_id === l.warrantId && x.to_date === l.to && sameMoney(x.amount, l.amount)));
      if (!matches) r.find(code, what, `${what}: its lines are not the statement's lines of that warehouse`);
      for (const l of endorsed) {
        const before = expected.get(l.warrantId);
        if (!before || before.to < l.to) expected.set(l.warrantId, { to: l.to, number: l.number });
      }
    }
    // Every paid-to date is the end of the warrant's last endorsed line, and nothing else moved one.
    const actual = await paidToDates(ctx.db);
    for (const w of actual) {
      const e = expected.get(w.id);
      if (!e || e.to !== w.rentPaidTo) {
        r.find('rent_paid_to_changed', `warrant ${w.number} rent paid-to`, `warrant ${w.number}: its rent is paid to ${w.rentPaidTo} in the table but ${e ? `to ${e.to}` : 'not at all'} by its endorsements`);
      }
    }
    for (const [id, e] of expected) {
      if (!actual.some((w) => w.id === id)) r.find('rent_paid_to_changed', `warrant ${e.number} rent paid-to`, `warrant ${e.number}: endorsed as paid to ${e.to}, but the table shows no paid-to date`);
    }
    return { checked: rows.length, present: new Set(rows.map((e) => e.id)) };
  },
};

// ---------------------------------------------------------------- supervision fee

export const feeCheck: AuditCheck = {
  subjectType: RENT_SUBJECTS.fee,
  kinds: [RENT_KINDS.feeIssued],
  noun: 'supervision fee statement',
  async run(ctx, logged, r) {
    const rows = await repo.listFeeStatements(ctx.db);
    const figuresByPeriod = new Map<string, Awaited<ReturnType<typeof feeFigures>>>();
    for (const f of rows) {
      const c = f.content as unknown as FeeSubject;
      const what = `supervision fee statement ${f.number}`;
      const code = 'supervision_fee_changed';
      checkSigned(r, code, what, f, logged.get(f.id));
      columns(r, code, what, [
        ['number', f.number, c.number],
        ['period start', f.period_from, c.period?.from],
        ['period end', f.period_to, c.period?.to],
        ['warehouse', f.warehouse_org_id, c.warehouse?.id ?? null],
        ['exchange', f.exchange_org_id, c.exchange?.id],
      ]);
      // What the period's endorsements add up to now must be what the statement said.
      const key = `${f.period_from}/${f.period_to}/${c.feePct}`;
      if (!figuresByPeriod.has(key)) figuresByPeriod.set(key, await feeFigures(ctx.db, { from: f.period_from, to: f.period_to }, c.feePct ?? '0'));
      const figures = figuresByPeriod.get(key)!;
      const stated = digestOf({ rent: c.rentEndorsed, fee: c.fee });
      let now: string;
      if (f.warehouse_org_id) {
        const w = figures.find((x) => x.warehouseOrgId === f.warehouse_org_id);
        now = digestOf({ rent: w?.rentEndorsed ?? [], fee: w?.fee ?? [] });
      } else {
        const sum = (pick: (x: (typeof figures)[number]) => { currency: string; amount: string }[]) => {
          const m = new Map<string, bigint>();
          for (const x of figures) for (const a of pick(x)) m.set(a.currency, (m.get(a.currency) ?? 0n) + parseMoney(a.amount));
          return [...m.entries()].sort().map(([currency, cents]) => ({ currency, amount: formatMoney(cents) }));
        };
        now = digestOf({ rent: sum((x) => x.rentEndorsed), fee: sum((x) => x.fee) });
      }
      if (now !== stated) r.find('supervision_fee_mismatch', what, `${what}: the rent endorsed in ${f.period_from} – ${f.period_to} no longer adds up to what it states`);
    }
    return { checked: rows.length, present: new Set(rows.map((f) => f.id)) };
  },
};

export const rentTrust: Partial<TrustRegistry> = {
  credentials: [tariffCredential, endorsementCredential, feeCredential],
  checks: [tariffCheck, statementCheck, endorsementCheck, feeCheck],
};
