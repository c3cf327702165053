import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { certificateCredential, credentialId, statusListUrl } from './credential.ts';
import type { CertificateContent } from './model.ts';
import { sampleSubmission, seededRng } from './samples.ts';
import { certificateSubjectSchema } from './subject-schema.ts';
import { formatCheckpoint } from '../trust/checkpoint.ts';
import { cosign, encodeCosignatureVerifierKey } from '../trust/cosignature.ts';
import { didWebForOrg } from '../trust/did.ts';
import { generateEd25519, jwkThumbprint, privateKeyFromPkcs8, publicJwk } from '../trust/keystore.ts';
import { inclusionProof, rootFromLeafHashes } from '../trust/merkle.ts';
import { EM_DASH, decodeVerifierKey, ed25519Signer, encodeVerifierKey, signNote } from '../trust/note.ts';
import { formatProof } from '../trust/proof-bundle.ts';
import { emptyBitstring, encodeList, setBit } from '../trust/status-list.ts';
import {
  digestBytes,
  entryBytes,
  entryLeafHash,
  type LogEntry,
  type TrustBundle,
  type TrustedIssuerKey,
} from '../trust/trust.ts';
import { signCredentialJwt, type Credential } from '../trust/vc.ts';
import type { CheckName } from '../trust/verify.ts';
import { verifyCertificate, type CertificateVerificationReport as VerificationReport } from './profile.ts';

const PUBLIC_URL = 'https://assay.example';
const HOST = 'assay.example';
const ORIGIN = 'assay.example/log';
const SCHEMA = certificateSubjectSchema(PUBLIC_URL);

interface Issuer {
  orgId: string;
  did: string;
  kid: string;
  privateKey: ReturnType<typeof privateKeyFromPkcs8>;
  trusted: TrustedIssuerKey;
}

async function makeIssuer(
  name: string,
  validFrom = '2025-01-01T00:00:00.000Z',
  validUntil: string | null = null,
): Promise<Issuer> {
  const orgId = randomUUID();
  const did = didWebForOrg(HOST, orgId);
  const pair = generateEd25519();
  const kid = `${did}#${await jwkThumbprint(pair.publicKeyRaw)}`;
  return {
    orgId,
    did,
    kid,
    privateKey: privateKeyFromPkcs8(pair.privateKeyPkcs8),
    trusted: {
      kid,
      orgId,
      orgName: name,
      did,
      publicKeyJwk: publicJwk(pair.publicKeyRaw, kid),
      validFrom,
      validUntil,
    },
  };
}

function makeContent(issuer: Issuer, version = 1, issuedAt = '2025-03-02T10:00:00.000Z'): CertificateContent {
  const submission = sampleSubmission(
    'CA',
    { code: 'NORDC', shapes: ['cathode'], country: 'FI' },
    'C-2025-0042',
    '2025-03-01',
    seededRng(7),
  );
  const { brand: _brand, metal: _metal, ...rest } = submission;
  return {
    schema: 'assay.ecoa/1',
    number: 'NORDC-2025-000042',
    version,
    brand: { id: randomUUID(), code: 'NORDC', name: 'Nordic Copper' },
    producer: { id: issuer.orgId, name: 'Nordic Copper Oy' },
    plant: { name: 'Harjavalta', country: 'FI' },
    metal: 'CA',
    spec: { metal: 'CA', version: 1, qualityStandard: 'BS EN 1978:1998 Cu-CATH-1' },
    ...rest,
    issuedAt,
  };
}

const STATUS_INDEX = 4711;

function credentialFor(issuer: Issuer, certificateId: string, content: CertificateContent): Credential {
  return certificateCredential({
    publicUrl: PUBLIC_URL,
    certificateId,
    issuerDid: issuer.did,
    content,
    status: { listUrl: statusListUrl(PUBLIC_URL, issuer.orgId, 1), index: STATUS_INDEX },
  });
}

const sign = (
  issuer: Issuer,
  credential: Credential | Record<string, unknown>,
  kid = issuer.kid,
): Promise<string> => signCredentialJwt(credential, { privateKey: issuer.privateKey, kid });

