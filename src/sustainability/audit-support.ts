import type { AppContext } from '../platform/context.ts';
import { canonicalJson, digestOf } from '../trust/canonical.ts';
import type { AuditCheck, AuditReporter, LoggedEntry } from '../trust/registry.ts';
import { digestBytes } from '../trust/trust.ts';
import { decodeCredentialJwt } from '../trust/vc.ts';
import { sameDecimal } from './fields.ts';

// What the sustainability and CBAM audit checks share: opening a stored credential, finding the
// log entry a row points at, comparing stored columns with what was signed, and auditing one record
// type that older databases logged under another subject type.

/** A stored credential, opened (not verified: the log entry commits to its exact bytes). */
export interface OpenedCredential {
  id: unknown;
  types: readonly unknown[];
  /** The credentialSubject without its `id` member. */
  subject: Record<string, unknown>;
  subjectId: unknown;
}

/** Opens a stored vc+jwt; reports `credential_malformed` and returns null when it does not decode. */
export function openCredential(jwt: string, what: string, r: AuditReporter): OpenedCredential | null {
  try {
    const c = decodeCredentialJwt(jwt).credential;
    const { id: subjectId, ...subject } = (c.credentialSubject ?? {}) as Record<string, unknown>;
    return { id: c.id, types: Array.isArray(c.type) ? c.type : [], subject, subjectId };
  } catch {
    r.find('credential_malformed', what, `${what}: the stored credential does not decode`);
    return null;
  }
}

/** The credential is of this VC type and has this id; reports `credential_mismatch` otherwise. */
export function checkCredentialId(c: OpenedCredential, type: string, id: string, what: string, r: AuditReporter): void {
  if (!c.types.includes(type) || c.id !== id) {
    r.find('credential_mismatch', what, `${what}: the stored credential is not its ${type} ${id}`);
  }
}

/**
 * The log entry a row points at must be one of this record's entries (`entries`, in log order) at
 * `logIndex`, of version `version` (when given), committing to `digest`. Reports `not_logged` or
 * `payload_mismatch` and returns the entry when there is one.
 */
export function checkLogged(
  what: string,
  entries: readonly LoggedEntry[] | undefined,
  row: { logIndex: number; version?: number | null; digest: string },
  r: AuditReporter,
): LoggedEntry | undefined {
  const entry = entries?.find((e) => e.idx === row.logIndex);
  if (!entry) {
    r.find('not_logged', what, `${what}: its log entry ${row.logIndex} is missing or belongs to another record`);
    return undefined;
  }
  if (row.version !== undefined && entry.version !== row.version) {
    r.find('not_logged', what, `${what}: log entry ${row.logIndex} records version ${String(entry.version)}, the database ${String(row.version)}`);
  }
  if (entry.digest !== row.digest) r.find('payload_mismatch', what, `${what}: differs from what log entry ${row.logIndex} committed to`);
  return entry;
}

/** The stored credential's bytes are what the entry committed to. */
export const credentialDigest = (jwt: string): string => digestBytes(jwt);

/** A stored value beside the signed one: plain values compare as canonical JSON, decimals by value. */
export type Field = [name: string, stored: unknown, signed: unknown] | [name: string, stored: string | null, signed: unknown, kind: 'decimal'];

const same = (f: Field): boolean => {
  const [, stored, signed, kind] = f;
  if (kind === 'decimal') return sameDecimal(stored as string | null, typeof signed === 'string' ? signed : signed === null || signed === undefined ? null : String(signed));
  try {
    return canonicalJson(stored ?? null) === canonicalJson(signed ?? null);
  } catch {
    return false;
  }
};

const shown = (v: unknown): string => {
  try {
    const t = canonicalJson(v ?? null);
    return t.length > 80 ? `${t.slice(0, 77)}...` : t;
  } catch {
    return String(v);
  }
};

/** Reports every stored column that differs from the signed record (`credential_mismatch`). */
export function compareFields(what: string, fields: readonly Field[], r: AuditReporter): void {
  const differ = fields.filter((f) => !same(f));
  if (differ.length === 0) return;
  const list = differ.map(([name, stored, signed]) => `${name} is ${shown(stored)} in the database but ${shown(signed)} in the signed record`).join('; ');
  r.find('credential_mismatch', what, `${what}: ${list}`);
}

/** The stored content is what the credential signed, and its stored digest is the content's. */
export function checkContent(what: string, stored: { content: unknown; contentDigest: string }, signed: OpenedCredential, r: AuditReporter): void {
  const digest = digestOf(stored.content);
  if (digest !== stored.contentDigest) r.find('content_changed', what, `${what}: its content no longer matches its digest (changed after it was recorded)`);
  if (digestOf(signed.subject) !== digest) r.find('credential_mismatch', what, `${what}: the stored content differs from the signed credential`);
}

// ---------------------------------------------------------------- a record type under two subject types

export interface LegacyAwareCheck {
  /** What to call one record (a subject) in findings. */
  noun: string;
  current: { subjectType: string; kinds: readonly string[] };
  /** Where databases of an earlier release logged the same records. */
  legacy: { subjectType: string; kinds: readonly string[] };
  /** Ids (log subject ids) of the records in the database. */
  present(ctx: AppContext): Promise<ReadonlySet<string>>;
  /** The audit over every entry of both, per subject id in log order; returns the records examined. */
  run(ctx: AppContext, logged: ReadonlyMap<string, readonly LoggedEntry[]>, r: AuditReporter, present: ReadonlySet<string>): Promise<number>;
}

/**
 * Two audit checks, one per subject type, that audit one record type together: each owns its
 * subject type's entries (so no entry is unchecked), and whichever runs second audits the records
 * against the entries of both, merged (so a record is checked once, against its whole history).
 * The runner hands every check of one audit run the same reporter, which pairs the two halves.
 */
export function checksWithLegacy(spec: LegacyAwareCheck): [AuditCheck, AuditCheck] {
  const pending = new WeakMap<AuditReporter, ReadonlyMap<string, readonly LoggedEntry[]>>();
  const half = (own: { subjectType: string; kinds: readonly string[] }): AuditCheck => ({
    subjectType: own.subjectType,
    kinds: own.kinds,
    noun: spec.noun,
    async run(ctx, logged, r) {
      const present = await spec.present(ctx);
      const other = pending.get(r);
      if (!other) {
        pending.set(r, logged);
        return { checked: 0, present };
      }
      pending.delete(r);
      const merged = new Map<string, LoggedEntry[]>();
      for (const part of [other, logged]) {
        for (const [id, entries] of part) merged.set(id, [...(merged.get(id) ?? []), ...entries].sort((a, b) => a.idx - b.idx));
      }
      return { checked: await spec.run(ctx, merged, r, present), present };
    },
  });
  // The current half last, so the runner counts the records under the current subject type.
  return [half(spec.legacy), half(spec.current)];
}
