// One small client for the Assay API: JSON in and out, errors as ApiError with the server's
// `{ error: { code, message, details } }` body.

export interface ErrorDetail {
  /** The field, e.g. `body.password`; absent when the problem is the request as a whole (a 429). */
  path?: string;
  message: string;
  /** A stable code for the web app to translate, e.g. `password_common`, `email_locked`. */
  code?: string;
  retryAfterSeconds?: number;
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

/**
 * Splits a 400's details into messages per field (paths such as `body.installation`) and the rest,
 * so forms can show each problem beside its field.
 */
export function fieldErrors(error: unknown, prefix = 'body.'): { byField: Record<string, string>; other: ErrorDetail[] } {
  const byField: Record<string, string> = {};
  const other: ErrorDetail[] = [];
  if (!(error instanceof ApiError)) return { byField, other };
  for (const d of error.details) {
    if (d.path?.startsWith(prefix)) {
      const field = d.path.slice(prefix.length).split('.')[0]!;
      byField[field] = byField[field] ? `${byField[field]}; ${d.message}` : d.message;
    } else other.push(d);
  }
  return { byField, other };
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

export const ORG_KINDS = ['exchange', 'producer', 'warehouse', 'trader', 'lender', 'end_user', 'auditor'] as const satisfies readonly OrgKind[];
export const ROLES = ['admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A user of an organisation, as its administrators (or the exchange's) see it. */
export interface OrgUser {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
  hasPassword: boolean;
  /** In the users list: until when signing in is locked after too many failed attempts. */
  signInLockedUntil?: string | null;
}

/** POST /api/v1/organisations/{orgId}/users without a password: the invitation token is shown once. */
export interface UserCreated {
  user: OrgUser;
  invitationToken?: string;
  invitationExpiresAt?: string;
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
export const SCOPES = ['read', 'certificates:write', 'sustainability:write', 'cbam:write', 'brands:write', 'specs:write', 'admin'] as const;

// ------------------------------------------------------------------------------------ bulk import

export interface ImportJob {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  producerOrgId: string;
  filename: string;
  format: 'csv' | 'xlsx' | 'ndjson';
  sha256: string;
  bytes: number;
  rows: { total: number; done: number };
  records: { total: number; done: number; accepted: number; rejected: number; unchanged: number };
  errors: number;
  rate: number | null;
  etaSeconds: number | null;
  failure: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface ImportCreated {
  job: ImportJob;
  duplicate: boolean;
  message: string;
}

export interface ImportRowError {
  row: number;
  column: string | null;
  value: string | null;
  code: string;
  reason: string;
}

// ------------------------------------------------------------------------------------ sustainability

export interface TrackRecord {
  id: string;
  track: string;
  effectiveFrom: string;
  standardCode: string | null;
  auditor: { name: string; reportReference: string; reportDate: string } | null;
  restricted: boolean;
  recordedAt: string;
  logIndex: number;
}

export interface Sourcing {
  brand: { id: string; code: string; name: string; metal: string; producer: { id: string; name: string } };
  currentTrack: TrackRecord | null;
  tracks: TrackRecord[];
  compliance: { status: string; effectiveDate: string; reason: string } | null;
  complianceHistory: { status: string; effectiveDate: string; reason: string; recordedAt: string; logIndex: number }[];
  isoCertificates: Disclosure[];
}

export interface Disclosure {
  id: string;
  organisation: { id: string; name: string };
  level: string;
  brand: { id: string; code: string; name: string } | null;
  asset: string | null;
  topic: string;
  kind: string;
  title: string;
  standardCode: string | null;
  value: string | null;
  unit: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  validFrom: string | null;
  validUntil: string | null;
  validity: 'valid' | 'expired' | 'not_yet_valid' | null;
  restricted: boolean;
  methodology?: string | null;
  auditorOrgId?: string | null;
  evidence?: EvidenceFile[];
  attestations?: Attestation[];
  contentDigest?: string;
  logIndex?: number;
  filedAt?: string;
}

export interface EvidenceFile {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

export interface Attestation {
  id: string;
  auditor: { id: string; name: string };
  statement: string;
  disclosureDigest: string;
  attestedAt: string;
  logIndex: number;
}

export interface DisclosureInput {
  level: 'company' | 'asset' | 'brand';
  brand?: string;
  asset?: string;
  topic: string;
  kind: 'certification' | 'metric' | 'target';
  title: string;
  standardCode?: string;
  value?: string;
  unit?: string;
  periodStart?: string;
  periodEnd?: string;
  methodology?: string;
  validFrom?: string;
  validUntil?: string;
  evidenceFileIds?: string[];
  restricted?: boolean;
  auditorOrgId?: string;
}

export interface SustainabilityReference {
  topics: { code: string; name: string; pillar: string }[];
  standards: { code: string; name: string; body: string; category: string; metals: string[]; recognised: boolean; qualifiesForPremium: boolean }[];
  methodologies: { metal: string; code: string; name: string; body: string }[];
  premiumThresholds: { metal: string; maxTco2ePerTonne: string; requiresRecognisedStandard: boolean }[];
  settings: { cbamDailyFrom: string; publicTrackMetals: string[] };
}

export interface DirectoryEntry {
  id: string;
  name: string;
  kind: OrgKind;
  country: string | null;
}

export interface ComplianceRuling {
  brand: { id: string; code: string; name: string; metal: string; producer: { id: string; name: string } };
  status: 'compliant' | 'non_compliant';
  effectiveDate: string;
  reason: string;
  recordedAt: string;
  logIndex: number;
}

export type CbamAccess = 'exchange' | 'producer' | 'grantee' | 'published';

/** The fields of a CBAM submission (POST /api/v1/brands/{brand}/cbam-reports), in form order. */
export const CBAM_FIELDS = [
  'periodKind',
  'periodStart',
  'periodEnd',
  'installation',
  'installationCountry',
  'productionRoute',
  'cnCode',
  'directEmissions',
  'indirectEmissions',
  'electricityConsumption',
  'electricityEmissionFactor',
  'valueType',
  'methodology',
  'verifier',
  'verificationStatus',
  'carbonPricePaid',
  'carbonPriceCurrency',
] as const;
export type CbamField = (typeof CBAM_FIELDS)[number];
export type CbamSubmission = Partial<Record<CbamField, string>>;

/** A problem the server found in the CBAM Excel form, named by sheet and cell. */
export interface CellProblem extends ErrorDetail {
  sheet?: string;
  cell?: string;
  field?: string;
}

export interface CbamGrant {
  id: string;
  brandId: string;
  grantee: { id: string; name: string };
  grantedBy: string;
  reason: string;
  grantedAt: string;
  active: boolean;
  logIndex: number;
  revocation: { at: string; by: string | null; reason: string | null; logIndex: number | null } | null;
}

export interface PremiumAnswer {
  eligible: boolean;
  reason: string;
  metal: string;
  period: string;
  intensity: string | null;
  threshold: string | null;
  standards: string[];
}

export interface CbamReport {
  id: string;
  brand: { id: string; code: string; name?: string; metal?: string };
  version: number;
  superseded: boolean;
  periodKind: string;
  periodStart: string;
  periodEnd: string;
  installation: string;
  installationCountry: string;
  productionRoute: string;
  cnCode: string;
  directEmissions: string;
  indirectEmissions: string;
  electricityConsumption: string;
  electricityEmissionFactor: string;
  valueType: string;
  methodology: string;
  verifier: string | null;
  verificationStatus: string;
  carbonPricePaid: string | null;
  carbonPriceCurrency: string | null;
  source: string;
  submittedAt: string;
  logIndex: number;
}

export interface BrandCbam {
  brand: { id: string; code: string; name: string; metal: string };
  access: CbamAccess;
  published: boolean;
  reports: CbamReport[];
  history: CbamReport[];
}

export interface CertificateCarbon {
  certificate: { id: string; number: string; brand: { id: string; code: string }; productionDate: string };
  access: CbamAccess;
  report: CbamReport | null;
  carbonIntensity: { direct: string; indirect: string; total: string; unit: string } | null;
}

export interface ProducerProfile {
  organisation: { id: string; name: string; country: string | null };
  brands: (Brand & {
    currentTrack: { track: string; effectiveFrom: string; standardCode: string | null } | null;
    compliance: { status: string; effectiveDate: string; reason: string } | null;
  })[];
  certifications: Disclosure[];
  metrics: Disclosure[];
  targets: Disclosure[];
}

export interface ComparisonSubject {
  id: string;
  name: string;
  brands: { code: string; metal: string; plant: { name: string; country: string } }[];
  tracks: Record<string, string | null>;
  certifications: { standardCode: string | null; level: string; validUntil: string | null; validity: string | null }[];
  metrics: Record<string, { value: string; unit: string | null; periodEnd: string | null; title: string }>;
  targets: { topic: string; title: string; value: string; unit: string | null; by: string | null }[];
}
