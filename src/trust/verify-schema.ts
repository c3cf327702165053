// JSON Schema (draft 2020-12) validation of a credentialSubject for the verifier: one compiled
// validator per schema object, and short, path-first descriptions of what failed.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const compiled = new WeakMap<object, ValidateFunction>();

/**
 * The compiled validator for `schema` (cached per schema object; each schema gets its own Ajv
 * instance so two schemas sharing an `$id` never clash). Throws when the schema does not compile.
 */
export function compileSubjectSchema(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

function unescapePointer(seg: string): string {
  return seg.replace(/~1/g, '/').replace(/~0/g, '~');
}

function errorPath(root: string, e: ErrorObject): string {
  const segs = e.instancePath.split('/').filter(Boolean).map(unescapePointer);
  const params = e.params as { missingProperty?: string; additionalProperty?: string };
  if (e.keyword === 'required' && params.missingProperty) segs.push(params.missingProperty);
  if (e.keyword === 'additionalProperties' && params.additionalProperty) segs.push(params.additionalProperty);
  return [root, ...segs].join('.');
}

function errorMessage(e: ErrorObject): string {
  switch (e.keyword) {
    case 'required':
      return 'is required but missing';
    case 'additionalProperties':
      return 'is not allowed by the schema';
    case 'anyOf':
    case 'oneOf':
      return 'is not one of the allowed forms';
    case 'const': {
      const allowed = (e.params as { allowedValue?: unknown }).allowedValue;
      return `must be ${JSON.stringify(allowed)}`;
    }
    default:
      return e.message ?? `fails ${e.keyword}`;
  }
}

/**
 * Describes up to `max` distinct validation errors as `path: problem`, joined with "; ", plus a
 * count of the rest. Branch mismatches of an `anyOf` (each `const` / `type` that did not match) are
 * folded into the `anyOf` error at the same place.
 */
export function describeSchemaErrors(
  errors: readonly ErrorObject[],
  root = 'credentialSubject',
  max = 3,
): string {
  const anyOfAt = new Set(
    errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath),
  );
  const shallowBranch = (e: ErrorObject): boolean =>
    anyOfAt.has(e.instancePath) && /\/(?:anyOf|oneOf)\/\d+\/(?:const|type|enum)$/.test(e.schemaPath);
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const e of errors) {
    if (shallowBranch(e)) continue;
    const line = `${errorPath(root, e)}: ${errorMessage(e)}`;
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  if (lines.length === 0) return 'does not match the schema';
  const shown = lines.slice(0, max).join('; ');
  return lines.length > max ? `${shown}; and ${lines.length - max} more` : shown;
}
