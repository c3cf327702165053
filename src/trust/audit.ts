import type { AppContext } from '../platform/context.ts';
import { canonicalBytes } from './canonical.ts';
import { openCheckpoint } from './checkpoint.ts';
import { checkCosignatureLine } from './cosignature.ts';
import { appendFrontier, EMPTY_FRONTIER, frontierRoot, leafHash, type Frontier } from './merkle.ts';
import { decodeVerifierKey, ed25519Verifier, parseNote, SIG_TYPE_COSIGNATURE_V1 } from './note.ts';
import type { AuditFinding, LoggedEntry, TrustRegistry } from './registry.ts';
import type { LogEntry } from './trust.ts';
import { withEntry, type EntryRow as LogRow } from './log-repo.ts';

// `assay audit`: replay the whole log, recompute every leaf and checkpoint root, and then, through
// the audit check each feature registered for its subject types (registry.ts), recompute what each
// entry committed to from the database as it is now. Anything changed behind the application's
// back (a chemistry value or a status edited in SQL, a row deleted, a log row deleted or moved)
// becomes a finding that names the record. Entries of a subject type and kind no check owns are
// findings too: a record type that logs without an audit check is not audited.

export type Finding = AuditFinding;

export interface SeenCheckpoint {
  size: number;
  rootHash: string; // base64
}

export interface AuditResult {
  entries: number;
  checkpoints: number;
  /** Records each check examined, by subject type. */
  records: Record<string, number>;
  findings: Finding[];
  latestCheckpoint: SeenCheckpoint | null;
}

const CHUNK = 10_000;

/** A log row as stored: `entry` is NULL when its columns rebuild its bytes (log-repo.ts withEntry). */
type EntryRow = Omit<LogRow, 'entry'> & { entry: Buffer | null };

/** Why a stored cosignature line is not servable, or null when it is. */
function cosignatureProblem(note: string | undefined, witness: string, verifierKey: string, line: string): string | null {
  if (note === undefined) return 'its checkpoint is missing';
  let key;
  try {
    key = decodeVerifierKey(verifierKey);
  } catch (e) {
    return `the witness's registered key is unusable (${(e as Error).message})`;
  }
  if (key.sigType !== SIG_TYPE_COSIGNATURE_V1 || key.name !== witness) return `the witness's registered key is not a cosignature/v1 key named ${witness}`;
  let text;
  try {
    text = parseNote(note).text;
  } catch {
    return 'its checkpoint note does not parse';
  }
  const res = checkCosignatureLine(text, line, { name: witness, publicKey: key.publicKey });
  return res.ok ? null : res.detail;
}

