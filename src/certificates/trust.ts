import type { AppContext } from '../platform/context.ts';
import { digestOf } from '../trust/canonical.ts';
import type { AuditCheck, AuditReporter, LoggedEntry, RegisteredCredential, TrustRegistry } from '../trust/registry.ts';
import { getBit } from '../trust/status-list.ts';
import { listBitsIfAny, locate } from '../trust/status-service.ts';
import { digestBytes } from '../trust/trust.ts';
import { decodeCredentialJwt } from '../trust/vc.ts';
import { CERTIFICATE_PROFILE } from './profile.ts';
import { revocationRecord } from './records.ts';
import { storedCredential, type StoredVersionRow } from './repo.ts';

// What certificates register with the trust kernel: their credential type, and the audit check
// that recomputes every certificate version, status and revocation bit from the database.

const CHUNK = 10_000;

export const certificateCredential: RegisteredCredential = {
  profile: CERTIFICATE_PROFILE,
  reportField: 'certificate',
  async currentVersion(db, id) {
    const r = await db.query<{ current_version: number }>(`SELECT current_version FROM certificates WHERE id = $1`, [id]);
    return r.rows[0]?.current_version;
  },
};

export const CERTIFICATE_LOG_KINDS = ['certificate.issued', 'certificate.amended', 'certificate.rejected', 'certificate.revoked'] as const;

interface CertRow {
  id: string;
  number: string;
  status: string;
  current_version: number;
  content_digest: string;
  status_reason: string | null;
  status_index: number | null;
  producer_org_id: string;
}
type VersionRow = Pick<StoredVersionRow, 'certificate_id' | 'version' | 'content' | 'content_digest' | 'verdict' | 'log_index' | 'credential' | 'jws_frame' | 'jws_signature' | 'status_index' | 'protected_header' | 'public_url' | 'issuer'>;

/** The version's credential as stored (kept whole, or rebuilt from its pieces); a string when its pieces are broken. */
function credentialOf(v: VersionRow): { jwt: string | null } | { broken: string } {
  try {
    return { jwt: storedCredential(v) };
  } catch (e) {
    return { broken: (e as Error).message };
  }
}

function checkCertificate(c: CertRow, vs: VersionRow[], logged: readonly LoggedEntry[], r: AuditReporter): void {
  const name = `certificate ${c.number}`;
  for (const v of vs) {
    const what = `${name} version ${v.version}`;
    const recomputed = digestOf(v.content);
    if (recomputed !== v.content_digest) r.find('content_changed', what, `${what}: its content no longer matches its digest (changed after it was recorded)`);
    const entry = logged.find((l) => l.idx === v.log_index);
    if (!entry) {
      r.find('not_logged', what, `${what}: its log entry ${v.log_index} is missing or belongs to another record`);
      continue;
    }
    if (entry.version !== v.version) r.find('not_logged', what, `${what}: log entry ${v.log_index} records version ${entry.version}`);
    const stored = credentialOf(v);
    if ('broken' in stored) {
      r.find('credential_malformed', what, `${what}: the stored credential does not rebuild (${stored.broken})`);
      continue;
    }
    const credential = stored.jwt;
    // A credential stored as its pieces is rebuilt from the content, the signature, the status index
    // and the frame: a change to any of them changes the bytes, and so their digest.
    const payload = credential ? digestBytes(credential) : v.content_digest;
    if (entry.digest !== payload) r.find('payload_mismatch', what, `${what}: differs from what log entry ${v.log_index} committed to`);
    if (credential) {
      try {
        const { id: _subjectId, ...subject } = decodeCredentialJwt(credential).credential.credentialSubject as Record<string, unknown>;
        if (digestOf(subject) !== recomputed) r.find('credential_mismatch', what, `${what}: the stored content differs from the signed credential`);
      } catch {
        r.find('credential_malformed', what, `${what}: the stored credential does not decode`);
      }
    } else if (v.verdict === 'conforming') {
      r.find('credential_missing', what, `${what}: conforming but carries no credential`);
    }
  }
  const head = vs.find((v) => v.version === c.current_version);
  if (!head) r.find('version_missing', name, `${name}: current version ${c.current_version} is missing`);
  else if (head.content_digest !== c.content_digest) r.find('content_changed', name, `${name}: the certificate row's digest differs from its current version`);
  if (vs.length !== c.current_version) r.find('version_missing', name, `${name}: has ${vs.length} versions, expected ${c.current_version}`);
  const versionEntries = logged.filter((l) => l.kind !== 'certificate.revoked');
  if (versionEntries.length > vs.length) r.find('version_missing', name, `${name}: the log has ${versionEntries.length} versions, the database ${vs.length}`);
  // The status must agree with the log.
  const revocation = logged.find((l) => l.kind === 'certificate.revoked');
  const loggedStatus = revocation ? 'revoked' : versionEntries.at(-1)?.kind === 'certificate.rejected' ? 'rejected' : 'issued';
  if (loggedStatus !== c.status) r.find('status_changed', name, `${name}: status is ${c.status} in the database but ${loggedStatus} in the log`);
  if (revocation && c.status === 'revoked' && revocation.digest !== digestOf(revocationRecord(c.id, revocation.version ?? 0, c.status_reason ?? ''))) {
    r.find('status_changed', name, `${name}: the revocation record differs from what was logged`);
  }
}

