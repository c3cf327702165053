import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { formatCheckpoint } from './checkpoint.ts';
import {
  checkCosignatureLine,
  cosign,
  cosignatureKeyId,
  cosignatureMessage,
  cosignatureSigner,
  cosignatureTimestamp,
  cosignatureVerifier,
  cosignatureVerifierFromKey,
  encodeCosignatureVerifierKey,
  parseTimestampedSignature,
  servableCosignatureLines,
  verifyCosignature,
} from './cosignature.ts';
import {
  EM_DASH,
  addSignatures,
  decodeVerifierKey,
  ed25519RawPublicKey,
  ed25519Signer,
  ed25519Verifier,
  encodeVerifierKey,
  keyId,
  parseNote,
  signNote,
  verifierFromKey,
  verifyNote,
} from './note.ts';

// c2sp.org/tlog-cosignature example.
const SPEC_CHECKPOINT =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const SPEC_NOTE =
  `${SPEC_CHECKPOINT}\n` +
  `${EM_DASH} example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n` +
  `${EM_DASH} witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n`;

function witness(name: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { name, privateKey, publicKey };
}

describe('spec and interoperability vectors', () => {
  test('signed message layout matches the spec example exactly', () => {
    expect(cosignatureMessage(SPEC_CHECKPOINT, 1679315147).toString('utf8')).toBe(
      'cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
    );
  });

  test('the spec example cosignature line carries key ID ‖ u64 timestamp ‖ 64-byte signature', () => {
    const sig = parseNote(SPEC_NOTE).signatures[1]!;
    expect(sig.name).toBe('witness.example.com/w1');
    expect(sig.keyId.toString('hex')).toBe('8d66cf3f');
    expect(sig.signature).toHaveLength(72);
    // The timestamp in the example line is the one used in the spec's signed-message example.
    expect(cosignatureTimestamp(sig)).toBe(1679315147);
  });

  test('transparency-dev/formats vectors: type 0x04 vkey, 0x01 vkey, timestamp decoding', () => {
    const native = decodeVerifierKey('remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2');
    expect(native.sigType).toBe(0x04);
    expect(cosignatureKeyId(native.name, native.publicKey).toString('hex')).toBe('da77ade7');
    expect(encodeCosignatureVerifierKey(native.name, native.publicKey)).toBe(
      'remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2',
    );
    expect(
      cosignatureVerifierFromKey(
        'remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2',
      ).keyId.toString('hex'),
    ).toBe('da77ade7');
    // An Ed25519 note key (type 0x01) converted to a cosigner key gets a different key ID.
    const plain = decodeVerifierKey('TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6');
    expect(plain.sigType).toBe(0x01);
    expect(cosignatureVerifier('TEST', plain.publicKey).keyId.equals(plain.keyId)).toBe(false);
    expect(() =>
      cosignatureVerifierFromKey('TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6'),
    ).toThrow();
    expect(() =>
      verifierFromKey('remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2'),
    ).toThrow();
    // CoSigV1Timestamp test vectors: a cosignature and a plain Ed25519 note signature.
    const cosig = Buffer.from(
      'ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==',
      'base64',
    );
    expect(cosignatureTimestamp(cosig.subarray(4))).toBe(1727964367);
    const plainSig = Buffer.from(
      'eQjRQm6eSKzFoiYalgwCPXu2y3ijtg68is9M46JKxuZB+dRfTmeQeDBoXnvxZx2ugnkyV+MUMLXpWs1hPb/W/4xkNQY=',
      'base64',
    );
    expect(cosignatureTimestamp(plainSig.subarray(4))).toBeNull();
  });
});

