/**
 * Verification of an Assay credential (a VC-JOSE `vc+jwt`: a certificate, and any other record type
 * a feature describes with a CredentialProfile) against a trust file, and
 * optionally a C2SP tlog-proof of its log entry. Pure: no I/O and no clock, so the API
 * (`POST /api/v1/verify`), the CLI (`assay verify`) and a browser give the same answer for the same
 * inputs.
 *
 * Every check is answered separately. A check that cannot be answered because an earlier one failed
 * is `skip` with the reason, never silently passed. Checks that read the credential's contents
 * (issuer, key_validity, schema, status, current) need a verified signature, since before that the
 * contents are not authenticated. log_inclusion is about the exact JWS bytes, so it runs whenever
 * the credential decodes. `ok` means the signature verified and no check failed.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { profileFor, type CredentialProfile } from './credential-profile.ts';
import { StatusListError, decodeList, getBit } from './status-list.ts';
import type { TrustBundle, TrustedIssuerKey, TrustedStatusList } from './trust.ts';
import {
  VC_CONTEXT_V2,
  VC_JWT_TYP,
  decodeCredentialJwt,
  verifyCredentialJwt,
  type DecodedCredentialJwt,
} from './vc.ts';
import { checkLogInclusion, checkWitnesses, type LogInclusionResult } from './verify-log.ts';
import { compileSubjectSchema, describeSchemaErrors } from './verify-schema.ts';

export { CHECK_NAMES, type Check, type CheckName } from './checks.ts';
import { CHECK_NAMES, type Check, type CheckName } from './checks.ts';

export type VerificationReport = {
  ok: boolean;
  /** One entry per CheckName, in CHECK_NAMES order. */
  checks: Check[];
  /** The credential's type (its profile's), when the credential decoded as one this verifier knows. */
  type?: string;
  /** Present when the signature verified (the fields are then authenticated): the profile's summary. */
  summary?: Record<string, unknown>;
};

export interface VerifyCredentialInput {
  /** The compact JWS; surrounding whitespace is ignored. */
  jwt: string;
  trust: TrustBundle;
  /** The kinds of credential this verifier knows; the credential's `type` picks one. */
  profiles: readonly CredentialProfile[];
  /** C2SP tlog-proof whose extra data is the canonical JSON of the LogEntry. Empty counts as absent. */
  proof?: string | Uint8Array;
  /** Known witnesses that must have cosigned the proof's checkpoint (default 0). */
  witnessQuorum?: number;
  /** The record's latest version, when the caller knows it (online). */
  currentVersion?: number;
  /** The credentialSubject JSON Schema; default the profile's, under the trust file's public URL. */
  subjectSchema?: object;
}

type Outcome = Pick<Check, 'status' | 'reason'>;
const pass = (reason: string): Outcome => ({ status: 'pass', reason });
const fail = (reason: string): Outcome => ({ status: 'fail', reason });
const skip = (reason: string): Outcome => ({ status: 'skip', reason });

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const q = (s: unknown): string => JSON.stringify(s);

function mediaTypeIs(value: unknown, expected: string): boolean {
  if (typeof value !== 'string') return false;
  const v = value.toLowerCase();
  return v === expected || v === `application/${expected}`;
}

const issuerIdOf = (issuer: unknown): string | undefined =>
  typeof issuer === 'string'
    ? issuer
    : isObject(issuer) && typeof issuer.id === 'string'
      ? issuer.id
      : undefined;

// ---------------------------------------------------------------------------------------------
// format

interface Decoded {
  jwt: DecodedCredentialJwt;
  kid: string;
  credential: Json;
  subject: Json;
  issuer: string;
  profile: CredentialProfile;
  subjectId: string;
  version: number;
}

