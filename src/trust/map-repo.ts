import type { Queryable } from '../platform/db.ts';

// SQL of the authenticated maps (migrations/0013_encumbrance.sql). Branch ids are `varbit` path
// prefixes; the branches on a key's path are found with one probe per depth, 0..max_depth, in the
// same statement as everything else a read needs.

export interface HeadRow {
  id: number;
  root: Buffer;
  top: Buffer | null;
  size: number;
  max_depth: number;
}

export interface NodeRow {
  depth: number;
  left_slot: Buffer;
  right_slot: Buffer;
}

export interface CheckpointHead {
  size: number;
  note: string;
  created_at: Date;
  /** Cosignature lines stored for it, and when the newest was stored: what a cached note depends on. */
  cosignatures: number;
  cosigned_at: Date | null;
}

export interface PathRead {
  head: HeadRow;
  branches: NodeRow[];
  /** The key's current record, when it is in the map. */
  record: Record<string, unknown> | null;
  /** The latest checkpoint (proof reads only). */
  checkpoint: CheckpointHead | null;
}

interface Row {
  t: 'h' | 'n' | 'l';
  depth: number | null;
  a: Buffer | null;
  b: Buffer | null;
  rec: Record<string, unknown> | null;
  id: number | null;
  size: number | null;
  max_depth: number | null;
  cp_size: number | null;
  note: string | null;
  at: Date | null;
  n: number | null;
  at2: Date | null;
}

const CHECKPOINT_COLUMNS = `c.size AS cp_size, c.note, c.created_at AS at,
       (SELECT count(*) FROM log_cosignatures s WHERE s.size = c.size) AS n,
       (SELECT max(s.created_at) FROM log_cosignatures s WHERE s.size = c.size) AS at2`;
const NO_CHECKPOINT_COLUMNS = `NULL::bigint AS cp_size, NULL::text AS note, NULL::timestamptz AS at, NULL::bigint AS n, NULL::timestamptz AS at2`;

/**
 * One statement, so one snapshot and one round trip: the map's head, the branches on `keyBits`'s
 * path, the key's record, and (withCheckpoint) the latest checkpoint with its cosignature count.
 */
export async function readPath(q: Queryable, map: string, keyBits: string, key: Buffer, withCheckpoint: boolean): Promise<PathRead> {
  const rows = (
    await q.query<Row>(
      `WITH h AS (SELECT id, root, top, size, max_depth FROM map_heads WHERE name = $1)
       SELECT 'h' AS t, NULL::int AS depth, h.root AS a, h.top AS b, NULL::jsonb AS rec, h.id, h.size, h.max_depth,
              ${withCheckpoint ? CHECKPOINT_COLUMNS : NO_CHECKPOINT_COLUMNS}
         FROM h ${withCheckpoint ? 'LEFT JOIN LATERAL (SELECT size, note, created_at FROM log_checkpoints ORDER BY size DESC LIMIT 1) c ON true' : ''}
       UNION ALL
       SELECT 'n', length(n.id), n.left_slot, n.right_slot, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
         FROM map_nodes n
        WHERE n.map = (SELECT id FROM h)
          AND n.id = ANY (ARRAY(SELECT substring($2::varbit, 1, d) FROM generate_series(0, (SELECT max_depth FROM h)) d))
       UNION ALL
       SELECT 'l', NULL, NULL, NULL, l.record, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
         FROM map_leaves l
        WHERE l.map = (SELECT id FROM h) AND l.key = $3`,
      [map, keyBits, key],
    )
  ).rows;
  const h = rows.find((r) => r.t === 'h');
  if (!h) throw new Error(`no authenticated map named ${map}`);
  return {
    head: { id: h.id!, root: h.a!, top: h.b, size: h.size!, max_depth: h.max_depth! },
    branches: rows.filter((r) => r.t === 'n').map((r) => ({ depth: r.depth!, left_slot: r.a!, right_slot: r.b! })),
    record: rows.find((r) => r.t === 'l')?.rec ?? null,
    checkpoint:
      h.cp_size === null ? null : { size: h.cp_size, note: h.note!, created_at: h.at!, cosignatures: h.n ?? 0, cosigned_at: h.at2 },
  };
}

export interface MapWrite {
  map: number;
  upserts: { id: string; left: Buffer; right: Buffer }[];
  deletes: string[];
  /** The subject's new leaf (null: removed). */
  leaf: { key: Buffer; subject: string; record: Record<string, unknown> | null };
  head: { root: Buffer; top: Buffer | null; sizeDelta: number; maxDepth: number };
  logIndex: number;
}

