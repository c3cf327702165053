import { randomBytes, randomUUID } from 'node:crypto';
import { actorOf as trailActor, type Authenticated, type Principal } from '../access/principal.ts';
import { findOrganisation } from '../access/organisations.ts';
import { findBrand } from '../brands/lookup.ts';
import { endReaders, grantReaders } from '../certificates/access.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import { AppError, forbidden, isUniqueViolation, notFound } from '../platform/errors.ts';
import { digestOf } from '../trust/canonical.ts';
import { ensureIssuerKey, orgDid, type SigningKey } from '../trust/keys-service.ts';
import { recordSignedChanges, type SignedChange } from '../trust/signed-change.ts';
import { reserveIndex, locate, revokeIndex, statusListUrl } from '../trust/status-service.ts';
import { digestBytes } from '../trust/trust.ts';
import { signCredentialJwt } from '../trust/vc.ts';
import { castsOnLiveWarrants, lotFacts } from '../warehouse/assets.ts';
import { issueWarrant } from '../warehouse/warrant-service.ts';
import { receiptCredential, receiptStatement, SUBJECT, type ReceiptRecord, type ReceiptSubject } from './credential.ts';
import { consentList, pledgedError } from './guard.ts';
import * as repo from './repo.ts';
import { consentAvailable, E_RECEIPT_KIND, receiptTransition, type AssetAction, type EReceiptAction, type EReceiptStatus } from './rules.ts';

// Electronic warehouse receipts: title to a reconciled lot kept off warrant. The warehouse issues
// one for a lot of its own (never for a lot that went on warrant, and at most one active per lot:
// the database refuses a second); exactly one organisation holds it and only the holder transfers
// it (one or many, all or nothing); the warehouse converts it into a warrant for the same lot,
// which retires it in the warrant's own transaction, or delivers the metal out to its holder.
// Every step is the acting organisation's signed statement, logged and audited, as for warrants;
// a pledged receipt moves only as its pledge allows.

const plainTonnes = (t: string): string => (t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t);
const today = (ctx: AppContext): string => ctx.now().toISOString().slice(0, 10);
const READERS = (id: string) => ({ type: 'e_receipt', id });

export function normaliseReceiptNumber(input: string): string {
  const s = input.replace(/\s+/g, '').toUpperCase();
  const m = /^ER-?(\d{1,10})$/.exec(s);
  return m ? `ER-${m[1]!.padStart(10, '0')}` : input.trim();
}

interface Move {
  r: repo.EReceiptRow;
  action: EReceiptAction | 'issue';
  status: EReceiptStatus;
  holderOrgId: string;
  actorOrgId: string;
  reason?: string;
  warrant?: { id: string; number: string };
}

type Actor = ReturnType<typeof trailActor>;

async function statementOf(ctx: AppContext, m: Move, key: SigningKey, actor: Actor, version: number) {
  const record: ReceiptRecord = {
    eReceiptId: m.r.id,
    number: m.r.number,
    version,
    kind: E_RECEIPT_KIND[m.action],
    status: m.status,
    holderOrgId: m.holderOrgId,
    credentialDigest: digestBytes(m.r.credential),
    at: ctx.now().toISOString(),
    nonce: randomBytes(16).toString('base64url'),
    ...(m.reason ? { reason: m.reason } : {}),
    ...(m.action !== 'issue' && m.holderOrgId !== m.r.holder_org_id ? { previousHolderOrgId: m.r.holder_org_id } : {}),
    ...(m.warrant ? { warrant: m.warrant } : {}),
  };
  const recordDigest = digestOf(record);
  const statement = await signCredentialJwt(receiptStatement({ id: m.r.id, version, issuerDid: orgDid(ctx, m.actorOrgId), record, recordDigest }), {
    privateKey: key.privateKey,
    kid: key.kid,
  });
  const change: SignedChange = {
    log: { kind: record.kind, subjectType: SUBJECT.receiptEvent, subjectId: m.r.id, version },
    payload: { payloadDigest: digestBytes(statement), credential: statement },
    event: { actor, subjectType: SUBJECT.receipt, details: { number: m.r.number, version, status: m.status, ...(m.reason ? { reason: m.reason } : {}), ...(m.warrant ? { warrant: m.warrant.number } : {}) } },
  };
  return { record, recordDigest, statement, change };
}

