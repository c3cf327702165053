import { randomBytes, randomUUID } from 'node:crypto';
import { actorOf as trailActor, type Authenticated, type Principal } from '../access/principal.ts';
import { findOrganisation } from '../access/organisations.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import { AppError, isUniqueViolation, notFound } from '../platform/errors.ts';
import { digestOf } from '../trust/canonical.ts';
import { ensureIssuerKey, orgDid, type SigningKey } from '../trust/keys-service.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import { digestBytes } from '../trust/trust.ts';
import { signCredentialJwt } from '../trust/vc.ts';
import { transferOnEnforcement } from '../warehouse/warrant-service.ts';
import { assetsHeldBy, kindName, lockAssets, pledgeableStatus, resolveAsset, type Asset } from './assets.ts';
import { pledgeStatement, SUBJECT, type PledgeAssetRef, type PledgeRecord } from './credential.ts';
import { encumbranceChanged } from './encumbrance-hook.ts';
import { consentList, pledgedError } from './guard.ts';
import { transferReceiptsOnEnforcement } from './receipt-service.ts';
import * as repo from './repo.ts';
import { CONSENTABLE, isOverdue, lockedReason, PLEDGE_KIND, pledgeStep, type AssetAction, type PledgeStatus, type PledgeStep } from './rules.ts';

// Pledges: a holder pledges one or more of its warrants or electronic receipts to a lender (or the
// exchange's clearing house) for an amount, a reference and a maturity; the lender accepts and the
// pledge is active. While active, its assets move only as it allows (guard.ts; each refusal names
// the pledge); the lender consents to a single transfer or cancellation, releases the pledge, or
// enforces it, which moves title to itself or to a buyer it names. Maturity does not end a pledge:
// an active pledge past maturity stays active, locked, flagged overdue, until the lender releases
// or enforces it. Every step is a statement signed by the party taking it, logged, on the trail.
//
// At most one active pledge per asset is the database's rule (pledge_assets_one_active): of many
// acceptances over the same metal racing each other, one commits and the others are refused,
// naming the pledge that won. An acceptance also locks the assets' own rows, as every warrant and
// receipt transition does, so a transfer and an acceptance never interleave.

const today = (ctx: AppContext): string => ctx.now().toISOString().slice(0, 10);
const TAKERS = ['lender', 'clearing_house'] as const;
const plain = (t: string): string => (t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t);

export interface ProposalInput {
  assets: string[];
  lenderOrgId: string;
  amount: string;
  currency: string;
  reference: string;
  maturity: string;
}

const visibleTo = (p: Principal, row: repo.PledgeRow | undefined): row is repo.PledgeRow =>
  !!row && p.type !== 'anonymous' && (p.orgKind === 'exchange' || p.orgId === row.lender_org_id || p.orgId === row.pledgor_org_id);

const partsOf = (p: Authenticated, row: repo.PledgeRow) => ({ lender: p.orgId === row.lender_org_id, pledgor: p.orgId === row.pledgor_org_id });

function refuse(row: repo.PledgeRow, r: { refusal: 'forbidden' | 'conflict'; reason: string }): AppError {
  return new AppError(r.refusal, `Pledge ${row.number}: ${r.reason}`, [{ path: 'params.pledgeId', message: r.reason }]);
}

const assetRefs = (rows: readonly repo.PledgeAssetRow[]): PledgeAssetRef[] =>
  rows.map((a) => ({ id: a.asset_id, type: a.asset_type, number: a.asset_number, metal: a.metal, tonnes: plain(a.tonnes) }));

const stamp = (ctx: AppContext) => ({ at: ctx.now().toISOString(), nonce: randomBytes(16).toString('base64url') });

/**
 * Signs the statement of one step (or the proposal) and records it: trail event, log entry, events
 * row. Called last in its transaction, after the pledge's own rows: the log head stays locked from
 * the append to COMMIT, so nothing else should run in between.
 */
