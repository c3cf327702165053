import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrandRecord } from '../brands/lookup.ts';
import { buildContent } from '../certificates/service.ts';
import { sampleSubmission, seededRng } from '../certificates/samples.ts';
import { credentialSigner, protectedHeaderSegment } from '../trust/vc.ts';
import { readReferenceSpecs } from '../metals/repo.ts';
import { METAL_CODES } from '../metals/spec-types.ts';
import type { ExistingCertificate } from '../certificates/bulk.ts';
import { SigningPool } from './signing-pool.ts';
import { decide, signRow, signingDecision, verdictOf, type Allocation, type Candidate, type Decision } from './row-signing.ts';

// The pool sends submissions to its workers as JSON text and gets decisions back as verdicts (an
// amendment naming its registered certificate by position). Whatever crosses, the workers must
// decide and sign exactly as the in-process path does: same verdicts, same amended certificate
// (the main thread's own object), byte-identical version rows and signatures.

const specs = readReferenceSpecs();
const { privateKey } = generateKeyPairSync('ed25519');
const KEY = { privateKey, kid: 'did:web:assay.example:orgs:p#k1' };
const TODAY = '2026-11-22';
const ISSUED = new Date('2026-11-22T06:00:00.000Z');

function brandFor(metal: string, shapes: string[]): BrandRecord {
  return {
    id: randomUUID(),
    code: `B${metal}`,
    name: `Brand ${metal} “ü”`,
    metal,
    producer: { id: randomUUID(), name: 'Producer' },
    plant: { name: 'Plant', country: 'CL' },
    shapes,
    annualCapacityTonnes: null,
    status: 'listed',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const registered = (c: Candidate, content: Candidate['submission'], status: ExistingCertificate['status'], n: number): ExistingCertificate => ({
  id: randomUUID(),
  brand_id: c.brand.id,
  pcr: c.submission.pcr,
  number: `AS-${String(n).padStart(10, '0')}`,
  status,
  current_version: 1,
  status_index: status === 'issued' ? n : null,
  content_digest: `sha256:${'0'.repeat(64)}`,
  content: buildContent(content, c.brand, c.spec, `AS-${String(n).padStart(10, '0')}`, 1, ISSUED),
});

/** New rows, re-imports (unchanged), conflicts, amendments (of issued and rejected), for every metal. */
function candidates(): Candidate[] {
  const rng = seededRng(7);
  const out: Candidate[] = [];
  for (const metal of METAL_CODES) {
    const spec = specs.find((s) => s.metal === metal)!;
    const brand = brandFor(metal, spec.shapes);
    for (let i = 0; i < 12; i++) {
      const submission = sampleSubmission(metal, { code: brand.code, shapes: spec.shapes, country: 'CL' }, `P-${i}`, '2026-11-01', rng);
      const c: Candidate = { submission, brand, spec, existing: [] };
      const changed = { ...submission, remarks: `re-assayed ${i}` };
      if (i % 6 === 1) c.existing = [registered(c, submission, 'issued', out.length + 1)];
      if (i % 6 === 2) c.existing = [registered(c, changed, 'issued', out.length + 1)];
      if (i % 6 === 3) {
        c.existing = [registered(c, changed, 'rejected', out.length + 2), registered(c, changed, 'issued', out.length + 1)];
        c.amendmentReason = 'Laboratory corrected the silver value';
      }
      if (i % 6 === 4) {
        c.existing = [registered(c, changed, 'rejected', out.length + 1)];
        c.amendmentReason = 'Resubmitted after re-assay';
      }
      out.push(c);
    }
  }
  return out;
}

describe('SigningPool', () => {
  const pool = new SigningPool(2);
  afterAll(() => pool.close());

  it('decides and signs on its workers exactly as in process', async () => {
    const cands = candidates();
    const local: Decision[] = cands.map((c) => decide(c, TODAY));
    const decided = await pool.decide(cands, TODAY);

    expect(decided.decisions.map((d) => d.kind)).toEqual(local.map((d) => d.kind));
    expect(new Set(local.map((d) => d.kind))).toEqual(new Set(['new', 'unchanged', 'refused', 'amend']));
    decided.decisions.forEach((d, i) => {
      const l = local[i]!;
      if (l.kind === 'new' || l.kind === 'amend') {
        expect(d).toEqual({ ...l, evaluation: verdictOf(l.evaluation) });
        // An amendment comes back as the main thread's own registered certificate, not a copy.
        if (l.kind === 'amend') expect((d as typeof l).existing).toBe(l.existing);
      } else expect(d).toEqual(l);
    });

    const env = { publicUrl: 'https://assay.example', producerOrgId: randomUUID(), issuerDid: 'did:web:assay.example:orgs:p', issuedAt: ISSUED.toISOString(), actor: { userId: null, apiKeyId: randomUUID() }, frame: { id: 3, protectedHeader: protectedHeaderSegment(KEY.kid) } };
    const signable = local.flatMap((d, i) => (d.kind === 'new' || d.kind === 'amend' ? [{ i, d }] : []));
    const allocation = (i: number, d: Extract<Decision, { kind: 'new' | 'amend' }>): Allocation => ({
      certificateId: d.kind === 'amend' ? d.existing.id : randomUUID(),
      number: d.kind === 'amend' ? d.existing.number : `AS-${String(5000 + i).padStart(10, '0')}`,
      version: d.kind === 'amend' ? d.existing.current_version + 1 : 1,
      statusIndex: d.evaluation.verdict === 'conforming' ? 9000 + i : null,
    });
    const allocations = signable.map(({ i, d }) => allocation(i, d));
    const pooled = await pool.signHeld(
      signable.map(({ i }, k) => ({ held: decided.held[i]!, d: signingDecision(decided.decisions[i] as Extract<Decision, { kind: 'new' | 'amend' }>), a: allocations[k]! })),
      decided,
      env,
      KEY,
    );
    const sign = { ...env, sign: credentialSigner(KEY) };
    const inProcess = signable.map(({ i, d }, k) => signRow(cands[i]!, signingDecision(d), d.evaluation, allocations[k]!, sign));
    expect(pooled).toEqual(inProcess);
    expect(decided.calls.size).toBe(0);
  });
});