/** Applies moves to locked receipts: statements signed, one log append, rows, events and reader grants. */
async function apply(ctx: AppContext, tx: Queryable, p: Authenticated, moves: Move[], keys: ReadonlyMap<string, SigningKey>): Promise<void> {
  const actor = trailActor(p);
  const made = [];
  for (const m of moves) made.push({ m, ...(await statementOf(ctx, m, keys.get(m.actorOrgId)!, actor, m.r.version + 1)) });
  const changes = made.map((x) => x.change);
  // Retiring a receipt (converted or delivered) sets its revocation bit in the warehouse's list.
  for (const [i, x] of made.entries()) {
    if (x.m.status !== 'active') changes[i] = { ...changes[i]!, alsoLog: [await revokeIndex(tx, x.m.r.warehouse_org_id, x.m.r.status_index)] };
  }
  const recorded = await recordSignedChanges(ctx, tx, changes);
  for (const [i, x] of made.entries()) {
    const { m } = x;
    await repo.setReceiptState(tx, m.r.id, { holderOrgId: m.holderOrgId, status: m.status, version: x.record.version, warrantId: m.warrant?.id ?? null });
    await repo.insertEvent(tx, 'receipt', {
      subject_id: m.r.id,
      version: x.record.version,
      kind: x.record.kind,
      record: x.record as unknown as Record<string, unknown>,
      record_digest: x.recordDigest,
      statement: x.statement,
      log_index: recorded[i]!.logIndex,
      actor_org_id: m.actorOrgId,
      actorUserId: actor.userId,
      actorApiKeyId: actor.apiKeyId,
      at: x.record.at,
    });
    if (m.holderOrgId !== m.r.holder_org_id) {
      if (m.r.holder_org_id !== m.r.warehouse_org_id) await endReaders(tx, READERS(m.r.id), m.r.holder_org_id);
      await grantReaders(tx, { certificateIds: await certificateIdsOf(tx, m.r), orgId: m.holderOrgId, source: READERS(m.r.id) });
    }
    if (m.status !== 'active') await repo.endReceiptCasts(tx, m.r.id);
    // Converted: the warrant grants its own readers. Delivered: the holder took the metal and keeps them.
    if (m.status === 'converted') await endReaders(tx, READERS(m.r.id));
    if (m.status === 'delivered_out' && m.r.warehouse_org_id !== m.holderOrgId) await endReaders(tx, READERS(m.r.id), m.r.warehouse_org_id);
  }
}

async function certificateIdsOf(q: Queryable, r: repo.EReceiptRow): Promise<string[]> {
  const facts = await lotFacts(q, r.lot_id);
  return [...new Set((facts?.bundles ?? []).flatMap((b) => (b.certificate ? [b.certificate.id] : [])))];
}

const RECEIPT_ACTION_OF_KIND: Record<string, AssetAction> = { [E_RECEIPT_KIND.transfer]: 'transfer' };

/** Refuses, naming the pledge, what an active pledge forbids on these receipts (a transfer may have the lender's consent). */
async function assertReceiptMovesAllowed(tx: Queryable, moves: readonly Move[]): Promise<void> {
  const pledged = await repo.activePledgesOf(tx, moves.map((m) => m.r.id));
  if (pledged.length === 0) return;
  const consents = await consentList(tx, pledged.map((p) => p.pledge_id));
  for (const m of moves) {
    const p = pledged.find((x) => x.asset_id === m.r.id);
    if (!p || m.action === 'issue') continue;
    const action: AssetAction = m.action === 'deliver' ? 'deliver' : m.action;
    if (action === 'transfer') {
      const history = (await repo.events(tx, 'receipt', m.r.id))
        .filter((e) => RECEIPT_ACTION_OF_KIND[e.kind])
        .map((e) => ({ action: RECEIPT_ACTION_OF_KIND[e.kind]!, toOrgId: String(e.record.holderOrgId), logIndex: e.log_index }));
      const mine = consents.filter((c) => c.pledgeId === p.pledge_id);
      if (consentAvailable(mine, history, { assetId: m.r.id, action, toOrgId: m.holderOrgId })) continue;
    }
    throw pledgedError({ kind: 'Electronic receipt', number: m.r.number }, p.number, action);
  }
}