function statusList(issuer: Issuer, revoked: number[] = []) {
  const bits = emptyBitstring();
  for (const i of revoked) setBit(bits, i, true);
  return {
    url: statusListUrl(PUBLIC_URL, issuer.orgId, 1),
    encodedList: encodeList(bits),
    asOf: '2025-04-01T00:00:00.000Z',
  };
}

interface Log {
  origin: string;
  vkey: string;
  entries: LogEntry[];
  text: string;
  note: Buffer;
  proofFor(index: number, opts?: { note?: Buffer | string; extra?: LogEntry }): Buffer;
}

function makeLog(entries: LogEntry[], origin = ORIGIN): Log {
  const logKey = generateEd25519();
  const hashes = entries.map(entryLeafHash);
  const text = formatCheckpoint({
    origin,
    size: entries.length,
    rootHash: rootFromLeafHashes(hashes),
    extensions: [],
  });
  const note = signNote(text, [ed25519Signer(origin, privateKeyFromPkcs8(logKey.privateKeyPkcs8))]);
  return {
    origin,
    vkey: encodeVerifierKey(origin, logKey.publicKeyRaw),
    entries,
    text,
    note,
    proofFor: (index, opts = {}) =>
      formatProof({
        extraData: entryBytes(opts.extra ?? entries[index]!),
        index,
        hashes: inclusionProof(hashes, index),
        checkpointNote: opts.note ?? note,
      }),
  };
}

const filler = (i: number): LogEntry => ({
  kind: 'brand.listed',
  subjectType: 'brand',
  subjectId: randomUUID(),
  version: 1,
  payloadDigest: digestBytes(`brand ${i}`),
  time: `2025-02-0${(i % 9) + 1}T00:00:00.000Z`,
});

const certEntry = (
  certificateId: string,
  version: number,
  jwt: string,
  kind: LogEntry['kind'] = 'certificate.issued',
): LogEntry => ({
  kind,
  subjectType: 'certificate',
  subjectId: certificateId,
  version,
  payloadDigest: digestBytes(jwt),
  time: '2025-03-02T10:00:00.100Z',
});

function trustFile(issuers: TrustedIssuerKey[], log: Log, extra: Partial<TrustBundle> = {}): TrustBundle {
  return {
    format: 'assay-trust/1',
    exportedAt: '2025-04-01T00:00:00.000Z',
    registry: { did: `did:web:${HOST}`, publicUrl: PUBLIC_URL },
    log: { origin: log.origin, verifierKey: log.vkey },
    witnesses: [],
    issuers,
    statusLists: [],
    ...extra,
  };
}

const check = (r: VerificationReport, name: CheckName) => {
  const c = r.checks.find((x) => x.name === name);
  if (!c) throw new Error(`no ${name} check`);
  return c;
};
const statuses = (r: VerificationReport) => Object.fromEntries(r.checks.map((c) => [c.name, c.status]));

// The world: one producer, a certificate at index 5 of an 8-entry log, a second certificate at 6.
let issuer: Issuer;
let certificateId: string;
let content: CertificateContent;
let jwt: string;
let otherJwt: string;
let log: Log;
const CERT_INDEX = 5;
const OTHER_INDEX = 6;
let trust: TrustBundle;

beforeAll(async () => {
  issuer = await makeIssuer('Nordic Copper Oy');
  certificateId = randomUUID();
  content = makeContent(issuer);
  jwt = await sign(issuer, credentialFor(issuer, certificateId, content));
  const otherId = randomUUID();
  otherJwt = await sign(
    issuer,
    credentialFor(issuer, otherId, {
      ...makeContent(issuer),
      number: 'NORDC-2025-000043',
      pcr: 'C-2025-0043',
    }),
  );
  const entries = [0, 1, 2, 3, 4].map(filler);
  entries.push(certEntry(certificateId, 1, jwt), certEntry(otherId, 1, otherJwt), filler(7));
  log = makeLog(entries);
  trust = trustFile([issuer.trusted], log, { statusLists: [statusList(issuer)] });
});

