import { randomBytes, randomUUID } from 'node:crypto';
import { actorOf as trailActor, type Authenticated, type Principal } from '../access/principal.ts';
import { findOrganisation } from '../access/organisations.ts';
import { findBrand } from '../brands/lookup.ts';
import { endReaders, grantReaders } from '../certificates/access.ts';
import { statusesOf } from '../certificates/lookup.ts';
import { addWorkingDays } from '../market/service.ts';
import { assertWarrantChangesAllowed, isEncumbered, lotGoingOnWarrant, type Conversion } from '../pledges/guard.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import { rentAccountOf, tariffRateOn } from '../rent/account.ts';
import { AppError, forbidden, isUniqueViolation, notFound } from '../platform/errors.ts';
import { digestOf } from '../trust/canonical.ts';
import { ensureIssuerKey, orgDid, type SigningKey } from '../trust/keys-service.ts';
import { recordSignedChanges, type SignedChange } from '../trust/signed-change.ts';
import { reserveIndex, revokeIndex, statusListUrl, locate } from '../trust/status-service.ts';
import { digestBytes } from '../trust/trust.ts';
import { signCredentialJwt } from '../trust/vc.ts';
import { warrantCredential, warrantStatement, type WarrantRecord, type WarrantSubject } from './credential.ts';
import { capInForce } from './network-service.ts';
import * as repo from './repo.ts';
import type { ReceiptContent } from './receipt-service.ts';
import { ACTION_KIND, actorOf, queueEstimate, sumTonnes, transition, type WarrantAction, type WarrantStatus } from './warrant-rules.ts';

// Warrants: issued by a warehouse for a reconciled lot, held by exactly one organisation, moved
// only by their holder (one or many at once, all or nothing), cancelled for load-out into the
// facility's queue, re-warranted, loaded out, corrected by the exchange. Every step is one
// transaction: the warrant row, its signed statement (the acting organisation's), its log entry,
// its trail event, and who may read the metal's certificates (holder and warehouse).

/** A tonnage as people write it: numeric columns come back as 25.000. */
const plainTonnes = (t: string): string => (t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t);

const READER_SOURCE = (warrantId: string) => ({ type: 'warrant', id: warrantId });
const today = (ctx: AppContext): string => ctx.now().toISOString().slice(0, 10);

interface Transition {
  w: repo.WarrantRow;
  action: WarrantAction | 'issue';
  status: WarrantStatus;
  holderOrgId: string;
  reason?: string;
  /** The organisation that makes the statement (and signs it). */
  actorOrgId: string;
  /** A new WarrantCredential (issue or correction). */
  credential?: string;
}

/** The signed statement and log entry of one transition; `version` is the warrant's next. */
async function statementChange(
  ctx: AppContext,
  t: Transition,
  key: SigningKey,
  actor: ReturnType<typeof trailActor> | { userId: null; apiKeyId: null; orgId: string },
  version: number,
): Promise<{ change: SignedChange; record: WarrantRecord; recordDigest: string; statement: string }> {
  const record: WarrantRecord = {
    warrantId: t.w.id,
    number: t.w.number,
    version,
    kind: t.action === 'issue' ? 'warrant.issued' : ACTION_KIND[t.action],
    status: t.status,
    holderOrgId: t.holderOrgId,
    credentialDigest: digestBytes(t.credential ?? t.w.credential),
    at: ctx.now().toISOString(),
    nonce: randomBytes(16).toString('base64url'),
    ...(t.reason ? { reason: t.reason } : {}),
    ...(t.holderOrgId !== t.w.holder_org_id && t.action !== 'issue' ? { previousHolderOrgId: t.w.holder_org_id } : {}),
  };
  const recordDigest = digestOf(record);
  const statement = await signCredentialJwt(warrantStatement({ warrantId: t.w.id, version, issuerDid: orgDid(ctx, t.actorOrgId), record, recordDigest }), {
    privateKey: key.privateKey,
    kid: key.kid,
  });
  return {
    record,
    recordDigest,
    statement,
    change: {
      log: { kind: record.kind, subjectType: 'warrant_event', subjectId: t.w.id, version },
      payload: { payloadDigest: digestBytes(statement), credential: statement },
      event: { actor, subjectType: 'warrant', details: { number: t.w.number, version, status: t.status, ...(t.reason ? { reason: t.reason } : {}) } },
    },
  };
}