function refuse(r: repo.EReceiptRow, x: { refusal: 'forbidden' | 'conflict'; reason: string }, path = 'params.eReceiptId'): AppError {
  return new AppError(x.refusal, `Electronic receipt ${r.number}: ${x.reason}`, [{ path, message: x.reason }]);
}

const visibleTo = (p: Principal, r: repo.EReceiptRow | undefined): r is repo.EReceiptRow =>
  !!r && p.type !== 'anonymous' && (p.orgKind === 'exchange' || p.orgId === r.holder_org_id || p.orgId === r.warehouse_org_id);

const partsOf = (p: Authenticated, r: repo.EReceiptRow) => ({ holder: p.orgId === r.holder_org_id, warehouse: p.orgId === r.warehouse_org_id });

// ---------------------------------------------------------------- issue

export async function issueReceipt(ctx: AppContext, p: Authenticated, input: { lotId: string; holderOrgId?: string }) {
  if (p.orgKind !== 'warehouse') throw forbidden('Only the warehouse storing the metal issues its electronic receipt');
  const pre = await lotFacts(ctx.db, input.lotId);
  if (!pre || pre.receipt.warehouseOrgId !== p.orgId) throw notFound('Lot');
  const onWarrant = (w: { number: string }) =>
    new AppError('conflict', `Lot ${pre.lot.lotRef} of receipt ${pre.receipt.number} went on warrant ${w.number}; an electronic receipt is for metal kept off warrant`, [
      { path: 'body.lotId', message: `on warrant ${w.number}` },
    ]);
  if (pre.warrant) throw onWarrant(pre.warrant);
  const holder = await findOrganisation(ctx.db, input.holderOrgId ?? pre.receipt.depositorOrgId);
  if (!holder) throw new AppError('bad_request', 'Unknown holder', [{ path: 'body.holderOrgId', message: 'no such organisation', code: 'unknown_organisation' }]);
  const brand = (await findBrand(ctx.db, pre.receipt.brandId))!;
  const key = await ensureIssuerKey(ctx, p.orgId);
  const statusIndex = await reserveIndex(ctx.db, p.orgId);
  const id = randomUUID();
  const issuedOn = today(ctx);
  try {
    await ctx.db.transaction(async (tx) => {
      const facts = (await lotFacts(tx, input.lotId, true))!;
      if (facts.warrant) throw onWarrant(facts.warrant);
      const held = await repo.activeReceiptOfLot(tx, facts.lot.id);
      if (held) throw new AppError('conflict', `Lot ${facts.lot.lotRef} is already held under electronic receipt ${held.number}`, [{ path: 'body.lotId', message: `held under ${held.number}` }]);
      // One title document per cast (the same metal may have been recorded twice): checked under
      // the casts' locks, which a warrant's issue takes too.
      const pcrs = [...new Set(facts.bundles.map((b) => b.pcr))];
      await repo.lockCasts(tx, facts.receipt.brandId, pcrs);
      const taken = (await castsOnLiveWarrants(tx, facts.receipt.brandId, pcrs))[0] ?? (await repo.liveReceiptCasts(tx, facts.receipt.brandId, pcrs))[0];
      if (taken) {
        const reason = `PCR ${taken.pcr} is already under ${taken.number.startsWith('WR') ? 'live warrant' : 'electronic receipt'} ${taken.number}; a cast is under one title document at a time`;
        throw new AppError('conflict', reason, [{ path: 'body.lotId', message: reason }]);
      }
      const seq = await repo.nextReceiptSeq(tx);
      const number = repo.receiptNumber(seq);
      const subject: ReceiptSubject = {
        schema: 'assay.e-receipt/1',
        number,
        metal: facts.receipt.metal,
        brand: { id: brand.id, code: brand.code, name: brand.name },
        shape: facts.receipt.shape,
        originCountry: facts.receipt.originCountry,
        tonnes: facts.lot.tonnes,
        bundles: facts.bundles.map((b) => ({ pcr: b.pcr, bundleRef: b.bundleRef, pieces: b.pieces, netKg: b.netKg, certificate: b.certificate })),
        facility: { id: facts.facility.id, name: facts.facility.name },
        location: { code: facts.facility.locationCode, name: facts.facility.locationName },
        warehouse: { id: p.orgId, name: facts.facility.warehouseName },
        issuedOn,
        warrantable: facts.lot.warrantable,
        lot: { receipt: facts.receipt.number, lotRef: facts.lot.lotRef },
      };
      const credential = await signCredentialJwt(
        receiptCredential({
          id,
          issuerDid: orgDid(ctx, p.orgId),
          issuedAt: ctx.now().toISOString(),
          subject,
          status: { listUrl: statusListUrl(ctx.config.publicUrl, p.orgId, locate(statusIndex).listNo), index: statusIndex },
        }),
        { privateKey: key.privateKey, kid: key.kid },
      );
      const row: Omit<repo.EReceiptRow, 'number' | 'updated_at' | 'warrant_id'> = {
        id,
        seq,
        lot_id: facts.lot.id,
        receipt_id: facts.receipt.id,
        facility_id: facts.facility.id,
        location_code: facts.facility.locationCode,
        warehouse_org_id: p.orgId,
        brand_id: brand.id,
        metal: facts.receipt.metal,
        shape: facts.receipt.shape,
        origin_country: facts.receipt.originCountry,
        tonnes: facts.lot.tonnes,
        issued_on: issuedOn,
        holder_org_id: holder.id,
        status: 'active',
        status_index: statusIndex,
        version: 1,
        credential,
        content_digest: digestOf(subject),
      };
      await repo.insertReceipt(tx, row);
      await repo.insertReceiptCasts(
        tx,
        id,
        brand.id,
        pcrs.map((pcr) => ({ pcr, certificateId: facts.bundles.find((b) => b.pcr === pcr && b.certificate)?.certificate?.id ?? null })),
      );
      const r = { ...row, number, warrant_id: null, updated_at: new Date() } as repo.EReceiptRow;
      const actor = trailActor(p);
      const issue: SignedChange = {
        log: { kind: E_RECEIPT_KIND.issue, subjectType: SUBJECT.receipt, subjectId: id, version: 1 },
        payload: { payloadDigest: digestBytes(credential), credential },
        event: { actor, details: { number, lot: facts.lot.lotRef, receipt: facts.receipt.number, tonnes: facts.lot.tonnes } },
      };
      const st = await statementOf(ctx, { r, action: 'issue', status: 'active', holderOrgId: holder.id, actorOrgId: p.orgId }, key, actor, 1);
      const [, recorded] = await recordSignedChanges(ctx, tx, [issue, st.change]);
      await repo.insertEvent(tx, 'receipt', {
        subject_id: id,
        version: 1,
        kind: st.record.kind,
        record: st.record as unknown as Record<string, unknown>,
        record_digest: st.recordDigest,
        statement: st.statement,
        log_index: recorded!.logIndex,
        actor_org_id: p.orgId,
        actorUserId: actor.userId,
        actorApiKeyId: actor.apiKeyId,
        at: st.record.at,
      });
      const certificateIds = [...new Set(facts.bundles.flatMap((b) => (b.certificate ? [b.certificate.id] : [])))];
      await grantReaders(tx, { certificateIds, orgId: holder.id, source: READERS(id) });
      await grantReaders(tx, { certificateIds, orgId: p.orgId, source: READERS(id) });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'e_receipt_casts_one_live')) {
      throw new AppError('conflict', 'A cast of this lot is already under an active electronic receipt; a cast is under one title document at a time', [{ path: 'body.lotId', message: 'a cast is already held' }]);
    }
    if (isUniqueViolation(e, 'e_receipts_one_active_per_lot')) {
      throw new AppError('conflict', 'This lot is already held under an active electronic receipt', [{ path: 'body.lotId', message: 'already held under a receipt' }]);
    }
    throw e;
  }
  return receiptView(ctx, (await repo.getReceipt(ctx.db, id))!, p);
}

