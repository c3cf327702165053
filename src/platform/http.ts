import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import addFormatsModule from 'ajv-formats';
import type {} from '@fastify/cookie';
import { AppError, type ErrorDetail } from './errors.ts';
import { PATTERN_MESSAGES, TRIMMED } from './schemas.ts';
import { decide, isPermission, PERMISSIONS, type Permission } from '../access/permissions.ts';
import { ANONYMOUS, type Authenticated, type Principal } from '../access/principal.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route must name its permission; see access/permissions.ts. */
    permission?: Permission;
  }
  interface FastifyRequest {
    principal: Principal;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

// Bodies are validated strictly: no type coercion and unknown fields are errors, not silently
// dropped. Query strings and path parameters arrive as text and are coerced.
function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats(ajv);
  // Names are trimmed before they are judged (schemas.ts Name): "  " is blank, not a name.
  ajv.addKeyword({
    keyword: TRIMMED,
    type: 'string',
    modifying: true,
    errors: true,
    validate: function trimmed(
      rule: { minLength: number },
      data: string,
      _parent: unknown,
      cxt?: { parentData: Record<string | number, unknown>; parentDataProperty: string | number },
    ): boolean {
      const t = data.trim();
      if (cxt && t !== data) cxt.parentData[cxt.parentDataProperty] = t;
      if (t.length >= rule.minLength) return true;
      (trimmed as unknown as { errors: Partial<ErrorObject>[] }).errors = [
        { keyword: TRIMMED, message: `must have at least ${rule.minLength} characters besides spaces`, params: {} },
      ];
      return false;
    },
  });
  return ajv;
}

function jsonPath(part: string | undefined, e: ErrorObject): string {
  const segs = e.instancePath.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = e.params as { missingProperty?: string; additionalProperty?: string };
  if (e.keyword === 'required' && params.missingProperty) segs.push(params.missingProperty);
  if (e.keyword === 'additionalProperties' && params.additionalProperty) segs.push(params.additionalProperty);
  return [part ?? 'body', ...segs].join('.');
}

function validationDetails(part: string | undefined, errors: ErrorObject[]): ErrorDetail[] {
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const e of errors) {
    // anyOf/oneOf wrappers repeat what their branches said; keep the specific messages.
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const path = jsonPath(part, e);
    const pattern = e.keyword === 'pattern' ? (e.params as { pattern?: string }).pattern : undefined;
    const message =
      e.keyword === 'additionalProperties'
        ? 'unknown field'
        : e.keyword === 'required'
          ? 'is required'
          : ((pattern !== undefined ? PATTERN_MESSAGES[pattern] : undefined) ?? e.message ?? 'is invalid');
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    details.push({ path, message });
  }
  return details;
}

let formAjv: Ajv | undefined;
const formValidators = new WeakMap<object, ValidateFunction>();

/**
 * Checks a value against a schema with the same rules, messages and paths as a JSON body (strict
 * types, formats, trimmed names): for what a route reads itself, such as a multipart form's fields.
 * Each schema is compiled once.
 */
export function checkLikeBody<T>(schema: TSchema, value: unknown, part = 'body'): { ok: true; value: T } | { ok: false; details: ErrorDetail[] } {
  let validate = formValidators.get(schema);
  if (!validate) {
    formAjv ??= makeAjv(false);
    validate = formAjv.compile(schema as object);
    formValidators.set(schema, validate);
  }
  if (validate(value)) return { ok: true, value: value as T };
  return { ok: false, details: validationDetails(part, (validate.errors ?? []) as ErrorObject[]) };
}

/** PostgreSQL's int4 range: integers in requests default to it unless their schema says otherwise. */
const INT4 = { minimum: -2_147_483_648, maximum: 2_147_483_647 } as const;

/**
 * Gives every integer in a request schema that states no bound the int4 range, so an out-of-range
 * number is a 400 naming the field instead of a database error. Schemas are walked once, at
 * registration; a route that needs wider integers (log indices) states its own bounds.
 */
function boundIntegers(schema: unknown, seen = new Set<object>()): void {
  if (typeof schema !== 'object' || schema === null || seen.has(schema)) return;
  seen.add(schema);
  const s = schema as Record<string, unknown>;
  if (s.type === 'integer' || (Array.isArray(s.type) && s.type.includes('integer'))) {
    if (s.maximum === undefined && s.exclusiveMaximum === undefined) s.maximum = INT4.maximum;
    if (s.minimum === undefined && s.exclusiveMinimum === undefined) s.minimum = INT4.minimum;
  }
  for (const v of Object.values(s)) {
    if (Array.isArray(v)) v.forEach((x) => boundIntegers(x, seen));
    else boundIntegers(v, seen);
  }
}

