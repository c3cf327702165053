import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { CredentialProfile } from './credential-profile.ts';
import { didWebForOrg } from './did.ts';
import { generateEd25519, jwkThumbprint, privateKeyFromPkcs8, publicJwk } from './keystore.ts';
import type { TrustBundle } from './trust.ts';
import { buildCredential, signCredentialJwt } from './vc.ts';
import { verifyCredential } from './verify.ts';

// A credential type that is superseded rather than revoked carries no status list entry: the
// status check is skipped for it (and still fails for a type revoked through status lists).

const HOST = 'assay.example';

function profile(withdrawal?: CredentialProfile['withdrawal']): CredentialProfile {
  return {
    type: 'ExampleStatement',
    noun: 'statement',
    idForm: 'urn:example:<uuid>',
    parseId: (id) => (typeof id === 'string' && id.startsWith('urn:example:') ? { subjectId: id.slice(12), version: 1 } : null),
    subjectType: 'statement',
    logKinds: ['statement.made'],
    subjectSchema: (publicUrl) => ({ $id: `${publicUrl}/schemas/statement/v1.json`, type: 'object', required: ['says'] }),
    summarise: (s) => ({ says: s.says }),
    ...(withdrawal ? { withdrawal } : {}),
  };
}

async function statement() {
  const orgId = randomUUID();
  const did = didWebForOrg(HOST, orgId);
  const pair = generateEd25519();
  const kid = `${did}#${await jwkThumbprint(pair.publicKeyRaw)}`;
  const credential = buildCredential({ id: `urn:example:${randomUUID()}`, types: ['ExampleStatement'], issuer: did, validFrom: '2025-03-01T00:00:00.000Z', subject: { says: 'hello' } });
  const jwt = await signCredentialJwt(credential, { privateKey: privateKeyFromPkcs8(pair.privateKeyPkcs8), kid });
  const trust: TrustBundle = {
    format: 'assay-trust/1',
    exportedAt: '2025-04-01T00:00:00.000Z',
    registry: { did: `did:web:${HOST}`, publicUrl: `https://${HOST}` },
    log: { origin: `${HOST}/log`, verifierKey: 'unused' },
    witnesses: [],
    issuers: [{ kid, orgId, orgName: 'Example', did, publicKeyJwk: publicJwk(pair.publicKeyRaw, kid), validFrom: '2025-01-01T00:00:00.000Z', validUntil: null }],
    statusLists: [],
  };
  return { jwt, trust };
}

describe('status check by withdrawal', () => {
  test('a superseded-only type without a status entry verifies; the status check says why it is skipped', async () => {
    const { jwt, trust } = await statement();
    const r = verifyCredential({ jwt, trust, profiles: [profile('superseded')] });
    expect(r.checks.find((c) => c.name === 'status')).toMatchObject({ status: 'skip', reason: expect.stringContaining('a statement is not revoked through a status list') });
    expect(r.ok).toBe(true);
    expect(r.summary).toEqual({ says: 'hello' });
  });

  test('a status-list type without a status entry still fails', async () => {
    const { jwt, trust } = await statement();
    for (const p of [profile(), profile('status-list')]) {
      const r = verifyCredential({ jwt, trust, profiles: [p] });
      expect(r.checks.find((c) => c.name === 'status')).toMatchObject({ status: 'fail' });
      expect(r.ok).toBe(false);
    }
  });
});
