import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import { routeTable, type App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { makeApiKey, makeBrand, makeOrg, makeUser, submissionFor, testApp, type TestUser } from '../factories.ts';

// Every route, called with out-of-range, wrong-type, oversize and odd-character values in its path
// parameters, query string and JSON body, by callers who pass its door (so validation and the
// service run, not only the 401): nothing may answer 500. Parameters come from the route's schema
// in the OpenAPI document; routes without one (the web app, docs, probes) get odd paths and queries.
// A fixed seed keeps CI repeatable (about a minute per engine on a quiet machine); ASSAY_FUZZ_SEED and ASSAY_FUZZ_RUNS
// explore further, ASSAY_FUZZ_STATS=1 prints how the answers spread.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SEED = Number(process.env.ASSAY_FUZZ_SEED ?? 22);
const RUNS = Number(process.env.ASSAY_FUZZ_RUNS ?? 30);

const ODD = [
  '', ' ', '\t', '\n', 'null', 'undefined', 'NaN', 'Infinity', '-Infinity', '-1', '0', '-0', '1.5', '1e309', '1e-400',
  '2147483648', '-2147483649', '9007199254740993', '99999999999999999999999999', '0x1F', 'true', '[]', '{}', '%', '%zz',
  '%E0%A4%A', '..', '../../etc/passwd', "' OR 1=1 --", '"', '\\', '/', '?', '#', '&', '=', ',', '*', '<script>alert(1)</script>',
  '\u202e', '\ufeff', '\ud800', '\udfff', '\u0000', '\u0001', '\uffff', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '🦄', 'a\u0301', '中文', 'AS-0', 'AS-',
  'AS-99999999999', 'as-000001', '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '+275760-09-13', '2026-01-01T25:00:00Z', 'CA', 'XX', 'x'.repeat(300),
];
const NUMBERS = [-1, 0, -0, 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 5e-324];

const oddString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 2000, maxLength: 5000 }) },
);
const oddScalar = fc.oneof(oddString, fc.constantFrom(...NUMBERS), fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
const oddValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    // maxDepth bounds the tree: two of three branches recurse, so an unlucky seed could grow it without end.
    { depthSize: 'small', withCrossShrink: true, maxDepth: 3 },
    oddScalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(oddString, tie('v'), { maxKeys: 4 }),
  ),
})).v;
/** Valid-looking values of each format, so requests get past validation into the services. */
const FORMATS: Record<string, string[]> = {
  date: ['2026-01-01', '1900-01-01', '9999-12-31', '0001-01-01', '2026-02-28', '2099-12-31'],
  'date-time': ['2026-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '2026-06-30T23:59:60Z'],
  uuid: ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '123e4567-e89b-12d3-a456-426614174000'],
  email: ['a@b.co', 'x'.repeat(64) + '@example.test', 'ünï@例え.テスト'],
  uri: ['https://example.test/', 'did:web:example.test', 'urn:x'],
};

/**
 * A request body shaped like the route's schema (required fields present, types right, values at
 * the edges), with a leaf now and then swapped for something odd: it gets past validation into the
 * service more often than pure noise does.
 */