describe('cosign / verify', () => {
  const w = witness('witness.example/w1');
  const body = formatCheckpoint({
    origin: 'assay.example/log',
    size: 12,
    rootHash: Buffer.alloc(32, 3),
    extensions: [],
  });

  test('key ID uses signature type 0x04', () => {
    const raw = ed25519RawPublicKey(w.publicKey);
    expect(cosignatureKeyId(w.name, w.publicKey).equals(keyId(w.name, raw, 0x04))).toBe(true);
    expect(cosignatureKeyId(w.name, w.publicKey).equals(keyId(w.name, raw, 0x01))).toBe(false);
    const vkey = encodeCosignatureVerifierKey(w.name, w.publicKey);
    expect(decodeVerifierKey(vkey)).toMatchObject({ name: w.name, sigType: 4 });
  });

  test('round trip; line is a valid note signature line', () => {
    const c = cosign(body, 1700000000, w);
    expect(c.signature).toHaveLength(72);
    expect(c.signature.readBigUInt64BE(0)).toBe(1700000000n);
    expect(c.line.startsWith(`${EM_DASH} witness.example/w1 `)).toBe(true);
    expect(verifyCosignature(body, c, w)).toEqual({ ok: true, timestamp: 1700000000 });
    expect(verifyCosignature(body, c.signature, w)).toEqual({ ok: true, timestamp: 1700000000 });
    // The line parses as part of a note.
    const parsed = parseNote(`${body}\n${c.line}`);
    expect(verifyCosignature(body, parsed.signatures[0]!, w).ok).toBe(true);
  });

  test('tampered body, timestamp or signature fail; wrong key fails', () => {
    const c = cosign(body, 1700000000, w);
    expect(verifyCosignature(body.replace('\n12\n', '\n13\n'), c, w)).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
    const ts = Buffer.from(c.signature);
    ts.writeBigUInt64BE(1700000001n);
    expect(verifyCosignature(body, ts, w)).toMatchObject({ ok: false, reason: 'bad_signature' });
    const sig = Buffer.from(c.signature);
    sig[40] = sig[40]! ^ 1;
    expect(verifyCosignature(body, sig, w)).toMatchObject({ ok: false, reason: 'bad_signature' });
    const other = witness('witness.example/w1');
    expect(verifyCosignature(body, c.signature, other)).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(verifyCosignature(body, c, other)).toMatchObject({ ok: false, reason: 'wrong_key' });
    expect(verifyCosignature(body, c.signature.subarray(0, 71), w)).toMatchObject({
      ok: false,
      reason: 'malformed_signature',
    });
  });

  test('a plain Ed25519 signature by the same key is not a cosignature, and vice versa', () => {
    const plain = ed25519Signer(w.name, w.privateKey).sign(Buffer.from(body));
    expect(verifyCosignature(body, Buffer.concat([Buffer.alloc(8), plain]), w).ok).toBe(false);
    const note = signNote(body, [cosignatureSigner(w.name, w.privateKey, 5)]);
    expect(verifyNote(note, [ed25519Verifier(w.name, w.publicKey)])).toMatchObject({
      ok: false,
      reason: 'no_verified_signature',
    });
    expect(verifyNote(note, [cosignatureVerifier(w.name, w.publicKey)]).ok).toBe(true);
  });

  test('extension lines are covered', () => {
    const withExt = formatCheckpoint({
      origin: 'assay.example/log',
      size: 12,
      rootHash: Buffer.alloc(32, 3),
      extensions: ['x'],
    });
    const c = cosign(withExt, 1, w);
    expect(verifyCosignature(withExt, c, w).ok).toBe(true);
    expect(verifyCosignature(body, c, w).ok).toBe(false);
  });

  test('a witness cosigns a log-signed checkpoint note', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const logSigner = ed25519Signer('assay.example/log', privateKey);
    const note = addSignatures(signNote(body, [logSigner]), [
      cosignatureSigner(w.name, w.privateKey, 1700000000),
    ]);
    const res = verifyNote(note, [
      ed25519Verifier('assay.example/log', publicKey),
      cosignatureVerifier(w.name, w.publicKey),
    ]);
    expect(res.ok && res.verified.map((s) => s.name)).toEqual(['assay.example/log', 'witness.example/w1']);
    expect(res.ok && cosignatureTimestamp(res.verified[1]!)).toBe(1700000000);
  });

  test('timestamps: zero ok, beyond 2^53 or 2^63 - 1 rejected; bodies must be checkpoints', () => {
    expect(verifyCosignature(body, cosign(body, 0, w), w)).toEqual({ ok: true, timestamp: 0 });
    const big = Buffer.from(cosign(body, 1, w).signature);
    big.writeBigUInt64BE(2n ** 63n);
    expect(parseTimestampedSignature(big)).toBeNull();
    big.writeBigUInt64BE(2n ** 53n);
    expect(parseTimestampedSignature(big)).toBeNull();
    expect(() => cosign(body, -1, w)).toThrow();
    expect(() => cosign(body, 1.5, w)).toThrow();
    expect(() => cosign('not a checkpoint\n', 1, w)).toThrow();
    expect(() => cosign(body, 1, { ...w, name: 'bad name' })).toThrow();
  });
});

