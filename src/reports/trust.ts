import { canonicalJson, digestOf } from '../trust/canonical.ts';
import type { AuditCheck, AuditReporter, LoggedEntry, RegisteredCredential, TrustRegistry } from '../trust/registry.ts';
import { digestBytes } from '../trust/trust.ts';
import { decodeCredentialJwt } from '../trust/vc.ts';
import { DECLARATION_LOG_KIND, DECLARATION_PROFILE, DECLARATION_SUBJECT, REPORT_LOG_KIND, REPORT_PROFILE, REPORT_SUBJECT } from './credential.ts';
import * as repo from './repo.ts';
import { toMilli } from './rules.ts';

// What the reports module registers with the trust kernel: its two credential types, and an audit
// check for each: a published report must still be, byte for byte, the document its logged
// credential signed (kind, period and day included); a declaration must still say what its
// warehouse signed.

export const reportCredential: RegisteredCredential = {
  profile: REPORT_PROFILE,
  async currentVersion(db, id) {
    return (await repo.getReport(db, id)) ? 1 : undefined;
  },
};

export const declarationCredential: RegisteredCredential = {
  profile: DECLARATION_PROFILE,
  async currentVersion(db, id) {
    return (await repo.declarationExists(db, id)) ? 1 : undefined;
  },
};

function subjectOf(jwt: string): { id: unknown; subject: Record<string, unknown> } | null {
  try {
    const c = decodeCredentialJwt(jwt).credential;
    return { id: c.id, subject: c.credentialSubject as Record<string, unknown> };
  } catch {
    return null;
  }
}

function loggedAs(r: AuditReporter, code: string, what: string, entries: readonly LoggedEntry[], idx: number, credential: string): void {
  const entry = entries.find((e) => e.idx === idx);
  if (!entry || entry.digest !== digestBytes(credential)) r.find(code, what, `${what}: its credential is not what log entry ${idx} committed to`);
}

export const reportCheck: AuditCheck = {
  subjectType: REPORT_SUBJECT,
  kinds: [REPORT_LOG_KIND],
  noun: 'market report',
  async run(ctx, logged, r) {
    const present = new Set<string>();
    let checked = 0;
    for (let after: string | null = null; ; ) {
      const page = await repo.reportsAfter(ctx.db, after, 200);
      if (page.length === 0) break;
      after = page.at(-1)!.id;
      for (const rep of page) {
        checked++;
        present.add(rep.id);
        const what = `market report ${rep.kind} ${rep.period}`;
        loggedAs(r, 'market_report_changed', what, logged.get(rep.id) ?? [], rep.log_index, rep.credential);
        if (digestBytes(rep.document) !== rep.document_digest) r.find('market_report_changed', what, `${what}: its document no longer matches its digest`);
        const c = subjectOf(rep.credential);
        if (!c) {
          r.find('market_report_changed', what, `${what}: its credential does not decode`);
          continue;
        }
        const s = c.subject;
        let canonical: string | null = null;
        try {
          canonical = canonicalJson(s.report);
        } catch {
          // reported below
        }
        const cols: [string, unknown, unknown][] = [
          ['id', `urn:assay:market-report:${rep.id}:v1`, c.id],
          ['kind', rep.kind, s.kind],
          ['period', rep.period, s.period],
          ['as-of day', rep.as_of, s.asOf],
          ['document digest', rep.document_digest, s.documentDigest],
        ];
        for (const [name, a, b] of cols) if (a !== b) r.find('market_report_changed', what, `${what}: its ${name} is ${String(a)} in the table but ${String(b)} in its signed credential`);
        if (canonical !== rep.document) r.find('market_report_changed', what, `${what}: the stored document is not the report its credential signed`);
      }
    }
    return { checked, present };
  },
};

export const declarationCheck: AuditCheck = {
  subjectType: DECLARATION_SUBJECT,
  kinds: [DECLARATION_LOG_KIND],
  noun: 'off-warrant declaration',
  async run(ctx, logged, r) {
    const present = new Set<string>();
    let checked = 0;
    for (let after: string | null = null; ; ) {
      const page = await repo.declarationsAfter(ctx.db, after, 200);
      if (page.length === 0) break;
      after = page.at(-1)!.id;
      for (const d of page) {
        checked++;
        present.add(d.id);
        const what = `off-warrant declaration ${d.location_code} ${d.metal} ${d.month} (${d.id})`;
        loggedAs(r, 'declaration_changed', what, logged.get(d.id) ?? [], d.log_index, d.credential);
        const c = subjectOf(d.credential);
        if (!c) {
          r.find('declaration_changed', what, `${what}: its credential does not decode`);
          continue;
        }
        const { id: _id, ...s } = c.subject as Record<string, unknown> & { warehouse?: { id?: unknown } };
        if (digestOf(s) !== d.content_digest) r.find('declaration_changed', what, `${what}: its content digest differs from its credential`);
        const sameTonnes = (() => {
          try {
            return toMilli(d.tonnes) === toMilli(String(s.tonnes));
          } catch {
            return false;
          }
        })();
        const cols: [string, unknown, unknown][] = [
          ['id', d.id, s.declarationId],
          ['warehouse', d.warehouse_org_id, (s.warehouse as { id?: unknown } | undefined)?.id],
          ['location', d.location_code, s.location],
          ['metal', d.metal, s.metal],
          ['month', d.month, s.month],
          ['note', d.note, s.note],
          ['declaration time', d.declared_at.toISOString(), s.declaredAt],
        ];
        for (const [name, a, b] of cols) if (a !== b) r.find('declaration_changed', what, `${what}: its ${name} is ${String(a)} in the table but ${String(b)} in its signed credential`);
        if (!sameTonnes) r.find('declaration_changed', what, `${what}: its tonnage is ${d.tonnes} in the table but ${String(s.tonnes)} in its signed credential`);
      }
    }
    return { checked, present };
  },
};

export const reportsTrust: Partial<TrustRegistry> = {
  credentials: [reportCredential, declarationCredential],
  checks: [reportCheck, declarationCheck],
};
