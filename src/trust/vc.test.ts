import { execFile } from 'node:child_process';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import canonicalizeModule from 'canonicalize';
import { CompactSign, compactVerify, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  generateEd25519,
  jwkThumbprint,
  privateKeyFromPkcs8,
  publicJwk,
  publicKeyFromRaw,
  publicKeyPem,
} from './keystore.ts';
import {
  VC_CONTEXT_V2,
  VcError,
  buildCredential,
  decodeCredentialJwt,
  signCredentialJwt,
  verifyCredentialJwt,
  verifyCredentialJwtAsync,
  type Credential,
} from './vc.ts';

const canonicalize = ((canonicalizeModule as unknown as { default?: unknown }).default ??
  canonicalizeModule) as (input: unknown) => string | undefined;

const execFileP = promisify(execFile);
const ISSUER = 'did:web:assay.example:orgs:acme';

async function setup() {
  const pair = generateEd25519();
  const privateKey = privateKeyFromPkcs8(pair.privateKeyPkcs8);
  const thumb = await jwkThumbprint(pair.publicKeyRaw);
  const kid = `${ISSUER}#${thumb}`;
  const publicKey = publicKeyFromRaw(pair.publicKeyRaw);
  const resolve = (k: string): KeyObject | undefined => (k === kid ? publicKey : undefined);
  return { pair, privateKey, kid, thumb, publicKey, resolve };
}

function sampleCredential(): Credential {
  return buildCredential({
    id: 'urn:uuid:4b1f7c9e-3b8e-4f5a-9a0d-1d2b3c4d5e6f',
    types: ['CertificateOfAnalysis'],
    issuer: ISSUER,
    validFrom: '2025-03-01T12:00:00Z',
    subject: {
      id: 'urn:assay:lot:CU-2025-0001',
      metal: 'Cu',
      grade: 'Cu-CATH-1',
      // keys deliberately out of order, unicode and numbers to exercise canonicalisation
      zeta: 'ü€😀',
      analyses: [
        { element: 'Ag', ppm: 12.5 },
        { element: 'Pb', ppm: 0.3 },
      ],
      alpha: 1e21,
    },
    status: {
      id: 'https://assay.example/status/1#94567',
      statusListIndex: 94567,
      statusListCredential: 'https://assay.example/status/1',
      statusPurpose: 'revocation',
    },
    schema: { id: 'https://assay.example/schemas/coa/v1.json', type: 'JsonSchema' },
  });
}

function replaceSegment(jwt: string, index: number, mutate: (b: Buffer) => Buffer): string {
  const parts = jwt.split('.');
  parts[index] = mutate(Buffer.from(parts[index] as string, 'base64url')).toString('base64url');
  return parts.join('.');
}

function flipByte(b: Buffer, i: number): Buffer {
  const c = Buffer.from(b);
  c[i] = (c[i] as number) ^ 0x01;
  return c;
}

describe('buildCredential', () => {
  it('produces a VC 2.0 credential', () => {
    const vc = sampleCredential();
    expect(vc['@context']).toEqual([VC_CONTEXT_V2]);
    expect(vc.type).toEqual(['VerifiableCredential', 'CertificateOfAnalysis']);
    expect(vc.issuer).toBe(ISSUER);
    expect(vc.validFrom).toBe('2025-03-01T12:00:00Z');
    expect(vc.credentialStatus).toEqual({
      id: 'https://assay.example/status/1#94567',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: 'https://assay.example/status/1',
    });
    expect(vc.credentialSchema).toEqual({
      id: 'https://assay.example/schemas/coa/v1.json',
      type: 'JsonSchema',
    });
    expect('validUntil' in vc).toBe(false);
  });

  it('keeps VerifiableCredential first, dedupes types and contexts', () => {
    const vc = buildCredential({
      id: 'urn:uuid:1',
      types: ['VerifiableCredential', 'CertificateOfAnalysis', 'CertificateOfAnalysis'],
      issuer: ISSUER,
      validFrom: '2025-03-01T12:00:00+01:00',
      validUntil: '2026-03-01T12:00:00Z',
      subject: { id: 'urn:x' },
      contexts: [VC_CONTEXT_V2, 'https://assay.example/contexts/coa/v1'],
    });
    expect(vc.type).toEqual(['VerifiableCredential', 'CertificateOfAnalysis']);
    expect(vc['@context']).toEqual([VC_CONTEXT_V2, 'https://assay.example/contexts/coa/v1']);
    expect(vc.validUntil).toBe('2026-03-01T12:00:00Z');
  });

  it('rejects invalid input', () => {
    const base = {
      id: 'urn:uuid:1',
      types: [],
      issuer: ISSUER,
      validFrom: '2025-03-01T12:00:00Z',
      subject: { a: 1 },
    };
    expect(() => buildCredential({ ...base, validFrom: '2025-03-01' })).toThrow(VcError);
    expect(() => buildCredential({ ...base, validFrom: '2025-03-01T12:00:00' })).toThrow(VcError);
    expect(() => buildCredential({ ...base, issuer: 'not a url' })).toThrow(VcError);
    expect(() => buildCredential({ ...base, validUntil: '2024-01-01T00:00:00Z' })).toThrow(VcError);
    expect(() => buildCredential({ ...base, subject: { when: new Date() } })).toThrow(VcError);
    expect(() => buildCredential({ ...base, subject: { n: Number.NaN } })).toThrow(VcError);
    expect(() => buildCredential({ ...base, subject: { s: '\uD800' } })).toThrow(VcError);
    expect(() =>
      buildCredential({
        ...base,
        status: {
          id: 'https://s/1',
          statusListIndex: -1,
          statusListCredential: 'https://s/1x',
          statusPurpose: 'revocation',
        },
      }),
    ).toThrow(VcError);
  });
});