/** Everything one change writes, in one statement (the CTEs touch disjoint rows). */
export async function writeChange(q: Queryable, w: MapWrite): Promise<void> {
  await q.query(
    `WITH del AS (DELETE FROM map_nodes WHERE map = $1 AND id = ANY ($2::varbit[])),
          up AS (INSERT INTO map_nodes (map, id, left_slot, right_slot)
                 SELECT $1, u.id, u.l, u.r FROM unnest($3::varbit[], $4::bytea[], $5::bytea[]) AS u(id, l, r)
                 ON CONFLICT (map, id) DO UPDATE SET left_slot = EXCLUDED.left_slot, right_slot = EXCLUDED.right_slot),
          gone AS (DELETE FROM map_leaves WHERE map = $1 AND key = $6 AND $8::jsonb IS NULL),
          leaf AS (INSERT INTO map_leaves (map, key, subject, record, log_index)
                   SELECT $1, $6, $7, $8::jsonb, $9 WHERE $8::jsonb IS NOT NULL
                   ON CONFLICT (map, key) DO UPDATE SET subject = EXCLUDED.subject, record = EXCLUDED.record, log_index = EXCLUDED.log_index),
          ch AS (INSERT INTO map_changes (map, log_index, subject, record, root) VALUES ($1, $9, $7, $8::jsonb, $10))
     UPDATE map_heads SET root = $10, top = $11, size = size + $12, max_depth = greatest(max_depth, $13) WHERE id = $1`,
    [
      w.map,
      w.deletes,
      w.upserts.map((u) => u.id),
      w.upserts.map((u) => u.left),
      w.upserts.map((u) => u.right),
      w.leaf.key,
      w.leaf.subject,
      w.leaf.record === null ? null : JSON.stringify(w.leaf.record),
      w.logIndex,
      w.head.root,
      w.head.top,
      w.head.sizeDelta,
      w.head.maxDepth,
    ],
  );
}

// ---------------------------------------------------------------- whole-map reads (audit, bulk)

export async function headByName(q: Queryable, map: string): Promise<HeadRow | undefined> {
  return (await q.query<HeadRow>(`SELECT id, root, top, size, max_depth FROM map_heads WHERE name = $1`, [map])).rows[0];
}

export async function allHeads(q: Queryable): Promise<{ name: string; root: Buffer }[]> {
  return (await q.query<{ name: string; root: Buffer }>(`SELECT name, root FROM map_heads ORDER BY name`)).rows;
}

export interface ChangeRow {
  log_index: number;
  subject: string;
  record: Record<string, unknown> | null;
  root: Buffer;
}

export async function changesFrom(q: Queryable, map: number, afterIndex: number, limit: number): Promise<ChangeRow[]> {
  return (
    await q.query<ChangeRow>(`SELECT log_index, subject, record, root FROM map_changes WHERE map = $1 AND log_index > $2 ORDER BY log_index LIMIT $3`, [
      map,
      afterIndex,
      limit,
    ])
  ).rows;
}

export interface LeafRow {
  key: Buffer;
  subject: string;
  record: Record<string, unknown>;
  log_index: number;
}

export async function leavesAfter(q: Queryable, map: number, afterKey: Buffer, limit: number): Promise<LeafRow[]> {
  return (
    await q.query<LeafRow>(`SELECT key, subject, record, log_index FROM map_leaves WHERE map = $1 AND key > $2 ORDER BY key LIMIT $3`, [map, afterKey, limit])
  ).rows;
}

export interface StoredNodeRow {
  id: string;
  left_slot: Buffer;
  right_slot: Buffer;
}

export async function nodesAfter(q: Queryable, map: number, afterId: string | null, limit: number): Promise<StoredNodeRow[]> {
  return (
    await q.query<StoredNodeRow>(
      `SELECT id::text AS id, left_slot, right_slot FROM map_nodes WHERE map = $1 AND ($2::varbit IS NULL OR id > $2::varbit) ORDER BY id LIMIT $3`,
      [map, afterId, limit],
    )
  ).rows;
}

/** The root of every map at each checkpoint size, as the checkpoints' extension lines say. */
export async function checkpointNotes(q: Queryable): Promise<{ size: number; note: string }[]> {
  return (await q.query<{ size: number; note: string }>(`SELECT size, note FROM log_checkpoints ORDER BY size`)).rows;
}

/** The log head and every map's root in one statement, so a checkpoint signs one consistent state. */
export async function logAndMapHeads(q: Queryable): Promise<{ size: number; frontier: Buffer; maps: { name: string; root: Buffer }[] }> {
  const rows = (
    await q.query<{ size: number; frontier: Buffer; name: string | null; root: Buffer | null }>(
      `SELECT l.size, l.frontier, m.name, m.root FROM log_head l LEFT JOIN map_heads m ON true WHERE l.id = 1 ORDER BY m.name`,
    )
  ).rows;
  return {
    size: rows[0]!.size,
    frontier: rows[0]!.frontier,
    maps: rows.filter((r) => r.name !== null).map((r) => ({ name: r.name!, root: r.root! })),
  };
}
