import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { cached, readCaches } from '../platform/cache.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import * as checkpoints from './checkpoint-service.ts';
import * as log from './log-service.ts';
import * as repo from './log-repo.ts';
import { consistencyProofFromReader, HASH_SIZE, inclusionProofFromReader, type HashReader } from './merkle.ts';
import { formatProof } from './proof-bundle.ts';
import { encodeList } from './status-list.ts';
import { listBits } from './status-service.ts';
import { TILE_WIDTH, tileReader, tileWidthAt, type ParsedTilePath, type TileId } from './tiles.ts';

// The public read path's caches (issue #20), wrapped around the log, checkpoint and status-list
// services without changing them. What may be cached, and why it stays correct when several
// processes share one database:
//   - tiles and entry bundles of a given width are immutable (the log is append-only), so they are
//     kept until the byte budget pushes them out; the tree size a process has seen only grows, so a
//     tile within it needs no database look-up at all;
//   - the signed checkpoint (with its cosignatures) is kept for ASSAY_CHECKPOINT_CACHE_MS, never
//     longer than the checkpoint interval: a reader then sees a new checkpoint no later than if it
//     had been signed one interval later. This process forgets it at once when it signs one itself;
//   - proof bundles are keyed by (entry, checkpoint note), so they change when the checkpoint does;
//   - a status list is encoded once per list version (its updated_at, read from the database on
//     every request: one indexed look-up), so a revocation anywhere is seen on the next request;
//     the version is set by trigger after the writer's row lock, unique per committed change
//     (migrations/0014_cache_versions.sql), not the writing transaction's start time.

const tileKey = (t: TileId): string => `${t.level}/${t.index}/${t.width}`;

/** The largest tree size this process has seen; the tree never shrinks, so anything within it exists. */
function knownSize(ctx: AppContext): number {
  return (readCaches(ctx).slots.get('treeSize') as number | undefined) ?? 0;
}

function sawSize(ctx: AppContext, size: number): void {
  if (size > knownSize(ctx)) readCaches(ctx).slots.set('treeSize', size);
}

async function sizeAtLeast(ctx: AppContext, want: number): Promise<number> {
  const known = knownSize(ctx);
  if (want <= known) return known;
  const size = await log.treeSize(ctx.db);
  sawSize(ctx, size);
  return size;
}

export const cachedTile = (ctx: AppContext, t: TileId): Promise<Buffer> =>
  cached(ctx, 'tile', tileKey(t), () => log.readTile(ctx.db, t), (b) => b.length);

const cachedEntryBundle = (ctx: AppContext, index: number, width: number): Promise<Buffer> =>
  cached(ctx, 'tile', `entries/${index}/${width}`, () => log.entryBundle(ctx.db, index, width), (b) => b.length);

/** A tile or entry bundle of the current tree (404 when it does not exist at the current size). */
export async function tileBytes(ctx: AppContext, t: ParsedTilePath): Promise<Buffer> {
  const level = t.kind === 'entries' ? 0 : t.level;
  let size = knownSize(ctx);
  if (tileWidthAt(size, level, t.index) < t.width) size = await sizeAtLeast(ctx, size + 1);
  log.tileFor(size, level, t.index, t.width);
  return t.kind === 'entries' ? cachedEntryBundle(ctx, t.index, t.width) : cachedTile(ctx, t);
}

/**
 * Runs a pure Merkle computation over the tree of `size` through cached tiles. Which nodes a proof
 * reads depends only on its indices and the tree size, never on hash values, so a first pass over
 * placeholder hashes names every tile it needs; those not cached are loaded together, and the
 * second pass computes the answer. No retry loop, no database round trip for a cached tile.
 */
export async function withCachedTree<T>(ctx: AppContext, size: number, compute: (read: HashReader) => T): Promise<T> {
  const needed = new Map<string, TileId>();
  const blank = Buffer.alloc(HASH_SIZE * TILE_WIDTH);
  try {
    compute(
      tileReader(size, (t) => {
        needed.set(tileKey(t), t);
        return blank.subarray(0, t.width * HASH_SIZE);
      }),
    );
  } catch {
    // the real pass reports it
  }
  const tiles = new Map<string, Buffer>();
  for (const [k, t] of needed) tiles.set(k, await cachedTile(ctx, t));
  return compute(
    tileReader(size, (t) => {
      const bytes = tiles.get(tileKey(t)) ?? (() => { throw new Error(`tile ${tileKey(t)} was not named by the first pass`); })();
      return bytes;
    }),
  );
}

export async function inclusionProof(ctx: AppContext, index: number, size: number): Promise<Buffer[]> {
  if (!(index < size) || size > (await sizeAtLeast(ctx, size))) throw new AppError('bad_request', `No entry ${index} in a tree of ${size}`);
  return withCachedTree(ctx, size, (read) => inclusionProofFromReader(read, index, size));
}

export async function consistencyProof(ctx: AppContext, from: number, to: number): Promise<Buffer[]> {
  if (!(from <= to) || to > (await sizeAtLeast(ctx, to))) throw new AppError('bad_request', `No consistency proof from ${from} to ${to}`);
  return withCachedTree(ctx, to, (read) => consistencyProofFromReader(read, from, to));
}

