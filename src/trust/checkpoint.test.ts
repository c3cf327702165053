import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  CheckpointError,
  formatCheckpoint,
  openCheckpoint,
  parseCheckpoint,
  type Checkpoint,
} from './checkpoint.ts';
import { cosignatureSigner, cosignatureVerifier } from './cosignature.ts';
import { EMPTY_ROOT } from './merkle.ts';
import {
  EM_DASH,
  addSignatures,
  ed25519Signer,
  ed25519Verifier,
  formatNote,
  parseNote,
  signNote,
} from './note.ts';

// c2sp.org/tlog-checkpoint example.
const SPEC_TEXT = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const SPEC_NOTE =
  `${SPEC_TEXT}\n${EM_DASH} example.com/behind-the-sofa ` +
  'Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n';

function key(name: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    name,
    privateKey,
    publicKey,
    signer: ed25519Signer(name, privateKey),
    verifier: ed25519Verifier(name, publicKey),
  };
}

describe('checkpoint body', () => {
  test('parses the spec example and formats it back byte for byte', () => {
    const cp = parseCheckpoint(SPEC_TEXT);
    expect(cp.origin).toBe('example.com/behind-the-sofa');
    expect(cp.size).toBe(20852163);
    expect(cp.rootHash.toString('base64')).toBe('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');
    expect(cp.extensions).toEqual([]);
    expect(formatCheckpoint(cp)).toBe(SPEC_TEXT);
    // The spec's signed example is a well-formed note whose text is this checkpoint.
    expect(parseCheckpoint(parseNote(SPEC_NOTE).text)).toEqual(cp);
  });

  test('empty tree and extension lines round-trip', () => {
    const empty: Checkpoint = { origin: 'assay.example/log', size: 0, rootHash: EMPTY_ROOT, extensions: [] };
    expect(formatCheckpoint(empty)).toBe(
      'assay.example/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n',
    );
    const ext = { ...empty, size: 9944, extensions: ['ext one', 'ext—two'] };
    expect(parseCheckpoint(formatCheckpoint(ext))).toEqual(ext);
  });

  const root = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=';
  test.each([
    ['missing final newline', `o\n1\n${root}`],
    ['only two lines', 'o\n1\n'],
    ['empty origin', `\n1\n${root}\n`],
    ['leading zero size', `o\n01\n${root}\n`],
    ['negative size', `o\n-1\n${root}\n`],
    ['plus sign size', `o\n+1\n${root}\n`],
    ['decimal point', `o\n1.0\n${root}\n`],
    ['hex size', `o\n0x10\n${root}\n`],
    ['space in size', `o\n 1\n${root}\n`],
    ['size beyond 2^53', `o\n18446744073709551615\n${root}\n`],
    ['short root', `o\n1\n${Buffer.alloc(31).toString('base64')}\n`],
    ['long root', `o\n1\n${Buffer.alloc(33).toString('base64')}\n`],
    ['unpadded root', `o\n1\n${root.slice(0, -1)}\n`],
    ['url-safe base64 root', `o\n1\n${root.replace('/', '_')}\n`],
    ['non-canonical base64 root', `o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n`],
    ['empty extension line', `o\n1\n${root}\n\n`],
    ['empty line before extension', `o\n1\n${root}\n\next\n`],
    ['CRLF', `o\r\n1\r\n${root}\r\n`],
  ])('rejects %s', (_name, text) => {
    expect(() => parseCheckpoint(text)).toThrow(CheckpointError);
  });

  test('formatting rejects bad origins, sizes, roots and extensions', () => {
    const ok: Checkpoint = { origin: 'o', size: 1, rootHash: EMPTY_ROOT, extensions: [] };
    expect(() => formatCheckpoint({ ...ok, origin: '' })).toThrow(CheckpointError);
    expect(() => formatCheckpoint({ ...ok, origin: 'a b' })).toThrow(CheckpointError);
    expect(() => formatCheckpoint({ ...ok, origin: 'a\nb' })).toThrow(CheckpointError);
    expect(() => formatCheckpoint({ ...ok, size: -1 })).toThrow(CheckpointError);
    expect(() => formatCheckpoint({ ...ok, size: 2 ** 53 })).toThrow(CheckpointError);
    expect(() => formatCheckpoint({ ...ok, rootHash: Buffer.alloc(31) })).toThrow(CheckpointError);
    expect(() => formatCheckpoint({ ...ok, extensions: [''] })).toThrow(CheckpointError);
    expect(() => formatCheckpoint({ ...ok, extensions: ['a\nb'] })).toThrow(CheckpointError);
  });
});