async function recordStep(ctx: AppContext, tx: Queryable, p: Authenticated, key: SigningKey, full: PledgeRecord): Promise<{ record: PledgeRecord; statement: string; payloadDigest: string; logIndex: number }> {
  const recordDigest = digestOf(full);
  const statement = await signCredentialJwt(pledgeStatement({ id: full.pledgeId, version: full.version, issuerDid: orgDid(ctx, p.orgId), record: full, recordDigest }), {
    privateKey: key.privateKey,
    kid: key.kid,
  });
  const actor = trailActor(p);
  const payloadDigest = digestBytes(statement);
  const { logIndex } = await recordSignedChange(ctx, tx, {
    log: { kind: full.kind, subjectType: SUBJECT.pledgeEvent, subjectId: full.pledgeId, version: full.version },
    payload: { payloadDigest, credential: statement },
    event: {
      actor,
      subjectType: 'pledge',
      details: { number: full.number, version: full.version, status: full.status, ...(full.reason ? { reason: full.reason } : {}), ...(full.consent ? { consent: full.consent } : {}) },
    },
  });
  await repo.insertEvent(tx, 'pledge', {
    subject_id: full.pledgeId,
    version: full.version,
    kind: full.kind,
    record: full as unknown as Record<string, unknown>,
    record_digest: recordDigest,
    statement,
    log_index: logIndex,
    actor_org_id: p.orgId,
    actorUserId: actor.userId,
    actorApiKeyId: actor.apiKeyId,
    at: full.at,
  });
  return { record: full, statement, payloadDigest, logIndex };
}

const baseRecord = (row: repo.PledgeRow, assets: readonly repo.PledgeAssetRow[]) => ({
  pledgeId: row.id,
  number: row.number,
  pledgorOrgId: row.pledgor_org_id,
  lenderOrgId: row.lender_org_id,
  amount: plain(row.amount),
  currency: row.currency,
  reference: row.reference,
  maturity: row.maturity,
  assets: assetRefs(assets),
});

/** The first asset already under an active pledge (other than `except`), as a refusal naming it. */
async function alreadyPledged(q: Queryable, assets: readonly Asset[], action: AssetAction, except?: string): Promise<AppError | null> {
  const active = (await repo.activePledgesOf(q, assets.map((a) => a.id))).filter((x) => x.pledge_id !== except);
  const first = active[0];
  if (!first) return null;
  const a = assets.find((x) => x.id === first.asset_id)!;
  return pledgedError({ kind: kindName(a), number: a.number }, first.number, action);
}

// ---------------------------------------------------------------- proposal

export async function proposePledge(ctx: AppContext, p: Authenticated, input: ProposalInput) {
  const lender = await findOrganisation(ctx.db, input.lenderOrgId);
  if (!lender) throw new AppError('bad_request', 'Unknown lender', [{ path: 'body.lenderOrgId', message: 'no such organisation', code: 'unknown_organisation' }]);
  if (!(TAKERS as readonly string[]).includes(lender.kind)) {
    throw new AppError('bad_request', `${lender.name} is not a lender: a pledge is taken by a lender or the clearing house`, [{ path: 'body.lenderOrgId', message: `is a ${lender.kind.replace('_', ' ')}` }]);
  }
  if (lender.id === p.orgId) throw new AppError('bad_request', 'A pledge is made to another organisation', [{ path: 'body.lenderOrgId', message: 'is you', code: 'is_you' }]);
  if (input.maturity < today(ctx)) throw new AppError('bad_request', 'The maturity has passed', [{ path: 'body.maturity', message: `is before today (${today(ctx)})` }]);
  const refs = [...new Set(input.assets.map((a) => a.trim()))];
  const assets: Asset[] = [];
  for (const [i, ref] of refs.entries()) {
    const a = await resolveAsset(ctx.db, ref);
    // An asset the caller does not hold is "not yours", whether or not it exists: no probing who holds what.
    if (!a || a.holderOrgId !== p.orgId) throw new AppError('bad_request', `${ref} is not an asset you hold`, [{ path: `body.assets.${i}`, message: 'not a warrant or electronic receipt you hold' }]);
    const why = pledgeableStatus(a);
    if (why) throw new AppError('conflict', `${kindName(a)} ${a.number} ${why}`, [{ path: `body.assets.${i}`, message: why }]);
    if (assets.some((x) => x.id === a.id)) continue;
    assets.push(a);
  }
  const pledged = await alreadyPledged(ctx.db, assets, 'pledge');
  if (pledged) throw pledged;
  const key = await ensureIssuerKey(ctx, p.orgId);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const seq = await repo.nextPledgeSeq(tx);
    const row = {
      id,
      seq,
      pledgor_org_id: p.orgId,
      lender_org_id: lender.id,
      amount: input.amount,
      currency: input.currency,
      reference: input.reference.trim(),
      maturity: input.maturity,
      status: 'proposed' as const,
      version: 1,
      proposed_at: ctx.now(),
    };
    const assetRows = assets.map((a) => ({ asset_id: a.id, asset_type: a.type, asset_number: a.number, metal: a.metal, tonnes: a.tonnes }));
    await repo.insertPledge(tx, row, assetRows);
    const number = repo.pledgeNumber(seq);
    await recordStep(ctx, tx, p, key, {
      ...baseRecord({ ...row, number } as repo.PledgeRow, assetRows.map((a) => ({ ...a, pledge_id: id, active: false }))),
      version: 1,
      kind: PLEDGE_KIND.propose,
      status: 'proposed',
      ...stamp(ctx),
    });
  });
  return pledgeView(ctx, (await repo.getPledge(ctx.db, id))!, p);
}