// ---------------------------------------------------------------- checkpoints and proofs

export interface CheckpointState {
  latest: repo.CheckpointRow;
  latestNote: string;
  /** The newest checkpoint a witness cosigned, preferred for proofs that it covers. */
  cosigned?: { row: repo.CheckpointRow; note: string };
  /** Changes whenever either note does (a new checkpoint, a new cosignature). */
  key: string;
  at: number;
}

async function loadCheckpointState(ctx: AppContext): Promise<CheckpointState> {
  const latest = (await repo.latestCheckpoint(ctx.db)) ?? (await checkpoints.publishCheckpoint(ctx));
  const latestNote = await checkpoints.checkpointNote(ctx.db, latest);
  const row = await repo.latestCosignedCovering(ctx.db, 0);
  const cosigned = row ? { row, note: row.size === latest.size ? latestNote : await checkpoints.checkpointNote(ctx.db, row) } : undefined;
  sawSize(ctx, latest.size);
  const key = createHash('sha256').update(latestNote).update('\n\n').update(cosigned?.note ?? '').digest('base64url').slice(0, 22);
  return { latest, latestNote, ...(cosigned ? { cosigned } : {}), key, at: performance.now() };
}

/** The signed checkpoint state, from memory while younger than ASSAY_CHECKPOINT_CACHE_MS. */
export async function checkpointState(ctx: AppContext): Promise<CheckpointState> {
  const ttl = ctx.config.cache.checkpointTtlMs;
  if (ttl === 0 || ctx.config.cache.maxBytes === 0) return loadCheckpointState(ctx);
  const c = readCaches(ctx);
  const s = c.slots.get('checkpoint') as CheckpointState | undefined;
  if (s && performance.now() - s.at < ttl) {
    c.requests.inc({ cache: 'checkpoint', result: 'hit' });
    return s;
  }
  c.requests.inc({ cache: 'checkpoint', result: 'miss' });
  // One load at a time per process; requests arriving meanwhile wait for it.
  let loading = c.slots.get('checkpointLoading') as Promise<CheckpointState> | undefined;
  if (!loading) {
    loading = loadCheckpointState(ctx).finally(() => c.slots.delete('checkpointLoading'));
    c.slots.set('checkpointLoading', loading);
    c.slots.set('checkpoint', await loading);
  }
  return loading;
}

/** Forgets the checkpoint state, so the next request reads the newest (after this process signed one or took a cosignature). */
export function forgetCheckpoint(ctx: AppContext): void {
  readCaches(ctx).slots.delete('checkpoint');
}

/** publishCheckpoint, then forget the cached state. */
export async function publishCheckpoint(ctx: AppContext): Promise<repo.CheckpointRow> {
  const row = await checkpoints.publishCheckpoint(ctx);
  forgetCheckpoint(ctx);
  return row;
}

export const checkpointNote = async (ctx: AppContext): Promise<string> => (await checkpointState(ctx)).latestNote;

/** checkpoint-service's proofBundle, from cached tiles and the cached checkpoint; the same text. */
export async function proofBundle(ctx: AppContext, index: number): Promise<string> {
  const s = await checkpointState(ctx);
  const cp =
    s.cosigned && s.cosigned.row.size > index
      ? s.cosigned
      : s.latest.size > index
        ? { row: s.latest, note: s.latestNote }
        : undefined;
  if (!cp) {
    // Newer than the checkpoint this process knows: the service signs one if need be.
    forgetCheckpoint(ctx);
    return checkpoints.proofBundle(ctx, index);
  }
  return cached(
    ctx,
    'proof',
    `${index}@${cp.row.size}/${s.key}`,
    async () => {
      const entry = await repo.entryAt(ctx.db, index);
      if (!entry) throw new AppError('not_found', `Log entry ${index} not found`);
      const hashes = await withCachedTree(ctx, cp.row.size, (read) => inclusionProofFromReader(read, index, cp.row.size));
      return formatProof({ extraData: entry.entry, index, hashes, checkpointNote: cp.note }).toString('utf8');
    },
    (text) => text.length * 2,
  );
}

// ---------------------------------------------------------------- status lists

/** The list's version: its last change (µs, as text so two changes in one millisecond differ), or null while no bit was ever set. */
export async function statusListVersion(ctx: AppContext, orgId: string, listNo: number): Promise<string | null> {
  const r = await ctx.db.query<{ v: string }>(`SELECT updated_at::text AS v FROM status_lists WHERE org_id = $1 AND list_no = $2`, [orgId, listNo]);
  return r.rows[0]?.v ?? null;
}

/** The list's encodedList (multibase gzip base64url), encoded once per list version. */
export async function encodedStatusList(ctx: AppContext, orgId: string, listNo: number): Promise<string> {
  const version = await statusListVersion(ctx, orgId, listNo);
  return cached(
    ctx,
    'status_list',
    `${orgId}/${listNo}@${version ?? 'empty'}`,
    async () => encodeList((await listBits(ctx.db, orgId, listNo)).bits),
    (s) => s.length * 2,
  );
}
