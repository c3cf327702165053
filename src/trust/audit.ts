import type { AppContext } from '../platform/context.ts';
import { brandLogRecord } from '../brands/service.ts';
import * as brandsRepo from '../brands/repo.ts';
import { revocationRecord } from '../certificates/service.ts';
import { adjustmentLogRecord, listClosures } from '../market/service.ts';
import { marketReference } from '../market/reference.ts';
import { canonicalBytes, digestOf } from './canonical.ts';
import { openCheckpoint } from './checkpoint.ts';
import { checkCosignatureLine } from './cosignature.ts';
import { keyRecord } from './keys-service.ts';
import { appendFrontier, EMPTY_FRONTIER, frontierRoot, leafHash, type Frontier } from './merkle.ts';
import { decodeVerifierKey, ed25519Verifier, parseNote, SIG_TYPE_COSIGNATURE_V1 } from './note.ts';
import { getBit } from './status-list.ts';
import { locate, statusListRecord } from './status-service.ts';
import { digestBytes, type LogEntry } from './trust.ts';
import { decodeCredentialJwt } from './vc.ts';

// `assay audit`: replay the whole log, recompute every leaf and checkpoint root, and recompute what
// each entry committed to from the database as it is now. Anything changed behind the
// application's back (a chemistry value or a status edited in SQL, a log row deleted or moved)
// becomes a finding that names the record.

export interface Finding {
  code: string;
  record: string;
  message: string;
}

export interface SeenCheckpoint {
  size: number;
  rootHash: string; // base64
}

export interface AuditResult {
  entries: number;
  checkpoints: number;
  certificates: number;
  findings: Finding[];
  latestCheckpoint: SeenCheckpoint | null;
}

const CHUNK = 10_000;

interface EntryRow {
  idx: number;
  kind: string;
  subject_type: string;
  subject_id: string;
  version: number | null;
  payload_digest: string;
  entry: Buffer;
  leaf_hash: Buffer;
}

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

