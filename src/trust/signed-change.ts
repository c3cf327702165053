import type { Queryable } from '../platform/db.ts';
import { recordEvents, type TrailEvent } from '../trail/events.ts';
import { digestOf } from './canonical.ts';
import type { KeyObject } from 'node:crypto';
import { appendEntries, type LogClock, type NewEntry } from './log-service.ts';
import { digestBytes } from './trust.ts';
import { signCredentialJwt, type Credential } from './vc.ts';

// One unit of work for every change that matters: the audit-trail event (who did it), the
// transparency-log entry (what the register now says, as a digest anyone can check), and, for a
// signed record, its credential. Called inside the transaction that writes the record, so the
// record, its event, its signature and its log entry commit together or not at all. The log head
// is locked last (appendEntries), so it is held only from the append to COMMIT.

/** What the log entry commits to: a record (its canonical JSON), a credential to sign, or a digest already made. */
export type Payload =
  | { record: unknown }
  | { credential: Credential; key: { kid: string; privateKey: KeyObject } }
  | { payloadDigest: string; credential?: string };

export interface SignedChange {
  /** The log entry: kind, subject and version; its digest comes from the payload. */
  log: Omit<NewEntry, 'payloadDigest'>;
  payload: Payload;
  /** The trail event; its subject defaults to the log entry's, its action to the entry's kind. */
  event: Omit<TrailEvent, 'action' | 'subjectType' | 'subjectId'> & Partial<Pick<TrailEvent, 'action' | 'subjectType' | 'subjectId'>>;
  /** Entries the same change also makes, after its own (e.g. the status list it flipped). */
  alsoLog?: NewEntry[];
}

export interface RecordedChange {
  logIndex: number;
  /** The indices of the `alsoLog` entries, in order. */
  alsoLogIndices: number[];
  payloadDigest: string;
  /** The signed credential (vc+jwt) when the payload was a credential. */
  credential: string | null;
}

async function resolvePayload(p: Payload): Promise<{ payloadDigest: string; credential: string | null }> {
  if ('record' in p) return { payloadDigest: digestOf(p.record), credential: null };
  if ('key' in p) {
    const jwt = await signCredentialJwt(p.credential, { privateKey: p.key.privateKey, kid: p.key.kid });
    return { payloadDigest: digestBytes(jwt), credential: jwt };
  }
  return { payloadDigest: p.payloadDigest, credential: p.credential ?? null };
}

/** Records one change; see the module comment. */
export async function recordSignedChange(ctx: LogClock, tx: Queryable, change: SignedChange): Promise<RecordedChange> {
  return (await recordSignedChanges(ctx, tx, [change]))[0]!;
}

/** Records several changes in order, with one append of all their entries. */
export async function recordSignedChanges(ctx: LogClock, tx: Queryable, changes: readonly SignedChange[]): Promise<RecordedChange[]> {
  const resolved = await Promise.all(changes.map((c) => resolvePayload(c.payload)));
  await recordEvents(
    tx,
    changes.map((c, i) => ({
      action: c.log.kind,
      subjectType: c.log.subjectType,
      subjectId: c.log.subjectId,
      ...c.event,
      digestAfter: c.event.digestAfter === undefined ? resolved[i]!.payloadDigest : c.event.digestAfter,
    })),
  );
  const entries: NewEntry[] = [];
  const own: number[] = [];
  for (const [i, c] of changes.entries()) {
    own.push(entries.length);
    entries.push({ ...c.log, payloadDigest: resolved[i]!.payloadDigest });
    entries.push(...(c.alsoLog ?? []));
  }
  const indices = await appendEntries(ctx, tx, entries);
  return changes.map((c, i) => ({
    logIndex: indices[own[i]!]!,
    alsoLogIndices: (c.alsoLog ?? []).map((_e, k) => indices[own[i]! + 1 + k]!),
    ...resolved[i]!,
  }));
}
