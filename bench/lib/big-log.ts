// A big transparency log, fast (issue #20, part 4): appends N synthetic entries to a database's log
// with COPY, as the real append path would have written them, so the real code (tiles, proofs,
// checkpoints, the audit) works over it unchanged:
//   - log_entries rows: the entry bytes are the RFC 8785 canonical JSON of a LogEntry (trust.ts),
//     the leaf hash is RFC 6962's SHA-256(0x00 ‖ entry), the indexed columns repeat the entry;
//   - log_nodes rows: every completed perfect subtree at a tile level (8, 16, 24, …), as
//     log-service.ts appendEntries stores them;
//   - log_head: the new size and frontier, in the same transaction, under the head's row lock.
// It continues from whatever the log already holds (the frontier is read from log_head), and later
// appends through the normal path continue from it. Memory stays bounded: entries are hashed and
// encoded a batch at a time while the previous batch's COPY runs; only the frontier (one hash per
// set bit of the size) lives across batches.
//
// Filler entries are kind `bench.filler`, subject type `bench_filler`, subject id a UUID and payload
// digest both derived from SHA-256 of the entry's index (so they look like real keys to the
// indexes). No audit check owns that kind (a test registers one for itself, test/db/big-log.test.ts).
import { hash } from 'node:crypto';
import type { Db, Queryable } from '../../src/platform/db.ts';
import { canonicalBytes } from '../../src/trust/canonical.ts';
import { columnEntryBytes } from '../../src/trust/log-repo.ts';
import { HASH_SIZE } from '../../src/trust/merkle.ts';
import { TILE_HEIGHT } from '../../src/trust/tiles.ts';
import type { LogEntry } from '../../src/trust/trust.ts';

export const FILLER_KIND = 'bench.filler';
export const FILLER_SUBJECT_TYPE = 'bench_filler';

const ENTRY_COLUMNS = ['idx', 'kind', 'subject_type', 'subject_id', 'version', 'payload_digest', 'entry', 'leaf_hash', 'recorded_at'];
const NODE_COLUMNS = ['level', 'idx', 'hash'];

// One-shot crypto.hash is about twice as fast as createHash().update().digest() for small inputs.
const sha = (data: Buffer | string): Buffer => hash('sha256', data, 'buffer');
const NODE_INPUT = Buffer.alloc(1 + 2 * HASH_SIZE);
NODE_INPUT[0] = 1;
/** RFC 6962 interior node hash SHA-256(0x01 ‖ left ‖ right). */
const nodeOf = (left: Buffer, right: Buffer): Buffer => {
  left.copy(NODE_INPUT, 1);
  right.copy(NODE_INPUT, 1 + HASH_SIZE);
  return sha(NODE_INPUT);
};
/** The entry's bytes behind a 0x00 byte: the leaf hash input (RFC 6962 SHA-256(0x00 ‖ entry)) and the entry in one buffer. */
const leafInput = (e: LogEntry): Buffer =>
  Buffer.from(
    `\0{"kind":"${e.kind}","payloadDigest":"${e.payloadDigest}","subjectId":"${e.subjectId}","subjectType":"${e.subjectType}","time":"${e.time}","version":${e.version}}`,
    'latin1',
  );