// ---------------------------------------------------------------- issue

export async function issueWarrant(ctx: AppContext, p: Authenticated, input: { lotId: string; holderOrgId?: string }, opts: { conversion?: Conversion } = {}) {
  if (p.orgKind !== 'warehouse') throw forbidden('Only the warehouse storing the metal issues its warrant');
  const pre = await repo.getLot(ctx.db, input.lotId);
  const receiptPre = pre && (await repo.getReceipt(ctx.db, pre.receipt_id));
  if (!pre || !receiptPre || receiptPre.warehouse_org_id !== p.orgId) throw notFound('Lot');
  const content = receiptPre.content as unknown as ReceiptContent;
  const lotFacts = content.reconciliation.lots.find((l) => l.lotRef === pre.lot_ref)!;
  if (!pre.warrantable) {
    throw new AppError(
      'unprocessable',
      `Lot ${pre.lot_ref} of receipt ${receiptPre.number} cannot go on warrant`,
      lotFacts.reasons.map((reason) => ({ path: 'body.lotId', message: reason })),
    );
  }
  const holderId = input.holderOrgId ?? receiptPre.depositor_org_id;
  const holder = await findOrganisation(ctx.db, holderId);
  if (!holder) throw new AppError('bad_request', 'Unknown holder', [{ path: 'body.holderOrgId', message: 'no such organisation', code: 'unknown_organisation' }]);
  const facility = (await repo.getFacility(ctx.db, receiptPre.facility_id))!;
  const location = (await repo.getLocation(ctx.db, facility.location_code))!;
  const brand = (await findBrand(ctx.db, receiptPre.brand_id))!;
  const key = await ensureIssuerKey(ctx, p.orgId);
  const statusIndex = await reserveIndex(ctx.db, p.orgId);
  const id = randomUUID();
  const warrantedOn = today(ctx);
  const cap = await capInForce(ctx.db, location.code, receiptPre.metal, warrantedOn);
  const tariff = await tariffRateOn(ctx.db, facility.id, receiptPre.metal, warrantedOn);
  try {
    return await ctx.db.transaction(async (tx) => {
      const lot = (await repo.getLot(tx, input.lotId, true))!;
      const bundles = await repo.lotBundles(tx, lot.id);
      // The register may have moved since the metal arrived: a certificate revoked since then stops it.
      const revoked = { rows: (await statusesOf(tx, [...new Set(bundles.map((b) => b.certificate_id!))])).filter((c) => c.status !== 'issued') };
      if (revoked.rows.length) {
        throw new AppError(
          'unprocessable',
          `Lot ${lot.lot_ref} cannot go on warrant: a certificate of its metal is no longer issued`,
          revoked.rows.map((c) => {
            const b = bundles.find((x) => x.certificate_id === c.id)!;
            return { path: 'body.lotId', message: `Line ${b.line} (PCR ${b.pcr}, bundle ${b.bundle_ref}): certificate ${c.number} is ${c.status}` };
          }),
        );
      }
      const seq = await repo.nextWarrantSeq(tx);
      const number = repo.warrantNumber(seq);
      const tonnes = lotFacts.tonnes;
      const subject: WarrantSubject = {
        schema: 'assay.warrant/1',
        number,
        metal: receiptPre.metal,
        brand: { id: brand.id, code: brand.code, name: brand.name },
        shape: receiptPre.shape,
        originCountry: receiptPre.origin_country,
        tonnes,
        bundles: bundles.map((b) => ({
          pcr: b.pcr,
          bundleRef: b.bundle_ref,
          pieces: b.pieces,
          netKg: b.net_kg,
          certificate: { id: b.certificate_id!, number: content.reconciliation.bundles.find((x) => x.line === b.line)!.certificateNumber! },
        })),
        facility: { id: facility.id, name: facility.name },
        location: { code: location.code, name: location.name },
        warehouse: { id: facility.warehouse_org_id, name: facility.warehouse_name },
        warrantedOn,
        rent: tariff ? { usdPerTonneDay: tariff, basis: 'tariff' } : cap ? { usdPerTonneDay: cap.rent_usd_per_tonne_day, basis: 'cap' } : null,
        lot: { receipt: receiptPre.number, lotRef: lot.lot_ref },
      };
      const credential = await signCredentialJwt(
        warrantCredential({
          warrantId: id,
          version: 1,
          issuerDid: orgDid(ctx, p.orgId),
          issuedAt: ctx.now().toISOString(),
          subject,
          status: { listUrl: statusListUrl(ctx.config.publicUrl, p.orgId, locate(statusIndex).listNo), index: statusIndex },
        }),
        { privateKey: key.privateKey, kid: key.kid },
      );
      const row: Omit<repo.WarrantRow, 'number' | 'cancelled_at' | 'delivered_out_at' | 'updated_at'> = {
        id,
        seq,
        lot_id: lot.id,
        facility_id: facility.id,
        location_code: location.code,
        warehouse_org_id: p.orgId,
        brand_id: brand.id,
        metal: receiptPre.metal,
        shape: receiptPre.shape,
        origin_country: receiptPre.origin_country,
        tonnes,
        warranted_on: warrantedOn,
        holder_org_id: holder.id,
        status: 'live',
        status_index: statusIndex,
        version: 1,
        credential,
        content_digest: digestOf(subject),
      };
      await repo.insertWarrant(tx, row);
      await repo.insertCasts(
        tx,
        id,
        [...new Map(bundles.map((b) => [b.certificate_id!, { certificateId: b.certificate_id!, brandId: brand.id, pcr: b.pcr }])).values()],
      );
      // A lot held under an electronic receipt goes on warrant only by converting it (src/pledges).
      await lotGoingOnWarrant(tx, { id: lot.id, lotRef: lot.lot_ref, brandId: brand.id, pcrs: bundles.map((b) => b.pcr) }, { id, number }, opts.conversion);
      const w = { ...row, number, cancelled_at: null, delivered_out_at: null, updated_at: new Date() } as repo.WarrantRow;
      const actor = trailActor(p);
      const issue: SignedChange = {
        log: { kind: 'warrant.issued', subjectType: 'warrant', subjectId: id, version: 1 },
        payload: { payloadDigest: digestBytes(credential), credential },
        event: { actor, details: { number, lot: lot.lot_ref, receipt: receiptPre.number, tonnes } },
      };
      const st = await statementChange(ctx, { w, action: 'issue', status: 'live', holderOrgId: holder.id, actorOrgId: p.orgId, credential }, key, actor, 1);
      const [, recorded] = await recordSignedChanges(ctx, tx, [issue, st.change]);
      await repo.insertEvent(tx, {
        warrant_id: id,
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
      const certificateIds = [...new Set(bundles.map((b) => b.certificate_id!))];
      await grantReaders(tx, { certificateIds, orgId: holder.id, source: READER_SOURCE(id) });
      await grantReaders(tx, { certificateIds, orgId: p.orgId, source: READER_SOURCE(id) });
      return id;
    }).then(async (wid) => warrantView(ctx, ctx.db, (await repo.getWarrant(ctx.db, wid))!, p));
  } catch (e) {
    if (isUniqueViolation(e, 'warrant_casts_one_live')) {
      throw new AppError('conflict', 'A cast of this lot is already on a live warrant; a cast is on at most one live warrant', [{ path: 'body.lotId', message: 'a cast is already warranted' }]);
    }
    if (isUniqueViolation(e, 'warrants_lot_id_key')) throw new AppError('conflict', 'This lot is already on a warrant', [{ path: 'body.lotId', message: 'already warranted' }]);
    throw e;
  }
}

// ---------------------------------------------------------------- transitions

/**
 * The signing keys of the organisations that will make statements, made or unwrapped before the
 * transaction: the embedded engine has one connection, which the transaction holds.
 */
async function keysOf(ctx: AppContext, orgIds: readonly string[]): Promise<Map<string, SigningKey>> {
  const keys = new Map<string, SigningKey>();
  for (const id of new Set(orgIds)) keys.set(id, await ensureIssuerKey(ctx, id));
  return keys;
}

/**
 * Applies transitions to locked warrants: statements signed, rows and reader grants updated, then
 * one log append and the events that carry its indices. The log append comes last because it takes
 * the log's one row lock (log_head), held to COMMIT: every statement after it makes every other
 * writer of the register wait (bench:warrants samples PostgreSQL's waits).
 */
async function apply(ctx: AppContext, tx: Queryable, p: Authenticated, ts: Transition[], keys: ReadonlyMap<string, SigningKey>): Promise<void> {
  // A pledged warrant moves only as its pledge allows (src/pledges): refused, naming the pledge.
  await assertWarrantChangesAllowed(
    tx,
    ts.flatMap((t) => (t.action === 'issue' ? [] : [{ warrantId: t.w.id, number: t.w.number, action: t.action, fromHolderOrgId: t.w.holder_org_id, toHolderOrgId: t.holderOrgId }])),
  );
  const actor = trailActor(p);
  const made = [];
  for (const t of ts) made.push({ t, ...(await statementChange(ctx, t, keys.get(t.actorOrgId)!, actor, t.w.version + 1)) });
  const changes: SignedChange[] = made.map((m) => m.change);
  // A load-out retires the warrant's credential: its revocation bit is set in the warehouse's list.
  for (const [i, m] of made.entries()) {
    if (m.t.action === 'load_out') changes[i] = { ...changes[i]!, alsoLog: [await revokeIndex(tx, m.t.w.warehouse_org_id, m.t.w.status_index)] };
  }
  for (const m of made) {
    const { t } = m;
    const now = new Date(m.record.at);
    await repo.setWarrantState(tx, t.w.id, {
      holderOrgId: t.holderOrgId,
      status: t.status,
      version: m.record.version,
      cancelledAt: t.status === 'cancelled' ? now : t.status === 'delivered_out' ? t.w.cancelled_at : null,
      deliveredOutAt: t.status === 'delivered_out' ? now : null,
      ...(t.credential ? { credential: t.credential } : {}),
    });
    if (t.holderOrgId !== t.w.holder_org_id) {
      // Title moved: the previous holder no longer reads the metal's certificates; the new one does.
      const casts = await repo.warrantCasts(tx, t.w.id);
      const certificateIds = casts.map((c) => c.certificate_id);
      if (t.w.holder_org_id !== t.w.warehouse_org_id) await endReaders(tx, READER_SOURCE(t.w.id), t.w.holder_org_id);
      await grantReaders(tx, { certificateIds, orgId: t.holderOrgId, source: READER_SOURCE(t.w.id) });
    }
    if (t.status === 'delivered_out') {
      await repo.endCasts(tx, t.w.id);
      // The metal left the warehouse; its holder took delivery and keeps its certificates.
      if (t.w.warehouse_org_id !== t.holderOrgId) await endReaders(tx, READER_SOURCE(t.w.id), t.w.warehouse_org_id);
    }
  }
  const recorded = await recordSignedChanges(ctx, tx, changes);
  for (const [i, m] of made.entries()) {
    const { t } = m;
    await repo.insertEvent(tx, {
      warrant_id: t.w.id,
      version: m.record.version,
      kind: m.record.kind,
      record: m.record as unknown as Record<string, unknown>,
      record_digest: m.recordDigest,
      statement: m.statement,
      log_index: recorded[i]!.logIndex,
      actor_org_id: t.actorOrgId,
      actorUserId: actor.userId,
      actorApiKeyId: actor.apiKeyId,
      at: m.record.at,
    });
  }
}

function refuse(w: repo.WarrantRow, r: { refusal: 'forbidden' | 'conflict'; reason: string }): AppError {
  return new AppError(r.refusal, `Warrant ${w.number}: ${r.reason}`, [{ path: 'params.id', message: r.reason }]);
}

/** Finds a warrant for an action; callers who may not see it at all get the same 404 as an unknown id. */
function visibleTo(p: Principal, w: repo.WarrantRow | undefined): w is repo.WarrantRow {
  return !!w && p.type !== 'anonymous' && (p.orgKind === 'exchange' || p.orgId === w.holder_org_id || p.orgId === w.warehouse_org_id);
}

async function single(ctx: AppContext, p: Authenticated, id: string, action: WarrantAction, input: { reason?: string; holderOrgId?: string; tonnes?: string } = {}) {
  const keys = await keysOf(ctx, [p.orgId]);
  const wid = await ctx.db.transaction(async (tx) => {
    const w = await repo.getWarrant(tx, id, true);
    if (!visibleTo(p, w)) throw notFound('Warrant');
    const r = transition(action, w.status, actorOf(p, { holderOrgId: w.holder_org_id, warehouseOrgId: w.warehouse_org_id }));
    if (!r.ok) throw refuse(w, r);
    let holder = w.holder_org_id;
    if (action === 'correct' && input.holderOrgId && input.holderOrgId !== w.holder_org_id) {
      if (!(await findOrganisation(tx, input.holderOrgId))) throw new AppError('bad_request', 'Unknown holder', [{ path: 'body.holderOrgId', message: 'no such organisation', code: 'unknown_organisation' }]);
      holder = input.holderOrgId;
    }
    await apply(ctx, tx, p, [
      {
        w,
        action,
        status: r.to,
        holderOrgId: holder,
        actorOrgId: p.orgId,
        ...(input.reason ? { reason: input.reason } : {}),
      },
    ], keys);
    return w.id;
  });
  return warrantView(ctx, ctx.db, (await repo.getWarrant(ctx.db, wid))!, p);
}

export const cancelWarrant = (ctx: AppContext, p: Authenticated, id: string, input: { reason?: string }) => single(ctx, p, id, 'cancel', input);
export const rewarrant = (ctx: AppContext, p: Authenticated, id: string, input: { reason: string }) => single(ctx, p, id, 'rewarrant', input);
export const loadOut = (ctx: AppContext, p: Authenticated, id: string, input: { reference?: string }) =>
  single(ctx, p, id, 'load_out', input.reference ? { reason: `Load-out ${input.reference}` } : {});
export const correctWarrant = (ctx: AppContext, p: Authenticated, id: string, input: { reason: string; holderOrgId?: string }) =>
  single(ctx, p, id, 'correct', input);

/**
 * Transfers warrants from their holder to another organisation: all of them or none. Each must be
 * live and held by the caller; the first that is not stops the whole transfer, named.
 */
export async function transferWarrants(ctx: AppContext, p: Authenticated, input: { warrantIds: string[]; toOrgId: string }) {
  const ids = [...new Set(input.warrantIds)];
  const to = await findOrganisation(ctx.db, input.toOrgId);
  if (!to) throw new AppError('bad_request', 'Unknown recipient', [{ path: 'body.toOrgId', message: 'no such organisation', code: 'unknown_organisation' }]);
  if (to.id === p.orgId) throw new AppError('bad_request', 'A warrant is transferred to another organisation', [{ path: 'body.toOrgId', message: 'is you', code: 'is_you' }]);
  const keys = await keysOf(ctx, [p.orgId]);
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockWarrants(tx, ids);
    const transitions: Transition[] = [];
    for (const [i, id] of ids.entries()) {
      const w = locked.find((x) => x.id === id);
      if (!visibleTo(p, w)) throw new AppError('not_found', `Warrant ${id} not found`, [{ path: `body.warrantIds.${i}`, message: 'no such warrant of yours' }]);
      const r = transition('transfer', w.status, actorOf(p, { holderOrgId: w.holder_org_id, warehouseOrgId: w.warehouse_org_id }));
      if (!r.ok) throw new AppError(r.refusal, `Warrant ${w.number}: ${r.reason}; nothing was transferred`, [{ path: `body.warrantIds.${i}`, message: r.reason }]);
      transitions.push({ w, action: 'transfer', status: 'live', holderOrgId: to.id, actorOrgId: p.orgId });
    }
    await apply(ctx, tx, p, transitions, keys);
  });
  return { transferred: await Promise.all(ids.map(async (id) => warrantView(ctx, ctx.db, (await repo.getWarrant(ctx.db, id))!, p))), to: { id: to.id, name: to.name } };
}