export const certificateAuditCheck: AuditCheck = {
  subjectType: 'certificate',
  kinds: CERTIFICATE_LOG_KINDS,
  noun: 'certificate',
  async run(ctx: AppContext, logged, r) {
    const present = new Set<string>();
    const lists = new Map<string, Uint8Array | null>();
    let checked = 0;
    for (let offset = 0; ; offset += CHUNK) {
      const certs = (
        await ctx.db.query<CertRow>(
          `SELECT id, number, status, current_version, content_digest, status_reason, status_index, producer_org_id FROM certificates ORDER BY seq LIMIT $1 OFFSET $2`,
          [CHUNK, offset],
        )
      ).rows;
      if (certs.length === 0) break;
      const versions = (
        await ctx.db.query<VersionRow>(
          `SELECT v.certificate_id, v.version, v.content, v.content_digest, v.verdict, v.credential, v.log_index, v.jws_frame, v.jws_signature, v.status_index,
                  f.protected_header, f.public_url, f.issuer
             FROM certificate_versions v LEFT JOIN credential_frames f ON f.id = v.jws_frame
            WHERE v.certificate_id = ANY($1::uuid[]) ORDER BY v.certificate_id, v.version`,
          [certs.map((c) => c.id)],
        )
      ).rows;
      const byCert = new Map<string, VersionRow[]>();
      for (const v of versions) byCert.set(v.certificate_id, [...(byCert.get(v.certificate_id) ?? []), v]);
      for (const c of certs) {
        checked++;
        present.add(c.id);
        checkCertificate(c, byCert.get(c.id) ?? [], logged.get(c.id) ?? [], r);
        // Its revocation bit must say what its status says.
        if (c.status_index !== null) {
          const { listNo, bit } = locate(c.status_index);
          const key = `${c.producer_org_id}/${listNo}`;
          if (!lists.has(key)) lists.set(key, await listBitsIfAny(ctx.db, c.producer_org_id, listNo));
          const bits = lists.get(key);
          const set = bits ? getBit(bits, bit) : false;
          const revoked = c.status === 'revoked';
          if (set !== revoked) {
            r.find('status_bit', `certificate ${c.number}`, `certificate ${c.number}: revocation bit is ${set ? 'set' : 'clear'} but the certificate is ${revoked ? 'revoked' : 'not revoked'}`);
          }
        }
      }
    }
    return { checked, present };
  },
};

export const certificateTrust: Partial<TrustRegistry> = { credentials: [certificateCredential], checks: [certificateAuditCheck] };
