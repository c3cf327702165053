import { COPY_MIN_ROWS, type Queryable } from '../platform/db.ts';
import { entryBytes, type LogKind } from './trust.ts';

export interface HeadRow {
  size: number;
  frontier: Buffer;
}

export async function lockHead(q: Queryable): Promise<HeadRow> {
  return (await q.query<HeadRow>(`SELECT size, frontier FROM log_head WHERE id = 1 FOR UPDATE`)).rows[0]!;
}

export async function readHead(q: Queryable): Promise<HeadRow> {
  return (await q.query<HeadRow>(`SELECT size, frontier FROM log_head WHERE id = 1`)).rows[0]!;
}

export async function writeHead(q: Queryable, size: number, frontier: Buffer): Promise<void> {
  await q.query(`UPDATE log_head SET size = $1, frontier = $2 WHERE id = 1`, [size, frontier]);
}

export interface EntryRow {
  idx: number;
  kind: string;
  subject_type: string;
  subject_id: string;
  version: number | null;
  payload_digest: string;
  /** The leaf's bytes (RFC 8785 canonical JSON of the LogEntry); on read, rebuilt when not stored. */
  entry: Buffer;
  leaf_hash: Buffer;
  recorded_at: Date;
}

/**
 * The leaf bytes an entry's own columns make. Since migrations/0015 an entry whose bytes are
 * exactly these stores none (`entry` is NULL): the log references its columns rather than copying
 * them. Any change to a column then changes the bytes, and so the leaf hash the audit compares.
 */
export const columnEntryBytes = (r: Omit<EntryRow, 'entry' | 'leaf_hash' | 'idx'>): Buffer =>
  entryBytes({
    kind: r.kind as LogKind,
    payloadDigest: r.payload_digest,
    subjectId: r.subject_id,
    subjectType: r.subject_type,
    time: r.recorded_at.toISOString(),
    version: r.version,
  });

/** A stored row with its leaf bytes (kept, or rebuilt from its columns). */
export const withEntry = <R extends Omit<EntryRow, 'entry'> & { entry: Buffer | null }>(r: R): R & { entry: Buffer } =>
  r.entry === null ? { ...r, entry: columnEntryBytes(r) } : (r as R & { entry: Buffer });

/** What is stored of an entry's bytes: nothing when its columns rebuild them exactly. */
const storedEntry = (r: EntryRow): Buffer | null => (columnEntryBytes({ ...r, version: r.version ?? null }).equals(r.entry) ? null : r.entry);

type StoredEntryRow = Omit<EntryRow, 'entry'> & { entry: Buffer | null };

/** Multi-row insert through arrays, so a batch of entries is one statement on either engine. */
const ENTRY_COLUMNS = ['idx', 'kind', 'subject_type', 'subject_id', 'version', 'payload_digest', 'entry', 'leaf_hash', 'recorded_at'];

export async function insertEntries(q: Queryable, rows: EntryRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length >= COPY_MIN_ROWS) {
    return q.copyRows(
      'log_entries',
      ENTRY_COLUMNS,
      rows.map((r) => [r.idx, r.kind, r.subject_type, r.subject_id, r.version, r.payload_digest, storedEntry(r), r.leaf_hash, r.recorded_at]),
    );
  }
  await q.query(
    `INSERT INTO log_entries (idx, kind, subject_type, subject_id, version, payload_digest, entry, leaf_hash, recorded_at)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::bytea[], $8::bytea[], $9::timestamptz[])`,
    [
      rows.map((r) => r.idx),
      rows.map((r) => r.kind),
      rows.map((r) => r.subject_type),
      rows.map((r) => r.subject_id),
      rows.map((r) => r.version),
      rows.map((r) => r.payload_digest),
      rows.map(storedEntry),
      rows.map((r) => r.leaf_hash),
      rows.map((r) => r.recorded_at),
    ],
  );
}

export interface NodeRow {
  level: number;
  idx: number;
  hash: Buffer;
}

export async function insertNodes(q: Queryable, nodes: NodeRow[]): Promise<void> {
  if (nodes.length === 0) return;
  await q.query(
    `INSERT INTO log_nodes (level, idx, hash) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])`,
    [nodes.map((n) => n.level), nodes.map((n) => n.idx), nodes.map((n) => n.hash)],
  );
}

