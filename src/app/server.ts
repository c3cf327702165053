import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyRequest } from 'fastify';
import { registerAccessRoutes, SESSION_COOKIE } from '../access/routes.ts';
import { ANONYMOUS, type Principal } from '../access/principal.ts';
import { principalFromApiKey, principalFromSession } from '../access/service.ts';
import { registerTrailRoutes } from '../trail/routes.ts';
import { registerBrandRoutes } from '../brands/routes.ts';
import { registerCertificateRoutes } from '../certificates/routes.ts';
import { registerCertificatePdfRoutes } from '../certificates/pdf-routes.ts';
import { registerImportRoutes } from '../imports/routes.ts';
import { registerSustainabilityRoutes } from '../sustainability/routes.ts';
import { registerCbamRoutes } from '../cbam/routes.ts';
import { registerTrustRoutes } from '../trust/routes.ts';
import { registerCertificateCredentialRoutes } from '../certificates/credential-routes.ts';
import { TRUST_REGISTRY } from './trust-registry.ts';
import { registerWarehouseRoutes } from '../warehouse/routes.ts';
import { registerPledgeRoutes } from '../pledges/routes.ts';
import { registerReportRoutes } from '../reports/routes.ts';
import { registerEncumbranceRoutes } from '../encumbrance/routes.ts';
import { resolveAsset } from '../pledges/assets.ts';
import { registerMarketRoutes } from '../market/routes.ts';
import { registerRentRoutes } from '../rent/routes.ts';
import { registerMetalRoutes } from '../metals/routes.ts';
import { registerWebRoutes } from '../web/routes.ts';
import { AppError } from '../platform/errors.ts';
import { readCaches } from '../platform/cache.ts';
import { createHttpServer, DOCS_PREFIX, type App } from '../platform/http.ts';
import { registerProtections } from '../platform/protections.ts';
import type { AppContext } from './context.ts';

export const API_VERSION = '0.1.0';

async function authenticate(ctx: AppContext, req: FastifyRequest): Promise<Principal> {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    // A malformed header is counted like a wrong key, against the client's address.
    const p = await principalFromApiKey(ctx, m ? m[1]! : '', req.ip);
    if (!p) throw new AppError('unauthenticated', 'The API key is malformed, unknown or revoked');
    return p;
  }
  const token = req.cookies[SESSION_COOKIE];
  // An expired or revoked cookie is simply no session: public pages keep working.
  return (token && (await principalFromSession(ctx, token))) || ANONYMOUS;
}

export async function buildServer(ctx: AppContext): Promise<App> {
  const app = createHttpServer({
    logLevel: ctx.config.logLevel,
    bodyLimitBytes: ctx.config.bodyLimitBytes,
    publicUrl: ctx.config.publicUrl,
    trustProxy: ctx.config.trustProxy,
    authenticate: (req) => authenticate(ctx, req),
  });
  await registerProtections(app, { https: ctx.config.hsts, rateLimit: ctx.config.rateLimit });
  await app.register(cookie);
  // Multipart uploads: one file part, by default no larger than a certificate PDF may be. A route
  // that takes larger files (bulk import) names its own limit when it reads the part.
  await app.register(multipart, { limits: { fileSize: ctx.config.pdf.maxBytes, files: 1, fields: 10, parts: 11 } });
  await app.register(swagger, {
    // Shared schemas (those with an `$id`: ContractSpec, CertificateSubmission, ImportJob, …) are
    // named by their `$id` in components.schemas rather than def-0, def-1, … in registration order,
    // so the names stay put as routes are added and the web types (web/src/api-types.ts) can use them.
    refResolver: {
      buildLocalReference(json, _baseUri, _fragment, i) {
        const id = typeof json.$id === 'string' ? json.$id : undefined;
        if (id && !json.title) json.title = id;
        return id && /^[A-Za-z0-9._-]+$/.test(id) ? id : `def-${i}`;
      },
    },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Assay API',
        version: API_VERSION,
        description:
          'Open register of exchange-deliverable metal: certificates of analysis, brands and contract specifications. ' +
          'Errors always answer `{ "error": { "code", "message", "details"? } }`.',
      },
      servers: [{ url: ctx.config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          apiKey: { type: 'http', scheme: 'bearer', description: 'assay_<prefix>_<secret>' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX, uiConfig: { docExpansion: 'list' } });

  // Probes are not rate limited: a load balancer asks often, from one address.
  app.get('/healthz', { config: { permission: 'public', rateLimit: false }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { permission: 'public', rateLimit: false }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await ctx.db.query('SELECT 1');
      return { status: 'ready', engine: ctx.db.engine };
    } catch {
      return reply.status(503).send(new AppError('unavailable', 'The database is not reachable').toBody());
    }
  });
  // Prometheus: cache hits and misses, request durations (platform/cache.ts). Open like the probes
  // (counts and timings only, no record); ASSAY_METRICS=off removes it.
  const metrics = readCaches(ctx);
  app.addHook('onResponse', async (req, reply) => {
    metrics.httpDuration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  if (ctx.config.metrics) {
    app.get('/metrics', { config: { permission: 'public', rateLimit: false }, schema: { hide: true } }, async (_req, reply) =>
      reply.type(metrics.registry.contentType).header('cache-control', 'no-store').send(await metrics.registry.metrics()),
    );
  }
  app.get('/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  registerAccessRoutes(app, ctx);
  registerMetalRoutes(app, ctx);
  registerBrandRoutes(app, ctx);
  registerCertificateRoutes(app, ctx);
  registerCertificatePdfRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerTrustRoutes(app, ctx, TRUST_REGISTRY);
  registerCertificateCredentialRoutes(app, ctx);
  registerSustainabilityRoutes(app, ctx);
  registerCbamRoutes(app, ctx);
  registerWarehouseRoutes(app, ctx);
  registerRentRoutes(app, ctx);
  registerPledgeRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerEncumbranceRoutes(app, ctx, resolveAsset);
  registerTrailRoutes(app, ctx);
  registerMarketRoutes(app, ctx);
  // The web app last: its catch-all answers only what no route above does.
  await registerWebRoutes(app, ctx);
  return app;
}
