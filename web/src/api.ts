// One small client for the Assay API: JSON in and out, errors as ApiError with the server's
// `{ error: { code, message, details } }` body.
import type { components, paths } from './api-types.ts';

/** The one error body shape, `{ error: { code, message, details? } }` (every route's errors share it; one stands for all). */
export type ErrorBody = Json<paths['/api/v1/sessions']['post']['responses'][400]>;
/** One problem of an error: most name the field (`path`, e.g. `body.installation`); the schema lets some not. */
export type ErrorDetail = NonNullable<ErrorBody['error']['details']>[number];

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
export function fieldErrors(
  error: unknown,
  prefix = 'body.',
): { byField: Record<string, string>; other: ErrorDetail[]; detailsByField: Record<string, ErrorDetail[]> } {
  const byField: Record<string, string> = {};
  const detailsByField: Record<string, ErrorDetail[]> = {};
  const other: ErrorDetail[] = [];
  if (!(error instanceof ApiError)) return { byField, other, detailsByField };
  for (const d of error.details) {
    if (d.path?.startsWith(prefix)) {
      const field = d.path.slice(prefix.length).split('.')[0]!;
      byField[field] = byField[field] ? `${byField[field]}; ${d.message}` : d.message;
      (detailsByField[field] ??= []).push(d);
    } else other.push(d);
  }
  return { byField, other, detailsByField };
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
//
// The API's shapes are not retyped here: they come from docs/openapi.json through the generated
// web/src/api-types.ts (`npm run openapi`, or `npm run openapi:web` after a merge), and the names
// below are aliases of them. A route whose schema changes shows up as a type error in the app.

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Success<R> = R[Extract<keyof R, 200 | 201 | 202>];

/** The JSON body `M P` answers with on success (its 200, 201 or 202). */
export type ResponseOf<P extends keyof paths, M extends Method = 'get'> = Json<Success<Operation<P, M>['responses']>>;
/** The JSON body `M P` takes. */
export type RequestOf<P extends keyof paths, M extends Method> = Json<NonNullable<Operation<P, M>['requestBody']>>;
type Item<T extends { items: readonly unknown[] }> = T['items'][number];

export type Session = ResponseOf<'/api/v1/sessions/current'>;
export type Organisation = ResponseOf<'/api/v1/organisations/{orgId}'>;
export type OrgKind = Organisation['kind'];
export type DirectoryEntry = Item<ResponseOf<'/api/v1/organisation-directory'>>;
/** A user of an organisation, as its administrators (or the exchange's) see it. */
export type OrgUser = Item<ResponseOf<'/api/v1/organisations/{orgId}/users'>>;
export type Role = OrgUser['role'];
/** POST /api/v1/organisations/{orgId}/users without a password: the invitation token is shown once. */
export type UserCreated = ResponseOf<'/api/v1/organisations/{orgId}/users', 'post'>;
export type ApiKey = Item<ResponseOf<'/api/v1/api-keys'>>;
export type Scope = ResponseOf<'/api/v1/api-keys'>['availableScopes'][number];

export const ORG_KINDS = ['exchange', 'producer', 'warehouse', 'trader', 'lender', 'clearing_house', 'end_user', 'auditor'] as const satisfies readonly OrgKind[];
export const ROLES = ['admin', 'member', 'viewer'] as const satisfies readonly Role[];
export const SCOPES = ['read', 'certificates:write', 'sustainability:write', 'cbam:write', 'brands:write', 'specs:write', 'admin'] as const satisfies readonly Scope[];

export type Brand = ResponseOf<'/api/v1/brands/{brand}'>;
export type ContractSpec = components['schemas']['ContractSpec'];
export type Metal = ContractSpec['metal'];
export const METALS = ['AH', 'CA', 'ZS', 'PB', 'NI', 'SN', 'AA', 'NA', 'CO'] as const satisfies readonly Metal[];

export type Submission = components['schemas']['CertificateSubmission'];
export type Bundle = Submission['bundles'][number];
export type Analysis = Submission['chemistry'];
export type ReportedValue = Analysis[string];
export type ChemistryCheck = ResponseOf<'/api/v1/chemistry/checks', 'post'>;
export type ChemistryResult = ChemistryCheck['result'];
export type ChemistryElementResult = ChemistryResult['elements'][number];

/**
 * A certificate version's content as the app reads it: the submission the producer sent, plus
 * what issuing adds (src/certificates/model.ts CertificateContent). The server passes stored
 * content through untouched (it is what was digested and signed, and versions stored under an
 * older shape must come back as they were), so its schema leaves `content` open; this is a
 * narrow UI type for the current shape, built on the generated submission type.
 */
export type CertificateContent = Omit<Submission, 'brand' | 'metal'> & {
  number: string;
  version: number;
  brand: { id: string; code: string; name: string };
  producer: { id: string; name: string };
  plant: { name: string; country: string };
  metal: string;
  spec: { metal: string; version: number; qualityStandard: string } | null;
  issuedAt: string;
};
type CertificateAsServed = ResponseOf<'/api/v1/certificates/{id}'>;
/**
 * GET /api/v1/certificates/{id} (and what issuing, amending and revoking answer). `content` and
 * the stored `chemistryCheck` are open in the server's schema for the reason above; the check is
 * the same ChemistryResult that POST /api/v1/chemistry/checks states.
 */
export type CertificateView = Omit<CertificateAsServed, 'content' | 'chemistryCheck'> & {
  content?: CertificateContent;
  chemistryCheck?: ChemistryResult | null;
};
export type Reason = NonNullable<CertificateView['reasons']>[number];
/** A page of GET /api/v1/certificates: the summary view of each. */
export type CertificatePage = ResponseOf<'/api/v1/certificates'>;
export type CertificateListItem = Item<CertificatePage>;
/** The envelope of a cursor-paginated list (GET /api/v1/certificates, /api/v1/disclosures, …). */
export type Page<T> = Omit<CertificatePage, 'items'> & { items: T[] };

export type VerificationReport = ResponseOf<'/api/v1/certificates/{id}/verification'>;
/** POST /api/v1/verify/pdf: the report, and the names of the files attached to the PDF. */
export type PdfVerificationReport = ResponseOf<'/api/v1/verify/pdf', 'post'>;
export type CheckName = VerificationReport['checks'][number]['name'];

// ------------------------------------------------------------------------------------ bulk import

export type ImportJob = components['schemas']['ImportJob'];
export type ImportCreated = ResponseOf<'/api/v1/imports', 'post'>;
/** GET /api/v1/imports/{importId}/errors (format=json). */
export type ImportErrorPage = ResponseOf<'/api/v1/imports/{importId}/errors'>;
export type ImportRowError = Item<ImportErrorPage>;

// ------------------------------------------------------------------------------------ sustainability

type SourcingAsServed = ResponseOf<'/api/v1/brands/{brand}/sourcing'>;
type TrackInput = RequestOf<'/api/v1/brands/{brand}/sourcing-tracks', 'post'>;
/**
 * A responsible-sourcing track record. The server passes the signed track content through, so
 * its schema (TrackView in src/sustainability/schemas.ts) leaves standardCode, auditor and the like
 * open; the content is what POST /api/v1/brands/{brand}/sourcing-tracks admitted, so the two the
 * app shows are typed from that request (narrow UI type).
 */
export type TrackRecord = Omit<SourcingAsServed['tracks'][number], 'standardCode' | 'auditor'> & {
  standardCode: NonNullable<TrackInput['standardCode']> | null;
  auditor: NonNullable<TrackInput['auditor']> | null;
};
export type Sourcing = Omit<SourcingAsServed, 'currentTrack' | 'tracks'> & {
  currentTrack: TrackRecord | null;
  tracks: TrackRecord[];
};
export type Disclosure = ResponseOf<'/api/v1/disclosures/{disclosureId}'>;
export type DisclosurePage = ResponseOf<'/api/v1/disclosures'>;
export type EvidenceFile = ResponseOf<'/api/v1/evidence-files', 'post'>;
export type Attestation = Disclosure['attestations'][number];
export type DisclosureInput = RequestOf<'/api/v1/disclosures', 'post'>;
export type SustainabilityReference = ResponseOf<'/api/v1/sustainability/reference'>;
export type ComplianceRuling = Item<ResponseOf<'/api/v1/sourcing-compliance'>>;

export type BrandCbam = ResponseOf<'/api/v1/brands/{brand}/cbam-reports'>;
export type CbamAccess = BrandCbam['access'];
export type CbamReport = BrandCbam['reports'][number];
export type CbamGrant = Item<ResponseOf<'/api/v1/brands/{brand}/cbam-grants'>>;
export type PremiumAnswer = ResponseOf<'/api/v1/brands/{brand}/premium-eligibility'>;
export type CertificateCarbon = ResponseOf<'/api/v1/certificates/{id}/carbon'>;
export type ProducerProfile = ResponseOf<'/api/v1/producers/{orgId}/profile'>;
export type ComparisonSubject = ResponseOf<'/api/v1/sustainability/comparison'>['subjects'][number];

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
] as const satisfies readonly (keyof RequestOf<'/api/v1/brands/{brand}/cbam-reports', 'post'>)[];
export type CbamField = (typeof CBAM_FIELDS)[number];
/** The CBAM form as typed in (every field a string, any may be empty); the server checks it. */
export type CbamSubmission = Partial<Record<CbamField, string>>;

