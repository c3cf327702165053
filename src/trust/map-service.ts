import type { AppContext } from '../platform/context.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { TrailEvent } from '../trail/events.ts';
import { canonicalBytes, digestOf, sha256 } from './canonical.ts';
import { CheckpointError, mapRootsOf, parseCheckpoint } from './checkpoint.ts';
import { checkpointNote, publishCheckpoint } from './checkpoint-service.ts';
import { lockLog, type LogClock } from './log-service.ts';
import * as repo from './map-repo.ts';
import { parseNote } from './note.ts';
import type { AuditCheck } from './registry.ts';
import { recordSignedChange } from './signed-change.ts';
import {
  applyToWalk,
  bitString,
  branchId,
  decodeSlot,
  encodeProof,
  encodeSlot,
  DEPTH,
  prefixOf,
  proofFromWalk,
  SparseMerkleTree,
  TreeInconsistent,
  walk,
  type Branch,
  type MapProof,
  type TreeReader,
} from './sparse-merkle.ts';

// Authenticated maps: a subject (an asset id) → a record (its state), kept as a sparse Merkle tree
// (sparse-merkle.ts) in the database, changed inside the caller's transaction, each change a log
// entry, and every checkpoint committing to each map's root in an extension line. The kernel knows
// no map by meaning: the encumbrance module owns `encumbrance` (migrations/0013_encumbrance.sql
// creates its head row) and registers its audit check (mapAuditCheck).

export type MapRecord = Record<string, unknown>;

/** key = SHA-256(UTF-8 subject). */
export const mapKey = (subject: string): Buffer => sha256(Buffer.from(subject, 'utf8'));

/** value = SHA-256(RFC 8785 canonical JSON of the record). */
export const recordValue = (record: MapRecord): Buffer => sha256(canonicalBytes(record));

/** What a map change's log entry commits to (its payloadDigest is the digest of this). */
export const changePayload = (map: string, subject: string, record: MapRecord | null, root: Buffer) => ({
  map,
  subject,
  record,
  root: root.toString('base64'),
});

/** The log entry kind of every change of `map`; its subject type is the map's name. */
export const changeKind = (map: string): string => `${map}.set`;

function readerOf(read: repo.PathRead, key: Buffer): TreeReader {
  const byDepth = new Map<number, Branch>();
  for (const n of read.branches) {
    byDepth.set(n.depth, { depth: n.depth, prefix: prefixOf(key, n.depth), left: decodeSlot(n.left_slot), right: decodeSlot(n.right_slot) });
  }
  return { top: read.head.top ? decodeSlot(read.head.top) : null, branchAt: (_k, depth) => byDepth.get(depth) };
}

export interface MapChangeResult {
  /** False when the map already held exactly this (nothing was written or logged). */
  changed: boolean;
  root: Buffer;
  /** The change's log entry, when it changed. */
  logIndex: number | null;
}

const NO_ACTOR: TrailEvent['actor'] = { userId: null, apiKeyId: null, orgId: null };

/**
 * Sets `subject`'s record in `map` (null removes it), inside the caller's transaction: the tree's
 * branches on its path, the leaf, the head, the change row and a log entry `<map>.set` whose payload
 * commits to the subject, the record and the new root. The log head is locked first, so changes
 * are serialised by the log on both engines and each sees the one before it; call it after the
 * caller's own row locks, like any log append.
 */
