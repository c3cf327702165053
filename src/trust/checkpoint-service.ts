import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { formatCheckpoint, mapRootLine } from './checkpoint.ts';
import { servableCosignatureLines } from './cosignature.ts';
import { ensureLogKey } from './keys-service.ts';
import { headRoot, inclusionProof } from './log-service.ts';
import { logAndMapHeads } from './map-repo.ts';
import * as repo from './log-repo.ts';
import { ed25519Signer, parseNote, signNote } from './note.ts';
import { formatProof } from './proof-bundle.ts';

// Checkpoints: the log key signs the tree head (C2SP checkpoint), witnesses' cosignatures are added
// when served, and proof bundles carry a checkpoint that covers their entry.

/**
 * Signs and stores a checkpoint of the current tree unless the newest one already covers it. The
 * note carries one extension line per authenticated map (`encumbrance <base64 root>`, map-service.ts)
 * with the map's root after the log's first `size` entries: the log head and the map heads are read
 * in one statement, and every map change is a log entry committed with it, so the two agree.
 *
 * One signer at a time across every process on the database: the reading, signing and storing
 * happen in one transaction holding the advisory lock CHECKPOINT_LOCK, and the newest checkpoint is
 * read under it, so a process that waited finds its predecessor's checkpoint and signs only what
 * that one does not cover. There is no leader to elect or lose: the lock is a transaction's, so it
 * goes with the transaction when its process dies (its connection closes) or stalls (the server
 * ends a session idle in its transaction after SIGNER_IDLE_LIMIT), and the next tick of any
 * process signs.
 */
export async function publishCheckpoint(ctx: AppContext): Promise<repo.CheckpointRow> {
  return (await signUnderLock(ctx, 'wait'))!;
}

/** publishCheckpoint, unless another process is signing right now (then undefined: it will cover this tick). */
export const publishCheckpointIfFree = (ctx: AppContext): Promise<repo.CheckpointRow | undefined> => signUnderLock(ctx, 'skip');

/** The advisory lock every checkpoint signer holds (one bigint key, named so it is found in pg_locks). */
export const CHECKPOINT_LOCK_SQL = `hashtext('assay.checkpoint-signer')`;
const SIGNER_IDLE_LIMIT = '10s';
const WAIT_LIMIT = '15s';

async function signUnderLock(ctx: AppContext, mode: 'wait' | 'skip'): Promise<repo.CheckpointRow | undefined> {
  const key = await ensureLogKey(ctx); // before the transaction: it may read or write with ctx.db
  return ctx.db.transaction(async (tx) => {
    if (ctx.db.engine === 'postgres') {
      await tx.exec(`SET LOCAL idle_in_transaction_session_timeout = '${SIGNER_IDLE_LIMIT}'; SET LOCAL lock_timeout = '${WAIT_LIMIT}'`);
    }
    if (mode === 'wait') await tx.query(`SELECT pg_advisory_xact_lock(${CHECKPOINT_LOCK_SQL})`);
    else if (!(await tx.query<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(${CHECKPOINT_LOCK_SQL}) AS ok`)).rows[0]!.ok) return undefined;
    const heads = await logAndMapHeads(tx);
    const size = heads.size;
    const latest = await repo.latestCheckpoint(tx);
    if (latest && latest.size >= size) return latest;
    const root = headRoot(size, heads.frontier);
    const extensions = heads.maps.map((m) => mapRootLine(m.name, m.root));
    const note = signNote(formatCheckpoint({ origin: key.name, size, rootHash: root, extensions }), [
      ed25519Signer(key.name, key.privateKey),
    ]).toString('utf8');
    await repo.insertCheckpoint(tx, { size, root, note });
    return (await repo.latestCheckpoint(tx))!;
  });
}

/**
 * The signed checkpoint with its witness cosignatures appended. Stored lines are checked again, under
 * each witness's current key, before they are served: a row that does not check out (written by an
 * older, laxer endpoint, by hand, or under a since-changed key) is left out rather than allowed to
 * make the whole note fail for every verifier.
 */
export async function checkpointNote(q: Queryable, c: repo.CheckpointRow): Promise<string> {
  const rows = await repo.cosignatureRows(q, c.size);
  if (rows.length === 0) return c.note;
  const lines = servableCosignatureLines(
    parseNote(c.note).text,
    rows.map((r) => ({ witness: r.witness, verifierKey: r.verifier_key, line: r.signature_line })),
  );
  return c.note + lines.map((l) => `${l}\n`).join('');
}

/** A C2SP tlog-proof for one entry, against a checkpoint that includes it (signed now if need be). */
export async function proofBundle(ctx: AppContext, index: number): Promise<string> {
  const entry = await repo.entryAt(ctx.db, index);
  if (!entry) throw new AppError('not_found', `Log entry ${index} not found`);
  // Prefer a checkpoint witnesses have cosigned, so the bundle can meet a witness quorum offline.
  let cp = (await repo.latestCosignedCovering(ctx.db, index + 1)) ?? (await repo.latestCheckpoint(ctx.db));
  if (!cp || cp.size <= index) cp = await publishCheckpoint(ctx);
  const hashes = await inclusionProof(ctx.db, index, cp.size);
  return formatProof({ extraData: entry.entry, index, hashes, checkpointNote: await checkpointNote(ctx.db, cp) }).toString('utf8');
}

/** Publishes checkpoints on a cadence while entries arrive (started by `assay serve`). */
export function startCheckpointer(ctx: AppContext, everyMs: number, onError: (e: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    publishCheckpointIfFree(ctx)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The proof bundle of the first log entry that committed to this payload digest (e.g. a credential's). */
export async function proofForPayload(ctx: AppContext, payloadDigest: string): Promise<string | null> {
  const found = await repo.firstEntryWithDigest(ctx.db, payloadDigest);
  return found === undefined ? null : proofBundle(ctx, found);
}
