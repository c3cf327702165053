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
}

export function minimalView(c: CertificateRow): MinimalView {
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
  };
}

export function summaryView(c: CertificateRow) {
  return {
    ...minimalView(c),
    view: 'summary' as const,
    pcr: c.pcr,
    producer: { id: c.producer_org_id, name: c.producer_name },
    originCountry: c.origin_country,
    warrantEligible: c.warrant_eligible,
    statusReason: c.status_reason,
  };
}

export function fullView(c: CertificateRow, v: VersionRow, versions: VersionRow[]) {
  return {
    ...summaryView(c),
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
