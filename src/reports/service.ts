import { randomUUID } from 'node:crypto';
import type { Authenticated } from '../access/principal.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, forbidden, isUniqueViolation, notFound } from '../platform/errors.ts';
import { digestOf } from '../trust/canonical.ts';
import { ensureIssuerKey, orgDid } from '../trust/keys-service.ts';
import { proofForPayload } from '../trust/checkpoint-service.ts';
import { trustRegistry } from '../trust/registry.ts';
import { verifyWithServerState } from '../trust/service.ts';
import { recordSignedChanges, type SignedChange } from '../trust/signed-change.ts';
import { digestBytes } from '../trust/trust.ts';
import { signCredentialJwt } from '../trust/vc.ts';
import { getLocation } from '../warehouse/network-service.ts';
import { declarationCredential, DECLARATION_LOG_KIND, DECLARATION_SUBJECT, reportCredential, REPORT_CREDENTIAL_SCHEMA, REPORT_LOG_KIND, REPORT_SUBJECT, type DeclarationSubject } from './credential.ts';
import { asOfOf, build, documentBytes, dueFrom, paramsFor, paramsOf, type ReportDocument, type ReportParams } from './generate.ts';
import { reportsReference } from './reference.ts';
import * as repo from './repo.ts';
import { dateIn, fromMilli, monthBounds, toMilli, DAILY_KINDS, REPORT_KINDS, type ReportKind } from './rules.ts';
import { reportsTrust } from './trust.ts';

// Market reports: the exchange publishes a business day's stock, banding and queue reports, and a
// month's off-warrant stock report; each is built from the history as of its day, signed by the
// exchange, logged, stored byte for byte, and public. Warehouses declare their off-warrant metal
// not recorded as receipts, signed and logged. Anyone can verify a published report: its
// signature, its log inclusion, and that re-building it from the history gives the same bytes.

/** Who publishes: an exchange user or key, or the operator acting for the exchange (the CLI). */
export interface Publisher {
  orgId: string;
  userId: string | null;
  apiKeyId: string | null;
}

export const publisherOf = (p: Authenticated): Publisher =>
  p.type === 'user' ? { orgId: p.orgId, userId: p.userId, apiKeyId: null } : { orgId: p.orgId, userId: null, apiKeyId: p.keyId };

export interface PublishInput {
  /** A business day: its stock and queue reports (once it has closed) and the banding report published on it. */
  date?: string;
  /** A month (YYYY-MM): its off-warrant stock report (once the declaration window has closed). */
  month?: string;
  kinds?: ReportKind[];
}

export interface PublishOutcome {
  reports: (ReportSummary & { outcome: 'published' | 'unchanged' })[];
  notDue: { kind: ReportKind; period: string; dueFrom: string }[];
}

