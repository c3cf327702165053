import { describe, expect, it } from 'vitest';
import {
  CID_CONTEXT_V1,
  DID_CONTEXT_V1,
  DidError,
  buildDidDocument,
  buildJwks,
  didWebForHost,
  didWebForOrg,
  didWebToUrl,
  verificationMethodId,
} from './did.ts';
import { generateEd25519, jwkThumbprint } from './keystore.ts';

describe('did:web identifiers', () => {
  it('matches the did:web spec examples', () => {
    expect(didWebForHost('w3c-ccg.github.io')).toBe('did:web:w3c-ccg.github.io');
    expect(didWebForHost('example.com:3000')).toBe('did:web:example.com%3A3000');
    expect(didWebForHost('Example.COM')).toBe('did:web:example.com');
    expect(didWebToUrl('did:web:w3c-ccg.github.io')).toBe('https://w3c-ccg.github.io/.well-known/did.json');
    expect(didWebToUrl('did:web:w3c-ccg.github.io:user:alice')).toBe(
      'https://w3c-ccg.github.io/user/alice/did.json',
    );
    expect(didWebToUrl('did:web:example.com%3A3000')).toBe('https://example.com:3000/.well-known/did.json');
    expect(didWebToUrl('did:web:example.com%3A3000:user:alice')).toBe(
      'https://example.com:3000/user/alice/did.json',
    );
  });

  it('org DIDs resolve to /orgs/<id>/did.json', () => {
    const did = didWebForOrg('assay.example', 'acme-metals');
    expect(did).toBe('did:web:assay.example:orgs:acme-metals');
    expect(didWebToUrl(did)).toBe('https://assay.example/orgs/acme-metals/did.json');
    const local = didWebForOrg('localhost:8443', '0190c1a2-7b3e-7c1d-8e2f-3a4b5c6d7e8f');
    expect(local).toBe('did:web:localhost%3A8443:orgs:0190c1a2-7b3e-7c1d-8e2f-3a4b5c6d7e8f');
    expect(didWebToUrl(local)).toBe(
      'https://localhost:8443/orgs/0190c1a2-7b3e-7c1d-8e2f-3a4b5c6d7e8f/did.json',
    );
  });

  it('percent-encodes characters outside DID idchar in org ids', () => {
    expect(didWebForOrg('assay.example', 'a:b/c d')).toBe('did:web:assay.example:orgs:a%3Ab%2Fc%20d');
    expect(didWebForOrg('assay.example', 'é')).toBe('did:web:assay.example:orgs:%C3%A9');
    expect(() => didWebForOrg('assay.example', '')).toThrow(DidError);
    expect(() => didWebForOrg('assay.example', '..')).toThrow(DidError);
  });

  it('rejects hosts with schemes, paths, bad ports or bad labels', () => {
    for (const bad of [
      'https://example.com',
      'example.com/path',
      'example.com:0',
      'example.com:65536',
      'exa_mple.com',
      '-a.com',
      'a..b',
      '',
      'example.com:08',
    ]) {
      expect(() => didWebForHost(bad), bad).toThrow(DidError);
    }
    expect(() => didWebToUrl('did:key:z6Mk')).toThrow(DidError);
    expect(() => didWebToUrl('did:web:example.com#frag')).toThrow(DidError);
    expect(() => didWebToUrl('did:web:example.com::x')).toThrow(DidError);
  });
});

describe('DID document', () => {
  it('lists keys as JsonWebKey verification methods under assertionMethod and authentication', async () => {
    const did = didWebForOrg('assay.example', 'acme');
    const k1 = generateEd25519();
    const k2 = generateEd25519();
    const kid1 = await jwkThumbprint(k1.publicKeyRaw);
    const kid2 = await jwkThumbprint(k2.publicKeyRaw);
    const doc = buildDidDocument(did, [
      {
        kid: kid1,
        publicKeyRaw: k1.publicKeyRaw,
        validFrom: '2024-01-01T00:00:00Z',
        validUntil: '2025-01-01T00:00:00Z',
      },
      { kid: kid2, publicKeyRaw: k2.publicKeyRaw, validFrom: '2025-01-01T00:00:00Z' },
    ]);
    expect(doc['@context']).toEqual([DID_CONTEXT_V1, CID_CONTEXT_V1]);
    expect(doc.id).toBe(did);
    expect(doc.controller).toBe(did);
    expect(doc.verificationMethod).toEqual([
      {
        id: `${did}#${kid1}`,
        type: 'JsonWebKey',
        controller: did,
        publicKeyJwk: {
          kty: 'OKP',
          crv: 'Ed25519',
          x: k1.publicKeyRaw.toString('base64url'),
          kid: kid1,
          alg: 'EdDSA',
          use: 'sig',
        },
        expires: '2025-01-01T00:00:00Z',
      },
      {
        id: `${did}#${kid2}`,
        type: 'JsonWebKey',
        controller: did,
        publicKeyJwk: {
          kty: 'OKP',
          crv: 'Ed25519',
          x: k2.publicKeyRaw.toString('base64url'),
          kid: kid2,
          alg: 'EdDSA',
          use: 'sig',
        },
      },
    ]);
    expect(doc.assertionMethod).toEqual([`${did}#${kid1}`, `${did}#${kid2}`]);
    expect(doc.authentication).toEqual(doc.assertionMethod);
    expect(verificationMethodId(did, kid1)).toBe(`${did}#${kid1}`);
    // no private material
    expect(JSON.stringify(doc)).not.toContain('"d"');
  });

  it('rejects duplicate kids and invalid DIDs', () => {
    const k = generateEd25519();
    const key = { kid: 'k', publicKeyRaw: k.publicKeyRaw, validFrom: '2025-01-01T00:00:00Z' };
    expect(() => buildDidDocument('did:web:a.example', [key, key])).toThrow(DidError);
    expect(() => buildDidDocument('not-a-did', [key])).toThrow(DidError);
    expect(() => buildDidDocument('did:web:a.example#x', [key])).toThrow(DidError);
  });

  it('buildJwks returns a JWK Set', async () => {
    const k = generateEd25519();
    const kid = await jwkThumbprint(k.publicKeyRaw);
    expect(buildJwks([{ kid, publicKeyRaw: k.publicKeyRaw }])).toEqual({
      keys: [
        {
          kty: 'OKP',
          crv: 'Ed25519',
          x: k.publicKeyRaw.toString('base64url'),
          kid,
          alg: 'EdDSA',
          use: 'sig',
        },
      ],
    });
    expect(buildJwks([])).toEqual({ keys: [] });
  });
});
