import fs from 'node:fs';
import { expect, it } from 'vitest';
import { OPENAPI_PATH, WEB_TYPES_PATH, webTypesText } from '../../scripts/web-types.ts';

// openapi.test.ts checks docs/openapi.json against the routes; this checks the web app's generated
// types against docs/openapi.json, so together they tie web/src/api.ts to what the server states.
it('web/src/api-types.ts is generated from the current docs/openapi.json (run `npm run openapi:web`)', async () => {
  const generated = (await webTypesText(fs.readFileSync(OPENAPI_PATH, 'utf8'))).split('\n');
  const committed = fs.readFileSync(WEB_TYPES_PATH, 'utf8').split('\n');
  // Name the first line that differs rather than diffing two 12,000-line texts.
  const at = generated.findIndex((line, i) => line !== committed[i]);
  const first =
    at === -1 && generated.length !== committed.length ? Math.min(generated.length, committed.length) : at;
  expect(
    first === -1 ? null : { line: first + 1, committed: committed[first], generated: generated[first] },
    'web/src/api-types.ts is stale: run `npm run openapi:web`',
  ).toBeNull();
});
