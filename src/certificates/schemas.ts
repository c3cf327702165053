import { Type } from '@sinclair/typebox';
import { AnalysisSchema, MetalCodeSchema } from '../metals/schemas.ts';
import { CountryCode, Decimal, IsoDate, IsoDateTime, Uuid } from '../platform/schemas.ts';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Weight = Type.String({ pattern: '^[0-9]{1,9}(\\.[0-9]{1,3})?$', description: 'kg, up to 3 decimals' });

export const SubmissionSchema = Type.Object(
  {
    brand: Type.String({ minLength: 1, maxLength: 64, description: 'Brand code (e.g. NORNI) or id' }),
    pcr: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$', description: 'Production cast reference' }),
    metal: Type.Optional(MetalCodeSchema),
    productionDate: IsoDate,
    originCountry: CountryCode,
    shape: Text(60),
    dimensions: Type.Optional(
      Type.Object(
        {
          lengthMm: Type.Optional(Decimal),
          widthMm: Type.Optional(Decimal),
          thicknessMm: Type.Optional(Decimal),
          heightMm: Type.Optional(Decimal),
          description: Type.Optional(Text(200)),
        },
        { additionalProperties: false },
      ),
    ),
    pieces: Type.Integer({ minimum: 1 }),
    bundles: Type.Array(
      Type.Object(
        { number: Text(40), pieces: Type.Integer({ minimum: 1 }), netKg: Weight, grossKg: Type.Optional(Weight) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 2000 },
    ),
    grossWeightKg: Weight,
    netWeightKg: Weight,
    chemistry: AnalysisSchema,
    laboratory: Type.Object(
      { name: Text(200), accreditation: Type.Optional(Text(200)), reportNumber: Type.Optional(Text(100)) },
      { additionalProperties: false },
    ),
    signatory: Type.Object({ name: Text(200), title: Type.Optional(Text(200)) }, { additionalProperties: false }),
    remarks: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false, $id: 'CertificateSubmission' },
);

const Reason = Type.Object({ code: Type.String(), path: Type.String(), message: Type.String() });

const minimalFields = {
  view: Type.String({ description: '"minimal" for the public verification view, "summary" or "full" for the entitled' }),
  id: Uuid,
  number: Type.String(),
  brand: Type.Object({ id: Type.Optional(Uuid), code: Type.String(), name: Type.String() }),
  metal: Type.String(),
  status: Type.String(),
  version: Type.Integer(),
  productionDate: IsoDate,
  issuedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  contentDigest: Type.String(),
  revocation: Type.Optional(
    Type.Object(
      { revokedAt: IsoDateTime, reason: Type.String() },
      { description: 'Present when revoked: when the revocation was logged, and the reason its producer or the exchange gave' },
    ),
  ),
};
const summaryFields = {
  pcr: Type.Optional(Type.String()),
  producer: Type.Optional(Type.Object({ id: Uuid, name: Type.String() })),
  originCountry: Type.Optional(Type.String()),
  warrantEligible: Type.Optional(
    Type.Boolean({ description: 'Eligible for warranting: never for a revoked or rejected certificate (everyone sees false then; true only to the entitled)' }),
  ),
  statusReason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
};

export const CertificateListItem = Type.Object({ ...minimalFields, ...summaryFields });

export const CertificateView = Type.Object(
  {
    ...minimalFields,
    ...summaryFields,
    verdict: Type.Optional(Type.String()),
    reasons: Type.Optional(Type.Array(Reason)),
    chemistryCheck: Type.Optional(Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()])),
    warrantReasons: Type.Optional(Type.Array(Reason)),
    amendmentReason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    content: Type.Optional(Type.Object({}, { additionalProperties: true })),
    versions: Type.Optional(
      Type.Array(
        Type.Object({
          version: Type.Integer(),
          createdAt: IsoDateTime,
          contentDigest: Type.String(),
          verdict: Type.String(),
          amendmentReason: Type.Union([Type.String(), Type.Null()]),
          superseded: Type.Boolean(),
        }),
      ),
    ),
  },
  { description: 'Full for the issuing producer and the exchange; the minimal verification view for everyone else' },
);

export const VersionView = Type.Object({
  version: Type.Integer(),
  superseded: Type.Boolean(),
  createdAt: IsoDateTime,
  contentDigest: Type.String(),
  verdict: Type.String(),
  reasons: Type.Array(Reason),
  warrantReasons: Type.Array(Reason),
  amendmentReason: Type.Union([Type.String(), Type.Null()]),
  content: Type.Object({}, { additionalProperties: true }),
});
