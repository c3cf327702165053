// Independent check, outside the application: verify a VC-JWT with the `jose` library given only
// the issuer's published JWKS. Usage: node scripts/verify-with-jose.mjs <jwks.json> <credential.jwt>
import fs from 'node:fs';
import { compactVerify, createLocalJWKSet } from 'jose';

const [jwksFile, jwtFile] = process.argv.slice(2);
const jwks = JSON.parse(fs.readFileSync(jwksFile, 'utf8'));
const jwt = fs.readFileSync(jwtFile, 'utf8').trim();
try {
  const { payload, protectedHeader } = await compactVerify(jwt, createLocalJWKSet(jwks), { algorithms: ['EdDSA'] });
  const credential = JSON.parse(new TextDecoder().decode(payload));
  console.log(JSON.stringify({ verified: true, typ: protectedHeader.typ, kid: protectedHeader.kid, issuer: credential.issuer }));
} catch (e) {
  console.log(JSON.stringify({ verified: false, error: e.code ?? e.message }));
  process.exit(1);
}
