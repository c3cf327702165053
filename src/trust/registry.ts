import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import type { CredentialProfile } from './credential-profile.ts';

// The trust kernel knows no record type. Each feature that signs or logs records describes them
// here — its credential types (for verification) and an audit check per logged subject type (to
// recompute from the database what the log committed to) — and the application hands the
// kernel the whole registry (app/trust-registry.ts).

/** A credential type as the server knows it: the pure profile, and where its current version is. */
export interface RegisteredCredential {
  profile: CredentialProfile;
  /** The record's latest version, for the `current` check online; undefined when unknown. */
  currentVersion?(db: Queryable, subjectId: string): Promise<number | undefined>;
  /** The API's reports also carry the summary under this name (`certificate`, as they did before other types existed). */
  reportField?: string;
}

/** One log entry of a subject, as the audit hands it to a check. */
export interface LoggedEntry {
  idx: number;
  kind: string;
  version: number | null;
  /** The entry's payloadDigest. */
  digest: string;
}

export interface AuditFinding {
  code: string;
  /** The record, named as an operator would look it up, e.g. `certificate AS-0000000001 version 2`. */
  record: string;
  message: string;
}

export interface AuditReporter {
  find(code: string, record: string, message: string): void;
}

/**
 * Recomputes, from the database as it is now, what the log committed to for one subject type.
 * `logged` holds every subject of that type that has entries of the check's kinds, each with its
 * entries in log order. The check reports every difference and returns the ids of the records it
 * found in the database; the runner names logged records that are no longer there.
 */
export interface AuditCheck {
  /** The log subject type this check owns, e.g. `brand`. */
  subjectType: string;
  /** The entry kinds it owns under that subject type. */
  kinds: readonly string[];
  /** What to call one record in findings, e.g. `brand`. */
  noun: string;
  run(ctx: AppContext, logged: ReadonlyMap<string, readonly LoggedEntry[]>, report: AuditReporter): Promise<AuditCheckResult>;
}

export interface AuditCheckResult {
  /** Records examined. */
  checked: number;
  /** Ids of the records found in the database (logged or not). */
  present: ReadonlySet<string>;
}

export interface TrustRegistry {
  credentials: readonly RegisteredCredential[];
  checks: readonly AuditCheck[];
}

/** Builds a registry, refusing two checks for the same subject type and kind or two profiles of one type. */
export function trustRegistry(parts: readonly Partial<TrustRegistry>[]): TrustRegistry {
  const credentials = parts.flatMap((p) => p.credentials ?? []);
  const checks = parts.flatMap((p) => p.checks ?? []);
  const types = new Set<string>();
  for (const c of credentials) {
    if (types.has(c.profile.type)) throw new Error(`credential type ${c.profile.type} registered twice`);
    types.add(c.profile.type);
  }
  const owned = new Set<string>();
  for (const c of checks) {
    for (const k of c.kinds) {
      const key = `${c.subjectType}/${k}`;
      if (owned.has(key)) throw new Error(`two audit checks own ${key}`);
      owned.add(key);
    }
  }
  return { credentials, checks };
}

export const profilesOf = (r: TrustRegistry): CredentialProfile[] => r.credentials.map((c) => c.profile);