export async function leafHashes(q: Queryable, from: number, to: number): Promise<Buffer[]> {
  const r = await q.query<{ leaf_hash: Buffer }>(
    `SELECT leaf_hash FROM log_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx`,
    [from, to],
  );
  return r.rows.map((x) => x.leaf_hash);
}

export async function nodeHashes(q: Queryable, level: number, from: number, to: number): Promise<Buffer[]> {
  const r = await q.query<{ hash: Buffer }>(
    `SELECT hash FROM log_nodes WHERE level = $1 AND idx >= $2 AND idx < $3 ORDER BY idx`,
    [level, from, to],
  );
  return r.rows.map((x) => x.hash);
}

export async function entriesRange(q: Queryable, from: number, to: number): Promise<EntryRow[]> {
  return (await q.query<StoredEntryRow>(`SELECT * FROM log_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx`, [from, to])).rows.map(withEntry);
}

export async function entryAt(q: Queryable, idx: number): Promise<EntryRow | undefined> {
  const r = (await q.query<StoredEntryRow>(`SELECT * FROM log_entries WHERE idx = $1`, [idx])).rows[0];
  return r && withEntry(r);
}

/**
 * The first entry committing to a payload digest (e.g. a credential's), or undefined. Not written as
 * `ORDER BY idx LIMIT 1`: without fresh statistics (after a bulk load, before autovacuum analyses)
 * the planner walks the primary key from entry 0 filtering on the digest, reading the whole log for
 * a recent entry (112 ms at 300,000 entries, seconds at 10,000,000; docs/benchmarks.md). Asking for
 * every match leaves it only the digest index; a digest is logged once or a few times.
 */
export async function firstEntryWithDigest(q: Queryable, payloadDigest: string): Promise<number | undefined> {
  const r = await q.query<{ idx: number }>(`SELECT idx FROM log_entries WHERE payload_digest = $1`, [payloadDigest]);
  return r.rows.length === 0 ? undefined : Math.min(...r.rows.map((x) => x.idx));
}

export async function entriesFor(q: Queryable, subjectType: string, subjectId: string): Promise<EntryRow[]> {
  return (
    await q.query<StoredEntryRow>(`SELECT * FROM log_entries WHERE subject_type = $1 AND subject_id = $2 ORDER BY idx`, [
      subjectType,
      subjectId,
    ])
  ).rows.map(withEntry);
}

export interface CheckpointRow {
  size: number;
  root_hash: Buffer;
  note: string;
  created_at: Date;
}

export async function latestCheckpoint(q: Queryable): Promise<CheckpointRow | undefined> {
  return (await q.query<CheckpointRow>(`SELECT * FROM log_checkpoints ORDER BY size DESC LIMIT 1`)).rows[0];
}

export async function checkpointAtLeast(q: Queryable, size: number): Promise<CheckpointRow | undefined> {
  return (await q.query<CheckpointRow>(`SELECT * FROM log_checkpoints WHERE size >= $1 ORDER BY size LIMIT 1`, [size])).rows[0];
}

export async function allCheckpoints(q: Queryable): Promise<CheckpointRow[]> {
  return (await q.query<CheckpointRow>(`SELECT * FROM log_checkpoints ORDER BY size`)).rows;
}

export async function insertCheckpoint(q: Queryable, c: { size: number; root: Buffer; note: string }): Promise<void> {
  await q.query(`INSERT INTO log_checkpoints (size, root_hash, note) VALUES ($1, $2, $3) ON CONFLICT (size) DO NOTHING`, [
    c.size,
    c.root,
    c.note,
  ]);
}

export interface CosignatureRow {
  witness: string;
  /** The witness's verifier key as registered now. */
  verifier_key: string;
  signature_line: string;
}

export async function cosignatureRows(q: Queryable, size: number): Promise<CosignatureRow[]> {
  const r = await q.query<CosignatureRow>(
    `SELECT s.witness, w.verifier_key, s.signature_line FROM log_cosignatures s JOIN witnesses w ON w.name = s.witness
     WHERE s.size = $1 ORDER BY s.witness`,
    [size],
  );
  return r.rows;
}