export async function publishReports(ctx: AppContext, by: Publisher, input: PublishInput, retried = false): Promise<PublishOutcome> {
  const wanted = wantedReports(input);
  const now = ctx.now().toISOString();
  const due: { params: ReportParams; doc: ReportDocument; bytes: string }[] = [];
  const notDue: PublishOutcome['notDue'] = [];
  for (const w of wanted) {
    const params = await paramsFor(ctx, w.kind, w.period, w.path);
    const from = dueFrom(params);
    if (now < from) {
      if (input.kinds?.includes(w.kind)) {
        throw new AppError('conflict', `The ${w.kind.replace('_', '-')} report for ${w.period} is not due before ${from}`, [{ path: w.path, message: `not due before ${from}` }]);
      }
      notDue.push({ kind: w.kind, period: w.period, dueFrom: from });
      continue;
    }
    const doc = await build(ctx, params);
    due.push({ params, doc, bytes: documentBytes(doc) });
  }
  if (due.length === 0) {
    throw new AppError('conflict', `No report for ${input.date ?? input.month} is due yet`, notDue.map((n) => ({ path: input.date ? 'body.date' : 'body.month', message: `${n.kind} is due from ${n.dueFrom}` })));
  }

  // Already published: the same bytes are a no-op; different bytes mean the history of that window changed.
  const out: PublishOutcome['reports'] = [];
  const fresh: typeof due = [];
  for (const d of due) {
    const existing = await repo.findReport(ctx.db, d.params.kind, d.params.period);
    if (!existing) {
      fresh.push(d);
      continue;
    }
    if (existing.document !== d.bytes) {
      throw new AppError(
        'conflict',
        `The ${d.params.kind.replace('_', '-')} report for ${d.params.period} was published on ${existing.published_at.toISOString()} and the history now gives a different document: ` +
          'the events of its window changed after publication (run assay audit)',
        [{ path: input.date ? 'body.date' : 'body.month', message: `published document ${existing.document_digest}, now ${digestBytes(d.bytes)}` }],
      );
    }
    out.push({ ...summaryOf(existing), outcome: 'unchanged' });
  }
  if (fresh.length) {
    const key = await ensureIssuerKey(ctx, by.orgId);
    const issuerDid = orgDid(ctx, by.orgId);
    const made: { id: string; d: (typeof fresh)[number]; documentDigest: string; credential: string }[] = [];
    for (const d of fresh) {
      const id = randomUUID();
      const documentDigest = digestBytes(d.bytes);
      const credential = await signCredentialJwt(
        reportCredential({
          id,
          issuerDid,
          publishedAt: now,
          subject: { schema: REPORT_CREDENTIAL_SCHEMA, kind: d.params.kind, period: d.params.period, asOf: asOfOf(d.params), documentDigest, report: d.doc as unknown as Record<string, unknown> },
        }),
        { privateKey: key.privateKey, kid: key.kid },
      );
      made.push({ id, d, documentDigest, credential });
    }
    try {
      await ctx.db.transaction(async (tx) => {
        const changes: SignedChange[] = made.map((m) => ({
          log: { kind: REPORT_LOG_KIND, subjectType: REPORT_SUBJECT, subjectId: m.id, version: 1 },
          payload: { payloadDigest: digestBytes(m.credential), credential: m.credential },
          event: { actor: by, details: { kind: m.d.params.kind, period: m.d.params.period, documentDigest: m.documentDigest } },
        }));
        const recorded = await recordSignedChanges(ctx, tx, changes);
        for (const [i, m] of made.entries()) {
          await repo.insertReport(tx, {
            id: m.id,
            kind: m.d.params.kind,
            period: m.d.params.period,
            as_of: asOfOf(m.d.params),
            document: m.d.bytes,
            document_digest: m.documentDigest,
            credential: m.credential,
            log_index: recorded[i]!.logIndex,
            published_at: now,
            published_by_org: by.orgId,
            userId: by.userId,
            apiKeyId: by.apiKeyId,
          });
        }
      });
    } catch (e) {
      // Another publisher got there first: compare with what it published.
      if (isUniqueViolation(e) && !retried) return publishReports(ctx, by, input, true);
      throw e;
    }
    for (const m of made) out.push({ ...summaryOf((await repo.getReport(ctx.db, m.id))!), outcome: 'published' });
  }
  return { reports: out, notDue };
}

function wantedReports(input: PublishInput): { kind: ReportKind; period: string; path: string }[] {
  if ((input.date === undefined) === (input.month === undefined)) {
    throw new AppError('bad_request', 'Give either a business day (date) or a month', [{ path: 'body', message: 'exactly one of date and month is required' }]);
  }
  const kinds = input.kinds ?? (input.date ? [...DAILY_KINDS] : ['off_warrant']);
  for (const [i, k] of kinds.entries()) {
    const monthly = k === 'off_warrant';
    if (monthly !== (input.month !== undefined)) {
      throw new AppError('bad_request', `The ${k} report is ${monthly ? 'monthly: give a month' : 'daily: give a date'}`, [{ path: `body.kinds.${i}`, message: monthly ? 'needs month' : 'needs date' }]);
    }
  }
  return [...new Set(kinds)].map((kind) => ({ kind, period: (input.date ?? input.month)!, path: input.date ? 'body.date' : 'body.month' }));
}

// ---------------------------------------------------------------- reads (public)

export interface ReportSummary {
  id: string;
  kind: ReportKind;
  period: string;
  asOf: string;
  documentDigest: string;
  publishedAt: string;
  logIndex: number;
}

const summaryOf = (r: repo.ReportSummaryRow): ReportSummary => ({
  id: r.id,
  kind: r.kind as ReportKind,
  period: r.period,
  asOf: r.as_of,
  documentDigest: r.document_digest,
  publishedAt: r.published_at.toISOString(),
  logIndex: r.log_index,
});

export async function listReports(ctx: AppContext, q: { kind?: ReportKind; from?: string; to?: string; limit?: number }): Promise<ReportSummary[]> {
  return (await repo.listReports(ctx.db, { ...q, limit: q.limit ?? 100 })).map(summaryOf);
}

async function reportOf(ctx: AppContext, id: string): Promise<repo.ReportRow> {
  const r = await repo.getReport(ctx.db, id);
  if (!r) throw notFound('Market report');
  return r;
}