export async function runAudit(ctx: AppContext, seen: SeenCheckpoint[] = []): Promise<AuditResult> {
  const db = ctx.db;
  const findings: Finding[] = [];
  const find = (code: string, record: string, message: string) => findings.push({ code, record, message });
  const revokedBits: { orgId: string; listNo: number; bit: number; revoked: boolean; name: string }[] = [];

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

  const entryIndex = new Map<string, { idx: number; kind: string; version: number | null; digest: string }[]>();
  let frontier: Frontier = EMPTY_FRONTIER;
  checkRoots(frontier);
  let expected = 0;
  let lastTime = '';
  for (let from = 0; ; from += CHUNK) {
    const rows = (
      await db.query<EntryRow>(
        `SELECT idx, kind, subject_type, subject_id, version, payload_digest, entry, leaf_hash FROM log_entries ORDER BY idx LIMIT $1 OFFSET $2`,
        [CHUNK, from],
      )
    ).rows;
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
        const key = `${e.subjectType}:${e.subjectId}`;
        entryIndex.set(key, [...(entryIndex.get(key) ?? []), { idx: r.idx, kind: e.kind, version: e.version, digest: e.payloadDigest }]);
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

  const entriesOf = (type: string, id: string) => entryIndex.get(`${type}:${id}`) ?? [];

  // ------------------------------------------------------------ certificates
  let certificates = 0;
  for (let offset = 0; ; offset += CHUNK) {
    const certs = (
      await db.query<{ id: string; number: string; status: string; current_version: number; content_digest: string; status_reason: string | null; status_index: number | null; producer_org_id: string }>(
        `SELECT id, number, status, current_version, content_digest, status_reason, status_index, producer_org_id FROM certificates ORDER BY seq LIMIT $1 OFFSET $2`,
        [CHUNK, offset],
      )
    ).rows;
    if (certs.length === 0) break;
    const versions = (
      await db.query<{ certificate_id: string; version: number; content: unknown; content_digest: string; verdict: string; credential: string | null; log_index: number }>(
        `SELECT certificate_id, version, content, content_digest, verdict, credential, log_index FROM certificate_versions WHERE certificate_id = ANY($1::uuid[]) ORDER BY certificate_id, version`,
        [certs.map((c) => c.id)],
      )
    ).rows;
    const byCert = new Map<string, typeof versions>();
    for (const v of versions) byCert.set(v.certificate_id, [...(byCert.get(v.certificate_id) ?? []), v]);
    for (const c of certs) {
      certificates++;
      const name = `certificate ${c.number}`;
      const vs = byCert.get(c.id) ?? [];
      const logged = entriesOf('certificate', c.id);
      for (const v of vs) {
        const what = `${name} version ${v.version}`;
        const recomputed = digestOf(v.content);
        if (recomputed !== v.content_digest) find('content_changed', what, `${what}: its content no longer matches its digest (changed after it was recorded)`);
        const entry = logged.find((l) => l.idx === v.log_index);
        if (!entry) {
          find('not_logged', what, `${what}: its log entry ${v.log_index} is missing or belongs to another record`);
          continue;
        }
        if (entry.version !== v.version) find('not_logged', what, `${what}: log entry ${v.log_index} records version ${entry.version}`);
        const payload = v.credential ? digestBytes(v.credential) : v.content_digest;
        if (entry.digest !== payload) find('payload_mismatch', what, `${what}: differs from what log entry ${v.log_index} committed to`);
        if (v.credential) {
          try {
            const { id: _subjectId, ...subject } = decodeCredentialJwt(v.credential).credential.credentialSubject as Record<string, unknown>;
            if (digestOf(subject) !== recomputed) find('credential_mismatch', what, `${what}: the stored content differs from the signed credential`);
          } catch {
            find('credential_malformed', what, `${what}: the stored credential does not decode`);
          }
        } else if (v.verdict === 'conforming') {
          find('credential_missing', what, `${what}: conforming but carries no credential`);
        }
      }
      const head = vs.find((v) => v.version === c.current_version);
      if (!head) find('version_missing', name, `${name}: current version ${c.current_version} is missing`);
      else if (head.content_digest !== c.content_digest) find('content_changed', name, `${name}: the certificate row's digest differs from its current version`);
      if (vs.length !== c.current_version) find('version_missing', name, `${name}: has ${vs.length} versions, expected ${c.current_version}`);
      // Status must agree with the log.
      const revocation = logged.find((l) => l.kind === 'certificate.revoked');
      const lastVersionEntry = [...logged].reverse().find((l) => l.kind !== 'certificate.revoked');
      const loggedStatus = revocation ? 'revoked' : lastVersionEntry?.kind === 'certificate.rejected' ? 'rejected' : 'issued';
      if (loggedStatus !== c.status) find('status_changed', name, `${name}: status is ${c.status} in the database but ${loggedStatus} in the log`);
      if (revocation && c.status === 'revoked' && revocation.digest !== digestOf(revocationRecord(c.id, revocation.version ?? 0, c.status_reason ?? ''))) {
        find('status_changed', name, `${name}: the revocation record differs from what was logged`);
      }
      if (c.status_index !== null) {
        const { listNo, bit } = locate(c.status_index);
        revokedBits.push({ orgId: c.producer_org_id, listNo, bit, revoked: c.status === 'revoked', name });
      }
    }
  }

  // ------------------------------------------------------------ status lists
  const lists = (await db.query<{ org_id: string; list_no: number; bits: Buffer }>(`SELECT org_id, list_no, bits FROM status_lists`)).rows;
  const listMap = new Map(lists.map((l) => [`${l.org_id}/${l.list_no}`, new Uint8Array(l.bits)]));
  for (const l of lists) {
    const logged = entriesOf('status_list', `${l.org_id}/${l.list_no}`).at(-1);
    if (!logged || logged.digest !== digestOf(statusListRecord(l.org_id, l.list_no, new Uint8Array(l.bits)))) {
      find('status_list_changed', `status list ${l.org_id}/${l.list_no}`, `Status list ${l.org_id}/${l.list_no} differs from its last logged state`);
    }
  }
  for (const b of revokedBits) {
    const bits = listMap.get(`${b.orgId}/${b.listNo}`);
    const set = bits ? getBit(bits, b.bit) : false;
    if (set !== b.revoked) find('status_bit', b.name, `${b.name}: revocation bit is ${set ? 'set' : 'clear'} but the certificate is ${b.revoked ? 'revoked' : 'not revoked'}`);
  }

  // ------------------------------------------------------------ keys and brands
  const keys = (await db.query<{ kid: string; org_id: string | null; purpose: string; public_key: Buffer; valid_from: Date }>(`SELECT kid, org_id, purpose, public_key, valid_from FROM signing_keys`)).rows;
  for (const k of keys) {
    const logged = entriesOf('signing_key', k.kid)[0];
    const rec = keyRecord({ kid: k.kid, orgId: k.org_id, purpose: k.purpose, publicKey: k.public_key, validFrom: k.valid_from });
    const ok = logged && (logged.digest === digestBytes(canonicalBytes(rec)) || logged.kind === 'key.rotated');
    if (!ok) find('key_changed', `key ${k.kid}`, `Signing key ${k.kid} is not logged as it is now`);
  }
  for (const b of await brandsRepo.listBrands(db, {})) {
    const logged = entriesOf('brand', b.id).at(-1);
    const history = await brandsRepo.statusHistory(db, b.id);
    if (!logged || logged.digest !== digestOf(brandLogRecord(b, history.at(-1)))) {
      find('brand_changed', `brand ${b.code}`, `Brand ${b.code} differs from its last logged state`);
    }
  }

  // ------------------------------------------------------------ exchange calendar changes
  // Changes made through the API are logged. A seeded one is the reference file's until withdrawn:
  // its day and kind (what decides the calendar) must still be the file's; the file's wording and
  // sources may be improved later without making every database a finding.
  const seeded = new Map(marketReference().adjustments.map((r) => [r.key, r]));
  for (const a of await listClosures(ctx, { includeWithdrawn: true })) {
    const what = `calendar change ${a.date} (${a.kind})`;
    const logged = entriesOf('calendar_adjustment', a.id).at(-1);
    const ref = a.referenceKey === null ? undefined : seeded.get(a.referenceKey);
    if (!logged) {
      const asSeeded = ref && a.version === 1 && ref.date === a.date && ref.kind === a.kind;
      if (!asSeeded) find('calendar_changed', what, `The ${what} is neither logged nor on the day and of the kind the reference data seeded`);
    } else if (logged.version !== a.version || logged.digest !== digestOf(adjustmentLogRecord(a))) {
      find('calendar_changed', what, `The ${what} differs from its last logged state`);
    }
  }

  const last = checkpoints.at(-1);
  return {
    entries: expected,
    checkpoints: checkpoints.length,
    certificates,
    findings,
    latestCheckpoint: last ? { size: last.size, rootHash: last.root_hash.toString('base64') } : null,
  };
}