export async function runAudit(ctx: AppContext, registry: TrustRegistry, seen: SeenCheckpoint[] = []): Promise<AuditResult> {
  const db = ctx.db;
  const findings: Finding[] = [];
  const find = (code: string, record: string, message: string) => findings.push({ code, record, message });

  // ------------------------------------------------------------ log structure and checkpoints
  const logKey = await db.query<{ name: string; public_key: Buffer }>(
    `SELECT name, public_key FROM signing_keys WHERE purpose = 'log' ORDER BY valid_from`,
  );
  const verifiers = logKey.rows.map((k) => ed25519Verifier(k.name, k.public_key));
  const origin = logKey.rows[0]?.name ?? '';
  const checkpoints = (await db.query<{ size: number; root_hash: Buffer; note: string }>(`SELECT size, root_hash, note FROM log_checkpoints ORDER BY size`)).rows;
  const wanted = new Map<number, { root: Buffer; what: string }[]>();
  const want = (size: number, root: Buffer, what: string) => wanted.set(size, [...(wanted.get(size) ?? []), { root, what }]);
  for (const c of checkpoints) {
    const opened = openCheckpoint(c.note, { origin, logVerifiers: verifiers });
    if (!opened.ok) find('checkpoint_signature', `checkpoint ${c.size}`, `Checkpoint ${c.size} does not verify: ${opened.detail}`);
    else if (opened.checkpoint.size !== c.size || !opened.checkpoint.rootHash.equals(c.root_hash)) {
      find('checkpoint_row', `checkpoint ${c.size}`, `Checkpoint ${c.size}: stored size/root differ from the signed note`);
    }
    want(c.size, c.root_hash, `checkpoint ${c.size}`);
  }
  // Stored cosignatures: the served note leaves out a line that does not check out; say which.
  const notes = new Map(checkpoints.map((c) => [c.size, c.note]));
  const cosignatures = await db.query<{ size: number; witness: string; verifier_key: string; signature_line: string }>(
    `SELECT s.size, s.witness, w.verifier_key, s.signature_line FROM log_cosignatures s JOIN witnesses w ON w.name = s.witness ORDER BY s.size, s.witness`,
  );
  for (const r of cosignatures.rows) {
    const why = cosignatureProblem(notes.get(r.size), r.witness, r.verifier_key, r.signature_line);
    if (why) find('cosignature_invalid', `cosignature of checkpoint ${r.size} by ${r.witness}`, `The stored cosignature of checkpoint ${r.size} by ${r.witness} is not served: ${why}`);
  }
  for (const s of seen) want(s.size, Buffer.from(s.rootHash, 'base64'), `previously seen checkpoint ${s.size}`);
  const checkRoots = (f: Frontier) => {
    for (const w of wanted.get(f.size) ?? []) {
      if (!frontierRoot(f).equals(w.root)) {
        find('root_mismatch', w.what, `The log's first ${f.size} entries no longer hash to ${w.what}'s root: entries were changed, removed or reordered`);
      }
    }
  };

  // subject type → subject id → its entries, in log order
  const entryIndex = new Map<string, Map<string, LoggedEntry[]>>();
  let frontier: Frontier = EMPTY_FRONTIER;
  checkRoots(frontier);
  let expected = 0;
  let lastTime = '';
  for (let from = 0; ; from += CHUNK) {
    const rows = (
      await db.query<EntryRow>(
        `SELECT idx, kind, subject_type, subject_id, version, payload_digest, entry, leaf_hash, recorded_at FROM log_entries ORDER BY idx LIMIT $1 OFFSET $2`,
        [CHUNK, from],
      )
    ).rows.map(withEntry);
    for (const r of rows) {
      if (r.idx !== expected) {
        find('log_gap', `log entries ${expected}..${r.idx - 1}`, `Log entries ${expected} to ${r.idx - 1} are missing`);
        expected = r.idx;
      }
      expected++;
      let e: LogEntry | undefined;
      try {
        e = JSON.parse(r.entry.toString('utf8')) as LogEntry;
      } catch {
        find('entry_malformed', `log entry ${r.idx}`, `Log entry ${r.idx} is not JSON`);
      }
      if (e) {
        if (!canonicalBytes(e).equals(r.entry)) find('entry_not_canonical', `log entry ${r.idx}`, `Log entry ${r.idx} is not canonical JSON`);
        if (e.kind !== r.kind || e.subjectId !== r.subject_id || e.subjectType !== r.subject_type || e.version !== r.version || e.payloadDigest !== r.payload_digest) {
          find('entry_columns', `log entry ${r.idx}`, `Log entry ${r.idx}: indexed columns differ from the logged entry`);
        }
        if (e.time < lastTime) find('entry_order', `log entry ${r.idx}`, `Log entry ${r.idx} (${e.subjectType} ${e.subjectId}) is dated before entry ${r.idx - 1}: entries were reordered`);
        lastTime = e.time;
        let byId = entryIndex.get(e.subjectType);
        if (!byId) entryIndex.set(e.subjectType, (byId = new Map()));
        let list = byId.get(e.subjectId);
        if (!list) byId.set(e.subjectId, (list = []));
        list.push({ idx: r.idx, kind: e.kind, version: e.version, digest: e.payloadDigest });
      }
      const lh = leafHash(r.entry);
      if (!lh.equals(r.leaf_hash)) find('leaf_mismatch', `log entry ${r.idx}`, `Log entry ${r.idx}: stored leaf hash does not match its content`);
      frontier = appendFrontier(frontier, lh).frontier;
      checkRoots(frontier);
    }
    if (rows.length < CHUNK) break;
  }
  const head = (await db.query<{ size: number }>(`SELECT size FROM log_head WHERE id = 1`)).rows[0]!;
  if (head.size !== expected) find('log_size', 'log', `The log head says ${head.size} entries but ${expected} were found`);
  for (const [size, ws] of wanted) {
    if (size > frontier.size) for (const w of ws) find('log_truncated', w.what, `${w.what} covers ${size} entries but the log now has ${frontier.size}`);
  }

  // ------------------------------------------------------------ every registered record type
  const records: Record<string, number> = {};
  const report = { find };
  const owner = new Map<string, (typeof registry.checks)[number]>();
  for (const c of registry.checks) for (const k of c.kinds) owner.set(`${c.subjectType}/${k}`, c);
  for (const [type, byId] of entryIndex) {
    const orphan = new Map<string, number>();
    for (const entries of byId.values()) {
      for (const e of entries) if (!owner.has(`${type}/${e.kind}`)) orphan.set(e.kind, (orphan.get(e.kind) ?? 0) + 1);
    }
    for (const [kind, n] of orphan) {
      find('unchecked_subject_type', `${type} (${kind})`, `${n} log entries of kind ${kind} for subject type ${type}: no audit check recomputes them`);
    }
  }
  for (const check of registry.checks) {
    const logged = new Map<string, LoggedEntry[]>();
    for (const [id, entries] of entryIndex.get(check.subjectType) ?? []) {
      const own = entries.filter((e) => check.kinds.includes(e.kind));
      if (own.length > 0) logged.set(id, own);
    }
    const result = await check.run(ctx, logged, report);
    records[check.subjectType] = (records[check.subjectType] ?? 0) + result.checked;
    for (const id of logged.keys()) {
      if (!result.present.has(id)) {
        find('record_missing', `${check.noun} ${id}`, `The ${check.noun} ${id} is in the log but no longer in the database: it was deleted behind the application's back`);
      }
    }
  }

  const last = checkpoints.at(-1);
  return {
    entries: expected,
    checkpoints: checkpoints.length,
    records,
    findings,
    latestCheckpoint: last ? { size: last.size, rootHash: last.root_hash.toString('base64') } : null,
  };
}