describe('openCheckpoint', () => {
  const log = key('assay.example/log');
  const other = key('other.example/log');
  const w1 = key('witness1.example');
  const w2 = key('witness2.example');
  const text = formatCheckpoint({
    origin: 'assay.example/log',
    size: 7,
    rootHash: Buffer.alloc(32, 9),
    extensions: [],
  });
  const signed = signNote(text, [log.signer]);
  const policy = { origin: 'assay.example/log', logVerifiers: [log.verifier] };

  test('accepts a log-signed checkpoint', () => {
    const res = openCheckpoint(signed, policy);
    expect(res.ok).toBe(true);
    if (res.ok) {
      expect(res.checkpoint.size).toBe(7);
      expect(res.logSignatures).toHaveLength(1);
    }
  });

  test('another log’s checkpoint: origin mismatch', () => {
    const foreign = signNote(
      formatCheckpoint({
        origin: 'other.example/log',
        size: 7,
        rootHash: Buffer.alloc(32, 9),
        extensions: [],
      }),
      [other.signer],
    );
    expect(openCheckpoint(foreign, policy)).toMatchObject({ ok: false, reason: 'origin_mismatch' });
  });

  test('right origin signed by the wrong key, or only by a witness: no log signature', () => {
    expect(openCheckpoint(signNote(text, [other.signer]), policy)).toMatchObject({
      ok: false,
      reason: 'no_log_signature',
    });
    const onlyWitness = signNote(text, [cosignatureSigner(w1.name, w1.privateKey, 1700000000)]);
    expect(
      openCheckpoint(onlyWitness, {
        ...policy,
        witnessVerifiers: [cosignatureVerifier(w1.name, w1.publicKey)],
      }),
    ).toMatchObject({ ok: false, reason: 'no_log_signature' });
  });

  test('tampered text: invalid signature; garbage: malformed', () => {
    const bad = Buffer.from(signed.toString('utf8').replace('\n7\n', '\n8\n'));
    expect(openCheckpoint(bad, policy)).toMatchObject({ ok: false, reason: 'invalid_signature' });
    expect(openCheckpoint('not a note', policy)).toMatchObject({ ok: false, reason: 'malformed_note' });
    const notCheckpoint = signNote('hello\n', [log.signer]);
    expect(openCheckpoint(notCheckpoint, policy)).toMatchObject({
      ok: false,
      reason: 'malformed_checkpoint',
    });
  });

  test('lines by keys the verifier does not know are ignored; a known key’s line must verify', () => {
    const witnessVerifiers = [cosignatureVerifier(w1.name, w1.publicKey)];
    const junk = (name: string, keyId: Buffer, bytes = 72) => ({
      name,
      keyId,
      signature: Buffer.alloc(bytes, 0x5a),
    });
    const logSig = parseNote(signed).signatures[0]!;
    const w1Sig = parseNote(addSignatures(signed, [cosignatureSigner(w1.name, w1.privateKey, 1700000000)]))
      .signatures[1]!;
    // C2SP signed-note: a key is its name AND key ID; sharing one of the two with a known key is unknown.
    const unknown = [
      junk('stranger.example', Buffer.from('01020304', 'hex')),
      junk(log.name, Buffer.from('00000000', 'hex'), 64),
      junk('stranger.example', log.verifier.keyId, 64),
      junk(w1.name, Buffer.from('ffffffff', 'hex')),
      junk('stranger.example', w1Sig.keyId),
    ];
    const extra = formatNote(text, [...unknown.slice(0, 2), logSig, ...unknown.slice(2), w1Sig]);
    const res = openCheckpoint(extra, { ...policy, witnessVerifiers, witnessQuorum: 1 });
    expect(res).toMatchObject({ ok: true, checkpoint: { size: 7 } });
    expect(res.ok && res.unknown).toHaveLength(5);
    expect(res.ok && res.logSignatures.map((s) => s.name)).toEqual([log.name]);
    expect(res.ok && res.witnessSignatures.map((s) => s.name)).toEqual([w1.name]);
    // Unknown lines never count towards a quorum, even under a witness's name.
    const onlyUnknown = formatNote(text, [logSig, ...unknown]);
    expect(openCheckpoint(onlyUnknown, { ...policy, witnessVerifiers, witnessQuorum: 1 })).toMatchObject({
      ok: false,
      reason: 'witness_quorum',
    });
    // The log's name and key ID with a bad signature: a known key, so the checkpoint is refused.
    const forgedLog = formatNote(text, [junk(log.name, log.verifier.keyId, 64), logSig, w1Sig]);
    expect(openCheckpoint(forgedLog, { ...policy, witnessVerifiers })).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
    // Likewise a known witness's name and key ID with a bad cosignature.
    const forgedWitness = formatNote(text, [logSig, junk(w1.name, w1Sig.keyId)]);
    expect(openCheckpoint(forgedWitness, { ...policy, witnessVerifiers })).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
    // And unknown lines never stand in for the log's own signature.
    expect(
      openCheckpoint(formatNote(text, [...unknown, w1Sig]), { ...policy, witnessVerifiers }),
    ).toMatchObject({
      ok: false,
      reason: 'no_log_signature',
    });
  });

  test('witness quorum', () => {
    const witnessVerifiers = [
      cosignatureVerifier(w1.name, w1.publicKey),
      cosignatureVerifier(w2.name, w2.publicKey),
    ];
    const one = addSignatures(signed, [cosignatureSigner(w1.name, w1.privateKey, 1700000000)]);
    expect(openCheckpoint(one, { ...policy, witnessVerifiers, witnessQuorum: 1 })).toMatchObject({
      ok: true,
    });
    expect(openCheckpoint(one, { ...policy, witnessVerifiers, witnessQuorum: 2 })).toMatchObject({
      ok: false,
      reason: 'witness_quorum',
    });
    const two = addSignatures(one, [cosignatureSigner(w2.name, w2.privateKey, 1700000001)]);
    const res = openCheckpoint(two, { ...policy, witnessVerifiers, witnessQuorum: 2 });
    expect(res.ok && res.witnessSignatures.map((s) => s.name)).toEqual([
      'witness1.example',
      'witness2.example',
    ]);
    // Unknown witnesses do not count.
    expect(
      openCheckpoint(two, { ...policy, witnessVerifiers: witnessVerifiers.slice(0, 1), witnessQuorum: 2 }),
    ).toMatchObject({
      ok: false,
      reason: 'witness_quorum',
    });
  });
});