/**
 * Title moved by a pledge's enforcement (src/pledges calls this inside its transaction, after the
 * pledge stopped being active): each warrant, live or cancelled, passes from its holder to the
 * lender or the buyer the lender names, by the lender's signed statement.
 */
export async function transferOnEnforcement(
  ctx: AppContext,
  tx: Queryable,
  lender: Authenticated,
  input: { warrantIds: readonly string[]; toOrgId: string; reason: string },
  key: SigningKey,
): Promise<void> {
  const locked = await repo.lockWarrants(tx, input.warrantIds);
  const ts: Transition[] = locked.map((w) => {
    if (w.status === 'delivered_out') throw new AppError('conflict', `Warrant ${w.number} was delivered out; its title can no longer move`);
    return { w, action: 'transfer', status: w.status, holderOrgId: input.toOrgId, actorOrgId: lender.orgId, reason: input.reason };
  });
  await apply(ctx, tx, lender, ts, new Map([[lender.orgId, key]]));
}

// ---------------------------------------------------------------- swaps

export async function proposeSwap(ctx: AppContext, p: Authenticated, input: { counterpartyOrgId: string; give: string[]; take: string[] }) {
  const other = await findOrganisation(ctx.db, input.counterpartyOrgId);
  if (!other) throw new AppError('bad_request', 'Unknown counterparty', [{ path: 'body.counterpartyOrgId', message: 'no such organisation', code: 'unknown_organisation' }]);
  if (other.id === p.orgId) throw new AppError('bad_request', 'A swap is between two organisations', [{ path: 'body.counterpartyOrgId', message: 'is you', code: 'is_you' }]);
  const give = await Promise.all(
    [...new Set(input.give)].map(async (id, i) => {
      const w = await repo.getWarrant(ctx.db, id);
      if (!w || w.holder_org_id !== p.orgId) throw new AppError('bad_request', 'You can only offer warrants you hold', [{ path: `body.give.${i}`, message: 'not a warrant of yours' }]);
      if (w.status !== 'live') throw new AppError('conflict', `Warrant ${w.number} is ${w.status}; only live warrants are swapped`, [{ path: `body.give.${i}`, message: `is ${w.status}` }]);
      return { warrantId: w.id, version: w.version };
    }),
  );
  // What the proposer asks for is checked when the counterparty accepts: checking now would tell
  // the proposer who holds which warrant.
  const take = await Promise.all(
    [...new Set(input.take)].map(async (ref, i) => {
      const w = await repo.getWarrant(ctx.db, ref);
      if (!w) throw new AppError('bad_request', 'Unknown warrant', [{ path: `body.take.${i}`, message: 'no such warrant' }]);
      return { warrantId: w.id, version: w.version };
    }),
  );
  const swap = await repo.insertSwap(ctx.db, { proposer_org_id: p.orgId, counterparty_org_id: other.id, give, take });
  return swapView(ctx, swap);
}

