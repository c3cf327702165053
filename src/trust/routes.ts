import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.ts';
import { caller, type App } from '../platform/http.ts';
import { errors, Name, Uuid } from '../platform/schemas.ts';

/** Log positions are bigint in the database; beyond 2^53 they are not exact in JSON either. */
const LogIndex = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
const LogSize = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
import { AppError } from '../platform/errors.ts';
import type { TrustRegistry } from './registry.ts';
import { VerificationReportSchema, VC_JWT } from './schemas.ts';
import * as service from './service.ts';
import * as witnesses from './witness-service.ts';
import { parseTilePath, TILE_WIDTH } from './tiles.ts';
import { forgetCheckpoint } from './read-cache.ts';

const tags = ['trust'];
const Report = VerificationReportSchema;

export function registerTrustRoutes(app: App, ctx: AppContext, registry: TrustRegistry): void {
  // Credentials and status lists travel as compact JWS text.
  app.addContentTypeParser(VC_JWT, { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.post(
    '/api/v1/verify',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Verify a credential you hold: send the vc+jwt (JSON { credential, proof? } or application/vc+jwt)',
        body: Type.Union([
          Type.Object(
            {
              credential: Type.String({ minLength: 10, maxLength: 4_000_000 }),
              proof: Type.Optional(Type.String({ maxLength: 100_000 })),
              witnesses: Type.Optional(Type.Integer({ minimum: 0, maximum: 20, description: 'Witness cosignatures required' })),
            },
            { additionalProperties: false },
          ),
          Type.String({ minLength: 10, maxLength: 4_000_000 }),
        ]),
        response: { 200: Report, ...errors(400) },
      },
    },
    async (req) => {
      const body = req.body;
      const input = typeof body === 'string' ? { credential: body.trim() } : body;
      return service.verifyWithServerState(ctx, registry, input.credential, {
        ...(input.proof ? { proof: input.proof } : {}),
        witnessQuorum: 'witnesses' in input ? (input.witnesses ?? 0) : 0,
      });
    },
  );

  app.get(
    '/api/v1/trust',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'The trust bundle for offline verification: log key, issuer keys with validity, status lists' },
    },
    async () => service.trustBundle(ctx),
  );

  app.get(
    '/api/v1/jwks',
    { config: { permission: 'public' }, schema: { tags, summary: 'Every issuer public key ever used (JWKS)' } },
    async () => service.jwks(ctx),
  );

  app.get('/.well-known/did.json', { config: { permission: 'public' }, schema: { hide: true } }, async () =>
    service.registryDidDocument(ctx),
  );

  app.get(
    '/orgs/:orgId/did.json',
    { config: { permission: 'public' }, schema: { hide: true, params: Type.Object({ orgId: Uuid }) } },
    async (req) => service.orgDidDocument(ctx, req.params.orgId),
  );

  app.get(
    '/status/:orgId/revocation/:listNo',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'An issuer’s Bitstring Status List credential (vc+jwt)',
        params: Type.Object({ orgId: Uuid, listNo: Type.Integer({ minimum: 0 }) }),
      },
    },
    async (req, reply) => reply.type(VC_JWT).send(await service.statusList(ctx, req.params.orgId, req.params.listNo)),
  );

  app.get('/log/checkpoint', { config: { permission: 'public' }, schema: { tags, summary: 'The latest signed checkpoint (C2SP)' } }, async (_req, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send(await service.checkpoint(ctx)),
  );

  app.get(
    '/log/tile/*',
    { config: { permission: 'public' }, schema: { tags, summary: 'C2SP tlog-tiles: hash tiles and entry bundles' } },
    async (req, reply) => {
      const path = `tile/${(req.params as { '*': string })['*']}`;
      let parsed;
      try {
        parsed = parseTilePath(path);
      } catch (e) {
        throw new AppError('not_found', `Not a tile path: ${(e as Error).message}`);
      }
      const bytes = await service.tile(ctx, parsed);
      const full = parsed.width === TILE_WIDTH;
      return reply
        .type('application/octet-stream')
        // A full tile never changes (C2SP tlog-tiles); a partial one is replaced by a wider one soon.
        .header('cache-control', full ? 'public, max-age=31536000, immutable' : `public, max-age=${ctx.config.cache.partialTileMaxAgeS}`)
        .send(bytes);
    },
  );

  app.get(
    '/api/v1/log/entries/:index',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'One log entry', params: Type.Object({ index: LogIndex }) },
    },
    async (req) => service.entry(ctx, req.params.index),
  );

  app.get(
    '/api/v1/log/proofs/inclusion',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'RFC 6962 inclusion proof of entry `index` in the tree of `size`',
        querystring: Type.Object({ index: LogIndex, size: LogSize }, { additionalProperties: false }),
        response: { 200: Type.Object({ index: Type.Integer(), size: Type.Integer(), hashes: Type.Array(Type.String()) }), ...errors(400) },
      },
    },
    async (req) => service.inclusion(ctx, req.query.index, req.query.size),
  );

  app.get(
    '/api/v1/log/proofs/consistency',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'RFC 6962 consistency proof between two tree sizes',
        querystring: Type.Object({ from: LogIndex, to: LogIndex }, { additionalProperties: false }),
        response: { 200: Type.Object({ from: Type.Integer(), to: Type.Integer(), hashes: Type.Array(Type.String()) }), ...errors(400) },
      },
    },
    async (req) => service.consistency(ctx, req.query.from, req.query.to),
  );

  app.get(
    '/api/v1/log/witnesses',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Witnesses whose cosignatures the registry accepts',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ name: Type.String(), verifierKey: Type.String() })) }) },
      },
    },
    async () => ({ items: await witnesses.listWitnesses(ctx) }),
  );

  app.post(
    '/api/v1/log/witnesses',
    {
      config: { permission: 'witnesses.manage' },
      schema: {
        tags,
        summary: 'Register a witness by its C2SP cosignature/v1 verifier key (exchange administrators)',
        body: Type.Object(
          { name: Name(1, 200), verifierKey: Type.String({ minLength: 10, maxLength: 400 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ name: Type.String(), verifierKey: Type.String() }), ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await witnesses.registerWitness(ctx, caller(req), req.body)),
  );

  app.post(
    '/api/v1/log/cosignatures',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Hand in a witness cosignature of a checkpoint; kept only if it verifies',
        description:
          'signatureLine is exactly one C2SP signed-note line, without its newline: `— <witness> base64(key ID ‖ timestamp ‖ Ed25519 signature)`, ' +
          'by the witness’s registered cosignature/v1 key over that checkpoint. 201 when it is stored; 200 when the witness already has a ' +
          'valid cosignature of that checkpoint (the first is kept).',
        body: Type.Object(
          {
            size: LogIndex,
            witness: Type.String({ minLength: 1, maxLength: 200 }),
            signatureLine: Type.String({ minLength: 10, maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ size: Type.Integer(), witness: Type.String() }),
          201: Type.Object({ size: Type.Integer(), witness: Type.String() }),
          ...errors(400, 404),
        },
      },
    },
    async (req, reply) => {
      const { created, ...body } = await witnesses.acceptCosignature(ctx, req.body);
      if (created) forgetCheckpoint(ctx); // the served note gains this line now, in this process
      return reply.status(created ? 201 : 200).send(body);
    },
  );

  app.post(
    '/api/v1/organisations/:orgId/keys/rotation',
    {
      config: { permission: 'keys.rotate' },
      schema: {
        tags,
        summary: 'Rotate the organisation’s issuer key; the old key stays valid for what it signed',
        params: Type.Object({ orgId: Uuid }),
        response: { 201: Type.Object({ retired: Type.Union([Type.String(), Type.Null()]), active: Type.String() }), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.rotate(ctx, caller(req), req.params.orgId)),
  );
}