// ---------------------------------------------------------------- transitions

/** Transfers receipts from their holder to another organisation: all of them or none. */
export async function transferReceipts(ctx: AppContext, p: Authenticated, input: { eReceiptIds: string[]; toOrgId: string }) {
  const ids = [...new Set(input.eReceiptIds.map(normaliseReceiptNumber))];
  const to = await findOrganisation(ctx.db, input.toOrgId);
  if (!to) throw new AppError('bad_request', 'Unknown recipient', [{ path: 'body.toOrgId', message: 'no such organisation', code: 'unknown_organisation' }]);
  if (to.id === p.orgId) throw new AppError('bad_request', 'A receipt is transferred to another organisation', [{ path: 'body.toOrgId', message: 'is you', code: 'is_you' }]);
  const resolved = await Promise.all(ids.map(async (ref) => (await repo.getReceipt(ctx.db, ref))?.id ?? ref));
  const key = await ensureIssuerKey(ctx, p.orgId);
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockReceipts(tx, resolved.filter(repo.isUuid));
    const moves: Move[] = [];
    for (const [i, id] of resolved.entries()) {
      const r = locked.find((x) => x.id === id);
      if (!visibleTo(p, r)) throw new AppError('not_found', `Electronic receipt ${ids[i]} not found`, [{ path: `body.eReceiptIds.${i}`, message: 'no such receipt of yours' }]);
      const t = receiptTransition('transfer', r.status, partsOf(p, r));
      if (!t.ok) throw refuse(r, { ...t, reason: `${t.reason}; nothing was transferred` }, `body.eReceiptIds.${i}`);
      moves.push({ r, action: 'transfer', status: 'active', holderOrgId: to.id, actorOrgId: p.orgId });
    }
    await assertReceiptMovesAllowed(tx, moves);
    await apply(ctx, tx, p, moves, new Map([[p.orgId, key]]));
  });
  return { transferred: await Promise.all(resolved.map(async (id) => receiptView(ctx, (await repo.getReceipt(ctx.db, id))!, p))), to: { id: to.id, name: to.name } };
}