describe('checkCosignatureLine: a line handed in by anyone', () => {
  const w = witness('witness.example/w1');
  const logKey = generateKeyPairSync('ed25519');
  const body = formatCheckpoint({
    origin: 'assay.example/log',
    size: 12,
    rootHash: Buffer.alloc(32, 3),
    extensions: [],
  });
  const logNote = signNote(body, [ed25519Signer('assay.example/log', logKey.privateKey)]).toString('utf8');
  const logLine = logNote.slice(body.length + 1, -1);
  const real = cosign(body, 1700000000, w).line.slice(0, -1);
  const b64 = real.slice(`${EM_DASH} ${w.name} `.length);
  const id = cosignatureKeyId(w.name, w.publicKey);
  const withSig = (bytes: Buffer) => `${EM_DASH} ${w.name} ${Buffer.concat([id, bytes]).toString('base64')}`;

  test('accepts the real line and returns it rebuilt, with its timestamp', () => {
    const res = checkCosignatureLine(body, real, w);
    expect(res).toMatchObject({ ok: true, cosignature: { name: w.name, timestamp: 1700000000 } });
    expect(res.ok && res.cosignature.line).toBe(`${real}\n`);
    expect(res.ok && res.cosignature.keyId.equals(id)).toBe(true);
  });

  test.each([
    ['a forged line before it', () => `${logLine}\n${real}`, 'malformed_line', 'holds 2 signature lines'],
    ['a copy of itself after it', () => `${real}\n${real}`, 'malformed_line', 'holds 2 signature lines'],
    ['a trailing newline', () => `${real}\n`, 'malformed_line', 'line break'],
    [
      'a newline inside the signature',
      () => `${EM_DASH} ${w.name} ${b64.slice(0, 10)}\n${b64.slice(10)}`,
      'malformed_line',
      'line break',
    ],
    ['a carriage return', () => `${real}\r`, 'malformed_line', 'control character'],
    ['hyphens for the em dash', () => `-- ${w.name} ${b64}`, 'malformed_line', 'em dash'],
    ['the log’s own line', () => logLine, 'wrong_witness', 'signed as "assay.example/log"'],
    [
      'another key under the witness’s name',
      () => cosign(body, 1700000000, witness(w.name)).line.slice(0, -1),
      'unknown_key',
      'is not witness.example/w1',
    ],
    [
      'the witness’s Ed25519 (0x01) key ID',
      () =>
        `${EM_DASH} ${w.name} ${Buffer.concat([keyId(w.name, ed25519RawPublicKey(w.publicKey), 0x01), Buffer.alloc(72)]).toString('base64')}`,
      'unknown_key',
      'cosignature/v1 key',
    ],
    ['71 signature bytes', () => withSig(Buffer.alloc(71, 1)), 'malformed_signature', 'is 71 bytes'],
    ['a 64-byte plain signature', () => withSig(Buffer.alloc(64, 1)), 'malformed_signature', 'exactly 72'],
    ['73 signature bytes', () => withSig(Buffer.alloc(73, 1)), 'malformed_signature', 'is 73 bytes'],
    [
      'a timestamp beyond 2^53',
      () => withSig(Buffer.alloc(72, 0xff)),
      'malformed_signature',
      'in the future',
    ],
    [
      'a changed timestamp',
      () => {
        const sig = Buffer.from(b64, 'base64').subarray(4);
        sig.writeBigUInt64BE(1700000001n);
        return withSig(sig);
      },
      'bad_signature',
      'does not verify',
    ],
  ] as const)('refuses %s', (_name, make, reason, detail) => {
    const res = checkCosignatureLine(body, make(), w);
    expect(res).toMatchObject({ ok: false, reason });
    expect(!res.ok && res.detail).toContain(detail);
  });

  test('a line for another checkpoint does not verify', () => {
    const other = body.replace('\n12\n', '\n13\n');
    expect(checkCosignatureLine(other, real, w)).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  test('servableCosignatureLines keeps only lines that check out under the witness’s current key', () => {
    const vkey = encodeCosignatureVerifierKey(w.name, w.publicKey);
    const w2 = witness('witness.example/w2');
    const real2 = cosign(body, 1700000005, w2).line.slice(0, -1);
    const vkey2 = encodeCosignatureVerifierKey(w2.name, w2.publicKey);
    expect(
      servableCosignatureLines(body, [
        { witness: w.name, verifierKey: vkey, line: real },
        { witness: w2.name, verifierKey: vkey2, line: real2 },
      ]),
    ).toEqual([real, real2]);
    expect(
      servableCosignatureLines(body, [
        // What the old endpoint stored: a forged log line riding in front of the real one.
        { witness: w.name, verifierKey: vkey, line: `${logLine}\n${real}` },
        // A line under a key the witness no longer has.
        { witness: w2.name, verifierKey: encodeCosignatureVerifierKey(w2.name, w.publicKey), line: real2 },
        // A row whose witness is not the name of the key it would be checked under.
        { witness: 'someone.else', verifierKey: vkey, line: real },
        // A log (0x01) key where a cosignature key belongs.
        {
          witness: w.name,
          verifierKey: encodeVerifierKey(w.name, ed25519RawPublicKey(w.publicKey)),
          line: real,
        },
        { witness: w.name, verifierKey: 'garbage', line: real },
      ]),
    ).toEqual([]);
  });
});
