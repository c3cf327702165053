import type { Queryable } from '../platform/db.ts';
import type { ReferenceAdjustment } from './reference.ts';

// The only SQL of the market module: the exchange's calendar adjustments.

export interface AdjustmentRecord {
  id: string;
  calendar: 'exchange';
  date: string;
  kind: 'closure' | 'opening';
  name: string;
  source: string | null;
  referenceKey: string | null;
  effectiveFrom: string;
  withdrawnFrom: string | null;
  withdrawnReason: string | null;
  version: number;
  createdAt: string;
}

interface Row {
  id: string;
  calendar: 'exchange';
  day: string;
  kind: 'closure' | 'opening';
  name: string;
  source: string | null;
  reference_key: string | null;
  effective_from: string;
  withdrawn_from: string | null;
  withdrawn_reason: string | null;
  version: number;
  created_at: Date;
}

const COLUMNS = `id, calendar, day, kind, name, source, reference_key, effective_from, withdrawn_from, withdrawn_reason, version, created_at`;

const toRecord = (r: Row): AdjustmentRecord => ({
  id: r.id,
  calendar: r.calendar,
  date: r.day,
  kind: r.kind,
  name: r.name,
  source: r.source,
  referenceKey: r.reference_key,
  effectiveFrom: r.effective_from,
  withdrawnFrom: r.withdrawn_from,
  withdrawnReason: r.withdrawn_reason,
  version: r.version,
  createdAt: r.created_at.toISOString(),
});

/**
 * Loads the reference adjustments once (keyed by their reference key); rows already present are
 * left alone, so a withdrawal made through the API is never undone by a restart.
 */
export async function loadReferenceAdjustments(q: Queryable, adjustments: readonly ReferenceAdjustment[], effectiveFrom: string): Promise<number> {
  let inserted = 0;
  for (const a of adjustments) {
    const r = await q.query(
      `INSERT INTO calendar_adjustments (day, kind, name, source, reference_key, effective_from)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [a.date, a.kind, a.name, a.source, a.key, effectiveFrom],
    );
    inserted += r.rowCount;
  }
  return inserted;
}

export async function listAdjustments(q: Queryable): Promise<AdjustmentRecord[]> {
  const r = await q.query<Row>(`SELECT ${COLUMNS} FROM calendar_adjustments ORDER BY day, created_at, id`);
  return r.rows.map(toRecord);
}

export async function getAdjustment(q: Queryable, id: string, forUpdate = false): Promise<AdjustmentRecord | undefined> {
  const r = await q.query<Row>(`SELECT ${COLUMNS} FROM calendar_adjustments WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return r.rows[0] ? toRecord(r.rows[0]) : undefined;
}

export interface NewAdjustment {
  date: string;
  kind: 'closure' | 'opening';
  name: string;
  source: string | null;
  effectiveFrom: string;
  userId: string | null;
  apiKeyId: string | null;
}

export async function insertAdjustment(q: Queryable, a: NewAdjustment): Promise<AdjustmentRecord> {
  const r = await q.query<Row>(
    `INSERT INTO calendar_adjustments (day, kind, name, source, effective_from, created_by_user, created_by_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [a.date, a.kind, a.name, a.source, a.effectiveFrom, a.userId, a.apiKeyId],
  );
  return toRecord(r.rows[0]!);
}

export async function withdrawAdjustment(
  q: Queryable,
  id: string,
  w: { withdrawnFrom: string; reason: string; userId: string | null; apiKeyId: string | null },
): Promise<AdjustmentRecord> {
  const r = await q.query<Row>(
    `UPDATE calendar_adjustments
        SET withdrawn_from = $2, withdrawn_reason = $3, withdrawn_at = now(), withdrawn_by_user = $4, withdrawn_by_key = $5,
            version = version + 1
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, w.withdrawnFrom, w.reason, w.userId, w.apiKeyId],
  );
  return toRecord(r.rows[0]!);
}
