import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { SUBJECT_SCHEMA_PATH, certificateCredential } from './credential.ts';
import { sampleSubmission, seededRng } from './samples.ts';
import { SubmissionSchema } from './schemas.ts';
import { CERTIFICATE_SUBJECT_SCHEMA_VERSION, certificateSubjectSchema } from './subject-schema.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

type Schema = {
  $id: string;
  $schema: string;
  properties: Record<string, unknown>;
  required: string[];
  additionalProperties: boolean;
};

const subject = () => {
  const {
    brand: _b,
    metal: _m,
    ...rest
  } = sampleSubmission(
    'ZS',
    { code: 'ZINCO', shapes: ['slab'], country: 'NO' },
    'Z-1',
    '2025-01-15',
    seededRng(3),
  );
  const credential = certificateCredential({
    publicUrl: 'https://assay.example',
    certificateId: '0b5c2a52-8e0f-4c55-9a53-8f3f5b8e4a11',
    issuerDid: 'did:web:assay.example:orgs:x',
    content: {
      schema: 'assay.ecoa/1',
      number: 'ZINCO-2025-000001',
      version: 1,
      brand: { id: '6a1f3a0e-9b8c-4d2e-8f7a-1b2c3d4e5f60', code: 'ZINCO', name: 'Zinco' },
      producer: { id: '7b2f3a0e-9b8c-4d2e-8f7a-1b2c3d4e5f61', name: 'Zinco AS' },
      plant: { name: 'Odda', country: 'NO' },
      metal: 'ZS',
      spec: null,
      ...rest,
      issuedAt: '2025-01-16T08:00:00.000Z',
    },
    status: { listUrl: 'https://assay.example/status/x/revocation/1', index: 1 },
  });
  return credential.credentialSubject;
};

describe('certificateSubjectSchema', () => {
  test('$id is built from the public URL and matches what credentials declare', () => {
    const s = certificateSubjectSchema('https://assay.example/') as Schema;
    expect(CERTIFICATE_SUBJECT_SCHEMA_VERSION).toBe('v1');
    expect(s.$id).toBe('https://assay.example/schemas/certificate-subject/v1.json');
    expect(s.$id.endsWith(SUBJECT_SCHEMA_PATH)).toBe(true);
    expect(SUBJECT_SCHEMA_PATH).toContain(`/${CERTIFICATE_SUBJECT_SCHEMA_VERSION}.json`);
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.additionalProperties).toBe(false);
  });

  test('memoised per URL and deeply frozen', () => {
    const a = certificateSubjectSchema('https://assay.example');
    expect(certificateSubjectSchema('https://assay.example/')).toBe(a);
    expect(Object.isFrozen((a as Schema).properties.brand)).toBe(true);
    expect(certificateSubjectSchema('https://other.example')).not.toBe(a);
  });

  test('carries every Submission field but brand and metal, copied from SubmissionSchema', () => {
    const s = certificateSubjectSchema('https://assay.example') as Schema;
    const fromSubmission = Object.keys(SubmissionSchema.properties).filter(
      (k) => k !== 'brand' && k !== 'metal',
    );
    for (const k of fromSubmission) {
      expect(s.properties[k]).toEqual(
        JSON.parse(
          JSON.stringify(SubmissionSchema.properties[k as keyof typeof SubmissionSchema.properties]),
        ),
      );
    }
    const required = (SubmissionSchema.required as string[]).filter((k) => k !== 'brand' && k !== 'metal');
    expect(s.required).toEqual(
      expect.arrayContaining([
        ...required,
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
      ]),
    );
    expect(s.required).not.toContain('remarks');
    expect(s.required).not.toContain('dimensions');
    expect(Object.keys(s.properties).sort()).toEqual(
      [
        ...fromSubmission,
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
        'issuedBy',
      ].sort(),
    );
    expect(s.required).not.toContain('issuedBy');
  });

  test('compiles under Ajv 2020 (strict) and accepts a real subject, rejects deviations', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(certificateSubjectSchema('https://assay.example'));
    const ok = subject();
    expect(validate(ok), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...ok, spec: { metal: 'ZS', version: 2, qualityStandard: 'EN 1179 Z1' } })).toBe(true);
    expect(validate({ ...ok, extra: 1 })).toBe(false);
    expect(validate({ ...ok, schema: 'assay.ecoa/2' })).toBe(false);
    expect(validate({ ...ok, id: 'urn:other:1' })).toBe(false);
    expect(validate({ ...ok, brand: { ...(ok.brand as object), extra: true } })).toBe(false);
    expect(validate({ ...ok, issuedAt: 'yesterday' })).toBe(false);
    const { chemistry: _c, ...noChemistry } = ok;
    expect(validate(noChemistry)).toBe(false);
  });
});
