// The web app's API types, generated from the OpenAPI document: docs/openapi.json →
// web/src/api-types.ts with openapi-typescript, then formatted with the project's Prettier
// settings so `npm run format` leaves the file alone. web/src/api.ts names the shapes the app uses
// (CertificateView, Page of …, ApiKey, …) as aliases of these types instead of retyping them.
//
//   npm run openapi       routes → docs/openapi.json → web/src/api-types.ts (after changing routes)
//   npm run openapi:web   docs/openapi.json → web/src/api-types.ts (e.g. after a merge)
//
// test/http/web-types.test.ts fails when the committed file is not what this produces.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OPENAPI_PATH = path.join(ROOT, 'docs/openapi.json');
export const WEB_TYPES_PATH = path.join(ROOT, 'web/src/api-types.ts');

const GENERATOR_VERSION = (
  createRequire(import.meta.url)('openapi-typescript/package.json') as { version: string }
).version;

const HEADER = `// GENERATED from docs/openapi.json by openapi-typescript ${GENERATOR_VERSION} (scripts/web-types.ts): do not edit.
// Regenerate with \`npm run openapi\` after changing routes, or \`npm run openapi:web\` when only
// docs/openapi.json changed (e.g. after a merge). test/http/web-types.test.ts fails when this is stale.

`;

/** The text of web/src/api-types.ts for an OpenAPI document (its JSON text). */
export async function webTypesText(openApiJson: string): Promise<string> {
  // Defaults otherwise: optional properties stay optional, `additionalProperties: true` becomes an
  // index signature of unknown, and request bodies keep fields with defaults optional.
  const ast = await openapiTS(openApiJson, { silent: true });
  const config = (await prettier.resolveConfig(WEB_TYPES_PATH)) ?? {};
  return prettier.format(HEADER + astToString(ast), { ...config, filepath: WEB_TYPES_PATH });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await webTypesText(fs.readFileSync(OPENAPI_PATH, 'utf8'));
  fs.writeFileSync(WEB_TYPES_PATH, text);
  console.log(`Wrote ${path.relative(ROOT, WEB_TYPES_PATH)} from ${path.relative(ROOT, OPENAPI_PATH)}`);
}
