import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import {
  appendFrontier,
  consistencyProofFromReader,
  frontierRoot,
  HASH_SIZE,
  inclusionProofFromReader,
  leafHash as leafOf,
  type Frontier,
  type HashReader,
} from './merkle.ts';
import * as repo from './log-repo.ts';
import { encodeEntryBundle, TILE_HEIGHT, TILE_WIDTH, tileReader, tileWidthAt, type TileId } from './tiles.ts';
import { entryBytes, type LogEntry } from './trust.ts';

// The transparency log: one append-only RFC 6962 Merkle tree of every state change. Appends run
// inside the caller's transaction, so a record and its log entry commit together or not at all;
// the locked head row sequences appends across requests and processes.

const splitFrontier = (size: number, bytes: Buffer): Frontier => {
  const hashes: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += HASH_SIZE) hashes.push(bytes.subarray(i, i + HASH_SIZE));
  return { size, hashes };
};

export type NewEntry = Omit<LogEntry, 'time'>;

/** What an append needs from the context: the clock that dates entries. */
export type LogClock = Pick<AppContext, 'now'>;

/**
 * Locks the log head for the rest of the transaction, before an append. Appends lock it anyway; a
 * change that must be sequenced with the log from its first read (an authenticated map update,
 * map-service.ts) takes it first, so every such transaction locks the head before anything else
 * it shares with other appenders and two of them can never wait on each other.
 */
export async function lockLog(tx: Queryable): Promise<void> {
  await repo.lockHead(tx);
}

/** Appends entries in order; returns their indices. Call inside the transaction making the change. */
export async function appendEntries(ctx: LogClock, tx: Queryable, entries: NewEntry[]): Promise<number[]> {
  if (entries.length === 0) return [];
  const head = await repo.lockHead(tx);
  let frontier = splitFrontier(head.size, head.frontier);
  const time = ctx.now().toISOString();
  const rows: repo.EntryRow[] = [];
  const nodes: { level: number; idx: number; hash: Buffer }[] = [];
  for (const e of entries) {
    const entry: LogEntry = { ...e, time };
    const bytes = entryBytes(entry);
    const idx = frontier.size;
    const r = appendFrontier(frontier, leafOf(bytes));
    frontier = r.frontier;
    for (const n of r.nodes) if (n.level > 0 && n.level % TILE_HEIGHT === 0) nodes.push({ level: n.level, idx: n.index, hash: n.hash });
    rows.push({
      idx,
      kind: e.kind,
      subject_type: e.subjectType,
      subject_id: e.subjectId,
      version: e.version,
      payload_digest: e.payloadDigest,
      entry: bytes,
      leaf_hash: r.nodes[0]!.hash,
      recorded_at: new Date(time),
    });
  }
  await repo.insertEntries(tx, rows);
  await repo.insertNodes(tx, nodes);
  await repo.writeHead(tx, frontier.size, Buffer.concat(frontier.hashes));
  return rows.map((r) => r.idx);
}

// ---------------------------------------------------------------- tiles and proofs

class MissingTile extends Error {
  constructor(readonly tile: TileId) {
    super('tile not loaded');
  }
}

const tileKey = (t: TileId): string => `${t.level}/${t.index}/${t.width}`;

export async function readTile(q: Queryable, t: TileId): Promise<Buffer> {
  const from = t.index * TILE_WIDTH;
  const hashes =
    t.level === 0 ? await repo.leafHashes(q, from, from + t.width) : await repo.nodeHashes(q, t.level * TILE_HEIGHT, from, from + t.width);
  if (hashes.length !== t.width) throw new AppError('not_found', `Tile ${t.level}/${t.index} is not complete in the log`);
  return Buffer.concat(hashes);
}

/**
 * Runs a pure Merkle computation over a tree of `size` read through C2SP tiles from the database.
 * The computation asks for tiles synchronously; missing ones are loaded and it is run again
 * (a proof touches a handful of tiles, so this settles in a few rounds).
 */
export async function withTree<T>(q: Queryable, size: number, compute: (read: HashReader) => T): Promise<T> {
  const loaded = new Map<string, Buffer>();
  for (let round = 0; round < 200; round++) {
    const read = tileReader(size, (t) => {
      const bytes = loaded.get(tileKey(t));
      if (!bytes) throw new MissingTile(t);
      return bytes;
    });
    try {
      return compute(read);
    } catch (e) {
      if (!(e instanceof MissingTile)) throw e;
      loaded.set(tileKey(e.tile), await readTile(q, e.tile));
    }
  }
  throw new Error('tree computation did not settle');
}

export async function treeSize(q: Queryable): Promise<number> {
  return (await repo.readHead(q)).size;
}

export async function currentRoot(q: Queryable): Promise<{ size: number; root: Buffer }> {
  const head = await repo.readHead(q);
  return { size: head.size, root: headRoot(head.size, head.frontier) };
}

/** The root of a log of `size` entries from its stored frontier. */
export const headRoot = (size: number, frontier: Buffer): Buffer => frontierRoot(splitFrontier(size, frontier));

export function tileFor(size: number, level: number, index: number, width?: number): TileId {
  const w = tileWidthAt(size, level, index);
  if (w === 0 || (width !== undefined && width > w)) throw new AppError('not_found', 'No such tile in the current tree');
  return { level, index, width: width ?? w };
}

export async function entryBundle(q: Queryable, index: number, width: number): Promise<Buffer> {
  const rows = await repo.entriesRange(q, index * TILE_WIDTH, index * TILE_WIDTH + width);
  if (rows.length !== width) throw new AppError('not_found', 'No such entry bundle in the current tree');
  return encodeEntryBundle(rows.map((r) => r.entry));
}

export async function inclusionProof(q: Queryable, index: number, size: number): Promise<Buffer[]> {
  if (!(index < size) || size > (await treeSize(q))) throw new AppError('bad_request', `No entry ${index} in a tree of ${size}`);
  return withTree(q, size, (read) => inclusionProofFromReader(read, index, size));
}

export async function consistencyProof(q: Queryable, from: number, to: number): Promise<Buffer[]> {
  if (!(from <= to) || to > (await treeSize(q))) throw new AppError('bad_request', `No consistency proof from ${from} to ${to}`);
  return withTree(q, to, (read) => consistencyProofFromReader(read, from, to));
}