export async function decideSwap(ctx: AppContext, p: Authenticated, id: string, decision: 'accept' | 'decline' | 'withdraw') {
  const seen = await repo.getSwap(ctx.db, id);
  const keys = seen && decision === 'accept' ? await keysOf(ctx, [seen.proposer_org_id, seen.counterparty_org_id]) : new Map<string, SigningKey>();
  const outcome = await ctx.db.transaction(async (tx): Promise<{ moved?: boolean }> => {
    const s = await repo.getSwap(tx, id, true);
    if (!s || (s.proposer_org_id !== p.orgId && s.counterparty_org_id !== p.orgId)) throw notFound('Swap');
    if (s.status !== 'offered') throw new AppError('conflict', `This swap was already ${s.status}`);
    if (decision === 'withdraw') {
      if (s.proposer_org_id !== p.orgId) throw forbidden('Only the proposer withdraws a swap');
      await repo.decideSwap(tx, s.id, 'withdrawn', null);
      return {};
    }
    if (s.counterparty_org_id !== p.orgId) throw forbidden('Only the counterparty accepts or declines a swap');
    if (decision === 'decline') {
      await repo.decideSwap(tx, s.id, 'declined', null);
      return {};
    }
    const locked = await repo.lockWarrants(tx, [...s.give, ...s.take].map((x) => x.warrantId));
    const problem = (() => {
      for (const g of s.give) {
        const w = locked.find((x) => x.id === g.warrantId);
        if (!w || w.holder_org_id !== s.proposer_org_id || w.status !== 'live' || w.version !== g.version) return `warrant ${w?.number ?? g.warrantId} offered by the proposer has moved since the offer`;
      }
      for (const t of s.take) {
        const w = locked.find((x) => x.id === t.warrantId);
        if (!w || w.holder_org_id !== s.counterparty_org_id || w.status !== 'live') return `warrant ${w?.number ?? t.warrantId} is not a live warrant you hold`;
      }
      return null;
    })();
    if (problem) {
      // Nothing moves; the offer is closed with the reason, outside the failed exchange of title.
      await repo.decideSwap(tx, s.id, 'failed', problem);
      return { moved: false };
    }
    const by = (orgId: string) => ({ ...p, orgId });
    const give: Transition[] = s.give.map((g) => ({ w: locked.find((x) => x.id === g.warrantId)!, action: 'transfer', status: 'live', holderOrgId: s.counterparty_org_id, actorOrgId: s.proposer_org_id }));
    const take: Transition[] = s.take.map((t) => ({ w: locked.find((x) => x.id === t.warrantId)!, action: 'transfer', status: 'live', holderOrgId: s.proposer_org_id, actorOrgId: s.counterparty_org_id }));
    await apply(ctx, tx, by(p.orgId), [...give, ...take], keys);
    await repo.decideSwap(tx, s.id, 'accepted', null);
    return { moved: true };
  });
  return { ...(await swapView(ctx, (await repo.getSwap(ctx.db, id))!)), ...outcome };
}

