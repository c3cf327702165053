import { Type } from '@sinclair/typebox';
import { reportFields } from '../trust/schemas.ts';

// The verification report of a warrant: the kernel's report of its credential, and each of its
// certificates' own verification outcome.

export const WarrantReportSchema = Type.Object(
  reportFields({
    summary: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'What the warrant credential says, once its signature verified' })),
    status: Type.Union([Type.Literal('live'), Type.Literal('cancelled'), Type.Literal('delivered_out')], { description: 'The warrant as the register holds it now' }),
    certificates: Type.Array(
      Type.Object({ id: Type.String(), number: Type.String(), ok: Type.Boolean(), status: Type.String(), failed: Type.Array(Type.String()) }),
      { description: 'Each certificate of its metal, verified' },
    ),
  }),
  { description: 'Each check answered separately: pass, fail or skip, with a reason in plain words' },
);