/**
 * A problem the server found in the CBAM Excel form, named by sheet and cell: the error body's
 * details carry these extra fields (the Error schema allows additional properties).
 */
export interface CellProblem extends ErrorDetail {
  sheet?: string;
  cell?: string;
  field?: string;
}


// ------------------------------------------------------------------------------------ pledges and collateral

export type Pledge = ResponseOf<'/api/v1/pledges/{pledgeId}'>;
export type PledgeProposal = RequestOf<'/api/v1/pledges', 'post'>;
export type Holding = Item<ResponseOf<'/api/v1/holdings'>>;
export type CollateralBook = ResponseOf<'/api/v1/collateral/book'>;
export type ValuedPledge = CollateralBook['active'][number];
export type CollateralAlert = CollateralBook['alerts'][number];
export type AssetStatus = ResponseOf<'/api/v1/assets/{assetId}'>;
/** Organisations that take pledges: lenders and the exchange's clearing house. */
export const COLLATERAL_TAKERS = ['lender', 'clearing_house'] as const satisfies readonly OrgKind[];
// ------------------------------------------------------------------------------------ warehouses and warrants

export type DeliveryLocation = Item<ResponseOf<'/api/v1/locations'>>;
export type RentCap = ResponseOf<'/api/v1/rent-caps', 'post'>;
export type RentCapInput = RequestOf<'/api/v1/rent-caps', 'post'>;
export type Facility = ResponseOf<'/api/v1/facilities/{facilityId}'>;
export type FacilityInput = RequestOf<'/api/v1/facilities', 'post'>;
export type Receipt = ResponseOf<'/api/v1/receipts/{receiptId}'>;
export type ReceiptInput = RequestOf<'/api/v1/receipts', 'post'>;
export type ReceiptBundleInput = ReceiptInput['bundles'][number];
export type ReconciledBundle = Receipt['reconciliation']['bundles'][number];
export type ReceiptLot = Receipt['lots'][number];
export type Warrant = ResponseOf<'/api/v1/warrants/{warrantId}'>;
export type WarrantStatus = Warrant['status'];
export type WarrantList = ResponseOf<'/api/v1/warrants'>;
export type WarrantTotal = WarrantList['totals'][number];
export type Transferred = ResponseOf<'/api/v1/warrants/transfers', 'post'>;
export type Swap = Item<ResponseOf<'/api/v1/warrant-swaps'>>;
export type WarrantVerification = ResponseOf<'/api/v1/warrants/{warrantId}/verification'>;
export const WARRANT_STATUSES = ['live', 'cancelled', 'delivered_out'] as const satisfies readonly WarrantStatus[];