export async function getReport(ctx: AppContext, id: string): Promise<ReportSummary & { document: ReportDocument }> {
  const r = await reportOf(ctx, id);
  return { ...summaryOf(r), document: JSON.parse(r.document) as ReportDocument };
}

/** The published bytes, exactly. */
export async function documentOf(ctx: AppContext, id: string): Promise<{ bytes: string; kind: string; period: string }> {
  const r = await reportOf(ctx, id);
  return { bytes: r.document, kind: r.kind, period: r.period };
}

export const credentialOf = async (ctx: AppContext, id: string): Promise<string> => (await reportOf(ctx, id)).credential;

export async function proofOf(ctx: AppContext, id: string): Promise<string> {
  const r = await reportOf(ctx, id);
  const proof = await proofForPayload(ctx, digestBytes(r.credential));
  if (!proof) throw notFound('Log entry of the report');
  return proof;
}

const registry = trustRegistry([reportsTrust]);

/**
 * A published report verified: the kernel's checks of its credential (signature, issuer, key
 * validity, schema, log inclusion), that the stored document is the one the credential signed,
 * and that re-building it now from the history with the parameters it carries gives the same bytes.
 */
export async function verifyReport(ctx: AppContext, id: string) {
  const r = await reportOf(ctx, id);
  const report = await verifyWithServerState(ctx, registry, r.credential);
  const digest = digestBytes(r.document);
  const signed = (report.summary as { documentDigest?: unknown } | undefined)?.documentDigest;
  const document =
    digest === r.document_digest && signed === digest
      ? { status: 'pass' as const, reason: `the stored document (${digest}) is the one the credential signed` }
      : { status: 'fail' as const, reason: `the stored document is ${digest}; the credential signed ${String(signed ?? 'nothing readable')}` };
  let reproduced: { status: 'pass' | 'fail' | 'skip'; reason: string; digest?: string };
  try {
    const again = documentBytes(await build(ctx, paramsOf(JSON.parse(r.document) as ReportDocument)));
    reproduced =
      again === r.document
        ? { status: 'pass', reason: 'rebuilt from the register’s history, the report is byte for byte the one published', digest: digestBytes(again) }
        : { status: 'fail', reason: 'rebuilt from the register’s history, the report differs from the one published: the history of its window changed', digest: digestBytes(again) };
  } catch (e) {
    reproduced = { status: 'skip', reason: `the report could not be rebuilt: ${(e as Error).message}` };
  }
  return {
    ...report,
    ok: report.ok && document.status === 'pass' && reproduced.status === 'pass',
    report: summaryOf(r),
    document,
    reproduced,
  };
}

/** Live and cancelled tonnage per day from the published stock reports, per location or per metal. */
export async function stockSeries(ctx: AppContext, q: { from: string; to: string; by: 'location' | 'metal'; metal?: string; location?: string }) {
  if (q.to < q.from) throw new AppError('bad_request', 'to must be on or after from', [{ path: 'querystring.to', message: `before ${q.from}` }]);
  const rows = await repo.listReports(ctx.db, { kind: 'stock', from: q.from, to: q.to, limit: 400, withDocument: true });
  const points: { day: string; key: string; live: string; cancelled: string }[] = [];
  for (const r of [...rows].reverse()) {
    const doc = JSON.parse(r.document!) as Extract<ReportDocument, { kind: 'stock' }>;
    const acc = new Map<string, { live: bigint; cancelled: bigint }>();
    for (const row of doc.rows) {
      if ((q.metal && row.metal !== q.metal) || (q.location && row.location !== q.location)) continue;
      const key = q.by === 'metal' ? row.metal : row.location;
      const a = acc.get(key) ?? { live: 0n, cancelled: 0n };
      acc.set(key, { live: a.live + toMilli(row.live), cancelled: a.cancelled + toMilli(row.cancelled) });
    }
    for (const [key, a] of [...acc.entries()].sort(([x], [y]) => (x < y ? -1 : 1))) {
      points.push({ day: r.period, key, live: fromMilli(a.live), cancelled: fromMilli(a.cancelled) });
    }
  }
  return { by: q.by, from: q.from, to: q.to, days: [...rows].reverse().map((r) => ({ day: r.period, reportId: r.id })), points };
}

// ---------------------------------------------------------------- off-warrant declarations

export interface DeclarationInput {
  month: string;
  location: string;
  metal: string;
  tonnes: string;
  note?: string;
}

