import type { AppContext } from '../platform/context.ts';
import { attemptOf, deferToCommit, retryable, scopeOf, type Queryable } from '../platform/db.ts';
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
// the head row sequences appends across requests and processes (see Sequencer).

const splitFrontier = (size: number, bytes: Buffer): Frontier => {
  const hashes: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += HASH_SIZE) hashes.push(bytes.subarray(i, i + HASH_SIZE));
  return { size, hashes };
};

export type NewEntry = Omit<LogEntry, 'time'>;

/** What an append needs from the context: the clock that dates entries. */
export type LogClock = Pick<AppContext, 'now'>;

/**
 * A transaction holding the head's lock (lockLog, or a locked append): its appends are written at
 * once under it. It stands in this process's chain like a speculative append: it waited for the
 * appends handed out before it to commit before locking, and the appends handed out while it
 * holds the lock build on the head it leaves, known when it commits (`gate`).
 */
interface Locked {
  /** The head as this transaction leaves it so far. */
  head: HeadTip;
  gate?: { resolve: () => void; outcome: Promise<boolean> };
}
const lockedBy = new WeakMap<Queryable, Locked>();

type HeadTip = Omit<Tip, 'outcome'>;

/**
 * Locks the log head for the rest of the transaction, before an append. A change that must be
 * sequenced with the log from its first read (an authenticated map update, map-service.ts) takes
 * it first, so every such transaction locks the head before anything else it shares with other
 * appenders and two of them can never wait on each other.
 */
export async function lockLog(tx: Queryable): Promise<void> {
  await takeLock(tx);
}

async function takeLock(tx: Queryable): Promise<Locked> {
  const held = lockedBy.get(tx);
  if (held) return held;
  // Locking after a speculative append of its own: rerun, locking from the first append.
  if (pendingOf.has(tx)) throw retryable('The transaction locks the log after appending to it');
  const scope = scopeOf(tx);
  const seq = scope ? sequencerOf(scope) : undefined;
  if (!seq) {
    // Not a transaction (a script appending through the database itself): nothing is held or remembered.
    const row = await repo.lockHead(tx);
    return { head: { size: row.size, frontier: splitFrontier(row.size, row.frontier), time: '' } };
  }
  // Appends handed out from now on build on what this transaction leaves (the gate opens when it
  // commits or rolls back); those handed out before it commit first (or are given up on), so it
  // does not take their indices and make them all rerun.
  const before = seq.tail;
  let settle!: (committed: boolean) => void;
  const outcome = new Promise<boolean>((r) => (settle = r));
  let open!: (t: Tip) => void;
  let fail!: (e: unknown) => void;
  const gate = new Promise<Tip>((resolve, reject) => ((open = resolve), (fail = reject)));
  gate.catch(() => undefined);
  seq.tail = gate;
  let locked: Locked;
  try {
    if (before) await settledWithin(before, PREDECESSOR_WAIT_MS);
    const row = await repo.lockHead(tx);
    locked = { head: { size: row.size, frontier: splitFrontier(row.size, row.frontier), time: '' } };
  } catch (e) {
    fail(e);
    if (seq.tail === gate) seq.tail = null;
    throw e;
  }
  let opened = false;
  const openOnce = (): void => {
    if (opened) return;
    opened = true;
    open({ ...locked.head, outcome });
  };
  locked.gate = { resolve: openOnce, outcome };
  lockedBy.set(tx, locked);
  deferToCommit(tx, {
    sql: async () => (openOnce(), ''),
    settled: (committed) => {
      settle(committed);
      openOnce();
      if (!committed && seq.tail === gate) seq.tail = null;
    },
  });
  return locked;
}

/** Waits at most `ms` for a tip and for the transaction that makes it to end. */
async function settledWithin(tip: Promise<Tip>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  const t = await within(tip.catch(() => undefined), ms);
  if (t?.outcome) await within(t.outcome, Math.max(0, until - Date.now()));
}

/** `p` (its value or its error), or undefined once `ms` have passed. */
function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** From this many entries in one transaction, the append locks the head and writes at once (bulk). */
const SPECULATIVE_MAX_ENTRIES = 64;