/** The stored line of one witness for one checkpoint, locked for the rest of the transaction. */
export async function lockCosignature(q: Queryable, size: number, witness: string): Promise<string | undefined> {
  const r = await q.query<{ signature_line: string }>(
    `SELECT signature_line FROM log_cosignatures WHERE size = $1 AND witness = $2 FOR UPDATE`,
    [size, witness],
  );
  return r.rows[0]?.signature_line;
}

export async function checkpointBySize(q: Queryable, size: number): Promise<CheckpointRow | undefined> {
  return (await q.query<CheckpointRow>(`SELECT * FROM log_checkpoints WHERE size = $1`, [size])).rows[0];
}

export async function latestCosignedCovering(q: Queryable, minSize: number): Promise<CheckpointRow | undefined> {
  return (
    await q.query<CheckpointRow>(
      `SELECT c.* FROM log_checkpoints c WHERE c.size >= $1 AND EXISTS (SELECT 1 FROM log_cosignatures s WHERE s.size = c.size)
       ORDER BY c.size DESC LIMIT 1`,
      [minSize],
    )
  ).rows[0];
}

/** Stores a witness's line for a checkpoint unless it already has one; true if this call stored it. */
export async function insertCosignature(q: Queryable, c: { size: number; witness: string; line: string }): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO log_cosignatures (size, witness, signature_line) VALUES ($1, $2, $3) ON CONFLICT (size, witness) DO NOTHING`,
    [c.size, c.witness, c.line],
  );
  return r.rowCount === 1;
}

export async function replaceCosignature(q: Queryable, c: { size: number; witness: string; line: string }): Promise<void> {
  await q.query(`UPDATE log_cosignatures SET signature_line = $3, created_at = now() WHERE size = $1 AND witness = $2`, [
    c.size,
    c.witness,
    c.line,
  ]);
}

// ---------------------------------------------------------------- the append sent with COMMIT

/** A bytea literal (standard_conforming_strings, the default since PostgreSQL 9.1). */
const bytes = (b: Buffer): string => `'\\x${b.toString('hex')}'::bytea`;
/** A text literal: quotes doubled; our text never holds NUL, which PostgreSQL text cannot. */
const nullableBytes = (b: Buffer | null): string => (b === null ? 'NULL::bytea' : bytes(b));
const text = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const int = (n: number): string => {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
};

/**
 * One statement, without parameters so it travels in the same message as COMMIT: if the head is
 * still exactly `from` (size and frontier), it becomes `to` and the entries and nodes are inserted;
 * otherwise nothing is written and `assay_log_raced()` raises serialization_failure, so the
 * transaction rolls back and reruns. Taking the head's row lock here, at the very end, is what
 * keeps it held for no longer than this statement and the commit.
 */
export function conditionalAppendSql(from: HeadRow, to: HeadRow, rows: readonly EntryRow[], nodes: readonly NodeRow[]): string {
  const entryValues = rows
    .map(
      (r) =>
        `(${int(r.idx)}::bigint, ${text(r.kind)}, ${text(r.subject_type)}, ${text(r.subject_id)}, ${r.version === null ? 'NULL' : int(r.version)}::integer, ` +
        `${text(r.payload_digest)}, ${nullableBytes(storedEntry(r))}, ${bytes(r.leaf_hash)}, ${text(r.recorded_at.toISOString())}::timestamptz)`,
    )
    .join(',\n');
  const nodeValues = nodes.map((n) => `(${int(n.level)}::smallint, ${int(n.idx)}::bigint, ${bytes(n.hash)})`).join(',\n');
  return `WITH head AS (
  UPDATE log_head SET size = ${int(to.size)}, frontier = ${bytes(to.frontier)}
   WHERE id = 1 AND size = ${int(from.size)} AND frontier = ${bytes(from.frontier)} RETURNING 1
), entries AS (
  INSERT INTO log_entries (idx, kind, subject_type, subject_id, version, payload_digest, entry, leaf_hash, recorded_at)
  SELECT v.* FROM (VALUES ${entryValues}) AS v, head
)${
    nodes.length > 0
      ? `, nodes AS (
  INSERT INTO log_nodes (level, idx, hash) SELECT v.* FROM (VALUES ${nodeValues}) AS v, head
)`
      : ''
  }
SELECT assay_log_raced() FROM (SELECT 1) AS one WHERE NOT EXISTS (SELECT 1 FROM head)`;
}