export async function declareOffWarrant(ctx: AppContext, p: Authenticated, input: DeclarationInput) {
  if (p.orgKind !== 'warehouse') throw forbidden('Only a warehouse company declares its off-warrant stock');
  const ref = reportsReference();
  const now = ctx.now();
  const thisMonth = dateIn(now, ref.timeZone).slice(0, 7);
  try {
    monthBounds(input.month);
  } catch {
    throw new AppError('bad_request', 'Invalid month', [{ path: 'body.month', message: `${JSON.stringify(input.month)} is not a month (YYYY-MM)` }]);
  }
  if (input.month > thisMonth) throw new AppError('bad_request', `${input.month} has not begun`, [{ path: 'body.month', message: 'is in the future', code: 'future_date' }]);
  const params = await paramsFor(ctx, 'off_warrant', input.month, 'body.month');
  const until = (params as Extract<ReportParams, { kind: 'off_warrant' }>).declarationsUntil;
  if (now.toISOString() >= until) {
    throw new AppError('conflict', `Declarations for ${input.month} closed at ${until}; its off-warrant report is fixed`, [{ path: 'body.month', message: `closed at ${until}` }]);
  }
  let location;
  try {
    location = await getLocation(ctx, input.location);
  } catch {
    throw new AppError('bad_request', `Unknown delivery location ${input.location}`, [{ path: 'body.location', message: 'no such delivery location' }]);
  }
  if (!location.metals.includes(input.metal)) {
    throw new AppError('bad_request', `${location.name} does not deliver ${input.metal}`, [{ path: 'body.metal', message: `not one of ${location.metals.join(', ')}` }]);
  }
  if (!(await repo.hasFacilityAt(ctx.db, p.orgId, location.code))) {
    throw new AppError('forbidden', `Your company has no approved facility at ${location.name}`, [{ path: 'body.location', message: 'no facility of yours there' }]);
  }
  const id = randomUUID();
  const subject: DeclarationSubject = {
    schema: 'assay.off-warrant-declaration/1',
    declarationId: id,
    warehouse: { id: p.orgId },
    location: location.code,
    metal: input.metal,
    month: input.month,
    tonnes: fromMilli(toMilli(input.tonnes)),
    note: input.note ?? null,
    declaredAt: now.toISOString(),
  };
  const key = await ensureIssuerKey(ctx, p.orgId);
  const credential = await signCredentialJwt(declarationCredential({ id, issuerDid: orgDid(ctx, p.orgId), subject }), { privateKey: key.privateKey, kid: key.kid });
  const actor = publisherOf(p);
  await ctx.db.transaction(async (tx) => {
    const [recorded] = await recordSignedChanges(ctx, tx, [
      {
        log: { kind: DECLARATION_LOG_KIND, subjectType: DECLARATION_SUBJECT, subjectId: id, version: 1 },
        payload: { payloadDigest: digestBytes(credential), credential },
        event: { actor, details: { month: subject.month, location: subject.location, metal: subject.metal, tonnes: subject.tonnes } },
      },
    ]);
    await repo.insertDeclaration(tx, {
      id,
      warehouse_org_id: p.orgId,
      location_code: subject.location,
      metal: subject.metal,
      month: subject.month,
      tonnes: subject.tonnes,
      note: subject.note,
      credential,
      content_digest: digestOf(subject),
      log_index: recorded!.logIndex,
      declared_at: subject.declaredAt,
      userId: actor.userId,
      apiKeyId: actor.apiKeyId,
    });
  });
  return { ...declarationView((await repo.listDeclarations(ctx.db, { warehouseOrgId: p.orgId, month: input.month, limit: 500 })).find((d) => d.id === id)!), declarationsUntil: until };
}

const declarationView = (d: repo.DeclarationRow) => ({
  id: d.id,
  warehouseOrgId: d.warehouse_org_id,
  location: d.location_code,
  metal: d.metal,
  month: d.month,
  tonnes: fromMilli(toMilli(d.tonnes)),
  note: d.note,
  declaredAt: d.declared_at.toISOString(),
  logIndex: d.log_index,
});

/** A warehouse's own declarations; the exchange sees all; others none. */
export async function listDeclarations(ctx: AppContext, p: Authenticated, q: { month?: string }) {
  if (p.orgKind !== 'exchange' && p.orgKind !== 'warehouse') return [];
  const rows = await repo.listDeclarations(ctx.db, { ...(p.orgKind === 'exchange' ? {} : { warehouseOrgId: p.orgId }), ...(q.month ? { month: q.month } : {}), limit: 500 });
  return rows.map(declarationView);
}

export { REPORT_KINDS };
