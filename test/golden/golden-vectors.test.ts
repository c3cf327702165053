import { spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificateSubjectSchema } from '../../src/certificates/subject-schema.ts';
import { openCheckpoint } from '../../src/trust/checkpoint.ts';
import { cosignatureVerifierFromKey } from '../../src/trust/cosignature.ts';
import { decodeVerifierKey, ed25519Verifier } from '../../src/trust/note.ts';
import { decodeList, getBit } from '../../src/trust/status-list.ts';
import type { TrustBundle } from '../../src/trust/trust.ts';
import { verifyCredentialJwt } from '../../src/trust/vc.ts';
import { verifyCertificate } from '../../src/certificates/profile.ts';

// Golden vectors: credentials, proofs, a status list and a checkpoint that earlier code signed and
// logged (scripts/golden-vectors.ts wrote them; they are never regenerated). Whatever the code
// becomes, each must keep verifying exactly as on the day it was made, with today's verifier and
// today's published subject schema, so no refactor can orphan a certificate printed on paper.

const ROOT = path.resolve(import.meta.dirname, '../fixtures/golden');
const versions = fs.readdirSync(ROOT).filter((d) => fs.statSync(path.join(ROOT, d)).isDirectory());

interface Vectors {
  publicUrl: string;
  witness: string;
  issued: { id: string; number: string; pcr: string };
  revoked: { id: string; number: string; pcr: string; reason: string };
  statusList: { orgId: string; listNo: number };
}

describe.each(versions)('golden vectors %s', (version) => {
  const dir = path.join(ROOT, version);
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  const trust = JSON.parse(read('trust.json')) as TrustBundle;
  const v = JSON.parse(read('vectors.json')) as Vectors;
  const subjectSchema = certificateSubjectSchema(v.publicUrl);

  it('the issued certificate verifies: signature, issuer, key validity, schema, status, inclusion, witnesses', () => {
    const report = verifyCertificate({ jwt: read('issued.jwt'), trust, proof: read('issued.proof.txt'), witnessQuorum: 1, subjectSchema });
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.certificate).toMatchObject({ id: v.issued.id, number: v.issued.number, pcr: v.issued.pcr });
    expect(report.checks.find((c) => c.name === 'log_inclusion')!.status).toBe('pass');
    expect(report.checks.find((c) => c.name === 'witnesses')!.status).toBe('pass');
  });

  it('the revoked certificate is genuine and logged, and says revoked', () => {
    const report = verifyCertificate({ jwt: read('revoked.jwt'), trust, proof: read('revoked.proof.txt'), subjectSchema });
    expect(report.ok).toBe(false);
    const byName = Object.fromEntries(report.checks.map((c) => [c.name, c]));
    expect(byName.signature!.status).toBe('pass');
    expect(byName.log_inclusion!.status).toBe('pass');
    expect(byName.status!.status).toBe('fail');
    expect(byName.status!.reason).toMatch(/revoked/);
  });

  it('a flipped byte in the credential or the proof fails', () => {
    const jwt = read('issued.jwt').trim();
    const i = jwt.lastIndexOf('.') + 5;
    const bad = jwt.slice(0, i) + (jwt[i] === 'A' ? 'B' : 'A') + jwt.slice(i + 1);
    expect(verifyCertificate({ jwt: bad, trust, proof: read('issued.proof.txt'), subjectSchema }).ok).toBe(false);
    const proof = read('issued.proof.txt').replace(/^index (\d+)$/m, (_m, n: string) => `index ${Number(n) + 1}`);
    expect(verifyCertificate({ jwt, trust, proof, subjectSchema }).ok).toBe(false);
  });

  it('the status list credential is signed by the producer and holds exactly the revoked bit', () => {
    const keys = new Map(trust.issuers.map((k) => [k.kid, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: k.publicKeyJwk.x }, format: 'jwk' })]));
    const res = verifyCredentialJwt(read('status-list.jwt').trim(), (kid) => keys.get(kid));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const subject = res.credential.credentialSubject as { encodedList: string; statusPurpose: string };
    expect(subject.statusPurpose).toBe('revocation');
    const bits = decodeList(subject.encodedList);
    const indexOf = (file: string) => {
      const payload = JSON.parse(Buffer.from(read(file).trim().split('.')[1]!, 'base64url').toString()) as { credentialStatus: { statusListIndex: string | number } };
      return Number(payload.credentialStatus.statusListIndex);
    };
    expect(getBit(bits, indexOf('revoked.jwt'))).toBe(true);
    expect(getBit(bits, indexOf('issued.jwt'))).toBe(false);
  });

  it('the checkpoint opens with the log key and the witness cosignature from the trust file', () => {
    const log = decodeVerifierKey(trust.log.verifierKey);
    const opened = openCheckpoint(read('checkpoint.txt'), {
      origin: trust.log.origin,
      logVerifiers: [ed25519Verifier(log.name, log.publicKey)],
      witnessVerifiers: trust.witnesses.map((w) => cosignatureVerifierFromKey(w.verifierKey)),
      witnessQuorum: 1,
    });
    expect(opened.ok).toBe(true);
  });

  it('assay verify accepts the issued vector offline', () => {
    const r = spawnSync(
      process.execPath,
      ['bin/assay.mjs', 'verify', path.join(dir, 'issued.jwt'), '--trust', path.join(dir, 'trust.json'), '--proof', path.join(dir, 'issued.proof.txt')],
      { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn', ASSAY_PUBLIC_URL: v.publicUrl } },
    );
    expect(r.stdout).toContain('VERIFIED');
    expect(r.status).toBe(0);
  });
});
