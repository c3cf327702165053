import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BrandRecord } from '../brands/lookup.ts';
import { certificateCredential, rebuildCredential, statusListUrl } from '../certificates/credential.ts';
import { sampleSubmission, seededRng } from '../certificates/samples.ts';
import type { CertificateContent } from '../certificates/model.ts';
import { canonicalJson, digestOf } from '../trust/canonical.ts';
import { locate } from '../trust/status-service.ts';
import { digestBytes } from '../trust/trust.ts';
import { credentialSigner, protectedHeaderSegment, verifyCredentialJwt } from '../trust/vc.ts';
import { readReferenceSpecs } from '../metals/repo.ts';
import { METAL_CODES } from '../metals/spec-types.ts';
import { decide, signRow, signingDecision, signVersion, type Candidate } from './row-signing.ts';

// signRow() canonicalises a certificate's content once and reuses its members for the credential
// subject; the result must be byte-for-byte what the general path (digestOf, certificateCredential,
// a signer that canonicalises the whole credential) produces.

const specs = readReferenceSpecs();
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const KID = 'did:web:assay.example:orgs:p#k1';
const sign = credentialSigner({ privateKey, kid: KID });

describe('sign', () => {
  it('gives the same digest and the same signed credential as the general path, for every metal', () => {
    const rng = seededRng(42);
    for (const metal of METAL_CODES) {
      const spec = specs.find((s) => s.metal === metal)!;
      const brand: BrandRecord = {
        id: randomUUID(),
        code: `B${metal}`,
        name: `Brand “${metal}” \\ tab\t`,
        metal,
        producer: { id: randomUUID(), name: 'Producer 中文' },
        plant: { name: 'Plant', country: 'CL' },
        shapes: spec.shapes,
        annualCapacityTonnes: null,
        status: 'listed',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      };
      for (let i = 0; i < 20; i++) {
        const submission = sampleSubmission(metal, { code: brand.code, shapes: spec.shapes, country: 'CL' }, `P/${i} "q"`, '2026-11-01', rng);
        if (i % 3 === 0) submission.remarks = `line one\nline two ✓ ${i}`;
        const c: Candidate = { submission, brand, spec, existing: [] };
        const d = decide(c, '2026-11-22');
        if (d.kind !== 'new') throw new Error(`unexpected decision ${d.kind}`);
        const a = { certificateId: randomUUID(), number: `AS-${String(i + 1).padStart(10, '0')}`, version: 1, statusIndex: d.evaluation.verdict === 'conforming' ? 1000 + i : null };
        const env = { publicUrl: 'https://assay.example', producerOrgId: brand.producer.id, issuerDid: 'did:web:assay.example:orgs:p', issuedAt: '2026-11-22T06:00:00.000Z', actor: { userId: null, apiKeyId: null }, sign, frame: { id: 7, protectedHeader: protectedHeaderSegment(KID) } };
        const s = signVersion(c, signingDecision(d), a, env);
        const stored = signRow(c, signingDecision(d), d.evaluation, a, env);
        expect(stored).toMatchObject({ contentDigest: s.contentDigest, logKind: s.logKind, payloadDigest: s.payloadDigest });
        // The COPY line: every cell but the log index, which the commit appends.
        const cells = stored.versionLine.split('\t');
        expect(cells).toHaveLength(14);
        expect(cells.slice(0, 2)).toEqual([a.certificateId, '1']);
        // The credential as its pieces: frame, signature, status index; the rebuild gives its bytes back.
        expect(cells.slice(9, 12)).toEqual(s.credential ? ['7', `\\\\x${Buffer.from(s.credential.split('.')[2]!, 'base64url').toString('hex')}`, String(a.statusIndex)] : ['\\N', '\\N', '\\N']);
        if (s.credential) {
          const rebuilt = rebuildCredential(a.certificateId, JSON.parse(s.contentJson) as CertificateContent, {
            frame: { protectedHeader: env.frame.protectedHeader, publicUrl: env.publicUrl, issuer: env.issuerDid },
            signature: Buffer.from(cells[10]!.slice(3), 'hex'),
            statusIndex: Number(cells[11]),
          });
          expect(rebuilt).toBe(s.credential);
        }
        expect(cells[12]).toBe(env.issuedAt);
        expect(cells[13]).toBe('');
        expect(JSON.parse(cells[5]!.replace(/\\n/g, '\n').replace(/\\\\/g, '\\'))).toEqual(d.evaluation);
        const content = JSON.parse(s.contentJson) as CertificateContent;
        expect(s.contentJson).toBe(canonicalJson(content));
        expect(s.contentDigest).toBe(digestOf(content));
        if (a.statusIndex === null) {
          expect(s.credential).toBeNull();
          expect(s.payloadDigest).toBe(s.contentDigest);
          continue;
        }
        const general = sign(
          certificateCredential({
            publicUrl: env.publicUrl,
            certificateId: a.certificateId,
            issuerDid: env.issuerDid,
            content,
            status: { listUrl: statusListUrl(env.publicUrl, env.producerOrgId, locate(a.statusIndex).listNo), index: a.statusIndex },
          }),
        );
        expect(s.credential).toBe(general);
        expect(s.payloadDigest).toBe(digestBytes(general));
        const verified = verifyCredentialJwt(s.credential!, () => publicKey);
        expect(verified, JSON.stringify(verified)).toMatchObject({ ok: true });
      }
    }
  });
});
