import { Type } from '@sinclair/typebox';
import { IsoDate, IsoDateTime, Uuid } from '../platform/schemas.ts';
import { lits, Nullable, Text } from '../sustainability/schemas.ts';
import { PERIOD_KINDS, PRODUCTION_ROUTES, VALUE_TYPES, VERIFICATION_STATUSES } from './rules.ts';

// Request and response schemas of the CBAM routes.

export const CbamBody = Type.Object(
  {
    periodKind: lits(PERIOD_KINDS),
    periodStart: IsoDate,
    periodEnd: Type.Optional(IsoDate),
    installation: Text(),
    installationCountry: Type.String({ pattern: '^[A-Z]{2}$' }),
    productionRoute: lits(PRODUCTION_ROUTES),
    cnCode: Type.String({ maxLength: 8 }),
    directEmissions: Type.String({ maxLength: 32, description: 'Scope 1, tCO2e per tonne, decimal string' }),
    indirectEmissions: Type.String({ maxLength: 32, description: 'Scope 2, tCO2e per tonne, decimal string' }),
    electricityConsumption: Type.String({ maxLength: 32, description: 'MWh per tonne' }),
    electricityEmissionFactor: Type.String({ maxLength: 32, description: 'tCO2e per MWh' }),
    valueType: lits(VALUE_TYPES),
    methodology: Text(),
    verifier: Type.Optional(Text()),
    verificationStatus: lits(VERIFICATION_STATUSES),
    carbonPricePaid: Type.Optional(Type.String({ maxLength: 32, description: 'Carbon price paid at origin, per tCO2e' })),
    carbonPriceCurrency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  },
  { additionalProperties: false },
);

export const ExcelUpload = Type.Object(
  { filename: Type.Optional(Type.String({ maxLength: 200 })), contentBase64: Type.String({ minLength: 1, maxLength: 2_900_000 }) },
  { additionalProperties: false },
);

export const ReportSchema = Type.Object({
  id: Uuid,
  brand: Type.Object({ id: Uuid, code: Type.String(), name: Type.Optional(Type.String()), metal: Type.Optional(Type.String()) }),
  version: Type.Integer(),
  superseded: Type.Boolean(),
  periodKind: Type.String(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  installation: Type.String(),
  installationCountry: Type.String(),
  productionRoute: Type.String(),
  cnCode: Type.String(),
  directEmissions: Type.String(),
  indirectEmissions: Type.String(),
  electricityConsumption: Type.String(),
  electricityEmissionFactor: Type.String(),
  valueType: Type.String(),
  methodology: Type.String(),
  verifier: Nullable(Type.String()),
  verificationStatus: Type.String(),
  carbonPricePaid: Nullable(Type.String()),
  carbonPriceCurrency: Nullable(Type.String()),
  source: Type.String(),
  submittedAt: IsoDateTime,
  contentDigest: Type.String(),
  credential: Type.String({ description: "The producer's vc+jwt over the report" }),
  logIndex: Type.Integer(),
});

const Access = lits(['exchange', 'producer', 'holder', 'grantee', 'published'] as const, 'Why the caller may read this CBAM data');

export const BrandReports = Type.Object({
  brand: Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), metal: Type.String() }),
  access: Access,
  published: Type.Boolean(),
  reports: Type.Array(ReportSchema),
  history: Type.Array(ReportSchema),
});

export const CarbonView = Type.Object({
  certificate: Type.Object({ id: Uuid, number: Type.String(), brand: Type.Object({ id: Uuid, code: Type.String() }), productionDate: IsoDate }),
  access: Access,
  report: Nullable(ReportSchema),
  carbonIntensity: Nullable(Type.Object({ direct: Type.String(), indirect: Type.String(), total: Type.String(), unit: Type.String() })),
});

export const GrantBody = Type.Object({ organisationId: Uuid, reason: Type.String({ minLength: 3, maxLength: 1000 }) }, { additionalProperties: false });
export const RevokeBody = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 1000 }) }, { additionalProperties: false });
export const GrantView = Type.Object({
  id: Uuid,
  brandId: Uuid,
  grantee: Type.Object({ id: Uuid, name: Type.String() }),
  grantedBy: Uuid,
  reason: Type.String(),
  grantedAt: IsoDateTime,
  active: Type.Boolean(),
  credential: Type.String(),
  logIndex: Type.Integer(),
  revocation: Nullable(
    Type.Object({ at: IsoDateTime, by: Nullable(Uuid), reason: Nullable(Type.String()), credential: Nullable(Type.String()), logIndex: Nullable(Type.Integer()) }),
  ),
});

export const PremiumView = Type.Object({
  eligible: Type.Boolean(),
  reason: Type.String(),
  metal: Type.String(),
  period: Type.String(),
  intensity: Nullable(Type.String()),
  threshold: Nullable(Type.String()),
  standards: Type.Array(Type.String()),
});