export async function setMapEntry(
  clock: LogClock,
  tx: Queryable,
  map: string,
  subject: string,
  record: MapRecord | null,
  actor: TrailEvent['actor'] = NO_ACTOR,
): Promise<MapChangeResult> {
  const value = record === null ? null : recordValue(record); // refuses anything that is not plain JSON
  await lockLog(tx);
  const key = mapKey(subject);
  const read = await repo.readPath(tx, map, bitString(key, DEPTH), key, false);
  const w = walk(readerOf(read, key), key);
  if ((w.end.kind === 'member') !== (read.record !== null)) {
    throw new TreeInconsistent(`map ${map}: the leaf of ${subject} and the tree disagree`);
  }
  const top = read.head.top ? decodeSlot(read.head.top) : null;
  const u = applyToWalk(top, w, key, value);
  if (!u.changed) return { changed: false, root: read.head.root, logIndex: null };
  const recorded = await recordSignedChange(clock, tx, {
    log: { kind: changeKind(map), subjectType: map, subjectId: subject, version: null },
    payload: { record: changePayload(map, subject, record, u.root) },
    event: { actor, details: { root: u.root.toString('base64') } },
  });
  await repo.writeChange(tx, {
    map: read.head.id,
    upserts: u.upserts.map((b) => ({ id: branchId(b), left: encodeSlot(b.left), right: encodeSlot(b.right) })),
    deletes: u.deletes.map(branchId),
    leaf: { key, subject, record },
    head: { root: u.root, top: u.top ? encodeSlot(u.top) : null, sizeDelta: u.sizeDelta, maxDepth: Math.max(0, ...u.upserts.map((b) => b.depth)) },
    logIndex: recorded.logIndex,
  });
  return { changed: true, root: u.root, logIndex: recorded.logIndex };
}

// ------------------------------------------------------------------------------------ proofs

export interface SignedMapProof {
  subject: string;
  key: Buffer;
  record: MapRecord | null;
  /** sparse-merkle.ts encodeProof bytes. */
  proof: Buffer;
  decoded: MapProof;
  root: Buffer;
  checkpoint: { size: number; signedAt: Date; note: string };
}

interface CachedCheckpoint {
  note: string;
  roots: Map<string, Buffer>;
}

// Per database: a checkpoint's parsed map roots (by size; a checkpoint row never changes) and its
// servable note with cosignatures (by size, number of lines and newest line). A proof request then
// costs one statement and no signature work.
const checkpointCache = new WeakMap<Queryable, Map<string, CachedCheckpoint>>();

async function cachedCheckpoint(db: Queryable, cp: repo.CheckpointHead): Promise<CachedCheckpoint> {
  let byKey = checkpointCache.get(db);
  if (!byKey) checkpointCache.set(db, (byKey = new Map()));
  const k = `${cp.size}/${cp.cosignatures}/${cp.cosigned_at?.getTime() ?? 0}`;
  let c = byKey.get(k);
  if (!c) {
    let roots: Map<string, Buffer>;
    try {
      roots = mapRootsOf(parseCheckpoint(parseNote(cp.note).text));
    } catch (e) {
      if (e instanceof CheckpointError) roots = new Map();
      else throw e;
    }
    const note =
      cp.cosignatures > 0
        ? await checkpointNote(db, { size: cp.size, root_hash: Buffer.alloc(0), note: cp.note, created_at: cp.created_at })
        : cp.note;
    c = { note, roots };
    if (byKey.size > 64) byKey.clear();
    byKey.set(k, c);
  }
  return c;
}

/**
 * The proof of `subject`'s record (or of its absence) against the latest signed checkpoint. When
 * the map has changed since that checkpoint, a new one is signed first (the change's log entry
 * makes one possible), as proof bundles of log entries do.
 */
export async function signedMapProof(ctx: AppContext, map: string, subject: string): Promise<SignedMapProof> {
  const key = mapKey(subject);
  const bits = bitString(key, DEPTH);
  for (let attempt = 0; attempt < 5; attempt++) {
    const read = await repo.readPath(ctx.db, map, bits, key, true);
    const cp = read.checkpoint;
    const cached = cp ? await cachedCheckpoint(ctx.db, cp) : null;
    const committed = cached?.roots.get(map);
    if (cp && cached && committed?.equals(read.head.root)) {
      const w = walk(readerOf(read, key), key);
      const decoded = proofFromWalk(w);
      return {
        subject,
        key,
        record: read.record,
        proof: encodeProof(decoded),
        decoded,
        root: read.head.root,
        checkpoint: { size: cp.size, signedAt: cp.created_at, note: cached.note },
      };
    }
    const before = cp?.size ?? -1;
    const published = await publishCheckpoint(ctx);
    if (published.size <= before && attempt > 0) break;
  }
  throw new AppError(
    'unavailable',
    `No signed checkpoint commits to the ${map} map yet: it was signed before the map existed and nothing has been logged since`,
    undefined,
    { retryAfterSeconds: 5 },
  );
}