describe('verifyCertificate', () => {
  test('a logged, unrevoked, current certificate passes every check', () => {
    const r = verifyCertificate({
      jwt,
      trust,
      proof: log.proofFor(CERT_INDEX),
      currentVersion: 1,
      subjectSchema: SCHEMA,
    });
    expect(r.checks.map((c) => c.name)).toEqual([
      'format',
      'signature',
      'issuer',
      'key_validity',
      'schema',
      'status',
      'log_inclusion',
      'witnesses',
      'current',
    ]);
    expect(statuses(r)).toEqual({
      format: 'pass',
      signature: 'pass',
      issuer: 'pass',
      key_validity: 'pass',
      schema: 'pass',
      status: 'pass',
      log_inclusion: 'pass',
      witnesses: 'skip',
      current: 'pass',
    });
    expect(r.ok).toBe(true);
    expect(check(r, 'status').reason).toMatch(/^not revoked/);
    expect(check(r, 'log_inclusion').reason).toContain(`index ${CERT_INDEX} of ${ORIGIN}`);
    expect(r.certificate).toEqual({
      id: certificateId,
      number: 'NORDC-2025-000042',
      version: 1,
      brand: 'NORDC',
      metal: 'CA',
      pcr: 'C-2025-0042',
      productionDate: '2025-03-01',
      issuer: issuer.did,
      issuedAt: content.issuedAt,
    });
  });

  test('offline, without a proof or current version: passes, with those checks skipped and saying why', () => {
    const r = verifyCertificate({ jwt: `\n${jwt}\n`, trust, subjectSchema: SCHEMA });
    expect(r.ok).toBe(true);
    expect(check(r, 'log_inclusion')).toMatchObject({ status: 'skip', reason: 'no log proof was given' });
    expect(check(r, 'current').status).toBe('skip');
    expect(check(r, 'witnesses').status).toBe('skip');
  });

  test('revoked: status fails with a reason starting "revoked"', () => {
    const revokedTrust = { ...trust, statusLists: [statusList(issuer, [STATUS_INDEX])] };
    const r = verifyCertificate({
      jwt,
      trust: revokedTrust,
      proof: log.proofFor(CERT_INDEX),
      subjectSchema: SCHEMA,
    });
    expect(r.ok).toBe(false);
    expect(check(r, 'status').status).toBe('fail');
    expect(check(r, 'status').reason).toMatch(/^revoked \(status list .* index 4711/);
    expect(check(r, 'signature').status).toBe('pass');
    expect(r.certificate?.id).toBe(certificateId);
  });

  test('a neighbouring bit does not revoke; a trust file without the list skips status', () => {
    expect(
      verifyCertificate({
        jwt,
        trust: { ...trust, statusLists: [statusList(issuer, [STATUS_INDEX + 1])] },
        subjectSchema: SCHEMA,
      }).ok,
    ).toBe(true);
    const r = verifyCertificate({ jwt, trust: { ...trust, statusLists: [] }, subjectSchema: SCHEMA });
    expect(check(r, 'status')).toEqual({
      name: 'status',
      status: 'skip',
      reason: `no status list for ${statusListUrl(PUBLIC_URL, issuer.orgId, 1)} in the trust file`,
    });
  });

  test('a rotated-out key still verifies what it signed while valid, but not what is dated after', async () => {
    const rotated = { ...issuer.trusted, validUntil: '2025-03-15T00:00:00.000Z' };
    const r = verifyCertificate({
      jwt,
      trust: { ...trust, issuers: [rotated] },
      proof: log.proofFor(CERT_INDEX),
      subjectSchema: SCHEMA,
    });
    expect(r.ok).toBe(true);
    expect(check(r, 'key_validity').reason).toContain('rotated out');

    const late = await sign(
      issuer,
      credentialFor(issuer, certificateId, makeContent(issuer, 1, '2025-03-20T00:00:00.000Z')),
    );
    const r2 = verifyCertificate({
      jwt: late,
      trust: { ...trust, issuers: [rotated] },
      subjectSchema: SCHEMA,
    });
    expect(r2.ok).toBe(false);
    expect(check(r2, 'signature').status).toBe('pass');
    expect(check(r2, 'key_validity')).toMatchObject({ status: 'fail' });
    expect(check(r2, 'key_validity').reason).toContain('after its signing key was rotated out');

    // Exactly at validUntil is already too late; before the key's validFrom is too early.
    const edge = { ...issuer.trusted, validUntil: content.issuedAt };
    expect(
      check(
        verifyCertificate({ jwt, trust: { ...trust, issuers: [edge] }, subjectSchema: SCHEMA }),
        'key_validity',
      ).status,
    ).toBe('fail');
    const future = { ...issuer.trusted, validFrom: '2025-06-01T00:00:00.000Z' };
    const r3 = verifyCertificate({ jwt, trust: { ...trust, issuers: [future] }, subjectSchema: SCHEMA });
    expect(check(r3, 'key_validity').reason).toContain('before its signing key became valid');
  });

  test('an altered payload fails the signature; content checks are skipped, not passed', () => {
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const credential = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Credential;
    credential.credentialSubject.netWeightKg = '99999.9';
    const tampered = `${h}.${Buffer.from(JSON.stringify(credential)).toString('base64url')}.${s}`;
    const r = verifyCertificate({
      jwt: tampered,
      trust,
      proof: log.proofFor(CERT_INDEX),
      subjectSchema: SCHEMA,
    });
    expect(r.ok).toBe(false);
    expect(check(r, 'format').status).toBe('pass');
    expect(check(r, 'signature').status).toBe('fail');
    expect(check(r, 'signature').reason).toContain('does not verify');
    for (const name of ['issuer', 'key_validity', 'schema', 'status'] as const) {
      expect(check(r, name).status).toBe('skip');
      expect(check(r, name).reason).toContain('not authenticated');
    }
    // The log holds the original bytes, not these.
    expect(check(r, 'log_inclusion')).toMatchObject({ status: 'fail' });
    expect(check(r, 'log_inclusion').reason).toContain('proof is for a different entry');
    expect(r.certificate).toBeUndefined();
  });

  test('a trust file with other issuer keys: signature fails "not listed"', async () => {
    const stranger = await makeIssuer('Someone Else');
    const r = verifyCertificate({
      jwt,
      trust: { ...trust, issuers: [stranger.trusted] },
      subjectSchema: SCHEMA,
    });
    expect(r.ok).toBe(false);
    expect(check(r, 'signature')).toEqual({
      name: 'signature',
      status: 'fail',
      reason: `signed by a key the trust file does not list (kid ${issuer.kid})`,
    });
    // A trust file listing the right kid with someone else's key material: the signature does not verify.
    const swapped = { ...stranger.trusted, kid: issuer.kid, did: issuer.did };
    const r2 = verifyCertificate({ jwt, trust: { ...trust, issuers: [swapped] }, subjectSchema: SCHEMA });
    expect(check(r2, 'signature').status).toBe('fail');
    expect(check(r2, 'signature').reason).toContain('does not verify');
  });

  test('a key of one organisation used for a credential naming another issuer fails issuer', async () => {
    const other = await makeIssuer('Other Producer');
    const cred = { ...credentialFor(issuer, certificateId, content), issuer: other.did };
    const forged = await sign(issuer, cred);
    const r = verifyCertificate({
      jwt: forged,
      trust: { ...trust, issuers: [issuer.trusted, other.trusted] },
      subjectSchema: SCHEMA,
    });
    expect(check(r, 'signature').status).toBe('pass');
    expect(check(r, 'issuer').status).toBe('fail');
    expect(check(r, 'issuer').reason).toBe(
      `issued by ${other.did}, but key ${issuer.kid} belongs to ${issuer.did} (Nordic Copper Oy)`,
    );
    expect(r.ok).toBe(false);
  });

  test('a truncated proof fails log_inclusion with a specific reason', () => {
    const full = log.proofFor(CERT_INDEX).toString('utf8');
    const lines = full.split('\n');
    // Drop the last audit-path hash (line 3 is index, then hashes).
    const hashLines = lines.slice(3, lines.indexOf(''));
    expect(hashLines.length).toBe(3);
    const shortened = [
      ...lines.slice(0, 3 + hashLines.length - 1),
      ...lines.slice(3 + hashLines.length),
    ].join('\n');
    const r = verifyCertificate({ jwt, trust, proof: shortened, subjectSchema: SCHEMA });
    expect(check(r, 'log_inclusion').status).toBe('fail');
    expect(check(r, 'log_inclusion').reason).toBe(
      `the proof is truncated: index ${CERT_INDEX} in a tree of 8 needs 3 hashes, the proof has 2`,
    );
    expect(r.ok).toBe(false);

    const cut = full.slice(0, full.indexOf('\n\n'));
    const r2 = verifyCertificate({ jwt, trust, proof: cut, subjectSchema: SCHEMA });
    expect(check(r2, 'log_inclusion').reason).toMatch(/^the proof is truncated \(missing/);
  });

  test('a checkpoint from another log fails, naming the origin', () => {
    const foreign = makeLog(log.entries, 'other.example/log');
    const r = verifyCertificate({ jwt, trust, proof: foreign.proofFor(CERT_INDEX), subjectSchema: SCHEMA });
    expect(check(r, 'log_inclusion')).toEqual({
      name: 'log_inclusion',
      status: 'fail',
      reason: `checkpoint is from another log (origin other.example/log ≠ ${ORIGIN})`,
    });
    // Same origin, another key: not signed by the trusted log key.
    const impostor = makeLog(log.entries);
    const r2 = verifyCertificate({ jwt, trust, proof: impostor.proofFor(CERT_INDEX), subjectSchema: SCHEMA });
    expect(check(r2, 'log_inclusion').reason).toContain('not signed by the log key in the trust file');
    // The trusted key over altered checkpoint text: the signature does not verify.
    const altered = Buffer.from(log.note.toString('utf8').replace(/\n8\n/, '\n9\n'));
    const r3 = verifyCertificate({
      jwt,
      trust,
      proof: log.proofFor(CERT_INDEX, { note: altered }),
      subjectSchema: SCHEMA,
    });
    expect(check(r3, 'log_inclusion').reason).toContain('does not verify');
  });

  test('a checkpoint carrying lines by keys the trust file does not list still verifies; a bad line by its log key does not', () => {
    const logKey = decodeVerifierKey(log.vkey);
    const junk = (name: string, keyId: Buffer) =>
      `${EM_DASH} ${name} ${Buffer.concat([keyId, Buffer.alloc(64, 0x5a)]).toString('base64')}\n`;
    const unknown =
      junk('stranger.example/w9', Buffer.from('01020304', 'hex')) +
      junk(logKey.name, Buffer.from('00000000', 'hex')) +
      junk('stranger.example/w9', logKey.keyId);
    const extra = Buffer.concat([log.note, Buffer.from(unknown)]);
    const r = verifyCertificate({
      jwt,
      trust,
      proof: log.proofFor(CERT_INDEX, { note: extra }),
      subjectSchema: SCHEMA,
    });
    expect(check(r, 'log_inclusion').status).toBe('pass');
    expect(r.ok).toBe(true);

    // What the attack served: a line under the log's own name and key ID in front of its real one.
    const forged = log.note.toString('utf8').replace('\n\n', `\n\n${junk(logKey.name, logKey.keyId)}`);
    const r2 = verifyCertificate({
      jwt,
      trust,
      proof: log.proofFor(CERT_INDEX, { note: forged }),
      subjectSchema: SCHEMA,
    });
    expect(check(r2, 'log_inclusion').reason).toMatch(
      /^a checkpoint signature by a key in the trust file does not verify, so the checkpoint was altered/,
    );
    expect(r2.ok).toBe(false);
  });

  test('a proof for another entry fails', () => {
    const r = verifyCertificate({ jwt, trust, proof: log.proofFor(OTHER_INDEX), subjectSchema: SCHEMA });
    expect(check(r, 'log_inclusion').status).toBe('fail');
    expect(check(r, 'log_inclusion').reason).toMatch(/^proof is for a different entry/);
    // This credential's entry as extra data, with another leaf's audit path.
    const mixed = log.proofFor(OTHER_INDEX, { extra: log.entries[CERT_INDEX]! });
    const r2 = verifyCertificate({ jwt, trust, proof: mixed, subjectSchema: SCHEMA });
    expect(check(r2, 'log_inclusion').reason).toMatch(
      /^the audit path does not lead from this credential's log entry/,
    );
    // Right digest, wrong certificate id / version in the entry.
    const wrongVersion = { ...log.entries[CERT_INDEX]!, version: 2 };
    const r3 = verifyCertificate({
      jwt,
      trust,
      proof: log.proofFor(CERT_INDEX, { extra: wrongVersion }),
      subjectSchema: SCHEMA,
    });
    expect(check(r3, 'log_inclusion').reason).toBe(
      'proof is for a different entry: the log entry is for version 2, not 1',
    );
    // A proof without extra data.
    const bare = log
      .proofFor(CERT_INDEX)
      .toString('utf8')
      .replace(/^extra .*\n/m, '');
    expect(
      check(verifyCertificate({ jwt, trust, proof: bare, subjectSchema: SCHEMA }), 'log_inclusion').reason,
    ).toContain('carries no log entry');
  });

  test('witness quorum 1: passes with a cosigned checkpoint, fails without', () => {
    const witness = generateEd25519();
    const name = 'witness.example/w1';
    const witnessTrust = {
      ...trust,
      witnesses: [{ name, verifierKey: encodeCosignatureVerifierKey(name, witness.publicKeyRaw) }],
    };
    const c = cosign(log.text, 1_743_465_600, {
      name,
      privateKey: privateKeyFromPkcs8(witness.privateKeyPkcs8),
    });
    const cosigned = Buffer.concat([log.note, Buffer.from(c.line, 'utf8')]);

    const r = verifyCertificate({
      jwt,
      trust: witnessTrust,
      proof: log.proofFor(CERT_INDEX, { note: cosigned }),
      witnessQuorum: 1,
      subjectSchema: SCHEMA,
    });
    expect(check(r, 'witnesses')).toEqual({
      name: 'witnesses',
      status: 'pass',
      reason: `cosigned by 1 of 1 known witness (${name}); 1 required`,
    });
    expect(r.ok).toBe(true);

    const r2 = verifyCertificate({
      jwt,
      trust: witnessTrust,
      proof: log.proofFor(CERT_INDEX),
      witnessQuorum: 1,
      subjectSchema: SCHEMA,
    });
    expect(check(r2, 'log_inclusion').status).toBe('pass');
    expect(check(r2, 'witnesses')).toMatchObject({
      status: 'fail',
      reason: 'cosigned by 0 of 1 known witness; 1 required',
    });
    expect(r2.ok).toBe(false);

    const r3 = verifyCertificate({ jwt, trust: witnessTrust, witnessQuorum: 1, subjectSchema: SCHEMA });
    expect(check(r3, 'witnesses').status).toBe('fail');
    // Quorum 0 with a cosigned checkpoint: skipped, but the cosignature is mentioned.
    const r4 = verifyCertificate({
      jwt,
      trust: witnessTrust,
      proof: log.proofFor(CERT_INDEX, { note: cosigned }),
      subjectSchema: SCHEMA,
    });
    expect(check(r4, 'witnesses')).toMatchObject({
      status: 'skip',
      reason: 'no witness quorum was requested (1 known witness cosigned)',
    });
  });

  test('a credential with an extra subject field, properly signed, fails schema with the path', async () => {
    const cred = credentialFor(issuer, certificateId, content);
    cred.credentialSubject = { ...cred.credentialSubject, colour: 'pink' };
    const r = verifyCertificate({ jwt: await sign(issuer, cred), trust, subjectSchema: SCHEMA });
    expect(check(r, 'signature').status).toBe('pass');
    expect(check(r, 'schema')).toMatchObject({ status: 'fail' });
    expect(check(r, 'schema').reason).toBe(
      'the credentialSubject does not match the schema: credentialSubject.colour: is not allowed by the schema',
    );
    expect(r.ok).toBe(false);

    const bad = credentialFor(issuer, certificateId, content);
    const { pcr: _pcr, ...noPcr } = bad.credentialSubject;
    bad.credentialSubject = { ...noPcr, metal: 'XX', grossWeightKg: '1,5' };
    const r2 = verifyCertificate({ jwt: await sign(issuer, bad), trust, subjectSchema: SCHEMA });
    const reason = check(r2, 'schema').reason;
    expect(reason).toContain('credentialSubject.pcr: is required but missing');
    expect(reason).toContain('credentialSubject.metal: is not one of the allowed forms');
    expect(reason).toContain('credentialSubject.grossWeightKg: must match pattern');
  });

  test('a credential naming another schema fails schema', async () => {
    const cred = {
      ...credentialFor(issuer, certificateId, content),
      credentialSchema: {
        id: `${PUBLIC_URL}/schemas/certificate-subject/v9.json`,
        type: 'JsonSchema' as const,
      },
    };
    const r = verifyCertificate({ jwt: await sign(issuer, cred), trust, subjectSchema: SCHEMA });
    expect(check(r, 'schema').reason).toContain('declares schema');
    // The same schema at another host (a registry that moved) is still the same schema.
    const moved = certificateSubjectSchema('https://old.assay.example/');
    expect(check(verifyCertificate({ jwt, trust, subjectSchema: moved }), 'schema').status).toBe('pass');
  });

  test('superseded: a lower version than the current one fails current', () => {
    const r = verifyCertificate({
      jwt,
      trust,
      proof: log.proofFor(CERT_INDEX),
      currentVersion: 2,
      subjectSchema: SCHEMA,
    });
    expect(check(r, 'current')).toMatchObject({ status: 'fail' });
    expect(check(r, 'current').reason).toMatch(/^superseded by version 2/);
    expect(r.ok).toBe(false);
  });

  test('an amended version logged as certificate.amended passes', async () => {
    const v2 = await sign(
      issuer,
      credentialFor(issuer, certificateId, makeContent(issuer, 2, '2025-03-05T00:00:00.000Z')),
    );
    const amendedLog = makeLog([...log.entries, certEntry(certificateId, 2, v2, 'certificate.amended')]);
    const r = verifyCertificate({
      jwt: v2,
      trust: { ...trust, log: { origin: amendedLog.origin, verifierKey: amendedLog.vkey } },
      proof: amendedLog.proofFor(8),
      currentVersion: 2,
      subjectSchema: SCHEMA,
    });
    expect(r.ok).toBe(true);
    expect(credentialId(certificateId, 2)).toContain(':v2');
  });

  test('a revocation entry is not proof of issuance', () => {
    const entry = { ...log.entries[CERT_INDEX]!, kind: 'certificate.revoked' as const };
    const revLog = makeLog([entry]);
    const r = verifyCertificate({
      jwt,
      trust: { ...trust, log: { origin: revLog.origin, verifierKey: revLog.vkey } },
      proof: revLog.proofFor(0),
      subjectSchema: SCHEMA,
    });
    expect(check(r, 'log_inclusion').reason).toContain(
      'a certificate.revoked entry, not an issuance or amendment',
    );
  });

  test('garbage fails format and every other check is skipped with a reason', () => {
    const r = verifyCertificate({
      jwt: 'not.a.jwt',
      trust,
      proof: log.proofFor(CERT_INDEX),
      currentVersion: 1,
      subjectSchema: SCHEMA,
    });
    expect(r.ok).toBe(false);
    expect(check(r, 'format').status).toBe('fail');
    for (const c of r.checks.slice(1))
      expect(c).toMatchObject({ status: 'skip', reason: 'the credential could not be decoded' });
  });

  test('a VC that is not a certificate of analysis fails format', async () => {
    const cred = { ...credentialFor(issuer, certificateId, content), type: ['VerifiableCredential'] };
    const r = verifyCertificate({ jwt: await sign(issuer, cred), trust, subjectSchema: SCHEMA });
    expect(check(r, 'format').reason).toContain(
      'does not include VerifiableCredential and CertificateOfAnalysis',
    );
    const cred2 = { ...credentialFor(issuer, certificateId, content), id: 'urn:uuid:1234' };
    const r2 = verifyCertificate({ jwt: await sign(issuer, cred2), trust, subjectSchema: SCHEMA });
    expect(check(r2, 'format').reason).toContain('not an Assay certificate id');
  });

  test('invalid arguments throw', () => {
    expect(() => verifyCertificate({ jwt, trust, witnessQuorum: -1, subjectSchema: SCHEMA })).toThrow(
      RangeError,
    );
    expect(() => verifyCertificate({ jwt, trust, currentVersion: 0, subjectSchema: SCHEMA })).toThrow(
      RangeError,
    );
  });
});