// ---------------------------------------------------------------- steps

async function step(
  ctx: AppContext,
  p: Authenticated,
  ref: string,
  which: PledgeStep,
  body: (
    tx: Queryable,
    row: repo.PledgeRow,
    assets: repo.PledgeAssetRow[],
    key: SigningKey,
  ) => Promise<Partial<PledgeRecord> & { after?: { before?: () => Promise<void>; logged?: (recorded: { payloadDigest: string }) => Promise<void> } }>,
) {
  // The caller's key before the transaction (the embedded engine has one connection, which the transaction holds).
  const key = await ensureIssuerKey(ctx, p.orgId);
  const id = await ctx.db.transaction(async (tx) => {
    const row = await repo.getPledge(tx, normalisePledgeNumber(ref), true);
    if (!visibleTo(p, row)) throw notFound('Pledge');
    const r = pledgeStep(which, row.status, partsOf(p, row));
    if (!r.ok) throw refuse(row, r);
    const assets = await repo.pledgeAssets(tx, [row.id]);
    const { after, ...extra } = await body(tx, row, assets, key);
    const record: PledgeRecord = { ...baseRecord(row, assets), ...extra, version: row.version + 1, kind: PLEDGE_KIND[which], status: r.to, ...stamp(ctx) };
    const at = new Date(record.at);
    await repo.setPledgeState(tx, row.id, {
      status: r.to,
      version: record.version,
      ...(which === 'accept' ? { acceptedAt: at } : {}),
      ...(['decline', 'withdraw', 'release', 'enforce'].includes(which) ? { closedAt: at } : {}),
      ...(record.enforcedToOrgId ? { enforcedToOrgId: record.enforcedToOrgId } : {}),
    });
    // Title moves (an enforcement) before the pledge's own statement is logged; encumbrance after it.
    if (after?.before) await after.before();
    const recorded = await recordStep(ctx, tx, p, key, record);
    if (after?.logged) await after.logged(recorded);
    return row.id;
  });
  return pledgeView(ctx, (await repo.getPledge(ctx.db, id))!, p);
}

/**
 * The lender accepts: each asset must still be held by the pledgor, pledgeable and under no other
 * active pledge. The database's unique index decides a race between acceptances over the same asset.
 */