/**
 * How long a transaction waits for the one before it in this process to commit before trying its
 * own append anyway. The wait is what keeps one process's appends in order; the bound keeps a
 * transaction that waits on a row this one holds from waiting for ever (it loses and reruns).
 */
const PREDECESSOR_WAIT_MS = 2000;

/**
 * After losing a race to another process, how long this one appends under the head lock (as
 * before speculation): with several busy processes, speculating would mostly lose and rerun.
 */
const CONTENDED_LOCK_MS = 1000;

/** Where this process believes the log will stand once the appends it has handed out commit. */
interface Tip {
  size: number;
  frontier: Frontier;
  /** Time of the last entry in it (entries are never dated before the one they follow). */
  time: string;
  /** Whether the transaction that makes this tip committed; absent for a head read as committed. */
  outcome?: Promise<boolean>;
}

/**
 * One per database: the chain of appends this process has handed out. An append takes the next
 * indices from the tip at once, in the middle of its transaction, and the head row is touched only
 * at COMMIT (one statement that checks the head is still the tip it built on), so the lock that
 * sequences appenders across processes is held for one server-side statement and the commit, not
 * from the append to the end of the request. If the head moved (another process appended, or a
 * transaction before this one rolled back), the statement fails and the transaction reruns.
 */
interface Sequencer {
  tail: Promise<Tip> | null;
  /** Until then (ms since epoch) appends lock the head instead: another process appended under this one recently. */
  lockUntil: number;
}
const sequencers = new WeakMap<object, Sequencer>();

const sequencerOf = (scope: object): Sequencer => {
  let s = sequencers.get(scope);
  if (!s) sequencers.set(scope, (s = { tail: null, lockUntil: 0 }));
  return s;
};

interface Built {
  rows: repo.EntryRow[];
  nodes: repo.NodeRow[];
  frontier: Frontier;
  time: string;
}

