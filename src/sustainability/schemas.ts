import { Type, type TSchema } from '@sinclair/typebox';
import { Brand as BrandSchema } from '../brands/routes.ts';
import { IsoDate, IsoDateTime, Uuid } from '../platform/schemas.ts';
import { PILLARS, STANDARD_CATEGORIES } from './reference.ts';
import { TRACKS } from './sourcing-rules.ts';

// Request and response schemas of the sustainability routes.

export const lits = <T extends string>(values: readonly T[], description?: string) =>
  Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Text = (max = 200) => Type.String({ minLength: 1, maxLength: max });
/** Non-negative decimal as text (so figures never pass through floating point). */
const Dec = Type.String({ maxLength: 32, description: 'Plain non-negative decimal as a string, e.g. "1.83"' });
const SignedDec = Type.String({ pattern: '^-?[0-9]+(\\.[0-9]+)?$', maxLength: 32, description: 'Plain decimal as a string' });

// ---------------------------------------------------------------- reference data

export const TopicSchema = Type.Object({ code: Type.String(), name: Type.String(), pillar: lits(PILLARS) });
export const StandardSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  body: Type.String(),
  category: lits(STANDARD_CATEGORIES),
  metals: Type.Array(Type.String(), { description: 'Empty: every metal' }),
  recognised: Type.Boolean(),
  qualifiesForPremium: Type.Boolean(),
});
export const MethodologySchema = Type.Object({ metal: Type.String(), code: Type.String(), name: Type.String(), body: Type.String() });
export const ThresholdSchema = Type.Object({ metal: Type.String(), maxTco2ePerTonne: Type.String(), requiresRecognisedStandard: Type.Boolean() });
export const SettingsSchema = Type.Object({ cbamDailyFrom: IsoDate, publicTrackMetals: Type.Array(Type.String()) });
export const ReferenceSchema = Type.Object({
  topics: Type.Array(TopicSchema),
  standards: Type.Array(StandardSchema),
  methodologies: Type.Array(MethodologySchema),
  premiumThresholds: Type.Array(ThresholdSchema),
  settings: SettingsSchema,
});

export const Code = Type.String({ pattern: '^[A-Za-z0-9_.-]{2,40}$' });
export const TopicBody = Type.Object({ name: Text(), pillar: lits(PILLARS) }, { additionalProperties: false });
export const StandardBody = Type.Object(
  {
    name: Text(),
    body: Text(),
    category: lits(STANDARD_CATEGORIES),
    metals: Type.Array(Type.String({ maxLength: 4 }), { maxItems: 20 }),
    recognised: Type.Boolean(),
    qualifiesForPremium: Type.Boolean(),
  },
  { additionalProperties: false },
);
export const MethodologyBody = Type.Object({ code: Code, name: Text(), body: Text() }, { additionalProperties: false });
export const ThresholdBody = Type.Object({ maxTco2ePerTonne: Dec, requiresRecognisedStandard: Type.Boolean() }, { additionalProperties: false });
export const SettingsBody = Type.Object(
  { cbamDailyFrom: IsoDate, publicTrackMetals: Type.Array(Type.String({ maxLength: 4 }), { maxItems: 20 }) },
  { additionalProperties: false },
);

// ---------------------------------------------------------------- evidence

export const EvidenceUpload = Type.Object(
  {
    filename: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^/\\\\]+$' }),
    mediaType: Type.String({ pattern: '^[a-z]+/[a-zA-Z0-9.+-]+$', maxLength: 100 }),
    contentBase64: Type.String({ minLength: 1, maxLength: 7_100_000, description: 'The file, base64 (at most 5 MiB decoded)' }),
  },
  { additionalProperties: false },
);
export const EvidenceSchema = Type.Object({
  id: Uuid,
  filename: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  uploadedAt: IsoDateTime,
});

// ---------------------------------------------------------------- responsible sourcing

const RedFlag = Type.Object({ answer: lits(['yes', 'no'] as const), explanation: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export const TrackBody = Type.Object(
  {
    track: lits(TRACKS, 'A recognised standard, B audited RFA, C published RFA, D secondary materials'),
    effectiveFrom: IsoDate,
    standardCode: Type.Optional(Code),
    auditor: Type.Optional(Type.Object({ name: Text(), reportReference: Text(), reportDate: IsoDate }, { additionalProperties: false })),
    rfa: Type.Optional(
      Type.Object(
        {
          assessmentDate: IsoDate,
          publishedAt: Type.Optional(IsoDate),
          publicationUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500 })),
          locationRedFlags: Type.Array(RedFlag, { minItems: 3, maxItems: 3, description: 'The three location red flags' }),
          supplierRedFlags: Type.Array(RedFlag, { minItems: 2, maxItems: 2, description: 'The two supplier red flags' }),
        },
        { additionalProperties: false },
      ),
    ),
    secondaryMaterials: Type.Optional(
      Type.Object({ declaration: Text(4000), recycledSharePercent: Type.Optional(Dec) }, { additionalProperties: false }),
    ),
    evidenceFileIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
    restricted: Type.Optional(Type.Boolean({ description: 'Hide from the public (not allowed where the exchange publishes tracks, e.g. nickel)' })),
  },
  { additionalProperties: false },
);
const TrackView = Type.Object({
  id: Uuid,
  track: Type.String(),
  effectiveFrom: IsoDate,
  standardCode: Type.Unknown(),
  auditor: Type.Unknown(),
  rfa: Type.Unknown(),
  secondaryMaterials: Type.Unknown(),
  evidence: Type.Unknown(),
  restricted: Type.Boolean(),
  recordedAt: IsoDateTime,
  credential: Type.String(),
  logIndex: Type.Integer(),
});
export const ComplianceBody = Type.Object(
  { status: lits(['compliant', 'non_compliant'] as const), reason: Type.String({ minLength: 3, maxLength: 1000 }), effectiveDate: Type.Optional(IsoDate) },
  { additionalProperties: false },
);

