import type { Queryable } from '../platform/db.ts';

// The rent module's SQL: tariffs, statements and their lines, endorsements, supervision fee
// statements. Private to the module.

// ---------------------------------------------------------------- tariffs

export interface TariffRow {
  id: string;
  seq: number;
  warehouse_org_id: string;
  facility_id: string;
  location_code: string;
  metal: string;
  rate_year: number;
  rent_usd_per_tonne_day: string;
  currency: string;
  fot_per_tonne: string | null;
  fic_per_tonne: string | null;
  fees: { code: string; amount: string; currency: string }[];
  content: Record<string, unknown>;
  content_digest: string;
  credential: string;
  log_index: number;
  published_at: Date;
}

export async function insertTariff(
  q: Queryable,
  t: Omit<TariffRow, 'seq' | 'published_at'> & { published_at: string; userId: string | null; apiKeyId: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO rent_tariffs (id, warehouse_org_id, facility_id, location_code, metal, rate_year, rent_usd_per_tonne_day, currency, fot_per_tonne, fic_per_tonne,
       fees, content, content_digest, credential, log_index, published_at, published_by_user, published_by_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [t.id, t.warehouse_org_id, t.facility_id, t.location_code, t.metal, t.rate_year, t.rent_usd_per_tonne_day, t.currency, t.fot_per_tonne, t.fic_per_tonne,
      JSON.stringify(t.fees), JSON.stringify(t.content), t.content_digest, t.credential, t.log_index, t.published_at, t.userId, t.apiKeyId],
  );
}

export interface TariffFilter {
  warehouseOrgId?: string;
  facilityId?: string;
  facilityIds?: readonly string[];
  location?: string;
  metal?: string;
  rateYear?: number;
}

export async function listTariffs(q: Queryable, f: TariffFilter = {}): Promise<TariffRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.warehouseOrgId) where.push(`warehouse_org_id = $${params.push(f.warehouseOrgId)}`);
  if (f.facilityId) where.push(`facility_id = $${params.push(f.facilityId)}`);
  if (f.facilityIds) where.push(`facility_id = ANY($${params.push(f.facilityIds)}::uuid[])`);
  if (f.location) where.push(`location_code = $${params.push(f.location)}`);
  if (f.metal) where.push(`metal = $${params.push(f.metal)}`);
  if (f.rateYear !== undefined) where.push(`rate_year = $${params.push(f.rateYear)}`);
  return (
    await q.query<TariffRow>(`SELECT * FROM rent_tariffs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY location_code, facility_id, metal, rate_year`, params)
  ).rows;
}

export async function getTariff(q: Queryable, id: string): Promise<TariffRow | undefined> {
  return (await q.query<TariffRow>(`SELECT * FROM rent_tariffs WHERE id = $1`, [id])).rows[0];
}

// ---------------------------------------------------------------- statements

export type StatementStatus = 'open' | 'partly_endorsed' | 'endorsed' | 'withdrawn';

export interface StatementRow {
  id: string;
  seq: number;
  number: string;
  holder_org_id: string;
  paid_to: string;
  status: StatementStatus;
  content: Record<string, unknown>;
  content_digest: string;
  log_index: number;
  withdrawal: Record<string, unknown> | null;
  created_at: Date;
}

export interface LineRow {
  statement_id: string;
  line: number;
  warrant_id: string;
  warehouse_org_id: string;
  from_date: string;
  to_date: string;
  days: number;
  amount: string;
  currency: string;
}

export async function nextStatementSeq(q: Queryable): Promise<number> {
  return (await q.query<{ seq: number }>(`SELECT nextval(pg_get_serial_sequence('rent_statements', 'seq')) AS seq`)).rows[0]!.seq;
}

export const statementNumber = (seq: number): string => `RS-${String(seq).padStart(10, '0')}`;

export async function insertStatement(
  q: Queryable,
  s: Omit<StatementRow, 'number' | 'withdrawal' | 'created_at' | 'status'> & { created_at: string; userId: string | null; apiKeyId: string | null },
  lines: readonly LineRow[],
): Promise<void> {
  await q.query(
    `INSERT INTO rent_statements (id, seq, holder_org_id, paid_to, status, content, content_digest, log_index, created_at, created_by_user, created_by_key)
     VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $8, $9, $10)`,
    [s.id, s.seq, s.holder_org_id, s.paid_to, JSON.stringify(s.content), s.content_digest, s.log_index, s.created_at, s.userId, s.apiKeyId],
  );
  const cols = ['statement_id', 'line', 'warrant_id', 'warehouse_org_id', 'from_date', 'to_date', 'days', 'amount', 'currency'] as const;
  await q.copyRows('rent_statement_lines', cols, lines.map((l) => cols.map((c) => l[c])));
}