/**
 * Title moved by a pledge's enforcement (inside the enforcement's transaction, after the pledge
 * stopped being active): each receipt passes to the lender or its buyer by the lender's statement.
 */
export async function transferReceiptsOnEnforcement(
  ctx: AppContext,
  tx: Queryable,
  lender: Authenticated,
  input: { eReceiptIds: readonly string[]; toOrgId: string; reason: string },
  key: SigningKey,
): Promise<void> {
  const locked = await repo.lockReceipts(tx, input.eReceiptIds);
  const moves: Move[] = locked.map((r) => {
    if (r.status !== 'active') throw refuse(r, { refusal: 'conflict', reason: `it is ${r.status.replace('_', ' ')}; its title can no longer move` });
    return { r, action: 'transfer', status: 'active', holderOrgId: input.toOrgId, actorOrgId: lender.orgId, reason: input.reason };
  });
  await apply(ctx, tx, lender, moves, new Map([[lender.orgId, key]]));
}

/** The warehouse delivers the metal out to the receipt's holder; the receipt retires. */
export async function deliverReceipt(ctx: AppContext, p: Authenticated, ref: string, input: { reference?: string }) {
  const key = await ensureIssuerKey(ctx, p.orgId);
  const id = await ctx.db.transaction(async (tx) => {
    const r = await repo.getReceipt(tx, normaliseReceiptNumber(ref), true);
    if (!visibleTo(p, r)) throw notFound('Electronic receipt');
    const t = receiptTransition('deliver', r.status, partsOf(p, r));
    if (!t.ok) throw refuse(r, t);
    const move: Move = { r, action: 'deliver', status: t.to, holderOrgId: r.holder_org_id, actorOrgId: p.orgId, ...(input.reference ? { reason: `Delivery ${input.reference}` } : {}) };
    await assertReceiptMovesAllowed(tx, [move]);
    await apply(ctx, tx, p, [move], new Map([[p.orgId, key]]));
    return r.id;
  });
  return receiptView(ctx, (await repo.getReceipt(ctx.db, id))!, p);
}

/**
 * The warehouse converts a receipt into a warrant for the same lot, issued to the receipt's holder;
 * the receipt retires in the warrant's own transaction (src/warehouse issueWarrant hands the
 * conversion back here once the warrant row exists), so there is never a moment with both or neither.
 */
