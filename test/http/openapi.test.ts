import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApiText } from '../../src/app/openapi.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { testApp } from '../factories.ts';

it('docs/openapi.json is the current generated spec (run `npm run openapi` after changing routes)', async () => {
  const generated = await openApiText();
  const committed = fs.readFileSync('docs/openapi.json', 'utf8');
  expect(JSON.parse(committed)).toEqual(JSON.parse(generated));
  const doc = JSON.parse(generated);
  expect(doc.openapi).toBe('3.1.0');
  // Every documented operation states its permission.
  for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, { 'x-permission'?: string }>>)) {
    for (const [method, op] of Object.entries(ops)) expect(op['x-permission'], `${method} ${p}`).toBeTruthy();
  }
});

// The docs UI is served by @fastify/swagger-ui through its own @fastify/static (whose
// content-disposition is pinned to a Node-20 release in package.json `overrides`).
describeEngines('docs UI at /docs', (db) => {
  let app: App;
  beforeAll(async () => {
    app = (await testApp(db())).app;
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves the page, its scripts and the spec it loads', async () => {
    const redirect = await app.inject({ method: 'GET', url: '/docs/static/index.html' });
    expect(redirect.statusCode).toBe(302);
    const page = await app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('swagger-ui');
    const js = await app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.body.length).toBeGreaterThan(100_000);
    const init = await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(init.statusCode).toBe(200);
    const spec = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(spec.statusCode).toBe(200);
    expect(spec.json().openapi).toBe('3.1.0');
    // A path outside the UI's files is not served.
    for (const url of ['/docs/static/..%2f..%2f..%2fpackage.json', '/docs/static/%2e%2e/%2e%2e/%2e%2e/package.json']) {
      expect((await app.inject({ method: 'GET', url })).body).not.toContain('"allowScripts"');
    }
  });
});
