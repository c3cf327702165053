import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { getOrganisation } from '../access/service.ts';
import { AppError } from '../platform/errors.ts';
import type { App } from '../platform/http.ts';

// The web app (web/, built by Vite into web/dist) is served by this same process: its files at
// their paths, and index.html for every client route (/v/…, /certificates/…, /sign-in, …) so a
// reload or a QR-code link lands in the app. Paths that belong to the API and the trust layer never
// fall back to the app: they keep their JSON 404s.

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Path prefixes that are never the web app's, even when nothing else answers them. */
export const NOT_SPA_PREFIXES = [
  '/api',
  '/log',
  '/docs',
  '/status',
  '/orgs',
  '/.well-known',
  '/schemas',
  '/openapi.json',
  '/healthz',
  '/readyz',
] as const;

const isReserved = (p: string): boolean => NOT_SPA_PREFIXES.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Assay — web app not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1b1e}
code{background:#f1f3f5;padding:.1rem .3rem;border-radius:4px}</style></head>
<body>
<h1>Assay is running, but its web app has not been built</h1>
<p>The API works: see <a href="/docs">/docs</a> and <a href="/openapi.json">/openapi.json</a>.</p>
<p>To build the web app, run <code>npm run build:web</code> in the project folder and restart the server
(<code>npm start</code> does this for you when the build is missing or older than <code>web/src</code>).</p>
</body>
</html>
`;

/** Whether a path is a file; a name the file system refuses (too long, say) is simply not one. */
function isFile(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

export interface WebOptions {
  /** The built app (default web/dist next to the sources). */
  distDir?: string;
}

export async function registerWebRoutes(app: App, ctx: AppContext, opts: WebOptions = {}): Promise<void> {
  const dist = path.resolve(opts.distDir ?? WEB_DIST);
  const built = fs.existsSync(path.join(dist, 'index.html'));
  if (built) {
    // Only reply.sendFile (with ETags, ranges and content types); the routes are ours, below, so
    // each one declares its permission like every other route.
    await app.register(fastifyStatic, { root: dist, serve: false });
  }

  const sendIndex = (reply: FastifyReply) =>
    built
      ? reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false })
      : reply.status(200).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);

  // Who is signed in, without a 401 for nobody: the web app asks this on every page.
  app.get(
    '/api/v1/sessions/current',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['access'],
        summary: 'The current session, if any (never 401): `{ signedIn: false }` for anonymous callers',
        response: {
          200: Type.Object({
            signedIn: Type.Boolean(),
            user: Type.Optional(
              Type.Object({ id: Type.String(), email: Type.String(), name: Type.String(), role: Type.String() }),
            ),
            apiKey: Type.Optional(Type.Object({ id: Type.String(), scopes: Type.Array(Type.String()) })),
            organisation: Type.Optional(Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() })),
          }),
        },
      },
    },
    async (req) => {
      const p = req.principal;
      if (p.type === 'anonymous') return { signedIn: false };
      const org = await getOrganisation(ctx, p, p.orgId);
      return {
        signedIn: true,
        ...(p.type === 'user' ? { user: { id: p.userId, email: p.email, name: p.name, role: p.role } } : {}),
        ...(p.type === 'api_key' ? { apiKey: { id: p.keyId, scopes: [...p.scopes] } } : {}),
        organisation: { id: org.id, name: org.name, kind: org.kind },
      };
    },
  );

  app.get('/', { config: { permission: 'public' }, schema: { hide: true } }, async (_req, reply) => sendIndex(reply));

  app.get('/*', { config: { permission: 'public' }, schema: { hide: true } }, async (req: FastifyRequest, reply) => {
    const urlPath = decodeURIComponent(req.url.split('?')[0]!);
    if (isReserved(urlPath)) {
      const err = new AppError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`);
      return reply.status(err.status).send(err.toBody());
    }
    if (!built) return sendIndex(reply);
    {
      const rel = urlPath.replace(/^\/+/, '');
      const file = path.resolve(dist, rel);
      if (rel && file.startsWith(dist + path.sep) && isFile(file)) {
        // Vite fingerprints everything under assets/, so those never change.
        const immutable = rel.startsWith('assets/');
        return reply
          .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
          .sendFile(rel, { cacheControl: false });
      }
    }
    // A missing file of the built app (it has an extension) is a 404; anything else is a client route.
    if (/\.[A-Za-z0-9]{1,8}$/.test(urlPath)) {
      const err = new AppError('not_found', `No file ${urlPath}`);
      return reply.status(err.status).send(err.toBody());
    }
    return sendIndex(reply);
  });
}
