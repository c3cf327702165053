import type { BrandRecord } from '../brands/lookup.ts';
import { certificateCredential, statusListUrl } from '../certificates/credential.ts';
import type { CertificateContent, Evaluation, IssuedBy, Submission } from '../certificates/model.ts';
import { evaluateSubmission } from '../certificates/rules.ts';
import { buildContent, CERTIFICATE_RULES, ORIGIN_RESTRICTIONS } from '../certificates/service.ts';
import { canonicalJsonWith, canonicalMembers, digestOf, joinMembers, sha256Hex } from '../trust/canonical.ts';
import { locate } from '../trust/status-service.ts';
import { digestBytes, type LogKind } from '../trust/trust.ts';
import type { CredentialSigner } from '../trust/vc.ts';
import type { ContractSpec } from '../metals/spec-types.ts';
import type { ExistingCertificate } from '../certificates/bulk.ts';
import { versionLinePrefix } from '../certificates/bulk.ts';
import type { StoredCredential } from '../certificates/bulk.ts';

// What one import row becomes, without I/O: the certificate rules (as for a single issue), the
// decision against what is already registered (new, amendment, no-op or conflict), and the signed
// version. Pure and structured-clone friendly, so the import's worker threads run exactly this,
// and the in-process path (dry runs, and a chunk whose registered state moved under it) too.

/** An error at a submission path; the caller maps the path to the file's row and column. */
export interface PathError {
  path: string;
  code: string;
  reason: string;
}

/** A row that passed the file checks and names this producer's listed brand. */
export interface Candidate {
  submission: Submission;
  amendmentReason?: string;
  brand: BrandRecord;
  spec: ContractSpec | undefined;
  /** The registered certificates of this brand + PCR, newest first. */
  existing: ExistingCertificate[];
}

/** What the import's main thread needs of an evaluation; the whole of it stays with the signer. */
export type Verdict = Pick<Evaluation, 'verdict' | 'warrantEligible' | 'reasons'>;

export const verdictOf = (e: Verdict): Verdict => ({ verdict: e.verdict, warrantEligible: e.warrantEligible, reasons: e.reasons });

export type Decision<E extends Verdict = Evaluation> =
  | { kind: 'unchanged' }
  | { kind: 'refused'; errors: PathError[] }
  | { kind: 'new'; evaluation: E }
  | { kind: 'amend'; evaluation: E; existing: ExistingCertificate };

const conforming = (e: Verdict): boolean => e.verdict === 'conforming';

/** The part of a submission that decides "same certificate" (not the brand, which is the key). */
const submissionDigest = (s: Submission): string => {
  const { brand: _b, metal: _m, ...rest } = s;
  return digestOf(rest);
};
const registeredDigest = (c: CertificateContent): string => {
  const { schema: _s, number: _n, version: _v, brand: _b, producer: _p, plant: _pl, metal: _m, spec: _sp, issuedAt: _i, issuedBy: _by, ...rest } = c;
  return digestOf(rest);
};

/** Rule failures as path errors; a purity failure points at the purity element's column. */
export function reasonErrors(c: Pick<Candidate, 'spec'>, evaluation: Verdict): PathError[] {
  return evaluation.reasons.map((r) => ({
    path: r.path === 'chemistry.purity' && c.spec?.purity ? `chemistry.${c.spec.purity.element}` : r.path,
    code: r.code,
    reason: r.message,
  }));
}

/** Evaluates the row and decides what it does given what is registered (certificates/service.ts semantics). */
export function decide(c: Candidate, today: string): Decision {
  const evaluation = evaluateSubmission({
    submission: c.submission,
    brand: c.brand,
    spec: c.spec,
    today,
    rules: CERTIFICATE_RULES,
    originRestrictions: ORIGIN_RESTRICTIONS,
  });
  const existing = c.existing.find((e) => e.status !== 'rejected') ?? c.existing[0];
  if (!existing) return { kind: 'new', evaluation };
  if (registeredDigest(existing.content) === submissionDigest(c.submission)) return { kind: 'unchanged' };
  const reason = c.amendmentReason;
  if (reason === undefined) {
    // A rejected submission does not hold its PCR: a different one is a fresh submission, as in the API.
    if (existing.status === 'rejected') return { kind: 'new', evaluation };
    return {
      kind: 'refused',
      errors: [
        {
          path: 'pcr',
          code: 'conflict',
          reason: `Brand ${c.brand.code} already has certificate ${existing.number} for PCR ${c.submission.pcr} with different content; give an amendmentReason to amend it`,
        },
      ],
    };
  }
  if (existing.status === 'revoked') {
    return { kind: 'refused', errors: [{ path: 'pcr', code: 'conflict', reason: `Certificate ${existing.number} is revoked and cannot be amended` }] };
  }
  if (existing.status === 'issued' && !conforming(evaluation)) {
    return {
      kind: 'refused',
      errors: [
        { path: 'amendmentReason', code: 'amendment_not_conforming', reason: `The amendment does not conform; certificate ${existing.number} is unchanged` },
        ...reasonErrors(c, evaluation),
      ],
    };
  }
  return { kind: 'amend', evaluation, existing };
}

/** What a `new` or `amend` decision needs from the registry before it can be signed. */
export interface Allocation {
  certificateId: string;
  /** The registry-wide sequence behind a new certificate's number. */
  seq?: number;
  number: string;
  version: number;
  /** Null for a non-conforming version that has no index yet. */
  statusIndex: number | null;
}

