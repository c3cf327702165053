import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpServer, type App } from '../platform/http.ts';
import { ANONYMOUS } from '../access/principal.ts';
import type { AppContext } from '../app/context.ts';
import { registerWebRoutes } from './routes.ts';

// The web app's file serving over a built app of its own (no database: these routes need none).

let app: App;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-web-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
  app = createHttpServer({ logLevel: 'silent', bodyLimitBytes: 1024, authenticate: async () => ANONYMOUS });
  await registerWebRoutes(app, {} as AppContext, { distDir: dist });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

it('serves files, falls back to the app for client routes, and never fails on a name the file system refuses', async () => {
  expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
  expect((await app.inject({ method: 'GET', url: '/certificates/x' })).body).toContain('<div id="root">');
  // A path segment longer than a file name may be (found by test/http/fuzz.test.ts: it was a 500).
  const long = await app.inject({ method: 'GET', url: `/${'x'.repeat(300)}` });
  expect(long.statusCode).toBe(200);
  expect(long.body).toContain('<div id="root">');
  expect((await app.inject({ method: 'GET', url: `/assets/${'y'.repeat(300)}.js` })).statusCode).toBe(404);
  expect((await app.inject({ method: 'GET', url: '/../../etc/passwd' })).statusCode).not.toBe(500);
});