export async function listSwaps(ctx: AppContext, p: Authenticated) {
  return Promise.all((await repo.listSwaps(ctx.db, p.orgKind === 'exchange' ? null : p.orgId)).map((s) => swapView(ctx, s)));
}

async function swapView(ctx: AppContext, s: repo.SwapRow) {
  const numbers = async (xs: { warrantId: string; version: number }[]) =>
    Promise.all(xs.map(async (x) => ({ ...x, number: (await repo.getWarrant(ctx.db, x.warrantId))?.number ?? null })));
  const org = async (id: string) => ({ id, name: (await findOrganisation(ctx.db, id))?.name ?? null });
  return {
    id: s.id,
    proposer: await org(s.proposer_org_id),
    counterparty: await org(s.counterparty_org_id),
    give: await numbers(s.give),
    take: await numbers(s.take),
    status: s.status,
    reason: s.reason,
    createdAt: s.created_at.toISOString(),
    decidedAt: s.decided_at ? s.decided_at.toISOString() : null,
  };
}

// ---------------------------------------------------------------- reads

export async function warrantView(ctx: AppContext, q: Queryable, w: repo.WarrantRow, p: Principal) {
  const subject = JSON.parse(Buffer.from(w.credential.split('.')[1]!, 'base64url').toString('utf8')).credentialSubject as WarrantSubject;
  const entitled = visibleTo(p, w);
  const publicView = {
    view: entitled ? ('full' as const) : ('public' as const),
    id: w.id,
    number: w.number,
    status: w.status,
    metal: w.metal,
    brand: subject.brand,
    shape: w.shape,
    originCountry: w.origin_country,
    tonnes: plainTonnes(w.tonnes),
    warrantedOn: w.warranted_on,
    location: subject.location,
    facility: subject.facility,
    warehouse: subject.warehouse,
    certificates: [...new Map(subject.bundles.map((b) => [b.certificate.id, b.certificate])).values()],
    deliveredOutAt: w.delivered_out_at ? w.delivered_out_at.toISOString() : null,
    // Whether an active pledge holds it (src/pledges); never whose.
    encumbered: await isEncumbered(q, w.id),
  };
  if (!entitled) return publicView;
  const holder = await findOrganisation(q, w.holder_org_id);
  let queue: { position: number; tonnesAhead: string; estimatedLoadOut: string } | null = null;
  if (w.status === 'cancelled') queue = (await facilityQueue(ctx, q, w.facility_id)).find((x) => x.id === w.id) ?? null;
  return {
    ...publicView,
    holder: { id: w.holder_org_id, name: holder?.name ?? null },
    version: w.version,
    cancelledAt: w.cancelled_at ? w.cancelled_at.toISOString() : null,
    rent: subject.rent,
    rentAccount: await rentAccountOf(ctx, q, w.id),
    bundles: subject.bundles,
    lot: subject.lot,
    queue,
    contentDigest: w.content_digest,
  };
}