function fromSchema(schema: Json | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return oddValue;
  const odd = (a: fc.Arbitrary<unknown>) => fc.oneof({ weight: 9, arbitrary: a }, { weight: 1, arbitrary: oddValue });
  if (schema.const !== undefined) return odd(fc.constant(schema.const));
  if (Array.isArray(schema.enum)) return odd(fc.constantFrom(...(schema.enum as unknown[])));
  const branches = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (branches?.length) return fc.oneof(...branches.map((b) => fromSchema(b, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      const formatted = FORMATS[schema.format as string];
      const max = Math.min(schema.maxLength ?? 40, 400);
      const sized = fc.string({ minLength: schema.minLength ?? 0, maxLength: max });
      const edges: fc.Arbitrary<string>[] = formatted ? [fc.constantFrom(...formatted)] : [];
      if (typeof schema.pattern === 'string') {
        // Strings the pattern allows, up to the longest allowed: decimals with 30 digits, codes at full length.
        try {
          // Cut to the longest allowed rather than filtered: a repeated group such as a time zone's
          // (/…)* makes most large matches too long, and a filter then retries for minutes.
          edges.push(fc.stringMatching(new RegExp(schema.pattern as string), { size: 'large' }).map((v) => v.slice(0, max)));
        } catch {
          /* a pattern fast-check cannot generate from: the other strings do */
        }
      }
      return odd(fc.oneof(...edges, ...edges, sized, fc.constantFrom(...ODD)));
    }
    case 'integer':
      return odd(fc.oneof(fc.integer({ min: schema.minimum ?? -(2 ** 31), max: schema.maximum ?? 2 ** 31 - 1 }), fc.constantFrom(0, -1, 1)));
    case 'number':
      return odd(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e308, 5e-324)));
    case 'boolean':
      return odd(fc.boolean());
    case 'null':
      return fc.constant(null);
    case 'array':
      return odd(fc.array(fromSchema(schema.items as Json, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 5) }));
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Json>;
      const required = new Set<string>((schema.required as string[]) ?? []);
      const fields = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromSchema(v, depth + 1)]));
      return odd(fc.record(fields, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) }));
    }
    default:
      return oddValue;
  }
}

/** A copy of a valid body with one leaf (chosen by `at`) replaced by `value`. */
function mutate(body: unknown, at: number, value: unknown): unknown {
  const copy = structuredClone(body) as Json;
  const leaves: [Json, string][] = [];
  const walk = (o: Json) => {
    for (const [k, v] of Object.entries(o)) {
      if (v !== null && typeof v === 'object') walk(v as Json);
      leaves.push([o, k]);
    }
  };
  walk(copy);
  const [holder, key] = leaves[at % leaves.length]!;
  holder[key] = value;
  return copy;
}

/** Nested deeper than any schema goes. */
const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1) });

interface Param {
  name: string;
  in: 'path' | 'query';
}
interface RouteSpec {
  method: string;
  url: string;
  params: Param[];
  bodyProps: string[] | null;
  body: Json | undefined;
  query: Record<string, Json>;
}