export async function acceptPledge(ctx: AppContext, p: Authenticated, ref: string) {
  try {
    return await step(ctx, p, ref, 'accept', async (tx, row, assets) => {
      const locked = await lockAssets(tx, assets.map((a) => ({ id: a.asset_id, type: a.asset_type })));
      for (const a of assets) {
        const now = locked.find((x) => x.id === a.asset_id);
        if (!now || now.holderOrgId !== row.pledgor_org_id) throw refuse(row, { refusal: 'conflict', reason: `${a.asset_type === 'warrant' ? 'warrant' : 'electronic receipt'} ${a.asset_number} is no longer held by the pledgor` });
        const why = pledgeableStatus(now);
        if (why) throw refuse(row, { refusal: 'conflict', reason: `${kindName(now)} ${now.number} ${why}` });
      }
      const pledged = await alreadyPledged(tx, locked, 'pledge', row.id);
      if (pledged) throw pledged;
      await repo.setAssetsActive(tx, row.id, true);
      return {
        after: {
          logged: async ({ payloadDigest }) => {
            for (const a of assets) await encumbranceChanged(ctx, tx, a.asset_id, { status: 'pledged', pledgeDigest: payloadDigest }, trailActor(p));
          },
        },
      };
    });
  } catch (e) {
    if (!isUniqueViolation(e, 'pledge_assets_one_active')) throw e;
    // Another acceptance over one of these assets committed first: name its pledge.
    const row = (await repo.getPledge(ctx.db, normalisePledgeNumber(ref)))!;
    const assets = await repo.pledgeAssets(ctx.db, [row.id]);
    const winner = (await repo.activePledgesOf(ctx.db, assets.map((a) => a.asset_id))).find((x) => x.pledge_id !== row.id);
    const a = winner && assets.find((x) => x.asset_id === winner.asset_id)!;
    if (!winner || !a) throw new AppError('conflict', `Pledge ${row.number}: one of its assets was pledged meanwhile`);
    throw pledgedError({ kind: a.asset_type === 'warrant' ? 'Warrant' : 'Electronic receipt', number: a.asset_number }, winner.number, 'pledge');
  }
}

export const declinePledge = (ctx: AppContext, p: Authenticated, ref: string, input: { reason?: string }) =>
  step(ctx, p, ref, 'decline', async () => (input.reason ? { reason: input.reason } : {}));

export const withdrawPledge = (ctx: AppContext, p: Authenticated, ref: string, input: { reason?: string }) =>
  step(ctx, p, ref, 'withdraw', async () => (input.reason ? { reason: input.reason } : {}));

/** The lender allows one transfer (optionally to a named organisation) or one cancellation of one asset. */
export async function consentToAction(ctx: AppContext, p: Authenticated, ref: string, input: { assetId: string; action: 'transfer' | 'cancel'; toOrgId?: string; reason?: string }) {
  if (input.toOrgId && !(await findOrganisation(ctx.db, input.toOrgId))) throw new AppError('bad_request', 'Unknown recipient', [{ path: 'body.toOrgId', message: 'no such organisation', code: 'unknown_organisation' }]);
  if (input.toOrgId && input.action !== 'transfer') throw new AppError('bad_request', 'Only a transfer names a recipient', [{ path: 'body.toOrgId', message: 'only with action transfer' }]);
  return step(ctx, p, ref, 'consent', async (_tx, row, assets) => {
    const asset = await resolveAsset(_tx, input.assetId);
    const a = asset && assets.find((x) => x.asset_id === asset.id);
    if (!a) throw new AppError('bad_request', `${input.assetId} is not an asset of pledge ${row.number}`, [{ path: 'body.assetId', message: 'not in this pledge' }]);
    if (!CONSENTABLE.includes(input.action) || (input.action === 'cancel' && a.asset_type !== 'warrant')) {
      throw new AppError('bad_request', `A ${input.action} of ${a.asset_number} is not something a consent can allow`, [{ path: 'body.action', message: 'not consentable for this asset' }]);
    }
    return { consent: { assetId: a.asset_id, action: input.action, toOrgId: input.toOrgId ?? null }, ...(input.reason ? { reason: input.reason } : {}) };
  });
}

export const releasePledge = (ctx: AppContext, p: Authenticated, ref: string, input: { reason?: string }) =>
  step(ctx, p, ref, 'release', async (tx, row, assets) => {
    await repo.setAssetsActive(tx, row.id, false);
    return {
      ...(input.reason ? { reason: input.reason } : {}),
      after: {
        logged: async () => {
          for (const a of assets) await encumbranceChanged(ctx, tx, a.asset_id, { status: 'free' }, trailActor(p));
        },
      },
    };
  });

/**
 * The lender enforces: the pledge ends and title to each of its assets moves, in the same
 * transaction, to the lender or to the buyer it names, by the lender's signed statements.
 */
