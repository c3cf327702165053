import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  EM_DASH,
  MAX_SIGNATURES,
  NoteError,
  addSignatures,
  decodeSignerKey,
  decodeVerifierKey,
  ed25519KeyStrings,
  ed25519RawPublicKey,
  ed25519Seed,
  ed25519Signer,
  ed25519Verifier,
  encodeSignerKey,
  encodeVerifierKey,
  formatNote,
  isValidKeyName,
  keyId,
  parseNote,
  parseSignatureLine,
  signNote,
  signatureLine,
  signerFromKey,
  verifierFromKey,
  verifyNote,
  type NoteVerifier,
} from './note.ts';

// c2sp.org/signed-note, "Verifier keys" § Example.
const SPEC_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const SPEC_NOTE =
  'This is an example message.\n\n' +
  `${EM_DASH} example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n`;

// c2sp.org/signed-note introduction example (no public key is published for it).
const QUASIMODO_NOTE =
  'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n\n' +
  `${EM_DASH} quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n`;

// The reference implementation's documented example (golang.org/x/mod/sumdb/note).
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const PETER_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG = `${EM_DASH} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
const ENOCH_SIG = `${EM_DASH} EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n`;

function freshKey(name: string): { signer: ReturnType<typeof ed25519Signer>; verifier: NoteVerifier } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { signer: ed25519Signer(name, privateKey), verifier: ed25519Verifier(name, publicKey) };
}

describe('spec and reference vectors', () => {
  test('signed-note spec example verifies; its vkey round-trips', () => {
    const k = decodeVerifierKey(SPEC_VKEY);
    expect(k.name).toBe('example.com/foo');
    expect(k.keyId.toString('hex')).toBe('530d903a');
    expect(k.sigType).toBe(1);
    expect(keyId('example.com/foo', k.publicKey).toString('hex')).toBe('530d903a');
    expect(encodeVerifierKey(k.name, k.publicKey)).toBe(SPEC_VKEY);
    const res = verifyNote(Buffer.from(SPEC_NOTE), [verifierFromKey(SPEC_VKEY)]);
    expect(res.ok).toBe(true);
    if (res.ok) {
      expect(res.text).toBe('This is an example message.\n');
      expect(res.verified.map((s) => s.name)).toEqual(['example.com/foo']);
    }
  });

  test('Go reference key pair: skey → vkey, deterministic signature byte for byte', () => {
    const sk = decodeSignerKey(PETER_SKEY);
    expect(sk.keyId.toString('hex')).toBe('c74f20a3');
    expect(encodeVerifierKey(sk.name, sk.publicKey)).toBe(PETER_VKEY);
    expect(encodeSignerKey(sk.name, sk.seed)).toBe(PETER_SKEY);
    expect(ed25519KeyStrings('PeterNeumann', sk.seed)).toEqual({ skey: PETER_SKEY, vkey: PETER_VKEY });
    const note = signNote(PETER_TEXT, [signerFromKey(PETER_SKEY)]);
    expect(note.toString('utf8')).toBe(`${PETER_TEXT}\n${PETER_SIG}`);
    const res = verifyNote(note, [verifierFromKey(PETER_VKEY)]);
    expect(res.ok && res.verified[0]!.keyId.toString('hex')).toBe('c74f20a3');
  });

  test('Go reference doubly-signed note: both verify; either alone verifies and ignores the other', () => {
    const msg = `${PETER_TEXT}\n${PETER_SIG}${ENOCH_SIG}`;
    const both = verifyNote(msg, [verifierFromKey(PETER_VKEY), verifierFromKey(ENOCH_VKEY)]);
    expect(both.ok && both.verified.map((s) => s.name)).toEqual(['PeterNeumann', 'EnochRoot']);
    const enochOnly = verifyNote(msg, [verifierFromKey(ENOCH_VKEY)]);
    expect(enochOnly.ok && enochOnly.unknown.map((s) => s.name)).toEqual(['PeterNeumann']);
  });

  test('quasimodo example: text keeps its inner blank line, split at the last blank line', () => {
    const n = parseNote(QUASIMODO_NOTE);
    expect(n.text).toBe(
      'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n',
    );
    expect(n.signatures).toHaveLength(1);
    expect(n.signatures[0]!.name).toBe('quasimodo.example/salvatore');
    expect(n.signatures[0]!.signature).toHaveLength(64);
    // Nobody we know signed it.
    const res = verifyNote(QUASIMODO_NOTE, [verifierFromKey(SPEC_VKEY)]);
    expect(res).toMatchObject({ ok: false, reason: 'no_verified_signature' });
  });
});

describe('sign / verify', () => {
  test('round trip with a fresh key, multi-line text with empty lines', () => {
    const { signer, verifier } = freshKey('assay.example/log');
    const text = 'line one\n\nline three — ünïcödé\n';
    const note = signNote(text, [signer]);
    const res = verifyNote(note, [verifier]);
    expect(res.ok && res.text).toBe(text);
  });

  test('tampering with any single byte of the text fails', () => {
    const { signer, verifier } = freshKey('assay.example/log');
    const text = 'assay.example/log\n42\nAAAA\n';
    const note = signNote(text, [signer]);
    for (let i = 0; i < Buffer.byteLength(text); i++) {
      const bad = Buffer.from(note);
      bad[i] = bad[i]! ^ 0x01;
      expect(verifyNote(bad, [verifier]).ok, `byte ${i}`).toBe(false);
    }
  });

  test('tampering with the signature fails', () => {
    const { signer, verifier } = freshKey('k');
    const parsed = parseNote(signNote('hello\n', [signer]));
    const sig = parsed.signatures[0]!;
    for (const i of [0, 31, 63]) {
      const s = Buffer.from(sig.signature);
      s[i] = s[i]! ^ 0x80;
      expect(verifyNote(formatNote('hello\n', [{ ...sig, signature: s }]), [verifier])).toMatchObject({
        ok: false,
        reason: 'invalid_signature',
      });
    }
    // Truncated signature bytes from a known key: invalid, not ignored.
    expect(
      verifyNote(formatNote('hello\n', [{ ...sig, signature: sig.signature.subarray(0, 63) }]), [verifier])
        .ok,
    ).toBe(false);
  });

  test('wrong key fails; same name with another key is an unknown signature', () => {
    const a = freshKey('log.example');
    const b = freshKey('log.example');
    const note = signNote('hi\n', [a.signer]);
    expect(verifyNote(note, [b.verifier])).toMatchObject({ ok: false, reason: 'no_verified_signature' });
    // A verifier claiming a's name and key ID but holding b's key: the signature must be checked and fails.
    const impostor: NoteVerifier = {
      name: a.verifier.name,
      keyId: a.verifier.keyId,
      verify: b.verifier.verify,
    };
    expect(verifyNote(note, [impostor])).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  test('signatures sharing only a name or only a key ID with a known key are ignored', () => {
    const known = freshKey('log.example');
    const good = parseNote(signNote('t\n', [known.signer])).signatures[0]!;
    const sameName = {
      name: 'log.example',
      keyId: Buffer.from('00000000', 'hex'),
      signature: Buffer.alloc(64, 7),
    };
    const sameId = { name: 'other.example', keyId: good.keyId, signature: Buffer.alloc(64, 7) };
    const res = verifyNote(formatNote('t\n', [sameName, good, sameId]), [known.verifier]);
    expect(res.ok && res.unknown.length).toBe(2);
  });

  test('a failing known signature rejects the note even if another known signature verifies', () => {
    const a = freshKey('a.example');
    const b = freshKey('b.example');
    const note = parseNote(signNote('x\n', [a.signer, b.signer]));
    const badB = { ...note.signatures[1]!, signature: Buffer.alloc(64, 1) };
    const res = verifyNote(formatNote('x\n', [note.signatures[0]!, badB]), [a.verifier, b.verifier]);
    expect(res).toMatchObject({ ok: false, reason: 'invalid_signature' });
    // Without b's verifier, the bad line is just unknown.
    expect(verifyNote(formatNote('x\n', [note.signatures[0]!, badB]), [a.verifier]).ok).toBe(true);
  });

  test('addSignatures appends a co-signature and keeps existing lines', () => {
    const a = freshKey('a.example');
    const b = freshKey('b.example');
    const note = addSignatures(signNote('x\n', [a.signer]), [b.signer]);
    const res = verifyNote(note, [a.verifier, b.verifier]);
    expect(res.ok && res.verified.map((s) => s.name)).toEqual(['a.example', 'b.example']);
  });

  test('duplicate verifiers are a configuration error', () => {
    const a = freshKey('a.example');
    expect(() => verifyNote(signNote('x\n', [a.signer]), [a.verifier, a.verifier])).toThrow(NoteError);
  });

  test('signing rejects invalid text and names', () => {
    const a = freshKey('a.example');
    expect(() => signNote('no newline', [a.signer])).toThrow(NoteError);
    expect(() => signNote('', [a.signer])).toThrow(NoteError);
    expect(() => signNote('tab\there\n', [a.signer])).toThrow(NoteError);
    expect(() => signNote('cr\r\n', [a.signer])).toThrow(NoteError);
    expect(() => signNote('x\n', [])).toThrow(NoteError);
    const { privateKey } = generateKeyPairSync('ed25519');
    for (const bad of ['', 'a b', 'a+b', 'a\u00a0b', 'a\u2003b', 'a\nb']) {
      expect(isValidKeyName(bad)).toBe(false);
      expect(() => ed25519Signer(bad, privateKey)).toThrow(NoteError);
    }
  });

  test('KeyObject helpers round-trip raw keys and seeds', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const seed = ed25519Seed(privateKey);
    expect(seed).toHaveLength(32);
    expect(ed25519RawPublicKey(privateKey).equals(ed25519RawPublicKey(publicKey))).toBe(true);
    const s1 = ed25519Signer('n', privateKey);
    const s2 = ed25519Signer('n', seed);
    expect(s1.sign(Buffer.from('m')).equals(s2.sign(Buffer.from('m')))).toBe(true);
  });
});

describe('malformed notes are rejected', () => {
  const { signer, verifier } = freshKey('log.example');
  const good = signNote('body\n', [signer]).toString('utf8');
  const sigLine = good.slice('body\n\n'.length);
  const b64 = sigLine.slice(`${EM_DASH} log.example `.length, -1);

  const cases: [string, string | Buffer][] = [
    ['no blank line before signatures', `body\n${sigLine}`],
    ['no signatures', 'body\n\n'],
    ['text only', 'body\n'],
    ['missing final newline', good.slice(0, -1)],
    ['hyphens instead of em dash', `body\n\n-- log.example ${b64}\n`],
    ['en dash', `body\n\n\u2013 log.example ${b64}\n`],
    ['no space after dash', `body\n\n${EM_DASH}log.example ${b64}\n`],
    ['two spaces before signature', `body\n\n${EM_DASH} log.example  ${b64}\n`],
    ['trailing space', `body\n\n${EM_DASH} log.example ${b64} \n`],
    ['empty key name', `body\n\n${EM_DASH}  ${b64}\n`],
    ['plus in key name', `body\n\n${EM_DASH} log+example ${b64}\n`],
    ['no signature after name', `body\n\n${EM_DASH} log.example\n`],
    ['bad base64', `body\n\n${EM_DASH} log.example ${b64.slice(1)}\n`],
    ['unpadded base64', `body\n\n${EM_DASH} log.example ${b64.replace(/=+$/, '')}\n`],
    ['signature shorter than 5 bytes', `body\n\n${EM_DASH} log.example AAAAAA==\n`],
    ['junk line after signatures', `${good}junk\n`],
    ['carriage return', good.replace('body\n', 'body\r\n')],
    ['tab', good.replace('body', 'bo\tdy')],
    ['NUL', good.replace('body', 'bo\0dy')],
    ['invalid UTF-8', Buffer.concat([Buffer.from('bo'), Buffer.of(0xff), Buffer.from(good.slice(2))])],
    ['overlong UTF-8', Buffer.concat([Buffer.from('bo'), Buffer.of(0xc0, 0xaf), Buffer.from(good.slice(2))])],
    ['too many signatures', `body\n\n${sigLine.repeat(MAX_SIGNATURES + 1)}`],
  ];

  test.each(cases)('%s', (_name, note) => {
    expect(() => parseNote(note)).toThrow(NoteError);
    expect(verifyNote(note, [verifier])).toMatchObject({ ok: false, reason: 'malformed_note' });
  });

  test('a blank line between signature lines moves the text boundary: the signature no longer matches', () => {
    const note = `${good}\n${sigLine}`;
    expect(parseNote(note).text).toBe(`body\n\n${sigLine}`);
    expect(verifyNote(note, [verifier])).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  test('the unmodified note is fine, and 16 signatures are accepted', () => {
    expect(verifyNote(good, [verifier]).ok).toBe(true);
    const sixteen = Array.from({ length: 16 }, (_, i) => freshKey(`w${i}.example`).signer);
    const note = signNote('body\n', [signer, ...sixteen]);
    expect(verifyNote(note, [verifier]).ok).toBe(true);
  });
});

describe('parseSignatureLine: exactly one line of the signed-note grammar', () => {
  const { signer } = freshKey('log.example');
  const line = signNote('body\n', [signer]).toString('utf8').slice('body\n\n'.length, -1);
  const b64 = line.slice(`${EM_DASH} log.example `.length);

  test('parses what parseNote parses from the same line, and signatureLine rebuilds it', () => {
    const sig = parseSignatureLine(line);
    expect(sig).toEqual(parseNote(`body\n\n${line}\n`).signatures[0]);
    expect(sig.keyId.equals(signer.keyId)).toBe(true);
    expect(signatureLine(sig)).toBe(`${line}\n`);
  });

  test.each([
    ['a second line before it', `${EM_DASH} other.example ${b64}\n${line}`, 'line break'],
    ['a second line after it', `${line}\n${line}`, 'line break'],
    ['a trailing newline', `${line}\n`, 'line break'],
    [
      'a newline inside the signature',
      `${EM_DASH} log.example ${b64.slice(0, 8)}\n${b64.slice(8)}`,
      'line break',
    ],
    ['a carriage return', `${line}\r`, 'control character'],
    ['a tab after the name', `${EM_DASH} log.example\t${b64}`, 'control character'],
    ['a lone surrogate in the name', `${EM_DASH} log\uD800 ${b64}`, 'not valid UTF-8'],
    ['hyphens instead of the em dash', `-- log.example ${b64}`, 'em dash'],
    ['no space after the em dash', `${EM_DASH}log.example ${b64}`, 'em dash'],
    ['no signature', `${EM_DASH} log.example`, 'no signature'],
    ['two spaces before the signature', `${EM_DASH} log.example  ${b64}`, 'canonical base64'],
    ['a plus in the name', `${EM_DASH} log+example ${b64}`, 'key name'],
    ['unpadded base64', `${EM_DASH} log.example ${b64.replace(/=+$/, '')}`, 'canonical base64'],
    ['fewer than 5 bytes', `${EM_DASH} log.example AAAAAA==`, 'too short'],
  ])('refuses %s', (_name, bad, why) => {
    expect(() => parseSignatureLine(bad)).toThrow(NoteError);
    expect(() => parseSignatureLine(bad)).toThrow(why);
  });
});

describe('verifier and signer key strings', () => {
  // Adapted from the reference implementation's key-mangling tests: every proper substring and
  // every single-byte change of a valid key must be rejected.
  test.each([
    ['vkey', PETER_VKEY, (k: string) => decodeVerifierKey(k)],
    ['skey', PETER_SKEY, (k: string) => decodeSignerKey(k)],
  ] as const)('%s manglings are rejected', (_kind, key, decode) => {
    expect(() => decode(key)).not.toThrow();
    const b = Buffer.from(key);
    for (let i = 0; i <= b.length; i++) {
      for (let j = i + 1; j <= b.length; j++) {
        if (i === 0 && j === b.length) continue;
        const k = b.subarray(i, j).toString('latin1');
        expect(() => decode(k), k).toThrow(NoteError);
      }
    }
    for (let i = 0; i < b.length; i++) {
      const c = Buffer.from(b);
      c[i] = c[i]! + 1;
      const k = c.toString('latin1');
      expect(() => decode(k), k).toThrow(NoteError);
    }
  });

  test('other malformed keys', () => {
    // wrong length key with adjusted key ID; unknown algorithm with adjusted key ID (reference tests)
    expect(() =>
      decodeVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=='),
    ).toThrow(NoteError);
    expect(() =>
      decodeVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'),
    ).toThrow(NoteError);
    expect(() => decodeVerifierKey(PETER_VKEY.replace('c74f20a3', 'C74F20A3'))).toThrow(NoteError);
    expect(() => verifierFromKey(PETER_VKEY.replace('+c74f20a3+', '+00000000+'))).toThrow(NoteError);
  });
});
