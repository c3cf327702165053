import { Type } from '@sinclair/typebox';
import { METAL_CODES, OPERATORS, UNITS } from './spec-types.ts';

export const MetalCodeSchema = Type.Union(METAL_CODES.map((m) => Type.Literal(m)), { description: 'LME contract code' });

export const ReportedValueSchema = Type.Object(
  {
    value: Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$', maxLength: 32, description: 'Plain decimal, e.g. "0.0026"' }),
    unit: Type.Union(UNITS.map((u) => Type.Literal(u))),
    operator: Type.Optional(Type.Union(OPERATORS.map((o) => Type.Literal(o)), { description: '"<" = below detection limit' })),
    uncertainty: Type.Optional(Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$', maxLength: 32 })),
  },
  { additionalProperties: false },
);

export const AnalysisSchema = Type.Record(Type.String({ pattern: '^[A-Z][a-z]?$' }), ReportedValueSchema, {
  description: 'Element symbol → reported value',
  minProperties: 1,
  maxProperties: 118,
});

/** Contract specs are checked by validateSpec (which names every problem); the schema documents the shape. */
export const ContractSpecSchema = Type.Object(
  {
    metal: MetalCodeSchema,
    version: Type.Integer(),
    effectiveFrom: Type.String({ format: 'date' }),
    metalName: Type.String(),
    qualityStandard: Type.String(),
    grade: Type.Optional(Type.String()),
    alsoAccepted: Type.Array(Type.String()),
    purity: Type.Union([
      Type.Object({ element: Type.String(), min: Type.String(), basis: Type.String() }),
      Type.Null(),
    ]),
    elements: Type.Record(Type.String(), Type.Object({ max: Type.String() })),
    groups: Type.Array(
      Type.Object({ id: Type.String(), label: Type.String(), elements: Type.Array(Type.String()), max: Type.String() }),
    ),
    designations: Type.Optional(
      Type.Array(
        Type.Object({
          id: Type.String(),
          name: Type.String(),
          elements: Type.Record(
            Type.String(),
            Type.Object({ min: Type.Optional(Type.String()), max: Type.Optional(Type.String()), source: Type.String() }),
          ),
          others: Type.Optional(Type.Object({ each: Type.Optional(Type.String()), total: Type.Optional(Type.String()), source: Type.String() })),
          sources: Type.Record(Type.String(), Type.String()),
          unconfirmed: Type.Optional(Type.Array(Type.String())),
        }),
        { description: 'Alloy contracts: registered designations with mass % ranges; an analysis conforms when it meets one' },
      ),
    ),
    lotTonnes: Type.String(),
    warrantTolerancePct: Type.String(),
    shapes: Type.Array(Type.String()),
    monthlyPromptMonths: Type.Integer(),
    unconfirmed: Type.Array(Type.String()),
    notes: Type.Optional(Type.String()),
  },
  { $id: 'ContractSpec', additionalProperties: true },
);

const Operator = Type.Union(OPERATORS.map((o) => Type.Literal(o)));

/** The checks of spec-types.ts (ElementCheck, GroupCheck, PurityCheck), as chemistry.ts builds them. */
const ElementCheckSchema = Type.Object({
  element: Type.String(),
  reported: Type.String({ description: 'Mass %, minimal decimal string' }),
  operator: Operator,
  uncertainty: Type.Optional(Type.String()),
  limit: Type.Optional(Type.String()),
  min: Type.Optional(Type.String()),
  status: Type.Union([Type.Literal('ok'), Type.Literal('exceeds'), Type.Literal('below'), Type.Literal('no_limit')]),
});
const GroupCheckSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  sum: Type.String(),
  limit: Type.String(),
  status: Type.Union([Type.Literal('ok'), Type.Literal('exceeds')]),
  includesBounds: Type.Boolean(),
});
const PurityCheckSchema = Type.Object({
  element: Type.String(),
  value: Type.String(),
  min: Type.String(),
  basis: Type.Union([Type.Literal('reported'), Type.Literal('difference')]),
  status: Type.Union([Type.Literal('ok'), Type.Literal('below')]),
  includesBounds: Type.Boolean(),
  uncertainty: Type.Optional(Type.String()),
});

export const ChemistryResultSchema = Type.Object(
  {
    verdict: Type.Union([Type.Literal('conforming'), Type.Literal('non_conforming')]),
    elements: Type.Array(ElementCheckSchema),
    groups: Type.Array(GroupCheckSchema),
    purity: Type.Union([PurityCheckSchema, Type.Null()]),
    notReported: Type.Array(Type.String()),
    reasons: Type.Array(Type.Object({ code: Type.String(), path: Type.String(), message: Type.String() })),
    designation: Type.Optional(
      Type.Object({
        matched: Type.Union([Type.String(), Type.Null()], { description: 'The first designation met, in the spec’s order' }),
        met: Type.Array(Type.String()),
        shownAgainst: Type.String({ description: 'Whose limits the element rows show' }),
        checks: Type.Array(
          Type.Object({
            id: Type.String(),
            met: Type.Boolean(),
            failures: Type.Array(
              Type.Object({
                element: Type.String(),
                problem: Type.String(),
                reported: Type.Optional(Type.String()),
                limit: Type.String(),
              }),
            ),
          }),
        ),
      }),
    ),
  },
  { additionalProperties: true },
);