export async function enforcePledge(ctx: AppContext, p: Authenticated, ref: string, input: { toOrgId?: string; reason: string }) {
  const to = input.toOrgId ? await findOrganisation(ctx.db, input.toOrgId) : await findOrganisation(ctx.db, p.orgId);
  if (!to) throw new AppError('bad_request', 'Unknown buyer', [{ path: 'body.toOrgId', message: 'no such organisation', code: 'unknown_organisation' }]);
  return step(ctx, p, ref, 'enforce', async (tx, row, assets, key) => {
    await repo.setAssetsActive(tx, row.id, false);
    return {
      reason: input.reason,
      enforcedToOrgId: to.id,
      after: {
        before: async () => {
          const locked = await lockAssets(tx, assets.map((a) => ({ id: a.asset_id, type: a.asset_type })));
          const moving = locked.filter((a) => a.holderOrgId !== to.id);
          const reason = `Enforcement of pledge ${row.number}: ${input.reason}`;
          const warrantIds = moving.filter((a) => a.type === 'warrant').map((a) => a.id);
          const receiptIds = moving.filter((a) => a.type === 'e_receipt').map((a) => a.id);
          if (warrantIds.length) await transferOnEnforcement(ctx, tx, p, { warrantIds, toOrgId: to.id, reason }, key);
          if (receiptIds.length) await transferReceiptsOnEnforcement(ctx, tx, p, { eReceiptIds: receiptIds, toOrgId: to.id, reason }, key);
        },
        logged: async () => {
          for (const a of assets) await encumbranceChanged(ctx, tx, a.asset_id, { status: 'free' }, trailActor(p));
        },
      },
    };
  });
}

// ---------------------------------------------------------------- reads

export async function pledgeView(ctx: AppContext, row: repo.PledgeRow, p: Principal, q: Queryable = ctx.db) {
  const assets = await repo.pledgeAssets(q, [row.id]);
  const orgs = await repo.orgNames(q, [row.pledgor_org_id, row.lender_org_id, ...(row.enforced_to_org_id ? [row.enforced_to_org_id] : [])]);
  const [pledgor, lender, enforcedTo] = [orgs.get(row.pledgor_org_id), orgs.get(row.lender_org_id), row.enforced_to_org_id ? orgs.get(row.enforced_to_org_id) : undefined];
  // Consents are steps after the acceptance (version 2), and matter only while the pledge is active.
  const consents = row.status === 'active' && row.version > 2 ? await consentList(q, [row.id]) : [];
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    overdue: isOverdue(row, today(ctx)),
    role: p.type === 'anonymous' ? null : p.orgId === row.lender_org_id ? ('lender' as const) : p.orgId === row.pledgor_org_id ? ('pledgor' as const) : null,
    pledgor: { id: row.pledgor_org_id, name: pledgor?.name ?? null },
    lender: { id: row.lender_org_id, name: lender?.name ?? null, kind: lender?.kind ?? null },
    amount: plain(row.amount),
    currency: row.currency,
    reference: row.reference,
    maturity: row.maturity,
    assets: assets.map((a) => ({ id: a.asset_id, type: a.asset_type, number: a.asset_number, metal: a.metal, tonnes: plain(a.tonnes), active: a.active })),
    consents: consents.map((c) => ({ assetId: c.assetId, action: c.action, toOrgId: c.toOrgId })),
    version: row.version,
    proposedAt: row.proposed_at.toISOString(),
    acceptedAt: row.accepted_at ? row.accepted_at.toISOString() : null,
    closedAt: row.closed_at ? row.closed_at.toISOString() : null,
    enforcedTo: row.enforced_to_org_id ? { id: row.enforced_to_org_id, name: enforcedTo?.name ?? null } : null,
  };
}

export async function getPledge(ctx: AppContext, p: Authenticated, ref: string) {
  const row = await repo.getPledge(ctx.db, ref.trim().toUpperCase().startsWith('PL') ? normalisePledgeNumber(ref) : ref);
  if (!visibleTo(p, row)) throw notFound('Pledge');
  return pledgeView(ctx, row, p);
}

export function normalisePledgeNumber(input: string): string {
  const m = /^PL-?(\d{1,10})$/.exec(input.replace(/\s+/g, '').toUpperCase());
  return m ? `PL-${m[1]!.padStart(10, '0')}` : input.trim();
}