export const ComplianceRuling = Type.Object({
  brand: Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), metal: Type.String(), producer: Type.Object({ id: Uuid, name: Type.String() }) }),
  status: Type.String(),
  effectiveDate: IsoDate,
  reason: Type.String(),
  recordedAt: IsoDateTime,
  logIndex: Type.Integer(),
});

// ---------------------------------------------------------------- disclosures

export const DisclosureBody = Type.Object(
  {
    level: lits(['company', 'asset', 'brand'] as const),
    brand: Type.Optional(Type.String({ maxLength: 64, description: 'Brand id or code (brand level)' })),
    asset: Type.Optional(Type.String({ maxLength: 200, description: 'Plant name (asset level)' })),
    topic: Code,
    kind: lits(['certification', 'metric', 'target'] as const),
    title: Text(300),
    standardCode: Type.Optional(Code),
    value: Type.Optional(SignedDec),
    unit: Type.Optional(Text(40)),
    periodStart: Type.Optional(IsoDate),
    periodEnd: Type.Optional(IsoDate),
    methodology: Type.Optional(Text(300)),
    validFrom: Type.Optional(IsoDate),
    validUntil: Type.Optional(IsoDate),
    evidenceFileIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
    restricted: Type.Optional(Type.Boolean({ description: 'Visible only to the producer, the exchange and the named auditor' })),
    auditorOrgId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const DisclosureView = Type.Object({
  id: Uuid,
  organisation: Type.Object({ id: Uuid, name: Type.String() }),
  level: Type.String(),
  brand: Nullable(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })),
  asset: Nullable(Type.String()),
  topic: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  standardCode: Nullable(Type.String()),
  value: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  periodStart: Nullable(IsoDate),
  periodEnd: Nullable(IsoDate),
  methodology: Nullable(Type.String()),
  validFrom: Nullable(IsoDate),
  validUntil: Nullable(IsoDate),
  validity: Nullable(lits(['valid', 'expired', 'not_yet_valid'] as const)),
  restricted: Type.Boolean(),
  auditorOrgId: Nullable(Uuid),
  evidence: Type.Array(EvidenceSchema),
  attestations: Type.Array(
    Type.Object({
      id: Uuid,
      auditor: Type.Object({ id: Uuid, name: Type.String() }),
      statement: Type.String(),
      disclosureDigest: Type.String(),
      attestedAt: IsoDateTime,
      credential: Type.String(),
      logIndex: Type.Integer(),
    }),
  ),
  contentDigest: Type.String(),
  credential: Type.String(),
  logIndex: Type.Integer(),
  filedAt: IsoDateTime,
});

/** A brand's latest compliance ruling. */
const ComplianceNow = Type.Object({ status: Type.String(), effectiveDate: IsoDate, reason: Type.String() });

export const SourcingView = Type.Object({
  brand: Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), metal: Type.String(), producer: Type.Object({ id: Uuid, name: Type.String() }) }),
  currentTrack: Nullable(TrackView),
  tracks: Type.Array(TrackView),
  compliance: Nullable(ComplianceNow),
  complianceHistory: Type.Array(
    Type.Object({ status: Type.String(), effectiveDate: IsoDate, reason: Type.String(), recordedAt: IsoDateTime, credential: Type.String(), logIndex: Type.Integer() }),
  ),
  isoCertificates: Type.Array(DisclosureView),
});

// ---------------------------------------------------------------- profiles, comparison

export const ProducerProfileView = Type.Object({
  organisation: Type.Object({ id: Uuid, name: Type.String(), country: Nullable(Type.String()) }),
  brands: Type.Array(
    Type.Composite([
      BrandSchema,
      Type.Object({
        // standardCode is passed through from the signed track content, as in TrackView.
        currentTrack: Nullable(Type.Object({ track: Type.String(), effectiveFrom: IsoDate, standardCode: Type.Unknown() })),
        compliance: Nullable(ComplianceNow),
      }),
    ]),
  ),
  certifications: Type.Array(DisclosureView),
  metrics: Type.Array(DisclosureView),
  targets: Type.Array(DisclosureView),
});

export const ComparisonView = Type.Object({
  subjects: Type.Array(
    Type.Object({
      id: Type.String({ description: 'The organisation id, or the brand code or id, as asked' }),
      name: Type.String(),
      brands: Type.Array(Type.Object({ code: Type.String(), metal: Type.String(), plant: Type.Object({ name: Type.String(), country: Type.String() }) })),
      tracks: Type.Record(Type.String(), Nullable(Type.String()), { description: 'Brand code → current sourcing track' }),
      certifications: Type.Array(
        Type.Object({
          standardCode: Nullable(Type.String()),
          level: Type.String(),
          validUntil: Nullable(IsoDate),
          validity: Nullable(lits(['valid', 'expired', 'not_yet_valid'] as const)),
        }),
      ),
      metrics: Type.Record(
        Type.String(),
        Type.Object({ value: Type.String(), unit: Nullable(Type.String()), periodEnd: Nullable(IsoDate), title: Type.String() }),
        { description: 'Topic → the latest metric' },
      ),
      targets: Type.Array(
        Type.Object({ topic: Type.String(), title: Type.String(), value: Type.String(), unit: Nullable(Type.String()), by: Nullable(IsoDate) }),
      ),
    }),
  ),
});
