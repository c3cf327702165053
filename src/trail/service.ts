import type { AppContext } from '../platform/context.ts';
import type { Authenticated } from '../access/principal.ts';
import { forbidden } from '../platform/errors.ts';
import { listAudit, type AuditEvent } from './repo.ts';

// Who reads which part of the audit trail. The exchange reads all of it. An auditor reads its own
// organisation's events, and of the organisations it audits only what an audit of their
// sustainability and certificates needs, with the details cut to the fields named here: never
// people's emails, sign-ins, API keys, import files, or the PCRs of rejected certificates.

/** Actions of an audited organisation an auditor may see, each with the detail fields it keeps. */
const AUDITED_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  'disclosure.filed': ['topic', 'kind', 'restricted'],
  'disclosure.attested': [],
  'evidence.uploaded': ['size'],
  'sourcing.track_recorded': ['track', 'effectiveFrom'],
  'cbam.submitted': ['brand', 'periodKind', 'periodStart', 'version', 'source'],
  'cbam.visibility_changed': ['published'],
  'certificate.issued': ['number', 'brand'],
  'certificate.amended': ['number', 'version', 'status'],
  'certificate.revoked': ['number'],
};

/** The exchange's actions on an audited organisation's brands that an auditor may see. */
const AUDITED_BRAND_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  'sourcing.compliance_changed': ['status'],
  'brand.listed': ['code'],
  'brand.status_changed': ['from', 'to', 'effectiveDate'],
};

const KEPT = { ...AUDITED_ACTIONS, ...AUDITED_BRAND_ACTIONS };

function redacted(e: AuditEvent): AuditEvent {
  const keep = KEPT[e.action] ?? [];
  const details = Object.fromEntries(Object.entries(e.details).filter(([k]) => keep.includes(k)));
  return { ...e, actorUserId: null, actorApiKeyId: null, details };
}

export async function auditEvents(
  ctx: AppContext,
  p: Authenticated,
  q: { subjectType?: string; subjectId?: string; afterId?: number; limit: number },
): Promise<AuditEvent[]> {
  if (p.orgKind === 'exchange') return listAudit(ctx.db, q);
  if (p.orgKind !== 'auditor') throw forbidden('The audit trail is for the exchange and auditors');
  const rows = await listAudit(ctx.db, {
    ...q,
    auditor: { auditorOrgId: p.orgId, actions: Object.keys(AUDITED_ACTIONS), brandActions: Object.keys(AUDITED_BRAND_ACTIONS) },
  });
  return rows.map((e) => (e.orgId === p.orgId ? e : redacted(e)));
}