/** Pledges the caller is a party to (as lender or pledgor; the exchange: all). */
export async function listPledges(ctx: AppContext, p: Authenticated, q: { role?: 'lender' | 'pledgor'; status?: PledgeStatus[]; limit?: number }) {
  const base = { ...(q.status?.length ? { status: q.status } : {}), limit: q.limit ?? 100 };
  const filter =
    q.role === 'lender' ? { ...base, lenderOrgId: p.orgId } : q.role === 'pledgor' ? { ...base, pledgorOrgId: p.orgId } : p.orgKind === 'exchange' ? base : { ...base, partyOrgId: p.orgId };
  return Promise.all((await repo.listPledges(ctx.db, filter)).map((row) => pledgeView(ctx, row, p)));
}

export async function pledgeStatementsOf(ctx: AppContext, p: Authenticated, ref: string) {
  const row = await repo.getPledge(ctx.db, normalisePledgeNumber(ref));
  if (!visibleTo(p, row)) throw notFound('Pledge');
  return (await repo.events(ctx.db, 'pledge', row.id)).map((e) => ({ version: e.version, kind: e.kind, at: e.at.toISOString(), record: e.record, statement: e.statement, logIndex: e.log_index }));
}

/**
 * What the caller holds that can be pledged, or is: each warrant and receipt with its active
 * pledge (if any) and what that locks, and the proposals over it still open.
 */
export async function holdings(ctx: AppContext, p: Authenticated) {
  const held = await assetsHeldBy(ctx.db, p.orgId);
  const active = await repo.activePledgesOf(ctx.db, held.map((a) => a.id));
  const open = await repo.listPledges(ctx.db, { pledgorOrgId: p.orgId, status: ['proposed'], limit: 500 });
  const openAssets = await repo.pledgeAssets(ctx.db, open.map((x) => x.id));
  const consents = await consentList(ctx.db, active.map((a) => a.pledge_id));
  return held.map((a) => {
    const pledge = active.find((x) => x.asset_id === a.id);
    const kind = kindName(a);
    const lockedFor = pledge
      ? ((a.type === 'warrant' ? ['transfer', 'cancel', 'load_out', 'pledge'] : ['transfer', 'deliver', 'convert', 'pledge']) as AssetAction[]).map((x) => ({ action: x, reason: lockedReason({ kind, number: a.number }, pledge.number, x) }))
      : [];
    return {
      id: a.id,
      type: a.type,
      number: a.number,
      metal: a.metal,
      tonnes: a.tonnes,
      status: a.status,
      pledgeable: !pledge && pledgeableStatus(a) === null,
      pledge: pledge
        ? {
            id: pledge.pledge_id,
            number: pledge.number,
            mine: pledge.pledgor_org_id === p.orgId,
            consents: consents.filter((c) => c.pledgeId === pledge.pledge_id && c.assetId === a.id).map((c) => ({ action: c.action, toOrgId: c.toOrgId })),
          }
        : null,
      locked: lockedFor,
      proposals: openAssets.filter((x) => x.asset_id === a.id).map((x) => open.find((o) => o.id === x.pledge_id)!.number),
    };
  });
}

/** Due diligence on any asset: what it is and whether it is free. The pledge is named only to its parties and the exchange. */
export async function assetStatus(ctx: AppContext, p: Principal, ref: string) {
  const a = await resolveAsset(ctx.db, ref);
  if (!a) throw notFound('Asset');
  const [pledge] = await repo.activePledgesOf(ctx.db, [a.id]);
  const party = !!pledge && p.type !== 'anonymous' && (p.orgKind === 'exchange' || p.orgId === pledge.lender_org_id || p.orgId === pledge.pledgor_org_id);
  return {
    id: a.id,
    type: a.type,
    number: a.number,
    metal: a.metal,
    tonnes: a.tonnes,
    status: a.status,
    location: a.locationCode,
    encumbered: !!pledge,
    ...(party ? { pledge: { id: pledge.pledge_id, number: pledge.number } } : {}),
    asOf: ctx.now().toISOString(),
  };
}