/** PostgreSQL text cannot hold NUL; it is refused up front, naming where it was found. */
function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 64 || typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}.${i}`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  if (Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) return `${path}.${k.split('\u0000').join('\\0')}`;
    const hit = findNul(v, `${path}.${k}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A write from a browser must come from our own pages. SameSite=Lax already keeps the session
 * cookie off cross-site requests, but a multipart form post needs no preflight, so the browser's
 * own statement of where the request came from is checked as well: Sec-Fetch-Site when sent,
 * otherwise Origin. Clients that send neither (curl, API-key scripts) are not browsers.
 */
function crossSiteWrite(req: FastifyRequest, publicUrl: string | undefined): string | null {
  if (SAFE_METHODS.has(req.method)) return null;
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site}`;
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || origin === '') return null;
  const allowed = new Set<string>();
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  const host = req.headers.host;
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return allowed.has(origin) ? null : `Origin: ${origin}`;
}

export const DOCS_PREFIX = '/docs';

/** Fastify's default: longer path parameters are refused before routing. */
const MAX_PARAM_LENGTH = 100;

export interface RouteEntry {
  method: string;
  url: string;
  permission: Permission;
}
const routeTables = new WeakMap<object, RouteEntry[]>();

/** Every route with its permission, as registered (the authorisation matrix test walks this). */
export const routeTable = (app: App): readonly RouteEntry[] => routeTables.get(app) ?? [];

export interface HttpOptions {
  logLevel: string;
  bodyLimitBytes: number;
  /** The public base URL: a browser write whose Origin is neither it nor the Host is refused. */
  publicUrl?: string;
  /** Which proxies' X-Forwarded-For to believe for req.ip (config.trustProxy). */
  trustProxy?: boolean | string[];
  authenticate: (req: FastifyRequest) => Promise<Principal>;
}

/** The Fastify instance with Assay's house rules: strict validation, one error shape, deny by default. */
export function createHttpServer(opts: HttpOptions): App {
  const app = Fastify({
    logger: { level: opts.logLevel },
    bodyLimit: opts.bodyLimitBytes,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: 'x-request-id',
    trustProxy: opts.trustProxy ?? false,
    // Fastify answers a URL it cannot route (a broken percent-escape, an over-long path parameter)
    // before any hook runs; this keeps those answers in our one error shape.
    frameworkErrors: (error, _req, reply) => {
      const err =
        error.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? new AppError('bad_request', 'The URL is invalid', [{ path: 'params', message: `a path segment is longer than ${MAX_PARAM_LENGTH} characters` }])
          : error.code === 'FST_ERR_BAD_URL'
            ? new AppError('bad_request', 'The URL is invalid', [{ path: 'url', message: 'has a percent-escape that does not decode to UTF-8' }])
            : new AppError('bad_request', 'The request is invalid');
      // No hook runs for these, so the browser protections (platform/protections.ts) are set here.
      void (reply as FastifyReply)
        .status(err.status)
        .headers({
          'content-type': 'application/json; charset=utf-8',
          'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'DENY',
          'referrer-policy': 'no-referrer',
          'cross-origin-opener-policy': 'same-origin',
        })
        .send(err.toBody());
    },
    ajv: { customOptions: { strict: false } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  // The API speaks JSON; a text body is a client mistake worth a 415, not a confusing 400.
  app.removeContentTypeParser('text/plain');

  const table: RouteEntry[] = [];
  routeTables.set(app, table);

  const bodyAjv = makeAjv(false);
  const textAjv = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? bodyAjv : textAjv).compile(schema as object),
  );
  app.setSchemaErrorFormatter((errors, dataVar) => {
    const err = new AppError('bad_request', 'The request is invalid', validationDetails(dataVar, errors as ErrorObject[]));
    return err as unknown as Error;
  });

  app.decorateRequest('principal', null as never);

  // Deny by default: a route that does not name a known permission stops the server from starting.
  app.addHook('onRoute', (route) => {
    // The API documentation UI registers its own routes (a plugin we do not write): public by name.
    if (route.url === DOCS_PREFIX || route.url.startsWith(`${DOCS_PREFIX}/`)) {
      route.config = { ...route.config, permission: 'public' };
    }
    if (route.schema) {
      const sch = route.schema as Record<string, unknown>;
      for (const part of ['params', 'querystring', 'body', 'headers']) boundIntegers(sch[part]);
    }
    const permission = route.config?.permission;
    if (!isPermission(permission)) {
      throw new Error(`Route ${route.method} ${route.url} declares no permission (config.permission)`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, permission });
    }
    if (route.schema && !(route.schema as { hide?: boolean }).hide) {
      const rule = PERMISSIONS[permission];
      const schema = route.schema as Record<string, unknown>;
      schema['x-permission'] = permission;
      schema.description = [schema.description, `**Permission:** \`${permission}\` — ${rule.description}.`]
        .filter(Boolean)
        .join('\n\n');
      if (!('public' in rule)) schema.security = [{ session: [] }, { apiKey: [] }];
    }
  });

  // preValidation: after the cookie plugin's onRequest parsing, before schema validation, so an
  // anonymous caller is told 401 rather than which fields were wrong.
  app.addHook('preValidation', async (req) => {
    req.principal = ANONYMOUS;
    const crossSite = crossSiteWrite(req, opts.publicUrl);
    if (crossSite) throw new AppError('forbidden', `Cross-site write refused (${crossSite}): use this site's own pages or an API key`);
    // Multipart bodies are streamed by their routes, which check their own fields.
    const nul = findNul(req.params, 'params') ?? findNul(req.query, 'querystring') ?? findNul(req.body, 'body');
    if (nul) throw new AppError('bad_request', 'The request is invalid', [{ path: nul, message: 'must not contain NUL characters' }]);
    req.principal = await opts.authenticate(req);
    const permission = req.routeOptions.config.permission;
    if (!permission) return; // 404 handler
    const decision = decide(permission, req.principal);
    if (decision === 'unauthenticated') throw new AppError('unauthenticated', 'Sign in or present an API key');
    if (decision === 'forbidden') throw new AppError('forbidden', 'You are not allowed to do this');
  });

  app.setNotFoundHandler((req, reply) => {
    const err = new AppError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`);
    void reply.status(err.status).send(err.toBody());
  });

  app.setErrorHandler((error: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.status === 413) lingerThenClose(req.raw);
    if (appError.status >= 500) req.log.error({ err: loggableError(error) }, 'request failed');
    else req.log.info({ code: appError.code, msg: appError.message }, 'request refused');
    if (appError.retryAfterSeconds !== undefined) void reply.header('retry-after', String(appError.retryAfterSeconds));
    void reply.status(appError.status).send(appError.toBody());
  });

  return app;
}

/**
 * What a failed request leaves in the log: the error's kind, message, SQLSTATE and stack, never the
 * statement's parameters (database drivers attach the query and its values, which would copy
 * submitted content, tokens or personal data into the log).
 */
function loggableError(error: unknown): Record<string, unknown> {
  const e = error as { name?: unknown; message?: unknown; code?: unknown; stack?: unknown; cause?: unknown };
  const out: Record<string, unknown> = { type: e?.name, message: e?.message, code: e?.code, stack: e?.stack };
  if (e?.cause !== undefined && e.cause !== error) out.cause = loggableError(e.cause);
  return out;
}

/** How long the rest of a refused upload is read and dropped before its connection is cut. */
const LINGER_MS = 2000;

/**
 * After a 413 the client may still be sending the body. Cutting the connection at once makes the
 * kernel reset it, and the client can lose the answer before reading it; so the rest is read and
 * dropped, unparsed (no multipart parser sees it), for a short while, then the connection is cut:
 * what web servers call a lingering close. Nothing of it is buffered.
 */
function lingerThenClose(raw: FastifyRequest['raw']): void {
  if (raw.complete || raw.destroyed) return;
  raw.unpipe();
  raw.resume();
  // An injected request (tests) has a socket stand-in without destroy().
  const cut = setTimeout(() => { if (typeof raw.socket?.destroy === 'function') raw.socket.destroy(); }, LINGER_MS);
  cut.unref();
  raw.once('end', () => clearTimeout(cut));
}

function toAppError(error: FastifyError | AppError): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError & { validation?: ErrorObject[]; validationContext?: string };
  if (fe.validation) {
    return new AppError('bad_request', 'The request is invalid', validationDetails(fe.validationContext, fe.validation));
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is larger than this server accepts');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('bad_request', 'The request body is not valid JSON', [{ path: 'body', message: fe.message }]);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('bad_request', 'The request body is empty', [{ path: 'body', message: 'is required' }]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send JSON (Content-Type: application/json)');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('bad_request', 'Content-Length does not match the body');
  }
  if (error instanceof SyntaxError) {
    return new AppError('bad_request', 'The request body is not valid JSON', [{ path: 'body', message: error.message }]);
  }
  if (fe.statusCode === 413) {
    // Multipart limits (file size, number of parts) and any other plugin's size refusal.
    return new AppError('payload_too_large', 'The upload is larger than this server accepts');
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode === 404 ? 'not_found' : 'bad_request', fe.message);
  }
  return new AppError('internal', 'Something went wrong on our side; the request id is in the logs', undefined, {
    cause: error,
  });
}

/** The door already let only signed-in callers through for non-public routes; this narrows the type. */
export function caller(req: FastifyRequest): Authenticated {
  if (req.principal.type === 'anonymous') throw new AppError('unauthenticated', 'Sign in or present an API key');
  return req.principal;
}
