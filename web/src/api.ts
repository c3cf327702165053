// One small client for the Assay API: JSON in and out, errors as ApiError with the server's
// `{ error: { code, message, details } }` body.

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export async function api<T>(
  path: string,
  opts: { method?: string; body?: unknown; query?: Query; form?: FormData; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const res = await fetch(withQuery(path, opts.query), {
    method: opts.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
    credentials: 'same-origin',
    signal: opts.signal,
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined)?.error;
    throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? `HTTP ${res.status}`, e?.details ?? []);
  }
  return json as T;
}

// ------------------------------------------------------------------------------------ types

export type OrgKind = 'exchange' | 'producer' | 'warehouse' | 'trader' | 'lender' | 'end_user' | 'auditor';

export interface Session {
  signedIn: boolean;
  user?: { id: string; email: string; name: string; role: 'admin' | 'member' | 'viewer' };
  apiKey?: { id: string; scopes: string[] };
  organisation?: { id: string; name: string; kind: OrgKind };
}

export interface Brand {
  id: string;
  code: string;
  name: string;
  metal: string;
  producer: { id: string; name: string };
  plant: { name: string; country: string };
  shapes: string[];
  status: 'listed' | 'suspended' | 'delisted';
}

export interface Reason {
  code: string;
  path: string;
  message: string;
}

export interface ReportedValue {
  value: string;
  unit: '%' | 'ppm';
  operator?: '=' | '<' | '<=';
  uncertainty?: string;
}
export type Analysis = Record<string, ReportedValue>;

export interface ChemistryElementResult {
  element: string;
  reported: string;
  operator: string;
  status: 'ok' | 'exceeds' | 'no_limit';
  limit?: string;
}
export interface ChemistryResult {
  verdict: 'conforming' | 'non_conforming';
  elements: ChemistryElementResult[];
  groups: { id: string; label: string; elements?: string[]; sum: string; limit: string; status: string }[];
  purity: { element: string; value: string; min: string; basis: string; status: string } | null;
  notReported: string[];
  reasons: Reason[];
}

export interface ContractSpec {
  metal: string;
  version: number;
  metalName: string;
  qualityStandard: string;
  purity: { element: string; min: string; basis: string } | null;
  elements: Record<string, { max: string }>;
  groups: { id: string; label: string; elements: string[]; max: string }[];
  shapes: string[];
}

export interface Bundle {
  number: string;
  pieces: number;
  netKg: string;
  grossKg?: string;
}

export interface Submission {
  brand: string;
  pcr: string;
  metal?: string;
  productionDate: string;
  originCountry: string;
  shape: string;
  pieces: number;
  bundles: Bundle[];
  grossWeightKg: string;
  netWeightKg: string;
  chemistry: Analysis;
  laboratory: { name: string; accreditation?: string; reportNumber?: string };
  signatory: { name: string; title?: string };
  remarks?: string;
}

export interface CertificateView {
  view: 'minimal' | 'summary' | 'full';
  id: string;
  number: string;
  brand: { id?: string; code: string; name: string };
  metal: string;
  status: 'issued' | 'rejected' | 'revoked';
  version: number;
  productionDate: string;
  issuedAt: string;
  updatedAt: string;
  contentDigest: string;
  pcr?: string;
  producer?: { id: string; name: string };
  originCountry?: string;
  warrantEligible?: boolean;
  statusReason?: string | null;
  verdict?: string;
  reasons?: Reason[];
  chemistryCheck?: ChemistryResult | null;
  warrantReasons?: Reason[];
  amendmentReason?: string | null;
  content?: Submission & {
    number: string;
    brand: { id: string; code: string; name: string };
    plant: { name: string; country: string };
    spec: { metal: string; version: number; qualityStandard: string } | null;
  };
  versions?: {
    version: number;
    createdAt: string;
    contentDigest: string;
    verdict: string;
    amendmentReason: string | null;
    superseded: boolean;
  }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type CheckName =
  | 'format'
  | 'signature'
  | 'issuer'
  | 'key_validity'
  | 'schema'
  | 'status'
  | 'log_inclusion'
  | 'witnesses'
  | 'current';

export interface VerificationReport {
  ok: boolean;
  checks: { name: CheckName; status: 'pass' | 'fail' | 'skip'; reason: string }[];
  certificate?: {
    id: string;
    number: string;
    version: number;
    brand: string;
    metal: string;
    productionDate: string;
    issuer: string;
    issuedAt: string;
    pcr?: string;
  };
  attachments?: string[];
}

export interface Organisation {
  id: string;
  name: string;
  kind: OrgKind;
  country: string | null;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const METALS = ['AH', 'CA', 'ZS', 'PB', 'NI', 'SN', 'AA', 'NA', 'CO'] as const;
export const SCOPES = ['read', 'certificates:write', 'brands:write', 'specs:write', 'admin'] as const;
