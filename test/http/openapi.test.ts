import fs from 'node:fs';
import { expect, it } from 'vitest';
import { openApiText } from '../../src/app/openapi.ts';

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
