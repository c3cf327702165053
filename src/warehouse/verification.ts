import { verifyStored } from '../certificates/verification.ts';
import { certificateTrust } from '../certificates/trust.ts';
import { statusesOf } from '../certificates/lookup.ts';
import type { AppContext } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { proofForPayload } from '../trust/checkpoint-service.ts';
import { trustRegistry } from '../trust/registry.ts';
import { verifyWithServerState } from '../trust/service.ts';
import { digestBytes } from '../trust/trust.ts';
import * as repo from './repo.ts';
import { warehouseTrust } from './trust.ts';
import { normaliseWarrantNumber } from './warrant-service.ts';

// A warrant's public verification: its credential checked like any other (signature, issuer, key
// validity, status, log inclusion), and each certificate of its metal verified in turn. Never the
// holder: the credential does not carry it.

const registry = trustRegistry([warehouseTrust, certificateTrust]);

async function warrantOf(ctx: AppContext, ref: string) {
  const w = await repo.getWarrant(ctx.db, normaliseWarrantNumber(ref));
  if (!w) throw notFound('Warrant');
  return w;
}

export async function proofOf(ctx: AppContext, ref: string): Promise<string> {
  const w = await warrantOf(ctx, ref);
  const proof = await proofForPayload(ctx, digestBytes(w.credential));
  if (!proof) throw notFound('Log entry of the warrant');
  return proof;
}

export async function verifyWarrant(ctx: AppContext, ref: string) {
  const w = await warrantOf(ctx, ref);
  const report = await verifyWithServerState(ctx, registry, w.credential);
  const casts = await repo.warrantCasts(ctx.db, w.id);
  const certificates = [];
  for (const c of casts) {
    const r = await verifyStored(ctx, { type: 'anonymous' }, c.certificate_id);
    const [s] = await statusesOf(ctx.db, [c.certificate_id]);
    certificates.push({
      id: c.certificate_id,
      number: s?.number ?? '',
      ok: r.ok,
      status: s?.status ?? 'unknown',
      failed: r.checks.filter((x) => x.status === 'fail').map((x) => `${x.name}: ${x.reason}`),
    });
  }
  return { ...report, status: w.status, certificates };
}
