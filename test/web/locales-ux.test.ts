import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { certificateSubjectOf } from '../../web/src/credential.ts';
import * as ux from '../../web/src/locales/ux.ts';

// The texts web/src/locales/ux.ts adds (public certificate page, credential contents, toasts, the
// server's rule codes) exist in all three languages with the same placeholders, every rule code the
// server sends has its words, and the upload page reads a credential's subject from the JWT itself.

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

const groups = {
  publicCert: [ux.publicCertEn, ux.publicCertZhHant, ux.publicCertZhHans],
  credentialContents: [ux.credentialContentsEn, ux.credentialContentsZhHant, ux.credentialContentsZhHans],
  toast: [ux.toastEn, ux.toastZhHant, ux.toastZhHans],
  rules: [ux.rulesEn, ux.rulesZhHant, ux.rulesZhHans],
} as const;

/** Rule codes the server sends in error.details beside the schema validator's (which have their own words). */
const SERVER_RULE_CODES: Record<string, string[]> = {
  'src/cbam/rules.ts': [
    'one_of',
    'not_date',
    'annual_needs_end',
    'end_before_start',
    'annual_too_long',
    'daily_one_day',
    'future_date',
    'daily_before_start',
    'not_country',
    'not_cn_code',
    'verifier_required',
    'methodology',
    'currency_required',
    'not_currency',
    'period_overlap',
  ],
  'src/sustainability/fields.ts': ['negative_number', 'not_decimal'],
  'src/sustainability/sourcing-rules.ts': [
    'future_date',
    'rfa_location_flags',
    'rfa_supplier_flags',
    'red_flag_explanation',
    'track_a_standard',
    'unknown_standard',
    'standard_not_recognised',
    'standard_metal',
    'track_b_auditor',
    'track_b_rfa',
    'track_c_rfa',
    'track_c_published',
    'track_d_declaration',
    'track_public',
  ],
  'src/sustainability/sourcing-service.ts': ['future_date'],
  'src/brands/service.ts': ['future_date', 'unknown_organisation', 'already_taken'],
  'src/warehouse/warrant-service.ts': ['unknown_organisation', 'is_you'],
  'src/pledges/pledge-service.ts': ['unknown_organisation', 'is_you'],
  'src/reports/service.ts': ['future_date'],
  'src/warehouse/receipt-service.ts': ['future_date', 'facility_withdrawn', 'facility_not_yet_approved'],
  'src/metals/service.ts': ['before_latest'],
  'src/metals/spec-validate.ts': ['invalid_date'],
};

describe('the texts of locales/ux.ts', () => {
  for (const [name, [en, hant, hans]] of Object.entries(groups)) {
    it(`${name}: the same keys and placeholders in English, 繁體中文 and 简体中文`, () => {
      for (const other of [hant, hans]) {
        expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
        for (const [k, v] of Object.entries(en)) {
          expect(placeholders((other as Record<string, string>)[k]!), `${name}.${k}`).toEqual(placeholders(v));
          expect((other as Record<string, string>)[k], `${name}.${k} is translated`).not.toBe(v);
        }
      }
    });
  }

  it('has words for every rule code the server sends, and each code is still sent where it is listed', () => {
    for (const [file, codes] of Object.entries(SERVER_RULE_CODES)) {
      const source = fs.readFileSync(file, 'utf8');
      for (const code of codes) {
        expect(source, `${file} sends ${code}`).toContain(`'${code}'`);
        expect(ux.rulesEn, code).toHaveProperty(code);
      }
    }
    // The values a message names come beside its code: before_latest names the date and the version.
    expect(placeholders(ux.rulesEn.before_latest)).toEqual(['date', 'version']);
    expect(fs.readFileSync('src/metals/service.ts', 'utf8')).toContain('params: { date: latest.effectiveFrom, version: latest.version }');
  });
});

describe('certificateSubjectOf', () => {
  const jwt = (payload: unknown) =>
    [{ alg: 'ES256', typ: 'vc+jwt' }, payload].map((x) => Buffer.from(JSON.stringify(x)).toString('base64url')).join('.') + '.c2ln';
  const subject = { id: 'urn:x', number: 'AS-0000000001', pcr: 'P-1', shape: 'cathodes', chemistry: { Ag: { value: '0.001', unit: '%' } }, netWeightKg: '25000.5' };

  it('reads the certificate content a credential signs, non-ASCII text included', () => {
    expect(certificateSubjectOf(jwt({ credentialSubject: subject }))).toEqual(subject);
    const named = { ...subject, laboratory: { name: '江西銅業實驗室' } };
    expect(certificateSubjectOf(` ${jwt({ credentialSubject: named })}\n`)).toEqual(named);
  });

  it('answers null for anything that is not a certificate credential', () => {
    expect(certificateSubjectOf(undefined)).toBeNull();
    expect(certificateSubjectOf('not a jwt')).toBeNull();
    expect(certificateSubjectOf('a.%%%.c')).toBeNull();
    expect(certificateSubjectOf(jwt({ credentialSubject: { number: 'W-1', holder: 'x' } }))).toBeNull();
    expect(certificateSubjectOf(jwt({ credentialSubject: { ...subject, chemistry: null } }))).toBeNull();
  });
});
