import type { Principal } from '../access/principal.ts';
import type { CertificateRow, VersionRow } from './repo.ts';

// What each caller may see of a certificate. The full record is for the issuing producer and the
// exchange (warehouses and holders join when warrants exist); everyone else gets the minimal
// verification view, built field by field so nothing restricted can slip through.

export function canReadFull(p: Principal, c: { producer_org_id: string }): boolean {
  return p.type !== 'anonymous' && (p.orgKind === 'exchange' || p.orgId === c.producer_org_id);
}

export interface MinimalView {
  view: 'minimal';
  id: string;
  number: string;
  brand: { code: string; name: string };
  metal: string;
  status: string;
  version: number;
  productionDate: string;
  issuedAt: string;
  updatedAt: string;
  contentDigest: string;
  /** Revoked: when (the logged time) and the reason its producer or the exchange gave. Public. */
  revocation?: Revocation;
  /** Public only when it follows from the status: a certificate that is not issued is never eligible. */
  warrantEligible?: false;
}

export interface Revocation {
  revokedAt: string;
  reason: string;
}

/** The revocation as the public sees it, given the logged time (single-certificate views only). */
export function revocationOf(c: CertificateRow, revokedAt: Date | undefined): Revocation | undefined {
  if (c.status !== 'revoked') return undefined;
  return { revokedAt: (revokedAt ?? c.updated_at).toISOString(), reason: c.status_reason ?? '' };
}

/**
 * Eligible for warranting: only an issued certificate, whatever the row's flag (which records the
 * rules at issue — origin, chemistry — and is not cleared by a revocation).
 */
export const warrantEligible = (c: CertificateRow): boolean => c.status === 'issued' && c.warrant_eligible;

export function minimalView(c: CertificateRow, revokedAt?: Date): MinimalView {
  const revocation = revocationOf(c, revokedAt);
  return {
    view: 'minimal',
    id: c.id,
    number: c.number,
    brand: { code: c.brand_code, name: c.brand_name },
    metal: c.metal,
    status: c.status,
    version: c.current_version,
    productionDate: c.production_date,
    issuedAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    contentDigest: c.content_digest,
    ...(revocation ? { revocation } : {}),
    ...(c.status !== 'issued' ? { warrantEligible: false as const } : {}),
  };
}

export function summaryView(c: CertificateRow, revokedAt?: Date) {
  return {
    ...minimalView(c, revokedAt),
    view: 'summary' as const,
    pcr: c.pcr,
    producer: { id: c.producer_org_id, name: c.producer_name },
    originCountry: c.origin_country,
    warrantEligible: warrantEligible(c),
    statusReason: c.status_reason,
  };
}

export function fullView(c: CertificateRow, v: VersionRow, versions: VersionRow[], revokedAt?: Date) {
  return {
    ...summaryView(c, revokedAt),
    view: 'full' as const,
    brand: { id: c.brand_id, code: c.brand_code, name: c.brand_name },
    verdict: v.verdict,
    reasons: v.evaluation.reasons,
    chemistryCheck: v.evaluation.chemistry,
    warrantReasons: v.evaluation.warrantReasons,
    amendmentReason: v.amendment_reason,
    content: v.content,
    versions: versions.map((x) => ({
      version: x.version,
      createdAt: x.created_at.toISOString(),
      contentDigest: x.content_digest,
      verdict: x.verdict,
      amendmentReason: x.amendment_reason,
      superseded: x.version < c.current_version,
    })),
  };
}

export function versionView(v: VersionRow, current: number) {
  return {
    version: v.version,
    superseded: v.version < current,
    createdAt: v.created_at.toISOString(),
    contentDigest: v.content_digest,
    verdict: v.verdict,
    reasons: v.evaluation.reasons,
    warrantReasons: v.evaluation.warrantReasons,
    amendmentReason: v.amendment_reason,
    content: v.content,
  };
}