export async function convertReceipt(ctx: AppContext, p: Authenticated, ref: string) {
  const pre = await repo.getReceipt(ctx.db, normaliseReceiptNumber(ref));
  if (!visibleTo(p, pre)) throw notFound('Electronic receipt');
  const t = receiptTransition('convert', pre.status, partsOf(p, pre));
  if (!t.ok) throw refuse(pre, t);
  const key = await ensureIssuerKey(ctx, p.orgId);
  const warrant = await issueWarrant(
    ctx,
    p,
    { lotId: pre.lot_id, holderOrgId: pre.holder_org_id },
    {
      conversion: {
        eReceiptId: pre.id,
        retire: async (tx, w) => {
          const r = (await repo.getReceipt(tx, pre.id, true))!;
          const now = receiptTransition('convert', r.status, partsOf(p, r));
          if (!now.ok) throw refuse(r, now);
          if (r.holder_org_id !== pre.holder_org_id) throw refuse(r, { refusal: 'conflict', reason: 'the receipt changed hands meanwhile; convert it again' });
          const move: Move = { r, action: 'convert', status: 'converted', holderOrgId: r.holder_org_id, actorOrgId: p.orgId, warrant: w, reason: `Converted to warrant ${w.number}` };
          await assertReceiptMovesAllowed(tx, [move]);
          await apply(ctx, tx, p, [move], new Map([[p.orgId, key]]));
        },
      },
    },
  );
  return { warrant, eReceipt: await receiptView(ctx, (await repo.getReceipt(ctx.db, pre.id))!, p) };
}

// ---------------------------------------------------------------- reads

export async function receiptView(ctx: AppContext, r: repo.EReceiptRow, p: Principal, q: Queryable = ctx.db) {
  const subject = JSON.parse(Buffer.from(r.credential.split('.')[1]!, 'base64url').toString('utf8')).credentialSubject as ReceiptSubject;
  const entitled = visibleTo(p, r);
  const warrant = r.warrant_id ? (await lotFacts(q, r.lot_id))?.warrant ?? null : null;
  const publicView = {
    view: entitled ? ('full' as const) : ('public' as const),
    id: r.id,
    number: r.number,
    status: r.status,
    metal: r.metal,
    brand: subject.brand,
    shape: r.shape,
    originCountry: r.origin_country,
    tonnes: plainTonnes(r.tonnes),
    issuedOn: r.issued_on,
    location: subject.location,
    facility: subject.facility,
    warehouse: subject.warehouse,
    warrantable: subject.warrantable,
    certificates: [...new Map(subject.bundles.flatMap((b) => (b.certificate ? [[b.certificate.id, b.certificate] as const] : []))).values()],
    warrant,
    encumbered: (await repo.activePledgesOf(q, [r.id])).length > 0,
  };
  if (!entitled) return publicView;
  const holder = await findOrganisation(q, r.holder_org_id);
  return { ...publicView, holder: { id: r.holder_org_id, name: holder?.name ?? null }, version: r.version, bundles: subject.bundles, lot: subject.lot, contentDigest: r.content_digest };
}

export async function getReceipt(ctx: AppContext, p: Principal, ref: string) {
  const r = await repo.getReceipt(ctx.db, normaliseReceiptNumber(ref));
  if (!r) throw notFound('Electronic receipt');
  return receiptView(ctx, r, p);
}

export async function receiptCredentialOf(ctx: AppContext, ref: string): Promise<string> {
  const r = await repo.getReceipt(ctx.db, normaliseReceiptNumber(ref));
  if (!r) throw notFound('Electronic receipt');
  return r.credential;
}

export async function listReceipts(ctx: AppContext, p: Authenticated, q: { status?: EReceiptStatus; scope?: 'held' | 'stored'; limit?: number }) {
  const base = { ...(q.status ? { status: q.status } : {}), limit: q.limit ?? 100 };
  const filter =
    p.orgKind === 'exchange' && q.scope === undefined
      ? base
      : q.scope === 'stored' || (q.scope === undefined && p.orgKind === 'warehouse')
        ? { ...base, warehouseOrgId: p.orgId }
        : { ...base, holderOrgId: p.orgId };
  return Promise.all((await repo.listReceipts(ctx.db, filter)).map((r) => receiptView(ctx, r, p)));
}

export async function receiptStatementsOf(ctx: AppContext, p: Authenticated, ref: string) {
  const r = await repo.getReceipt(ctx.db, normaliseReceiptNumber(ref));
  if (!visibleTo(p, r)) throw notFound('Electronic receipt');
  return (await repo.events(ctx.db, 'receipt', r.id)).map((e) => ({ version: e.version, kind: e.kind, at: e.at.toISOString(), record: e.record, statement: e.statement, logIndex: e.log_index }));
}