// The four answers below are open objects in the server's schema (src/warehouse/routes.ts); these
// are narrow UI types of what src/warehouse/warrant-service.ts and receipt-service.ts return.

/** GET /api/v1/facilities/{facilityId}/queue: cancelled warrants in load-out order. */
export interface LoadOutQueue {
  facility: { id: string; name: string; location: string; minDailyLoadOutTonnes: string };
  tonnes: string;
  items: {
    position: number;
    /** Shown to the facility's warehouse, the exchange and the warrant's own holder; else null. */
    number: string | null;
    tonnes: string;
    tonnesAhead: string;
    cancelledAt: string;
    estimatedLoadOut: string;
    mine: boolean;
  }[];
}

/** One bundle of GET /api/v1/off-warrant-stock. */
export interface OffWarrantBundle {
  receipt: string;
  line: number;
  facilityId: string;
  metal: string;
  brandId: string;
  receivedOn: string;
  lot: string | null;
  pcr: string;
  bundleRef: string;
  netKg: string;
  conforming: boolean;
}

/** One row of GET /api/v1/warrant-review: a warrant over a certificate revoked after warranting. */
export interface WarrantReviewItem {
  id: string;
  number: string;
  status: WarrantStatus;
  metal: string;
  location: string;
  certificate: string;
  reason: string | null;
}

/** One signed statement of GET /api/v1/warrants/{warrantId}/statements: a transition of the warrant. */
export interface WarrantStatement {
  version: number;
  kind: string;
  at: string;
  record: { status: WarrantStatus; holderOrgId: string; previousHolderOrgId?: string; reason?: string };
  statement: string;
  logIndex: number;
}