/** An encodeURIComponent that keeps going past lone surrogates (sent as they are, for the server to judge). */
const enc = (s: string): string => {
  try {
    return encodeURIComponent(s);
  } catch {
    return s.replace(/[^\w-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  }
};

describeEngines('fuzz: no route answers 500 to bad input', (db) => {
  let app: App;
  let ctx: AppContext;
  const callers: { label: string; headers: Record<string, string> }[] = [];
  /** Real values for path parameters, so bad queries and bodies reach the services too. */
  const real: Record<string, string[]> = {};
  /** Valid bodies of the routes with the most rules behind them, to mutate one leaf at a time. */
  const valid: Record<string, unknown> = {};
  let specs: RouteSpec[] = [];

  beforeAll(async () => {
    ({ app, ctx } = await testApp(db()));
    const producerId = (await makeOrg(db(), 'producer')).id;
    const exchangeId = (await makeOrg(db(), 'exchange')).id;
    const auditorId = (await makeOrg(db(), 'auditor')).id;
    const people: [string, TestUser][] = [
      ['producer admin', await makeUser(ctx, producerId, 'admin')],
      ['exchange admin', await makeUser(ctx, exchangeId, 'admin')],
      ['auditor', await makeUser(ctx, auditorId, 'member')],
    ];
    callers.push({ label: 'anonymous', headers: {} });
    for (const [label, u] of people) callers.push({ label, headers: { cookie: u.cookie } });
    callers.push({ label: 'producer key', headers: { authorization: `Bearer ${await makeApiKey(db(), producerId, ['admin', 'read', 'certificates:write', 'sustainability:write', 'cbam:write'])}` } });
    const brand = await makeBrand(ctx, producerId, 'CA');
    const sub = submissionFor(brand);
    const cert = await app.inject({ method: 'POST', url: '/api/v1/certificates', headers: callers[1]!.headers, payload: sub });
    expect(cert.statusCode, cert.body).toBe(201);
    const c = cert.json<Json>();
    valid['POST /api/v1/certificates'] = submissionFor(brand);
    valid['POST /api/v1/certificates/:id/amendments'] = { reason: 'Fuzzed amendment', certificate: submissionFor(brand, { pcr: sub.pcr }) };
    valid['POST /api/v1/chemistry/checks'] = { metal: 'CA', productionDate: '2026-01-01', analysis: sub.chemistry };
    Object.assign(real, {
      orgId: [producerId, exchangeId],
      // Not one of the callers: the removal route may disable this one.
      userId: [(await makeUser(ctx, producerId, 'viewer')).id],
      id: [c.id, c.number],
      brand: [brand.id, brand.code],
      pcr: [sub.pcr],
      metal: ['CA', 'AH'],
      version: ['1'],
      listNo: ['0'],
      index: ['0'],
    });

    // The parameters and body fields of each route, from the OpenAPI document (hidden routes have none).
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<Json>();
    specs = routeTable(app).map((r) => {
      const op = doc.paths?.[r.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[r.method.toLowerCase()] as Json | undefined;
      const params: Param[] = (op?.parameters ?? []).filter((p: Json) => p.in === 'path' || p.in === 'query').map((p: Json) => ({ name: p.name, in: p.in }));
      const query = Object.fromEntries((op?.parameters ?? []).filter((p: Json) => p.in === 'query').map((p: Json) => [p.name, p.schema as Json]));
      for (const m of r.url.matchAll(/:([A-Za-z]+)/g)) if (!params.some((p) => p.name === m[1])) params.push({ name: m[1]!, in: 'path' });
      const body = op?.requestBody?.content?.['application/json']?.schema as Json | undefined;
      return { method: r.method, url: r.url, params, bodyProps: body ? Object.keys(body.properties ?? {}) : null, body, query };
    });
  });

  /** One hostile request for a route: each path parameter real or odd, odd query values, an odd body. */
  function requestFor(spec: RouteSpec): fc.Arbitrary<{ url: string; payload?: unknown; raw?: string }> {
    const pathValue = (name: string) =>
      fc.oneof(
        { weight: 2, arbitrary: oddString.map(enc) },
        { weight: 1, arbitrary: fc.constantFrom(...(real[name] ?? ['x'])).map(enc) },
        // Not encoded at all: broken percent-escapes and slashes as they come.
        { weight: 1, arbitrary: fc.constantFrom('%zz', '%E0%A4%A', '..%2F..%2F', '%00', '%2e%2e', 'a%20b') },
      );
    const pathParams = spec.params.filter((p) => p.in === 'path');
    const queryNames = [...spec.params.filter((p) => p.in === 'query').map((p) => p.name), 'limit', 'cursor', 'extra'];
    const queryValue = (name: string) =>
      fc.oneof(oddString, fc.constantFrom(...NUMBERS).map(String), fromSchema(spec.query[name]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')));
    const query = fc.array(fc.constantFrom(...queryNames).chain((k) => fc.tuple(fc.constant(k), queryValue(k))), { maxLength: 5 });
    const star = fc.oneof(oddString.map(enc), fc.constantFrom('a/b/c', '0/000.p/1', 'tile/8/x', '%zz/..', 'index.html', 'assets/../../package.json'));
    const objectBody = spec.bodyProps
      ? fc.dictionary(fc.oneof(fc.constantFrom(...(spec.bodyProps.length ? spec.bodyProps : ['x'])), oddString), oddValue, { maxKeys: 6 })
      : fc.constant(undefined);
    const seed = valid[`${spec.method} ${spec.url}`];
    const mutant = seed === undefined ? [] : [{ weight: 8, arbitrary: fc.tuple(fc.nat(), fc.oneof(oddValue, fromSchema({ type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$', maxLength: 32 }))).map(([at, v]) => mutate(seed, at, v)) }];
    const body = fc.oneof(
      ...mutant,
      { weight: 6, arbitrary: spec.body ? fromSchema(spec.body) : objectBody },
      { weight: 3, arbitrary: objectBody },
      { weight: 2, arbitrary: oddValue },
      { weight: 1, arbitrary: fc.constant(deep(200)) },
    );
    const raw = fc.constantFrom('{', '{"a":', '[1,2', '\u0000', 'not json', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}');
    return fc
      .record({
        path: fc.tuple(...pathParams.map((p) => pathValue(p.name))),
        star,
        query,
        body,
        // Now and then a body that is not JSON at all.
        raw: fc.oneof({ weight: 1, arbitrary: raw }, { weight: 7, arbitrary: fc.constant(null) }),
      })
      .map(({ path, star: s, query: q, body: b, raw: r }) => {
        let i = 0;
        const url = spec.url.replace(/:([A-Za-z]+)|\*/g, (m) => (m === '*' ? s : path[i++]!));
        const qs = q.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
        return { url: qs ? `${url}?${qs}` : url, ...(r !== null ? { raw: r } : { payload: b }) };
      });
  }

  it('answers every route below 500, whoever calls and whatever it is sent', async () => {
    const failures: string[] = [];
    let calls = 0;
    const statuses = new Map<number, number>();
    const spent: [string, number][] = [];
    for (const [n, spec] of specs.entries()) {
      const started = performance.now();
      const hasBody = !['GET', 'DELETE', 'HEAD'].includes(spec.method);
      const samples = fc.sample(requestFor(spec), { numRuns: RUNS, seed: SEED + n });
      for (const [k, req] of samples.entries()) {
        const caller = callers[k % callers.length]!;
        // Signing out would end the caller's session for the rest of the run.
        if (spec.url === '/api/v1/sessions/current' && spec.method === 'DELETE' && caller.headers.cookie) continue;
        const answer = app.inject({
          method: spec.method as 'GET',
          url: req.url,
          headers: { ...caller.headers, ...(hasBody && req.raw !== undefined ? { 'content-type': 'application/json' } : {}) },
          ...(hasBody ? (req.raw !== undefined ? { payload: req.raw } : req.payload !== undefined ? { payload: JSON.stringify(req.payload), headers: { ...caller.headers, 'content-type': 'application/json' } } : {}) : {}),
        });
        // A request that never answers is as bad as a 500: it holds a connection (or the database) forever.
        const res = await Promise.race([answer, new Promise<null>((r) => setTimeout(() => r(null), 20_000).unref())]);
        if (!res) {
          failures.push(`${spec.method} ${spec.url} as ${caller.label}: no answer within 20 s for ${req.url.slice(0, 300)} ${JSON.stringify(req.payload ?? req.raw ?? '').slice(0, 300)}`);
          break;
        }
        calls++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500) {
          const sent = req.raw ?? (req.payload === undefined ? '' : JSON.stringify(req.payload).slice(0, 300));
          failures.push(`${spec.method} ${spec.url} as ${caller.label}: ${res.statusCode} for ${req.url.slice(0, 300)} ${sent}`);
        } else if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json')) {
          // Refusals keep the one error shape.
          const body = res.json<Json>();
          if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string') failures.push(`${spec.method} ${spec.url}: error body ${res.body.slice(0, 200)}`);
        }
      }
      spent.push([`${spec.method} ${spec.url}`, performance.now() - started]);
    }
    expect(calls).toBeGreaterThan(specs.length * (RUNS - 1));
    if (process.env.ASSAY_FUZZ_STATS) {
      console.log([...statuses].sort((a, b) => a[0] - b[0]));
      // Where the run's time goes, slowest routes first.
      console.log(spent.sort((a, b) => b[1] - a[1]).slice(0, 15).map(([r, ms]) => `${Math.round(ms)} ms  ${r}`).join('\n'));
    }
    // Not all noise stops at the door or the validator: a good share reaches the services.
    const past = [...statuses].filter(([st]) => ![400, 401, 403, 415].includes(st)).reduce((n, [, c]) => n + c, 0);
    expect(past / calls).toBeGreaterThan(0.1);
    expect(failures).toEqual([]);
    // Every route (about 150) × RUNS requests × five callers: minutes on a busy 2-core machine, where
    // the answers, not the time, are what this test judges.
  }, 60_000 + RUNS * 30_000);
});