/** The rows, tile-level nodes and new frontier of `entries` appended after `frontier`. */
function build(frontier: Frontier, entries: readonly NewEntry[], time: string): Built {
  const rows: repo.EntryRow[] = [];
  const nodes: repo.NodeRow[] = [];
  let f = frontier;
  for (const e of entries) {
    const entry: LogEntry = { ...e, time };
    const bytes = entryBytes(entry);
    const idx = f.size;
    const r = appendFrontier(f, leafOf(bytes));
    f = r.frontier;
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
  return { rows, nodes, frontier: f, time };
}

const later = (a: string, b: string): string => (a > b ? a : b);

/** `more` built after `first`, as one append. */
const joined = (first: Built, more: Built): Built => ({
  rows: [...first.rows, ...more.rows],
  nodes: [...first.nodes, ...more.nodes],
  frontier: more.frontier,
  time: more.time,
});

/** A transaction's speculative append: what it was built on and everything it appends so far. */
interface Pending {
  step: Promise<{ base: Tip; built: Built }>;
  /** The tip this transaction leaves (the process's tail while nothing chained after it). */
  tip: Promise<Tip>;
  outcome: Promise<boolean>;
}
const pendingOf = new WeakMap<Queryable, Pending>();

/** Appends entries in order; returns their indices. Call inside the transaction making the change. */
export async function appendEntries(ctx: LogClock, tx: Queryable, entries: NewEntry[]): Promise<number[]> {
  if (entries.length === 0) return [];
  const scope = scopeOf(tx);
  if (!scope) return appendLocked(ctx, tx, entries);
  const seq = sequencerOf(scope);
  const pending = pendingOf.get(tx);
  if (pending) return appendMore(ctx, tx, entries, seq, pending);
  // A rerun after a lost race locks the head, so it cannot lose again (and the loser of a race
  // between processes is not starved by a busier one).
  if (lockedBy.has(tx) || entries.length >= SPECULATIVE_MAX_ENTRIES || attemptOf(tx) > 1 || Date.now() < seq.lockUntil) {
    return appendLocked(ctx, tx, entries);
  }
  return appendSpeculative(ctx, tx, entries, seq);
}

/** Locks the head (see Locked) and writes at once. */
async function appendLocked(ctx: LogClock, tx: Queryable, entries: NewEntry[]): Promise<number[]> {
  const locked = await takeLock(tx);
  const b = build(locked.head.frontier, entries, later(ctx.now().toISOString(), locked.head.time));
  await repo.insertEntries(tx, b.rows);
  await repo.insertNodes(tx, b.nodes);
  await repo.writeHead(tx, b.frontier.size, Buffer.concat(b.frontier.hashes));
  locked.head = { size: b.frontier.size, frontier: b.frontier, time: b.time };
  return b.rows.map((r) => r.idx);
}

const tipOf = (built: Built, outcome: Promise<boolean>): Tip => ({ size: built.frontier.size, frontier: built.frontier, time: built.time, outcome });

async function appendSpeculative(ctx: LogClock, tx: Queryable, entries: NewEntry[], seq: Sequencer): Promise<number[]> {
  let settle!: (committed: boolean) => void;
  let inOrder = false;
  const outcome = new Promise<boolean>((r) => (settle = r));
  const fresh = (): Promise<Tip> => repo.readHead(tx).then((h) => ({ size: h.size, frontier: splitFrontier(h.size, h.frontier), time: '' }));
  // A tail that does not come (a locked transaction still running, perhaps waiting on a row this
  // one holds) is given up on: this transaction reruns, locking.
  const prev = seq.tail
    ? within(seq.tail.catch(fresh), PREDECESSOR_WAIT_MS).then((t) => t ?? Promise.reject(retryable('The append before this one took too long')))
    : fresh();
  // Taken synchronously from the tail, so concurrent appends of this process chain in call order.
  const step = prev.then((base) => ({ base, built: build(base.frontier, entries, later(ctx.now().toISOString(), base.time)) }));
  const pending: Pending = { step, tip: step.then(({ built }) => tipOf(built, outcome)), outcome };
  // A failed step is this transaction's error (thrown below); for the chain it is only "start afresh".
  pending.tip.catch(() => undefined);
  pendingOf.set(tx, pending);
  seq.tail = pending.tip;
  // Whatever happens, this transaction reports its outcome, and a failure restarts the chain.
  const registered = deferToCommit(tx, {
    sql: async () => {
      // Everything this transaction appended, built on the tip before its first append.
      const { base, built } = await pending.step;
      if (base.outcome && (await within(base.outcome, PREDECESSOR_WAIT_MS)) !== true) {
        throw retryable('The append before this one in the log did not commit');
      }
      // Sent only when everything before it in this process has committed: if the head is not
      // what it was built on now, another process appended, and this process backs off.
      inOrder = true;
      return repo.conditionalAppendSql(
        { size: base.size, frontier: Buffer.concat(base.frontier.hashes) },
        { size: built.frontier.size, frontier: Buffer.concat(built.frontier.hashes) },
        built.rows,
        built.nodes,
      );
    },
    settled: (committed) => {
      settle(committed);
      if (committed) return;
      seq.tail = null;
      if (inOrder) seq.lockUntil = Date.now() + CONTENDED_LOCK_MS;
    },
  });
  if (!registered) throw new Error('appendSpeculative needs a transaction');
  try {
    return (await step).built.rows.map((r) => r.idx);
  } catch (e) {
    seq.tail = null;
    throw e;
  }
}

/**
 * A second append in a transaction that already appended speculatively: it extends that append
 * when nothing of another transaction chained after it; otherwise its entries would have to go
 * after the other's, whose commit waits for this one, so the transaction reruns (locking).
 */
async function appendMore(ctx: LogClock, tx: Queryable, entries: NewEntry[], seq: Sequencer, pending: Pending): Promise<number[]> {
  if (seq.tail !== pending.tip) throw retryable('Another append chained after this transaction’s first one');
  const before = pending.step;
  pending.step = before.then(({ base, built }) => ({
    base,
    built: joined(built, build(built.frontier, entries, later(ctx.now().toISOString(), built.time))),
  }));
  pending.tip = pending.step.then(({ built }) => tipOf(built, pending.outcome));
  pending.tip.catch(() => undefined);
  seq.tail = pending.tip;
  const { built } = await pending.step;
  return built.rows.slice(-entries.length).map((r) => r.idx);
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