describe('signCredentialJwt / verifyCredentialJwt', () => {
  it('signs and verifies', async () => {
    const { privateKey, kid, resolve } = await setup();
    const vc = sampleCredential();
    const jwt = await signCredentialJwt(vc, { privateKey, kid });
    const result = verifyCredentialJwt(jwt, resolve);
    expect(result.ok).toBe(true);
    if (!result.ok) throw new Error(result.reason);
    expect(result.credential).toEqual(vc);
    expect(result.kid).toBe(kid);
    const asyncResult = await verifyCredentialJwtAsync(jwt, async (k) => resolve(k));
    expect(asyncResult.ok).toBe(true);
  });

  it('produces byte for byte what jose CompactSign produces (Ed25519 is deterministic)', async () => {
    const { privateKey, kid } = await setup();
    const vc = sampleCredential();
    const ours = await signCredentialJwt(vc, { privateKey, kid });
    const payload = Buffer.from(ours.split('.')[1] as string, 'base64url');
    const theirs = await new CompactSign(payload).setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid }).sign(privateKey);
    expect(ours).toBe(theirs);
  });

  it('uses exactly the VC-JOSE header', async () => {
    const { privateKey, kid } = await setup();
    const jwt = await signCredentialJwt(sampleCredential(), { privateKey, kid });
    const headerJson = Buffer.from(jwt.split('.')[0] as string, 'base64url').toString('utf8');
    expect(JSON.parse(headerJson)).toEqual({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid });
    expect(Object.keys(JSON.parse(headerJson) as object)).toEqual(['alg', 'typ', 'cty', 'kid']);
    const decoded = decodeCredentialJwt(jwt);
    expect(decoded.header.typ).toBe('vc+jwt');
    expect(decoded.header.alg).toBe('EdDSA');
  });

  it('payload is the RFC 8785 canonical JSON of the credential itself (no vc claim)', async () => {
    const { privateKey, kid } = await setup();
    const vc = sampleCredential();
    const jwt = await signCredentialJwt(vc, { privateKey, kid });
    const decoded = decodeCredentialJwt(jwt);
    expect(decoded.payloadIsCanonical).toBe(true);
    expect('vc' in decoded.credential).toBe(false);
    const recanonical = Buffer.from(
      canonicalize(JSON.parse(decoded.payloadBytes.toString('utf8'))) as string,
      'utf8',
    );
    expect(recanonical.equals(decoded.payloadBytes)).toBe(true);
    expect(decoded.payloadBytes.toString('utf8')).toBe(canonicalize(vc));
    // canonical: sorted keys, no whitespace, ES number formatting
    const text = decoded.payloadBytes.toString('utf8');
    expect(text.startsWith('{"@context":')).toBe(true);
    expect(text).toContain('"alpha":1e+21');
    expect(text).not.toMatch(/\n|": /);
    expect(decoded.signingInput.toString('ascii')).toBe(jwt.split('.').slice(0, 2).join('.'));
  });

  it('a third party verifies it with jose compactVerify + importJWK from the public JWK only', async () => {
    const { pair, privateKey, kid, thumb } = await setup();
    const jwt = await signCredentialJwt(sampleCredential(), { privateKey, kid });
    const jwk = JSON.parse(JSON.stringify(publicJwk(pair.publicKeyRaw, thumb))) as Record<string, string>;
    const key = await importJWK(jwk, 'EdDSA');
    const { payload, protectedHeader } = await compactVerify(jwt, key, { algorithms: ['EdDSA'] });
    expect(protectedHeader.typ).toBe('vc+jwt');
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(sampleCredential());
    // and jose rejects a tampered one
    const bad = replaceSegment(jwt, 2, (b) => flipByte(b, 0));
    await expect(compactVerify(bad, key, { algorithms: ['EdDSA'] })).rejects.toThrow();
  });

  it('flipping any payload or signature byte gives bad_signature', async () => {
    const { privateKey, kid, resolve } = await setup();
    const jwt = await signCredentialJwt(sampleCredential(), { privateKey, kid });
    const payloadLen = Buffer.from(jwt.split('.')[1] as string, 'base64url').length;
    for (const i of [0, 1, Math.floor(payloadLen / 2), payloadLen - 1]) {
      const r = verifyCredentialJwt(
        replaceSegment(jwt, 1, (b) => flipByte(b, i)),
        resolve,
      );
      expect(r).toMatchObject({ ok: false, code: 'bad_signature' });
    }
    for (const i of [0, 31, 32, 63]) {
      const r = verifyCredentialJwt(
        replaceSegment(jwt, 2, (b) => flipByte(b, i)),
        resolve,
      );
      expect(r).toMatchObject({ ok: false, code: 'bad_signature' });
    }
    // truncated signature
    const short = verifyCredentialJwt(
      replaceSegment(jwt, 2, (b) => b.subarray(0, 63)),
      resolve,
    );
    expect(short).toMatchObject({ ok: false, code: 'bad_signature' });
  });

  it('signature by another key with the same kid gives bad_signature', async () => {
    const a = await setup();
    const other = generateEd25519();
    const jwt = await signCredentialJwt(sampleCredential(), {
      privateKey: privateKeyFromPkcs8(other.privateKeyPkcs8),
      kid: a.kid,
    });
    expect(verifyCredentialJwt(jwt, a.resolve)).toMatchObject({ ok: false, code: 'bad_signature' });
  });

  it('unknown kid gives unknown_key', async () => {
    const { privateKey, resolve } = await setup();
    const jwt = await signCredentialJwt(sampleCredential(), { privateKey, kid: `${ISSUER}#nope` });
    expect(verifyCredentialJwt(jwt, resolve)).toMatchObject({ ok: false, code: 'unknown_key' });
  });

  it('a kid belonging to another DID than the issuer gives unknown_key', async () => {
    const { privateKey, publicKey, thumb } = await setup();
    const foreignKid = `did:web:evil.example#${thumb}`;
    const jwt = await signCredentialJwt(sampleCredential(), { privateKey, kid: foreignKid });
    const r = verifyCredentialJwt(jwt, () => publicKey);
    expect(r).toMatchObject({ ok: false, code: 'unknown_key' });
  });

  it('a resolver returning a non-Ed25519 key gives unknown_key', async () => {
    const { privateKey, kid } = await setup();
    const jwt = await signCredentialJwt(sampleCredential(), { privateKey, kid });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    expect(verifyCredentialJwt(jwt, () => ec)).toMatchObject({ ok: false, code: 'unknown_key' });
  });

  it('typ other than vc+jwt gives wrong_type (validly signed)', async () => {
    const { privateKey, kid, resolve } = await setup();
    const payload = Buffer.from(canonicalize(sampleCredential()) as string, 'utf8');
    for (const typ of ['JWT', 'vp+jwt', 'vc+sd-jwt']) {
      const jwt = await new CompactSign(payload)
        .setProtectedHeader({ alg: 'EdDSA', typ, kid })
        .sign(privateKey);
      expect(verifyCredentialJwt(jwt, resolve)).toMatchObject({ ok: false, code: 'wrong_type' });
    }
    const noTyp = await new CompactSign(payload).setProtectedHeader({ alg: 'EdDSA', kid }).sign(privateKey);
    expect(verifyCredentialJwt(noTyp, resolve)).toMatchObject({ ok: false, code: 'wrong_type' });
    // the full media type form is accepted (RFC 7515 §4.1.9)
    const full = await new CompactSign(payload)
      .setProtectedHeader({ alg: 'EdDSA', typ: 'application/vc+jwt', kid })
      .sign(privateKey);
    expect(verifyCredentialJwt(full, resolve).ok).toBe(true);
  });

  it('a validly signed payload that is not a VC 2.0 credential gives wrong_type', async () => {
    const { privateKey, kid, resolve } = await setup();
    const notVc = await signCredentialJwt(
      { '@context': [VC_CONTEXT_V2], type: ['Thing'], issuer: ISSUER },
      { privateKey, kid },
    );
    expect(verifyCredentialJwt(notVc, resolve)).toMatchObject({ ok: false, code: 'wrong_type' });
    const v1 = await signCredentialJwt(
      {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        type: ['VerifiableCredential'],
        issuer: ISSUER,
      },
      { privateKey, kid },
    );
    expect(verifyCredentialJwt(v1, resolve)).toMatchObject({ ok: false, code: 'wrong_type' });
  });

  it('malformed input gives malformed (and decode throws a typed error)', async () => {
    const { privateKey, kid, resolve } = await setup();
    const jwt = await signCredentialJwt(sampleCredential(), { privateKey, kid });
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const cases = [
      '',
      'abc',
      `${h}.${p}`,
      `${h}.${p}.${s}.x`,
      `${h}.${p}.`,
      `${h}!.${p}.${s}`,
      `${Buffer.from('not json').toString('base64url')}.${p}.${s}`,
      `${Buffer.from('[1]').toString('base64url')}.${p}.${s}`,
    ];
    for (const c of cases) {
      expect(verifyCredentialJwt(c, resolve)).toMatchObject({ ok: false, code: 'malformed' });
      expect(() => decodeCredentialJwt(c)).toThrow(VcError);
      try {
        decodeCredentialJwt(c);
      } catch (e) {
        expect((e as VcError).code).toBe('malformed');
      }
    }
    // alg none / unsupported alg
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'vc+jwt', kid })).toString('base64url')}.${p}.`;
    expect(verifyCredentialJwt(none, resolve)).toMatchObject({ ok: false });
    const hs = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'vc+jwt', kid })).toString('base64url')}.${p}.${s}`;
    expect(verifyCredentialJwt(hs, resolve)).toMatchObject({ ok: false, code: 'malformed' });
    // missing kid
    const payload = Buffer.from(canonicalize(sampleCredential()) as string, 'utf8');
    const noKid = await new CompactSign(payload)
      .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt' })
      .sign(privateKey);
    expect(verifyCredentialJwt(noKid, resolve)).toMatchObject({ ok: false, code: 'malformed' });
    // non-object payload (validly signed)
    const arr = await new CompactSign(Buffer.from('[1,2]'))
      .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid })
      .sign(privateKey);
    expect(verifyCredentialJwt(arr, resolve)).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('reports a non-canonical (but validly signed) payload on decode', async () => {
    const { privateKey, kid, resolve } = await setup();
    const pretty = Buffer.from(JSON.stringify(sampleCredential(), null, 2), 'utf8');
    const jwt = await new CompactSign(pretty)
      .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid })
      .sign(privateKey);
    expect(decodeCredentialJwt(jwt).payloadIsCanonical).toBe(false);
    expect(verifyCredentialJwt(jwt, resolve).ok).toBe(true);
  });

  it('refuses to sign with a non-Ed25519 or public key', async () => {
    const { publicKey, kid } = await setup();
    await expect(signCredentialJwt(sampleCredential(), { privateKey: publicKey, kid })).rejects.toThrow(
      VcError,
    );
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    await expect(signCredentialJwt(sampleCredential(), { privateKey: ec, kid })).rejects.toThrow(VcError);
  });
});