/** A UUID (version-4 layout) from the first 16 bytes of a hash. */
function uuidOf(seed: Buffer): string {
  const b = Buffer.from(seed.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The filler entry at log index `idx`, dated `time` (ISO). */
export function fillerEntry(idx: number, time: string): LogEntry {
  const seed = sha(`assay-bench-filler/${idx}`);
  return {
    kind: FILLER_KIND,
    subjectType: FILLER_SUBJECT_TYPE,
    subjectId: uuidOf(seed),
    version: 1,
    payloadDigest: `sha256:${seed.toString('hex')}`,
    time,
  };
}

/**
 * The canonical bytes of a filler entry, written out directly (keys in RFC 8785 order; every value
 * is plain ASCII needing no escape). `fillLog` checks it against canonicalBytes on its first entry,
 * and the test on every entry of a small log.
 */
export const fillerBytes = (e: LogEntry): Buffer => leafInput(e).subarray(1);

export interface FillOptions {
  /** Entries to append. */
  entries: number;
  /** Their date (default: now). Must not be before the log's last entry, nor after the next real one. */
  time?: Date;
  /** Rows per COPY statement (default 20,000). */
  batchRows?: number;
  /**
   * Drop the non-unique secondary indexes of log_entries before the COPY and rebuild them after
   * (their definitions read back from the catalogue), which is much faster than maintaining them
   * row by row. Default: when appending at least 100,000 entries.
   */
  rebuildIndexes?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface FillResult {
  /** Log size before and after. */
  from: number;
  size: number;
  entries: number;
  nodes: number;
  /** Wall time of the whole fill, and of the index rebuild inside it. */
  ms: number;
  indexMs: number;
  /** COPY text bytes sent for log_entries. */
  bytes: number;
}

const hexCell = (b: Buffer): string => `\\\\x${b.toString('hex')}`;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Appends `opts.entries` filler entries to the log of `db` in one transaction. */
export async function fillLog(db: Db, opts: FillOptions): Promise<FillResult> {
  const t0 = performance.now();
  const total = opts.entries;
  const time = (opts.time ?? new Date()).toISOString();
  const batchRows = opts.batchRows ?? 20_000;
  const rebuild = opts.rebuildIndexes ?? total >= 100_000;
  let indexMs = 0;
  let bytes = 0;
  let nodeCount = 0;
  const result = await db.transaction(async (tx) => {
    const head = (await tx.query<{ size: number; frontier: Buffer }>(`SELECT size, frontier FROM log_head WHERE id = 1 FOR UPDATE`)).rows[0]!;
    const from = head.size;
    // The frontier: one hash per set bit of the size, largest subtree first.
    const stack: Buffer[] = [];
    for (let i = 0; i < head.frontier.length; i += HASH_SIZE) stack.push(Buffer.from(head.frontier.subarray(i, i + HASH_SIZE)));
    let bits = 0;
    for (let s = from; s > 0; s = Math.floor(s / 2)) bits += s % 2;
    if (bits !== stack.length) throw new Error(`log_head holds ${stack.length} frontier hashes for size ${from}, expected ${bits}`);

    const dropped: { name: string; def: string }[] = [];
    if (rebuild) {
      if (db.engine === 'postgres') await tx.query(`SET LOCAL maintenance_work_mem = '512MB'`);
      const r = await tx.query<{ name: string; def: string }>(
        `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         WHERE i.indrelid = 'log_entries'::regclass AND NOT i.indisprimary AND NOT i.indisunique ORDER BY c.relname`,
      );
      for (const ix of r.rows) {
        await tx.query(`DROP INDEX ${ix.name}`);
        dropped.push(ix);
      }
    }

    const first = fillerEntry(from, time);
    if (!fillerBytes(first).equals(canonicalBytes(first))) throw new Error('filler bytes are not the canonical JSON of the entry');
    // As appendEntries stores them since migration 0015: no entry bytes when the columns rebuild them
    // (true of every filler entry, which is built from exactly those columns; checked on the first).
    const columns = { kind: first.kind, subject_type: first.subjectType, subject_id: first.subjectId, version: first.version, payload_digest: first.payloadDigest, recorded_at: new Date(time) };
    if (!columnEntryBytes(columns).equals(fillerBytes(first))) throw new Error('filler entries would not rebuild from their columns');

    let size = from;
    let pending: Promise<void> = Promise.resolve();
    const end = from + total;
    while (size < end) {
      const n = Math.min(batchRows, end - size);
      const lines: string[] = [];
      const nodes: string[] = [];
      for (let k = 0; k < n; k++) {
        const idx = size;
        const e = fillerEntry(idx, time);
        const input = leafInput(e);
        const leaf = sha(input);
        lines.push(`${idx}\t${e.kind}\t${e.subjectType}\t${e.subjectId}\t${e.version}\t${e.payloadDigest}\t\\N\t${hexCell(leaf)}\t${time}\n`);
        // appendFrontier, in place: each trailing set bit of the old size is a left sibling.
        let h = leaf;
        let level = 0;
        let index = idx;
        for (let s = idx; s % 2 === 1; s = (s - 1) / 2) {
          h = nodeOf(stack.pop()!, h);
          level++;
          index = Math.floor(index / 2);
          if (level % TILE_HEIGHT === 0) nodes.push(`${level}\t${index}\t${hexCell(h)}\n`);
        }
        stack.push(h);
        size++;
        // Let the previous batch's COPY stream on while this one is built.
        if ((k & 1023) === 1023) await nextTurn();
      }
      await pending;
      for (const l of lines) bytes += l.length;
      nodeCount += nodes.length;
      pending = (async () => {
        await tx.copyLines('log_entries', ENTRY_COLUMNS, lines);
        if (nodes.length > 0) await tx.copyLines('log_nodes', NODE_COLUMNS, nodes);
      })();
      // A failed COPY is thrown where it is awaited (after the next batch is built), not as an unhandled rejection meanwhile.
      pending.catch(() => undefined);
      opts.onProgress?.(size - from, total);
    }
    await pending;

    const ti = performance.now();
    for (const ix of dropped) await tx.query(ix.def);
    indexMs = performance.now() - ti;
    await tx.query(`UPDATE log_head SET size = $1, frontier = $2 WHERE id = 1`, [size, Buffer.concat(stack)]);
    return { from, size };
  });
  return { ...result, entries: total, nodes: nodeCount, ms: performance.now() - t0, indexMs, bytes };
}

/** Bytes on disk of the log's tables (with their indexes and TOAST) and of the whole database; PostgreSQL only. */
export async function logDiskBytes(q: Queryable): Promise<{ entries: number; nodes: number; database: number }> {
  const r = await q.query<{ entries: string; nodes: string; database: string }>(
    `SELECT pg_total_relation_size('log_entries')::text AS entries, pg_total_relation_size('log_nodes')::text AS nodes,
            pg_database_size(current_database())::text AS database`,
  );
  const row = r.rows[0]!;
  return { entries: Number(row.entries), nodes: Number(row.nodes), database: Number(row.database) };
}

/**
 * The raw COPY limit for the same rows: `rows` filler rows (hashed and encoded before the clock
 * starts, 20,000 distinct ones re-numbered) COPYed into an empty table shaped like log_entries with
 * only its primary key, 20,000 rows per COPY. Rows per second and COPY text bytes per second.
 */
export async function rawCopyRate(db: Db, rows: number): Promise<{ rowsPerSecond: number; bytesPerSecond: number; ms: number }> {
  const batch = 20_000;
  const time = new Date().toISOString();
  const tails: string[] = [];
  for (let i = 0; i < Math.min(batch, rows); i++) {
    const e = fillerEntry(i, time);
    const input = leafInput(e);
    tails.push(`\t${e.kind}\t${e.subjectType}\t${e.subjectId}\t${e.version}\t${e.payloadDigest}\t${hexCell(input.subarray(1))}\t${hexCell(sha(input))}\t${time}\n`);
  }
  await db.query(`DROP TABLE IF EXISTS bench_raw_copy`);
  await db.query(`CREATE TABLE bench_raw_copy (LIKE log_entries INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
  await db.query(`ALTER TABLE bench_raw_copy ADD PRIMARY KEY (idx)`);
  let bytes = 0;
  const t0 = performance.now();
  try {
    for (let done = 0; done < rows; ) {
      const n = Math.min(batch, rows - done);
      const lines = new Array<string>(n);
      for (let i = 0; i < n; i++) lines[i] = `${done + i}${tails[i]!}`;
      for (const l of lines) bytes += l.length;
      await db.copyLines('bench_raw_copy', ENTRY_COLUMNS, lines);
      done += n;
    }
    const ms = performance.now() - t0;
    return { rowsPerSecond: (rows / ms) * 1000, bytesPerSecond: (bytes / ms) * 1000, ms };
  } finally {
    await db.query(`DROP TABLE bench_raw_copy`);
  }
}