/** How many new certificate numbers and status indices a decision takes. */
export function needs(d: Decision<Verdict>): { number: boolean; statusIndex: boolean } {
  if (d.kind === 'new') return { number: true, statusIndex: conforming(d.evaluation) };
  if (d.kind === 'amend') return { number: false, statusIndex: conforming(d.evaluation) && d.existing.status_index === null };
  return { number: false, statusIndex: false };
}

export interface SigningEnv {
  publicUrl: string;
  producerOrgId: string;
  issuerDid: string;
  /** ISO time of issue, the same for the whole chunk. */
  issuedAt: string;
  /** Who imports: recorded on each version. */
  actor: { userId: string | null; apiKeyId: string | null };
  /** The person behind the import, named in each version's content. */
  issuedBy?: IssuedBy | null;
  /** Absent only for a dry run, which signs nothing. */
  sign: CredentialSigner;
  /**
   * The credential frame the run signs in (certificates/repo.ts credentialFrameId): each version
   * stores its id, the signature and the status index; the rest is rebuilt from its content.
   */
  frame: { id: number; protectedHeader: string };
}

/** A signed version: its content, digest, credential (conforming only) and what its log entry commits to. */
export interface SignedVersion {
  /** The content's canonical JSON text (what its digest covers; stored as the version's jsonb). */
  contentJson: string;
  contentDigest: string;
  credential: string | null;
  logKind: LogKind;
  /** What the log entry commits to: the credential's bytes when there is one, else the content. */
  payloadDigest: string;
}

/**
 * A version ready to store: its row as the start of a COPY line (all but the log index, known only
 * at the append), and what the certificate row and the log entry need. The content and the
 * credential travel inside the line only.
 */
export interface SignedRow {
  versionLine: string;
  contentDigest: string;
  logKind: LogKind;
  payloadDigest: string;
}

/** What sign needs of a decision (small, so little crosses to the worker threads). */
export interface SigningDecision {
  kind: 'new' | 'amend';
  conforming: boolean;
  /** An amendment of a rejected certificate issues it. */
  amendsRejected: boolean;
}

export const signingDecision = (d: Extract<Decision<Verdict>, { kind: 'new' | 'amend' }>): SigningDecision => ({
  kind: d.kind,
  conforming: conforming(d.evaluation),
  amendsRejected: d.kind === 'amend' && d.existing.status === 'rejected',
});

/** What sign needs of a candidate: no registered versions. */
export type SigningCandidate = Pick<Candidate, 'submission' | 'brand' | 'spec' | 'amendmentReason'>;

/** Signs a decided row and builds its version row (certificates/repo.ts versionLinePrefix). */
export function signRow(c: SigningCandidate, d: SigningDecision, evaluation: Evaluation, a: Allocation, env: SigningEnv): SignedRow {
  const v = signVersion(c, d, a, env);
  const versionLine = versionLinePrefix({
    certificateId: a.certificateId,
    version: a.version,
    content: { json: v.contentJson },
    contentDigest: v.contentDigest,
    evaluation,
    amendmentReason: d.kind === 'amend' ? (c.amendmentReason ?? null) : null,
    userId: env.actor.userId,
    apiKeyId: env.actor.apiKeyId,
    credential: v.credential === null ? null : storedPieces(v.credential, a, env.frame),
    createdAt: new Date(env.issuedAt),
  });
  return { versionLine, contentDigest: v.contentDigest, logKind: v.logKind, payloadDigest: v.payloadDigest };
}

/**
 * What a version stores of its credential. The payload is the canonical credential that the
 * content rebuilds (certificates/credential.ts rebuildCredential; tests prove the bytes equal), so
 * only the header, checked to be the run's frame, and the signature are taken from the JWS.
 */
function storedPieces(jwt: string, a: Allocation, frame: SigningEnv['frame']): StoredCredential {
  const header = jwt.slice(0, jwt.indexOf('.'));
  if (header !== frame.protectedHeader) throw new Error(`certificate ${a.number}: signed under header ${header}, not the run's frame ${frame.id}`);
  return { frameId: frame.id, signature: Buffer.from(jwt.slice(jwt.lastIndexOf('.') + 1), 'base64url'), statusIndex: a.statusIndex! };
}

export function signVersion(c: SigningCandidate, d: SigningDecision, a: Allocation, env: SigningEnv): SignedVersion {
  const content = buildContent(c.submission, c.brand, c.spec, a.number, a.version, new Date(env.issuedAt), env.issuedBy);
  // The content is canonicalised once: its members give both its digest and, with the subject's
  // id added, the credentialSubject's text inside the signed credential.
  const members = canonicalMembers(content as unknown as Record<string, unknown>);
  const contentJson = joinMembers(members);
  const contentDigest = `sha256:${sha256Hex(contentJson)}`;
  const ok = d.conforming;
  let credential: string | null = null;
  if (ok) {
    if (a.statusIndex === null) throw new Error('a conforming version needs a status index');
    const vc = certificateCredential({
      publicUrl: env.publicUrl,
      certificateId: a.certificateId,
      issuerDid: env.issuerDid,
      content,
      status: { listUrl: statusListUrl(env.publicUrl, env.producerOrgId, locate(a.statusIndex).listNo), index: a.statusIndex },
      subjectOwned: true, // its canonical text is joined from the content's members below
    });
    const subject = vc.credentialSubject;
    const subjectText = joinMembers(members, { key: 'id', value: subject.id });
    credential = env.sign(vc, canonicalJsonWith(vc, new Map([[subject, subjectText]])));
  }
  const logKind: LogKind = !ok ? 'certificate.rejected' : d.kind === 'new' || d.amendsRejected ? 'certificate.issued' : 'certificate.amended';
  return { contentJson, contentDigest, credential, logKind, payloadDigest: credential ? digestBytes(credential) : contentDigest };
}
