import type { Principal } from '../access/principal.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { verifyWithServerState } from '../trust/service.ts';
import type { VerificationReport } from '../trust/verify.ts';
import type { CertificateSummary } from './profile.ts';
import { certificateTrust } from './trust.ts';
import * as repo from './repo.ts';
import { requireCertificate } from './access.ts';
import { revocationOf, type Revocation } from './views.ts';
import { trustRegistry } from '../trust/registry.ts';
import { cached, jsonBytes } from '../platform/cache.ts';
import { checkpointState, proofBundle, statusListVersion } from '../trust/read-cache.ts';
import { locate } from '../trust/status-service.ts';

/**
 * Verification results also expire after this long, whatever their key: a bound on anything that
 * could change a report without changing the key (none is known: keys, once registered, keep
 * verifying what they signed).
 */
const VERIFICATION_TTL_MS = 60_000;

// A certificate's credential, proof and server-side verification, for whoever may see them.

type Summary = Omit<CertificateSummary, 'pcr'> & { pcr?: string };
/** The kernel's report, its summary that of a certificate (also under `certificate`, as before). */
export type CertificateApiReport = Omit<VerificationReport, 'summary'> & {
  summary?: Summary;
  certificate?: Summary;
  revocation?: Revocation;
};

const registry = trustRegistry([certificateTrust]);

async function versionFor(ctx: AppContext, p: Principal, id: string, version?: number) {
  const { certificate: c, full } = await requireCertificate(ctx, p, id, 'view');
  const v = await repo.getVersion(ctx.db, c.id, version ?? c.current_version);
  if (!v) throw notFound(`Version ${version}`);
  return { c, v, full };
}

export async function credentialFor(ctx: AppContext, p: Principal, id: string, version?: number): Promise<string> {
  const { v, full } = await versionFor(ctx, p, id, version);
  if (!full) {
    throw p.type === 'anonymous'
      ? new AppError('unauthenticated', 'Sign in to download the credential')
      : forbidden('The credential carries the full certificate: its producer, the exchange, and the holders and warehouses of its metal');
  }
  if (!v.credential) throw new AppError('not_found', `Version ${v.version} was rejected and carries no credential`);
  return v.credential;
}

export async function proofFor(ctx: AppContext, p: Principal, id: string, version?: number): Promise<string> {
  const { v } = await versionFor(ctx, p, id, version);
  return proofBundle(ctx, v.log_index);
}

/** Server-side verification of a stored certificate; the public sees the checks, not the content. */
export async function verifyStored(ctx: AppContext, p: Principal, id: string, witnessQuorum = 0): Promise<CertificateApiReport> {
  const { c, v, full } = await versionFor(ctx, p, id);
  if (!v.credential) {
    return { ok: false, checks: [{ name: 'format', status: 'fail', reason: 'This certificate was rejected; it carries no credential' }] };
  }
  // Cached per (certificate, version, current version, status, status-list version, checkpoint
  // notes, quorum): the status and the list's version are read from the database on every request,
  // so a revocation by any process changes the key at once. See trust/read-cache.ts.
  const credential = v.credential;
  const listVersion = c.status_index === null ? '-' : ((await statusListVersion(ctx, c.producer_org_id, locate(c.status_index).listNo)) ?? 'empty');
  const checkpoint = (await checkpointState(ctx)).key;
  const checked = await cached(
    ctx,
    'verification',
    `${c.id}/${v.version}/${c.current_version}/${c.status}/${listVersion}/${checkpoint}/${witnessQuorum}`,
    async () => (await verifyWithServerState(ctx, registry, credential, { witnessQuorum })) as CertificateApiReport,
    jsonBytes,
    VERIFICATION_TTL_MS,
  );
  const revocation = revocationOf(c, c.status === 'revoked' ? await repo.revokedAt(ctx.db, c.id) : undefined);
  const report = revocation ? { ...checked, revocation } : checked;
  if (!full && report.summary) {
    const { pcr: _hidden, ...rest } = report.summary;
    return { ...report, summary: rest, certificate: rest };
  }
  return report;
}

/** Verifies a credential someone holds (as in a certificate PDF) against this registry. */
export const verifySubmittedCertificate = async (ctx: AppContext, jwt: string, proof?: string, witnessQuorum = 0): Promise<CertificateApiReport> =>
  (await verifyWithServerState(ctx, registry, jwt, { ...(proof ? { proof } : {}), witnessQuorum })) as CertificateApiReport;