async function facilityQueue(ctx: AppContext, q: Queryable, facilityId: string) {
  const f = (await repo.getFacility(q, facilityId))!;
  const cancelled = await repo.cancelledAt(q, facilityId);
  const queue = queueEstimate(
    cancelled.map((w) => ({ id: w.id, number: w.number, tonnes: plainTonnes(w.tonnes), cancelledAt: w.cancelled_at!.toISOString(), holderOrgId: w.holder_org_id })),
    f.min_daily_load_out_tonnes,
  );
  // Working days are counted in the location's calendar; each distinct count is asked for once.
  const dates = new Map<number, string>();
  for (const n of new Set(queue.map((x) => x.workingDays))) dates.set(n, (await addWorkingDays(ctx, f.calendar, today(ctx), n)).date);
  return queue.map((x) => ({ ...x, estimatedLoadOut: dates.get(x.workingDays)! }));
}

/** A facility's load-out queue: its warehouse and the exchange see holders; others see positions only. */
export async function queueOf(ctx: AppContext, p: Authenticated, facilityId: string) {
  const f = await repo.getFacility(ctx.db, facilityId);
  if (!f) throw notFound('Facility');
  const q = await facilityQueue(ctx, ctx.db, facilityId);
  const full = p.orgKind === 'exchange' || p.orgId === f.warehouse_org_id;
  return {
    facility: { id: f.id, name: f.name, location: f.location_code, minDailyLoadOutTonnes: f.min_daily_load_out_tonnes },
    tonnes: sumTonnes(q.map((x) => x.tonnes)),
    items: q.map((x) => ({
      position: x.position,
      number: full || x.holderOrgId === p.orgId ? x.number : null,
      tonnes: x.tonnes,
      tonnesAhead: x.tonnesAhead,
      cancelledAt: x.cancelledAt,
      estimatedLoadOut: x.estimatedLoadOut,
      mine: x.holderOrgId === p.orgId,
    })),
  };
}