export async function getStatement(q: Queryable, idOrNumber: string, forUpdate = false): Promise<StatementRow | undefined> {
  const col = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrNumber) ? 'id' : 'number';
  return (await q.query<StatementRow>(`SELECT * FROM rent_statements WHERE ${col} = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [idOrNumber])).rows[0];
}

export async function statementLines(q: Queryable, statementId: string): Promise<LineRow[]> {
  return (await q.query<LineRow>(`SELECT * FROM rent_statement_lines WHERE statement_id = $1 ORDER BY line`, [statementId])).rows;
}

export interface StatementFilter {
  holderOrgId?: string;
  /** Statements with lines of this warehouse. */
  warehouseOrgId?: string;
  /** With `warehouseOrgId`: only those it has not endorsed yet (open or partly endorsed). */
  toEndorse?: boolean;
  status?: StatementStatus;
  beforeSeq?: number;
  limit: number;
}

export async function listStatements(q: Queryable, f: StatementFilter): Promise<StatementRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.holderOrgId) where.push(`s.holder_org_id = $${params.push(f.holderOrgId)}`);
  if (f.warehouseOrgId) {
    const w = `$${params.push(f.warehouseOrgId)}`;
    where.push(`EXISTS (SELECT 1 FROM rent_statement_lines l WHERE l.statement_id = s.id AND l.warehouse_org_id = ${w})`);
    if (f.toEndorse) {
      where.push(`s.status IN ('open', 'partly_endorsed')`);
      where.push(`NOT EXISTS (SELECT 1 FROM rent_endorsements e WHERE e.statement_id = s.id AND e.warehouse_org_id = ${w})`);
    }
  }
  if (f.status) where.push(`s.status = $${params.push(f.status)}`);
  if (f.beforeSeq !== undefined) where.push(`s.seq < $${params.push(f.beforeSeq)}`);
  return (
    await q.query<StatementRow>(
      `SELECT s.* FROM rent_statements s ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.seq DESC LIMIT $${params.push(f.limit)}`,
      params,
    )
  ).rows;
}

/** Open (or partly endorsed) statements with a line for one of these warrants not yet endorsed. */
export async function openLinesFor(q: Queryable, warrantIds: readonly string[]): Promise<{ warrant_id: string; number: string }[]> {
  if (warrantIds.length === 0) return [];
  return (
    await q.query<{ warrant_id: string; number: string }>(
      `SELECT l.warrant_id, s.number FROM rent_statement_lines l JOIN rent_statements s ON s.id = l.statement_id
        WHERE l.warrant_id = ANY($1::uuid[]) AND s.status IN ('open', 'partly_endorsed')
          AND NOT EXISTS (SELECT 1 FROM rent_endorsements e WHERE e.statement_id = s.id AND e.warehouse_org_id = l.warehouse_org_id)
        ORDER BY s.seq`,
      [warrantIds],
    )
  ).rows;
}

export async function setStatementStatus(q: Queryable, id: string, status: StatementStatus, withdrawal: Record<string, unknown> | null = null): Promise<void> {
  await q.query(`UPDATE rent_statements SET status = $2, withdrawal = coalesce($3, withdrawal) WHERE id = $1`, [id, status, withdrawal ? JSON.stringify(withdrawal) : null]);
}

// ---------------------------------------------------------------- endorsements

export interface EndorsementRow {
  id: string;
  statement_id: string;
  warehouse_org_id: string;
  endorsed_on: string;
  content: Record<string, unknown>;
  content_digest: string;
  credential: string;
  log_index: number;
  endorsed_at: Date;
}

export async function insertEndorsement(
  q: Queryable,
  e: Omit<EndorsementRow, 'endorsed_at'> & { endorsed_at: string; userId: string | null; apiKeyId: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO rent_endorsements (id, statement_id, warehouse_org_id, endorsed_on, content, content_digest, credential, log_index, endorsed_at, endorsed_by_user, endorsed_by_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [e.id, e.statement_id, e.warehouse_org_id, e.endorsed_on, JSON.stringify(e.content), e.content_digest, e.credential, e.log_index, e.endorsed_at, e.userId, e.apiKeyId],
  );
}

export async function endorsementsOf(q: Queryable, statementId: string): Promise<EndorsementRow[]> {
  return (await q.query<EndorsementRow>(`SELECT * FROM rent_endorsements WHERE statement_id = $1 ORDER BY endorsed_at, warehouse_org_id`, [statementId])).rows;
}

export async function listEndorsements(q: Queryable, f: { from?: string; to?: string; warehouseOrgId?: string } = {}): Promise<EndorsementRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.from) where.push(`endorsed_on >= $${params.push(f.from)}`);
  if (f.to) where.push(`endorsed_on <= $${params.push(f.to)}`);
  if (f.warehouseOrgId) where.push(`warehouse_org_id = $${params.push(f.warehouseOrgId)}`);
  return (await q.query<EndorsementRow>(`SELECT * FROM rent_endorsements ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY endorsed_at, id`, params)).rows;
}

/** Every endorsed line: the paid-to dates the warrants must show (for the audit). */
export async function endorsedLines(q: Queryable): Promise<(LineRow & { endorsement_id: string })[]> {
  return (
    await q.query<LineRow & { endorsement_id: string }>(
      `SELECT l.*, e.id AS endorsement_id FROM rent_statement_lines l
         JOIN rent_endorsements e ON e.statement_id = l.statement_id AND e.warehouse_org_id = l.warehouse_org_id
        ORDER BY l.warrant_id, l.to_date`,
    )
  ).rows;
}

// ---------------------------------------------------------------- supervision fee statements

export interface FeeStatementRow {
  id: string;
  seq: number;
  number: string;
  batch_id: string;
  period_from: string;
  period_to: string;
  warehouse_org_id: string | null;
  exchange_org_id: string;
  content: Record<string, unknown>;
  content_digest: string;
  credential: string;
  log_index: number;
  issued_at: Date;
}

export async function nextFeeSeq(q: Queryable): Promise<number> {
  return (await q.query<{ seq: number }>(`SELECT nextval(pg_get_serial_sequence('rent_fee_statements', 'seq')) AS seq`)).rows[0]!.seq;
}

export const feeNumber = (seq: number): string => `SF-${String(seq).padStart(10, '0')}`;

/** Serialises fee statement issues (periods must not overlap): held until COMMIT. */
export async function lockFeeStatements(q: Queryable): Promise<void> {
  await q.query(`LOCK TABLE rent_fee_statements IN SHARE ROW EXCLUSIVE MODE`);
}

export async function insertFeeStatement(
  q: Queryable,
  f: Omit<FeeStatementRow, 'number' | 'issued_at'> & { issued_at: string; userId: string | null; apiKeyId: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO rent_fee_statements (id, seq, batch_id, period_from, period_to, warehouse_org_id, exchange_org_id, content, content_digest, credential, log_index, issued_at, issued_by_user, issued_by_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [f.id, f.seq, f.batch_id, f.period_from, f.period_to, f.warehouse_org_id, f.exchange_org_id, JSON.stringify(f.content), f.content_digest, f.credential, f.log_index, f.issued_at, f.userId, f.apiKeyId],
  );
}

export async function listFeeStatements(q: Queryable, f: { warehouseOrgId?: string; overlapping?: { from: string; to: string } } = {}): Promise<FeeStatementRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.warehouseOrgId) where.push(`warehouse_org_id = $${params.push(f.warehouseOrgId)}`);
  if (f.overlapping) {
    where.push(`period_from <= $${params.push(f.overlapping.to)}`);
    where.push(`period_to >= $${params.push(f.overlapping.from)}`);
  }
  return (await q.query<FeeStatementRow>(`SELECT * FROM rent_fee_statements ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY period_from DESC, seq`, params)).rows;
}

export async function getFeeStatement(q: Queryable, idOrNumber: string): Promise<FeeStatementRow | undefined> {
  const col = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrNumber) ? 'id' : 'number';
  return (await q.query<FeeStatementRow>(`SELECT * FROM rent_fee_statements WHERE ${col} = $1`, [idOrNumber])).rows[0];
}
