import type { AppContext } from '../platform/context.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { digestOf } from './canonical.ts';
import { ensureIssuerKey, orgDid } from './keys-service.ts';
import type { NewEntry } from './log-service.ts';
import { buildStatusListCredential, emptyBitstring, encodeList, setBit, STATUS_LIST_MIN_ENTRIES } from './status-list.ts';
import { signCredentialJwt } from './vc.ts';

// Bitstring Status Lists: each issuer gets revocation lists of 131,072 entries; a certificate takes
// one index for life (all its versions share it). Revoking flips the bit and is logged.

export const LIST_SIZE = STATUS_LIST_MIN_ENTRIES;

/** Where an issuer's status list credential is published; every credential's status entry points here. */
export const statusListUrl = (publicUrl: string, orgId: string, listNo: number): string =>
  `${publicUrl}/status/${orgId}/revocation/${listNo}`;

export const locate = (index: number): { listNo: number; bit: number } => ({
  listNo: Math.floor(index / LIST_SIZE),
  bit: index % LIST_SIZE,
});

/**
 * Indices one process takes from an issuer's allocation at a time. Each block is one short
 * committed statement, so issuing no longer waits on the issuer's allocation row once per
 * credential; indices of a block left unused when the process stops are bits never set, which
 * verifiers read as "not revoked" for credentials that do not exist.
 */
const INDEX_BLOCK = 32;

/** Per database (one object per opened Db) and issuer: the indices this process has reserved and not used. */
const blocks = new WeakMap<object, Map<string, Promise<{ next: number; end: number }>>>();

/**
 * The next status-list index for an issuer, from this process's block (a fresh block when it is
 * used up). Takes the database, never a transaction: a block reserved inside a transaction that
 * rolled back would be handed out again.
 */
export async function reserveIndex(db: Db, orgId: string): Promise<number> {
  let perOrg = blocks.get(db);
  if (!perOrg) blocks.set(db, (perOrg = new Map()));
  for (;;) {
    const pending = perOrg.get(orgId);
    const block = pending ? await pending : undefined;
    if (block && block.next < block.end) return block.next++;
    // Only the first caller to find the block used up fetches the next; the others wait for it.
    if (perOrg.get(orgId) !== pending) continue;
    const next = allocateIndices(db, orgId, INDEX_BLOCK).then((first) => ({ next: first, end: first + INDEX_BLOCK }));
    perOrg.set(orgId, next);
    next.catch(() => perOrg.get(orgId) === next && perOrg.delete(orgId));
  }
}

/** `n` consecutive status-list indices for an issuer, in one statement; returns the first. */
export async function allocateIndices(q: Queryable, orgId: string, n: number): Promise<number> {
  const r = await q.query<{ first: number }>(
    `INSERT INTO status_allocations (org_id, next_index) VALUES ($1, $2)
     ON CONFLICT (org_id) DO UPDATE SET next_index = status_allocations.next_index + $2
     RETURNING next_index - $2 AS first`,
    [orgId, n],
  );
  return r.rows[0]!.first;
}

async function lockList(tx: Queryable, orgId: string, listNo: number): Promise<Uint8Array> {
  await tx.query(
    `INSERT INTO status_lists (org_id, list_no, bits) VALUES ($1, $2, $3) ON CONFLICT (org_id, list_no) DO NOTHING`,
    [orgId, listNo, Buffer.from(emptyBitstring(LIST_SIZE))],
  );
  const r = await tx.query<{ bits: Buffer }>(`SELECT bits FROM status_lists WHERE org_id = $1 AND list_no = $2 FOR UPDATE`, [
    orgId,
    listNo,
  ]);
  return new Uint8Array(r.rows[0]!.bits);
}

/** The record a status-list log entry commits to. */
export const statusListRecord = (orgId: string, listNo: number, bits: Uint8Array) => ({
  orgId,
  listNo,
  encodedList: encodeList(bits),
});

/** Sets the revocation bit; returns the log entry recording the new list. */
export async function revokeIndex(tx: Queryable, orgId: string, index: number): Promise<NewEntry> {
  const { listNo, bit } = locate(index);
  const bits = await lockList(tx, orgId, listNo);
  setBit(bits, bit, true);
  await tx.query(`UPDATE status_lists SET bits = $3, updated_at = now() WHERE org_id = $1 AND list_no = $2`, [
    orgId,
    listNo,
    Buffer.from(bits),
  ]);
  return {
    kind: 'status_list.updated',
    subjectType: 'status_list',
    subjectId: `${orgId}/${listNo}`,
    version: null,
    payloadDigest: digestOf(statusListRecord(orgId, listNo, bits)),
  };
}

export async function listBits(q: Queryable, orgId: string, listNo: number): Promise<{ bits: Uint8Array; updatedAt: Date }> {
  const r = await q.query<{ bits: Buffer; updated_at: Date }>(
    `SELECT bits, updated_at FROM status_lists WHERE org_id = $1 AND list_no = $2`,
    [orgId, listNo],
  );
  const row = r.rows[0];
  if (row) return { bits: new Uint8Array(row.bits), updatedAt: row.updated_at };
  // A list no index has been revoked from yet is all zeros; it exists once an index is allocated.
  const used = await q.query<{ next_index: number }>(`SELECT next_index FROM status_allocations WHERE org_id = $1`, [orgId]);
  if (!used.rows[0] || used.rows[0].next_index <= listNo * LIST_SIZE) throw new AppError('not_found', 'No such status list');
  return { bits: emptyBitstring(LIST_SIZE), updatedAt: new Date(0) };
}

/** An issuer's list as stored, or null when no bit of it was ever set (it is then all zeros). */
export async function listBitsIfAny(q: Queryable, orgId: string, listNo: number): Promise<Uint8Array | null> {
  const r = await q.query<{ bits: Buffer }>(`SELECT bits FROM status_lists WHERE org_id = $1 AND list_no = $2`, [orgId, listNo]);
  return r.rows[0] ? new Uint8Array(r.rows[0].bits) : null;
}

/** The status list as a W3C BitstringStatusListCredential signed by the issuer (vc+jwt). */
export async function statusListCredentialJwt(ctx: AppContext, orgId: string, listNo: number): Promise<string> {
  const { bits, updatedAt } = await listBits(ctx.db, orgId, listNo);
  const key = await ensureIssuerKey(ctx, orgId);
  const url = statusListUrl(ctx.config.publicUrl, orgId, listNo);
  const validFrom = new Date(Math.max(updatedAt.getTime(), key.validFrom.getTime())).toISOString();
  const credential = buildStatusListCredential({
    id: url,
    issuer: orgDid(ctx, orgId),
    validFrom,
    encodedList: encodeList(bits),
    statusPurpose: 'revocation',
  });
  return signCredentialJwt(credential, { privateKey: key.privateKey, kid: key.kid });
}
