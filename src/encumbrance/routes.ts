import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http.ts';
import { errors } from '../platform/schemas.ts';
import { assetEncumbrance, type AssetResolver } from './service.ts';
import { PROOF_FORMAT } from './verify.ts';

const tags = ['pledges'];
const B64 = Type.String({ pattern: '^[A-Za-z0-9+/]*={0,2}$' });
const State = Type.Union([
  Type.Object({ status: Type.Literal('free') }, { additionalProperties: false }),
  Type.Object({ status: Type.Literal('pledged'), pledgeDigest: Type.String({ pattern: '^sha256:[0-9a-f]{64}$' }) }, { additionalProperties: false }),
]);
const Checkpoint = Type.Object({ size: Type.Integer({ minimum: 0 }), signedAt: Type.String({ format: 'date-time' }) });
export const EncumbranceBundle = Type.Object(
  {
    format: Type.Literal(PROOF_FORMAT),
    map: Type.Literal('encumbrance'),
    assetId: Type.String(),
    key: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the asset id: its key in the map' }),
    state: State,
    proof: Type.String({ description: 'base64 sparse Merkle proof (docs/ENCUMBRANCE.md)' }),
    root: B64,
    checkpoint: Type.Object({
      size: Type.Integer({ minimum: 0 }),
      signedAt: Type.String({ format: 'date-time' }),
      note: Type.String({ description: 'The signed C2SP checkpoint whose `encumbrance` line commits to the root' }),
    }),
  },
  { description: 'Verify offline with `assay verify <file> --trust trust.json`' },
);
const Encumbrance = Type.Object({
  assetId: Type.String(),
  status: Type.Union([Type.Literal('free'), Type.Literal('pledged')]),
  checkpoint: Checkpoint,
  bundle: EncumbranceBundle,
});

export function registerEncumbranceRoutes(app: App, ctx: AppContext, resolve: AssetResolver): void {
  app.get(
    '/api/v1/assets/:assetId/encumbrance',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary:
          'Whether a warrant or electronic receipt is free or pledged, with a sparse Merkle proof (membership or non-membership) against the latest signed checkpoint; never the lender',
        params: Type.Object({ assetId: Type.String({ minLength: 1, maxLength: 64, description: 'A warrant or electronic receipt: its id, or its number (WR-…, ER-…)' }) }),
        response: { 200: Encumbrance, ...errors(404, 503) },
      },
    },
    async (req) => assetEncumbrance(ctx, resolve, req.params.assetId),
  );
}