describe('independent check with openssl', () => {
  it('openssl pkeyutl verifies an Ed25519 signature made by our keys, and rejects a tampered message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-openssl-'));
    try {
      const { pair, privateKey, kid } = await setup();
      const jwt = await signCredentialJwt(sampleCredential(), { privateKey, kid });
      const decoded = decodeCredentialJwt(jwt);
      // The JWS signature is a plain Ed25519 signature over the ASCII signing input.
      await writeFile(join(dir, 'pub.pem'), publicKeyPem(pair.publicKeyRaw));
      await writeFile(join(dir, 'msg'), decoded.signingInput);
      await writeFile(join(dir, 'sig'), decoded.signature);
      await writeFile(join(dir, 'tampered'), flipByte(decoded.signingInput, 10));
      // A second, direct signature over arbitrary bytes.
      const raw = Buffer.from('assay certificate bytes');
      await writeFile(join(dir, 'raw'), raw);
      await writeFile(join(dir, 'raw.sig'), sign(null, raw, privateKey));

      const args = (msg: string, sig: string) => [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        join(dir, 'pub.pem'),
        '-rawin',
        '-in',
        join(dir, msg),
        '-sigfile',
        join(dir, sig),
      ];
      // If openssl is missing, execFile rejects with ENOENT and this test fails (by design).
      const ok = await execFileP('openssl', args('msg', 'sig'));
      expect(ok.stdout).toContain('Signature Verified Successfully');
      const ok2 = await execFileP('openssl', args('raw', 'raw.sig'));
      expect(ok2.stdout).toContain('Signature Verified Successfully');

      const bad = await execFileP('openssl', args('tampered', 'sig')).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (e: { code?: unknown; stdout?: string; stderr?: string }) => ({
          code: e.code,
          out: `${e.stdout ?? ''}${e.stderr ?? ''}`,
        }),
      );
      expect(bad.code).not.toBe(0);
      expect(bad.code).not.toBe('ENOENT');
      expect(bad.out).toContain('Signature Verification Failure');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