export async function getWarrant(ctx: AppContext, p: Principal, idOrNumber: string) {
  const w = await repo.getWarrant(ctx.db, normaliseWarrantNumber(idOrNumber));
  if (!w) throw notFound('Warrant');
  return warrantView(ctx, ctx.db, w, p);
}

export function normaliseWarrantNumber(input: string): string {
  const s = input.replace(/\s+/g, '').toUpperCase();
  const m = /^WR-?(\d{1,10})$/.exec(s);
  return m ? `WR-${m[1]!.padStart(10, '0')}` : input.trim();
}

export async function listWarrants(
  ctx: AppContext,
  p: Authenticated,
  q: { status?: WarrantStatus; metal?: string; location?: string; facilityId?: string; scope?: 'held' | 'stored'; limit?: number },
) {
  const limit = q.limit ?? 100;
  const base = { ...(q.status ? { status: q.status } : {}), ...(q.metal ? { metal: q.metal } : {}), ...(q.location ? { location: q.location } : {}), ...(q.facilityId ? { facilityId: q.facilityId } : {}), limit };
  // Holders see what they hold; warehouses what they store (or hold); the exchange everything.
  const filter =
    p.orgKind === 'exchange' && q.scope === undefined
      ? base
      : q.scope === 'stored' || (q.scope === undefined && p.orgKind === 'warehouse')
        ? { ...base, warehouseOrgId: p.orgId }
        : { ...base, holderOrgId: p.orgId };
  const rows = await repo.listWarrants(ctx.db, filter);
  const items = await Promise.all(rows.map((w) => warrantView(ctx, ctx.db, w, p)));
  const totals = new Map<string, { metal: string; location: string; warrants: number; tonnes: string[] }>();
  for (const w of rows) {
    if (w.status === 'delivered_out') continue;
    const k = `${w.metal}/${w.location_code}`;
    const t = totals.get(k) ?? { metal: w.metal, location: w.location_code, warrants: 0, tonnes: [] };
    t.warrants++;
    t.tonnes.push(plainTonnes(w.tonnes));
    totals.set(k, t);
  }
  return { items, totals: [...totals.values()].map((t) => ({ ...t, tonnes: sumTonnes(t.tonnes) })) };
}

export async function warrantCredentialOf(ctx: AppContext, idOrNumber: string): Promise<string> {
  const w = await repo.getWarrant(ctx.db, normaliseWarrantNumber(idOrNumber));
  if (!w) throw notFound('Warrant');
  return w.credential;
}

export async function statementsOf(ctx: AppContext, p: Authenticated, idOrNumber: string) {
  const w = await repo.getWarrant(ctx.db, normaliseWarrantNumber(idOrNumber));
  if (!visibleTo(p, w)) throw notFound('Warrant');
  return (await repo.warrantEvents(ctx.db, w.id)).map((e) => ({ version: e.version, kind: e.kind, at: e.at.toISOString(), record: e.record, statement: e.statement, logIndex: e.log_index }));
}

export async function reviewQueue(ctx: AppContext, p: Authenticated) {
  if (p.orgKind !== 'exchange') throw forbidden('The review queue is the exchange’s');
  return (await repo.warrantsOverRevoked(ctx.db)).map((w) => ({ id: w.id, number: w.number, status: w.status, metal: w.metal, location: w.location_code, certificate: w.certificate_number, reason: w.revoked_reason }));
}