// ------------------------------------------------------------------------------------ audit

const CHUNK = 10_000;

/**
 * The audit check of one map (registered by the module that owns it): replays every change in log
 * order and checks it against its log entry, the root after it, each checkpoint's extension line
 * against the root at its size, the stored leaves against the replay, and the stored root, top
 * and branches against the tree rebuilt from the stored leaves. Findings name the subject
 * (`<noun> <subject>`).
 */
export function mapAuditCheck(map: string, noun: string): AuditCheck {
  return {
    subjectType: map,
    kinds: [changeKind(map)],
    noun,
    async run(ctx, logged, r) {
      const db = ctx.db;
      const head = await repo.headByName(db, map);
      if (!head) {
        r.find('map_missing', `map ${map}`, `The authenticated map ${map} is missing from the database`);
        return { checked: 0, present: new Set() };
      }
      const present = new Set<string>();
      const loggedAt = new Map<number, { subject: string; digest: string }>();
      for (const [subject, entries] of logged) for (const e of entries) loggedAt.set(e.idx, { subject, digest: e.digest });

      // Checkpoints in size order with the root each commits to for this map.
      const checkpoints = (await repo.checkpointNotes(db)).map((c) => {
        let root: Buffer | undefined;
        try {
          root = mapRootsOf(parseCheckpoint(parseNote(c.note).text)).get(map);
        } catch {
          root = undefined; // an unreadable note is the log check's finding
        }
        return { size: c.size, root };
      });
      let nextCp = 0;
      let firstChange: number | null = null;
      const checkCheckpointsUpTo = (size: number, root: Buffer) => {
        // Every checkpoint of at most `size` entries saw `root` (the root after the last change before it).
        while (nextCp < checkpoints.length && checkpoints[nextCp]!.size <= size) {
          const c = checkpoints[nextCp++]!;
          if (c.root === undefined) {
            if (firstChange !== null && c.size > firstChange) {
              r.find('checkpoint_map_root', `checkpoint ${c.size}`, `Checkpoint ${c.size} commits to no ${map} root although the map had changed before it`);
            }
          } else if (!c.root.equals(root)) {
            r.find('checkpoint_map_root', `checkpoint ${c.size}`, `Checkpoint ${c.size} commits to a ${map} root that is not the map's root after the log's first ${c.size} entries`);
          }
        }
      };

      const replay = new SparseMerkleTree();
      const records = new Map<string, MapRecord>();
      let after = -1;
      for (;;) {
        const rows = await repo.changesFrom(db, head.id, after, CHUNK);
        for (const c of rows) {
          after = c.log_index;
          present.add(c.subject);
          firstChange ??= c.log_index;
          checkCheckpointsUpTo(c.log_index, replay.root);
          const entry = loggedAt.get(c.log_index);
          loggedAt.delete(c.log_index);
          let value: Buffer | null = null;
          try {
            value = c.record === null ? null : recordValue(c.record);
          } catch {
            r.find('map_change_changed', `${noun} ${c.subject}`, `The ${map} change at log entry ${c.log_index} holds a record that is not plain JSON`);
          }
          const root = replay.set(mapKey(c.subject), value);
          if (c.record === null) records.delete(c.subject);
          else records.set(c.subject, c.record);
          if (!entry || entry.subject !== c.subject || entry.digest !== digestOf(changePayload(map, c.subject, c.record, c.root))) {
            r.find('map_change_changed', `${noun} ${c.subject}`, `The ${map} change of ${c.subject} at log entry ${c.log_index} is not what that entry logged`);
          }
          if (!root.equals(c.root)) {
            r.find('map_root_mismatch', `${noun} ${c.subject}`, `Replaying the ${map} changes up to log entry ${c.log_index} (${c.subject}) does not give the root stored with it`);
          }
        }
        if (rows.length < CHUNK) break;
      }
      checkCheckpointsUpTo(Number.MAX_SAFE_INTEGER, replay.root);
      for (const [idx, e] of loggedAt) {
        present.add(e.subject);
        r.find('map_change_missing', `${noun} ${e.subject}`, `Log entry ${idx} changed ${map} for ${e.subject} but the change is no longer stored`);
      }

      // The stored leaves against the replay, then the stored tree against the leaves.
      const leaves: { key: Buffer; value: Buffer }[] = [];
      const seen = new Set<string>();
      let afterKey: Buffer = Buffer.alloc(0);
      for (;;) {
        const rows = await repo.leavesAfter(db, head.id, afterKey, CHUNK);
        for (const l of rows) {
          afterKey = l.key;
          seen.add(l.subject);
          present.add(l.subject);
          const expected = records.get(l.subject);
          let value: Buffer | null = null;
          try {
            value = recordValue(l.record);
          } catch {
            value = null;
          }
          if (!l.key.equals(mapKey(l.subject)) || !value || !expected || !canonicalBytes(expected).equals(canonicalBytes(l.record))) {
            r.find('map_leaf_changed', `${noun} ${l.subject}`, `The stored ${map} entry of ${l.subject} is not what its logged changes left`);
          }
          if (value) leaves.push({ key: l.key, value });
        }
        if (rows.length < CHUNK) break;
      }
      for (const subject of records.keys()) {
        if (!seen.has(subject)) r.find('map_leaf_missing', `${noun} ${subject}`, `The ${map} entry of ${subject} was deleted behind the application's back`);
      }
      const rebuilt = SparseMerkleTree.build(leaves);
      if (!rebuilt.root.equals(head.root)) {
        r.find('map_root_mismatch', `map ${map}`, `The stored ${map} root is not the root of the stored entries`);
      } else if (!head.root.equals(replay.root)) {
        r.find('map_root_mismatch', `map ${map}`, `The stored ${map} root is not the root the logged changes lead to`);
      }
      if (head.size !== leaves.length || (head.top?.toString('hex') ?? null) !== (rebuilt.top ? encodeSlot(rebuilt.top).toString('hex') : null)) {
        r.find('map_head_changed', `map ${map}`, `The ${map} head (size, top) does not match the stored entries`);
      }
      const expectedNodes = new Map<string, string>();
      let maxDepth = 0;
      for (const b of rebuilt.branches()) {
        expectedNodes.set(branchId(b), encodeSlot(b.left).toString('hex') + encodeSlot(b.right).toString('hex'));
        maxDepth = Math.max(maxDepth, b.depth);
      }
      let badNodes = 0;
      let afterId: string | null = null;
      for (;;) {
        const rows = await repo.nodesAfter(db, head.id, afterId, CHUNK);
        for (const n of rows) {
          afterId = n.id;
          const want = expectedNodes.get(n.id);
          expectedNodes.delete(n.id);
          if (want !== n.left_slot.toString('hex') + n.right_slot.toString('hex')) badNodes++;
        }
        if (rows.length < CHUNK) break;
      }
      badNodes += expectedNodes.size;
      if (badNodes > 0) r.find('map_nodes_changed', `map ${map}`, `${badNodes} stored ${map} tree node(s) differ from the tree of the stored entries: proofs served from them would not verify`);
      if (head.max_depth < maxDepth) r.find('map_head_changed', `map ${map}`, `The ${map} head's max_depth ${head.max_depth} is below the deepest branch (${maxDepth}): proofs would miss branches`);
      return { checked: present.size, present };
    },
  };
}

/** Reads a whole map's stored root (for tests and tools). */
export async function mapRoot(db: Db | Queryable, map: string): Promise<Buffer> {
  const h = await repo.headByName(db, map);
  if (!h) throw new Error(`no authenticated map named ${map}`);
  return h.root;
}