function checkFormat(jwt: string, profiles: readonly CredentialProfile[]): { outcome: Outcome; decoded?: Decoded } {
  let d: DecodedCredentialJwt;
  try {
    d = decodeCredentialJwt(jwt);
  } catch (e) {
    return { outcome: fail(`not a compact JWS credential (${message(e)})`) };
  }
  const h = d.header;
  if (!mediaTypeIs(h.typ, VC_JWT_TYP))
    return { outcome: fail(`the JWS header typ is ${q(h.typ)}, not ${VC_JWT_TYP}`) };
  if (typeof h.kid !== 'string' || h.kid.length === 0)
    return { outcome: fail('the JWS header names no key (kid)') };
  const c = d.credential;
  const ctx = c['@context'];
  if (!Array.isArray(ctx) || ctx[0] !== VC_CONTEXT_V2) {
    return { outcome: fail(`not a VC 2.0 credential (@context must start with ${VC_CONTEXT_V2})`) };
  }
  const types = c.type;
  const profile = profileFor(profiles, types);
  if (!profile) {
    return {
      outcome: fail(
        `the credential's type ${q(types)} does not include VerifiableCredential and ${profiles.length === 1 ? profiles[0]!.type : `one of ${profiles.map((p) => p.type).join(', ')}`}`,
      ),
    };
  }
  const parsed = profile.parseId(c.id);
  if (!parsed)
    return {
      outcome: fail(`the credential id ${q(c.id)} is not an Assay ${profile.noun} id (${profile.idForm})`),
    };
  const issuer = issuerIdOf(c.issuer);
  if (issuer === undefined) return { outcome: fail('the credential names no issuer') };
  const subject = c.credentialSubject;
  if (!isObject(subject)) return { outcome: fail('the credential has no credentialSubject object') };
  if (typeof subject.version === 'number' && subject.version !== parsed.version) {
    return {
      outcome: fail(
        `the credential id says version ${parsed.version} but its subject says version ${subject.version}`,
      ),
    };
  }
  return {
    outcome: pass(`a ${VC_JWT_TYP} ${profile.type} credential for ${profile.noun} ${parsed.subjectId} version ${parsed.version}`),
    decoded: {
      jwt: d,
      kid: h.kid,
      credential: c,
      subject,
      issuer,
      profile,
      subjectId: parsed.subjectId,
      version: parsed.version,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// signature, issuer, key validity

function importIssuerKey(k: TrustedIssuerKey): KeyObject {
  const jwk = k.publicKeyJwk;
  if (!isObject(jwk) || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new Error('not an Ed25519 OKP JWK');
  }
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
}

function checkSignature(
  jwt: string,
  d: Decoded,
  trust: TrustBundle,
): { outcome: Outcome; key?: TrustedIssuerKey } {
  const listed = (Array.isArray(trust.issuers) ? trust.issuers : []).filter((k) => k.kid === d.kid);
  if (listed.length === 0)
    return { outcome: fail(`signed by a key the trust file does not list (kid ${d.kid})`) };
  const key = listed[0]!;
  if (listed.some((k) => k.publicKeyJwk?.x !== key.publicKeyJwk?.x)) {
    return { outcome: fail(`the trust file lists kid ${d.kid} more than once, with different keys`) };
  }
  let publicKey: KeyObject;
  try {
    publicKey = importIssuerKey(key);
  } catch (e) {
    return {
      outcome: fail(`the trust file's key ${d.kid} is not a usable Ed25519 public key (${message(e)})`),
    };
  }
  const res = verifyCredentialJwt(jwt, (kid) => (kid === d.kid ? publicKey : undefined));
  // `unknown_key` with a resolved Ed25519 key is only returned after the signature verified (the kid
  // is not a DID URL of the credential's issuer); the issuer check reports that.
  if (res.ok || res.code === 'unknown_key') {
    return { outcome: pass(`signed by ${key.orgName}'s key ${d.kid}`), key };
  }
  if (res.code === 'bad_signature') {
    return {
      outcome: fail(
        `the signature does not verify with ${key.orgName}'s key ${d.kid}: the credential was altered after signing, or signed by another key`,
      ),
    };
  }
  return { outcome: fail(`the credential is not a valid VC-JOSE credential (${res.reason})`) };
}

function checkIssuer(d: Decoded, key: TrustedIssuerKey): Outcome {
  if (d.issuer !== key.did) {
    return fail(`issued by ${d.issuer}, but key ${d.kid} belongs to ${key.did} (${key.orgName})`);
  }
  if (!d.kid.startsWith(`${key.did}#`))
    return fail(`the key id ${d.kid} is not a DID URL of the issuer ${key.did}`);
  return pass(`issued by ${key.orgName} (${key.did})`);
}

const parseTime = (v: unknown): number => (typeof v === 'string' ? Date.parse(v) : Number.NaN);

function checkKeyValidity(d: Decoded, key: TrustedIssuerKey): Outcome {
  const issuedAt = d.credential.validFrom;
  const at = parseTime(issuedAt);
  if (Number.isNaN(at)) return fail(`the credential's validFrom ${q(issuedAt)} is not a date-time`);
  const from = parseTime(key.validFrom);
  if (Number.isNaN(from))
    return fail(`the trust file gives key ${d.kid} an invalid validFrom ${q(key.validFrom)}`);
  if (at < from)
    return fail(`issued at ${String(issuedAt)}, before its signing key became valid (${key.validFrom})`);
  if (key.validUntil !== null && key.validUntil !== undefined) {
    const until = parseTime(key.validUntil);
    if (Number.isNaN(until))
      return fail(`the trust file gives key ${d.kid} an invalid validUntil ${q(key.validUntil)}`);
    if (at >= until) {
      return fail(
        `issued at ${String(issuedAt)}, after its signing key was rotated out (valid until ${key.validUntil})`,
      );
    }
    return pass(
      `issued at ${String(issuedAt)}, while its signing key was valid (${key.validFrom} to ${key.validUntil}; since rotated out)`,
    );
  }
  return pass(
    `issued at ${String(issuedAt)}, while its signing key was valid (active since ${key.validFrom})`,
  );
}

// ---------------------------------------------------------------------------------------------
// schema

function schemaPath(id: unknown): string | undefined {
  if (typeof id !== 'string' || !URL.canParse(id)) return undefined;
  return new URL(id).pathname;
}

function checkSchema(d: Decoded, schema: object): Outcome {
  const schemaId = (schema as { $id?: unknown }).$id;
  const declared = d.credential.credentialSchema;
  if (declared !== undefined) {
    const declaredId = isObject(declared) ? declared.id : undefined;
    // The host may differ (a registry that moved); the schema's path names its name and version.
    if (
      typeof schemaId === 'string' &&
      declaredId !== schemaId &&
      schemaPath(declaredId) !== schemaPath(schemaId)
    ) {
      return fail(
        `the credential declares schema ${q(declaredId)}, which is not the schema this verifier has (${schemaId})`,
      );
    }
  }
  let validate: ReturnType<typeof compileSubjectSchema>;
  try {
    validate = compileSubjectSchema(schema);
  } catch (e) {
    return fail(`the subject schema given to the verifier does not compile (${message(e)})`);
  }
  if (validate(d.subject))
    return pass(
      `the credentialSubject matches ${typeof schemaId === 'string' ? schemaId : 'the subject schema'}`,
    );
  return fail(
    `the credentialSubject does not match the schema: ${describeSchemaErrors(validate.errors ?? [])}`,
  );
}

// ---------------------------------------------------------------------------------------------
// status

function statusEntries(status: unknown): Json[] {
  const all = Array.isArray(status) ? status : status === undefined ? [] : [status];
  return all.filter(isObject).filter((s) => s.type === 'BitstringStatusListEntry');
}

function latestList(lists: readonly TrustedStatusList[], url: string): TrustedStatusList | undefined {
  let best: TrustedStatusList | undefined;
  for (const l of lists) {
    if (l.url !== url) continue;
    if (!best || parseTime(l.asOf) > parseTime(best.asOf)) best = l;
  }
  return best;
}

function checkStatus(d: Decoded, trust: TrustBundle): Outcome {
  const entries = statusEntries(d.credential.credentialStatus);
  if (entries.length === 0) {
    if (d.profile.withdrawal === 'superseded') {
      return skip(`a ${d.profile.noun} is not revoked through a status list: a later logged version or record supersedes it (see the current check)`);
    }
    return fail('the credential has no Bitstring Status List entry, so it could never be revoked');
  }
  const lists = Array.isArray(trust.statusLists) ? trust.statusLists : [];
  const passed: string[] = [];
  const missing: string[] = [];
  for (const s of entries) {
    const url = s.statusListCredential;
    const purpose = s.statusPurpose;
    const indexText = s.statusListIndex;
    if (
      typeof url !== 'string' ||
      typeof indexText !== 'string' ||
      !/^(?:0|[1-9][0-9]{0,15})$/.test(indexText)
    ) {
      return fail('the credential status entry is malformed (statusListCredential or statusListIndex)');
    }
    const index = Number(indexText);
    const list = latestList(lists, url);
    if (!list) {
      missing.push(url);
      continue;
    }
    let bits: Uint8Array;
    try {
      bits = decodeList(list.encodedList);
    } catch (e) {
      return fail(`the trust file's status list ${url} cannot be decoded (${message(e)})`);
    }
    let set: boolean;
    try {
      set = getBit(bits, index);
    } catch (e) {
      if (e instanceof StatusListError) {
        return fail(`status index ${index} is outside the ${bits.length * 8}-entry status list ${url}`);
      }
      throw e;
    }
    const where = `status list ${url} index ${index}, as of ${list.asOf}`;
    if (set) {
      return fail(purpose === 'suspension' ? `suspended (${where})` : `revoked (${where})`);
    }
    passed.push(`not ${purpose === 'suspension' ? 'suspended' : 'revoked'} (${where})`);
  }
  if (missing.length > 0) return skip(`no status list for ${missing.join(', ')} in the trust file`);
  return pass(passed.join('; '));
}

// ---------------------------------------------------------------------------------------------
// current

function checkCurrent(d: Decoded, currentVersion: number): Outcome {
  if (d.version < currentVersion)
    return fail(`superseded by version ${currentVersion} (this is version ${d.version})`);
  if (d.version > currentVersion) {
    return fail(
      `the credential claims version ${d.version}, but the registry's latest version is ${currentVersion}`,
    );
  }
  return pass(`this is the current version (${currentVersion})`);
}

// ---------------------------------------------------------------------------------------------

const summary = (d: Decoded): Record<string, unknown> =>
  d.profile.summarise(d.subject, {
    subjectId: d.subjectId,
    version: d.version,
    issuer: d.issuer,
    validFrom: typeof d.credential.validFrom === 'string' ? d.credential.validFrom : '',
  });

/** Verifies a credential; see the module comment. Throws only on invalid arguments. */
export function verifyCredential(input: VerifyCredentialInput): VerificationReport {
  const quorum = input.witnessQuorum ?? 0;
  if (!Number.isSafeInteger(quorum) || quorum < 0)
    throw new RangeError('witnessQuorum must be a non-negative integer');
  const currentVersion = input.currentVersion;
  if (currentVersion !== undefined && (!Number.isSafeInteger(currentVersion) || currentVersion < 1)) {
    throw new RangeError('currentVersion must be a positive integer');
  }
  const results = new Map<CheckName, Outcome>();
  const set = (name: CheckName, o: Outcome): void => void results.set(name, o);
  const jwt = typeof input.jwt === 'string' ? input.jwt.trim() : '';
  const trust = input.trust;
  const proof = input.proof !== undefined && input.proof.length > 0 ? input.proof : undefined;

  const format = checkFormat(jwt, input.profiles);
  set('format', format.outcome);
  const d = format.decoded;
  let key: TrustedIssuerKey | undefined;
  let log: LogInclusionResult | null = null;

  if (!d) {
    const why = skip('the credential could not be decoded');
    for (const name of CHECK_NAMES) if (name !== 'format') set(name, why);
  } else {
    const sig = checkSignature(jwt, d, trust);
    set('signature', sig.outcome);
    key = sig.key;
    if (sig.outcome.status === 'pass' && key) {
      set('issuer', checkIssuer(d, key));
      set('key_validity', checkKeyValidity(d, key));
      set('schema', checkSchema(d, input.subjectSchema ?? d.profile.subjectSchema(trust.registry?.publicUrl ?? '')));
      set('status', checkStatus(d, trust));
      set(
        'current',
        currentVersion === undefined
          ? skip('no current version was given (offline check)')
          : checkCurrent(d, currentVersion),
      );
    } else {
      const why = skip('the signature did not verify, so the credential’s contents are not authenticated');
      for (const name of ['issuer', 'key_validity', 'schema', 'status', 'current'] as const) set(name, why);
      if (currentVersion === undefined) set('current', skip('no current version was given (offline check)'));
    }
    if (proof === undefined) {
      set('log_inclusion', skip('no log proof was given'));
    } else {
      log = checkLogInclusion({
        jwt,
        subjectType: d.profile.subjectType,
        subjectId: d.subjectId,
        version: d.version,
        kinds: d.profile.logKinds,
        ...(d.profile.logKindsText ? { kindsText: d.profile.logKindsText } : {}),
        noun: d.profile.noun,
        trust,
        proof,
      });
      set('log_inclusion', log);
    }
    set(
      'witnesses',
      checkWitnesses(log, quorum, Array.isArray(trust.witnesses) ? trust.witnesses.length : 0),
    );
  }

  const checks: Check[] = CHECK_NAMES.map((name) => {
    const o = results.get(name) ?? skip('not checked');
    return { name, status: o.status, reason: o.reason };
  });
  const signatureOk = results.get('signature')?.status === 'pass';
  const ok = signatureOk && checks.every((c) => c.status !== 'fail');
  return { ok, checks, ...(d ? { type: d.profile.type } : {}), ...(signatureOk && d ? { summary: summary(d) } : {}) };
}
