// The published JSON Schema (draft 2020-12) of a certificate credential's `credentialSubject`:
// `{ id: 'urn:assay:cast:…', ...CertificateContent }`. Served at `${publicUrl}/schemas/certificate-subject/v1.json`
// and named by every credential's `credentialSchema`. The Submission-derived fields are copied from
// SubmissionSchema (TypeBox schemas are JSON Schema; a JSON round trip drops TypeBox's symbols), so
// the published schema cannot drift from what the API accepts.
import { SUBJECT_SCHEMA_PATH } from './credential.ts';
import { SubmissionSchema } from './schemas.ts';
import { CountryCode, IsoDateTime, Uuid } from '../platform/schemas.ts';

export const CERTIFICATE_SUBJECT_SCHEMA_VERSION = 'v1';
export const JSON_SCHEMA_DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

type JsonObject = Record<string, unknown>;

/** A plain JSON copy (TypeBox's symbol-keyed metadata does not survive JSON.stringify). */
const plain = (schema: unknown): JsonObject => JSON.parse(JSON.stringify(schema)) as JsonObject;

const text = (maxLength: number): JsonObject => ({ type: 'string', minLength: 1, maxLength });

function closedObject(
  properties: Record<string, unknown>,
  required: string[] = Object.keys(properties),
): JsonObject {
  return { type: 'object', properties, required, additionalProperties: false };
}

function build(publicUrl: string): JsonObject {
  const submission = plain(SubmissionSchema) as {
    properties: Record<string, JsonObject>;
    required?: string[];
  };
  const { brand: brandRef, metal, ...fromSubmission } = submission.properties;
  if (!brandRef || !metal) throw new Error('SubmissionSchema no longer has brand and metal properties');
  const submissionRequired = (submission.required ?? []).filter((k) => k !== 'brand' && k !== 'metal');

  const properties: Record<string, unknown> = {
    id: {
      type: 'string',
      pattern: '^urn:assay:cast:[^:\\s]+:\\S+$',
      description: 'The production cast: urn:assay:cast:<brand code>:<URI-encoded PCR>',
    },
    schema: { const: 'assay.ecoa/1' },
    number: text(64),
    version: { type: 'integer', minimum: 1 },
    brand: closedObject({ id: plain(Uuid), code: text(64), name: text(200) }),
    producer: closedObject({ id: plain(Uuid), name: text(200) }),
    plant: closedObject({ name: text(200), country: plain(CountryCode) }),
    metal: { ...metal, description: 'LME contract code' },
    spec: {
      anyOf: [
        closedObject(
          {
            metal: { ...metal },
            version: { type: 'integer', minimum: 1 },
            qualityStandard: text(200),
            designation: { ...text(32), description: 'Alloy contracts: the registered designation the analysis meets, e.g. A380.1' },
          },
          ['metal', 'version', 'qualityStandard'],
        ),
        { type: 'null' },
      ],
      description: 'The contract specification the chemistry was checked against, if any (and, for an alloy, the designation it meets)',
    },
    issuedAt: plain(IsoDateTime),
    issuedBy: {
      ...closedObject(
        { name: text(200), userId: plain(Uuid), apiKey: closedObject({ id: plain(Uuid), name: text(200) }) },
        ['name'],
      ),
      description: 'The person who issued this version: the signed-in user, or the creator of the API key it came through',
    },
    ...fromSubmission,
  };
  const required = [
    'id',
    'schema',
    'number',
    'version',
    'brand',
    'producer',
    'plant',
    'metal',
    'spec',
    'issuedAt',
    ...submissionRequired,
  ];
  return {
    $schema: JSON_SCHEMA_DRAFT_2020_12,
    $id: `${publicUrl.replace(/\/+$/, '')}${SUBJECT_SCHEMA_PATH}`,
    title: 'Assay certificate of analysis: credential subject',
    description:
      'The credentialSubject of an Assay CertificateOfAnalysis verifiable credential (assay.ecoa/1). Weights are kg and chemistry values mass fractions, as decimal strings.',
    type: 'object',
    properties,
    required,
    additionalProperties: false,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const cache = new Map<string, object>();

/**
 * The credentialSubject schema with `$id` `${publicUrl}/schemas/certificate-subject/v1.json`. The
 * result is deeply frozen and memoised per publicUrl, so callers (and the verifier's compiled
 * validator cache, keyed on the object) can call this freely.
 */
export function certificateSubjectSchema(publicUrl: string): object {
  const key = publicUrl.replace(/\/+$/, '');
  let schema = cache.get(key);
  if (!schema) {
    schema = deepFreeze(build(key));
    cache.set(key, schema);
  }
  return schema;
}
