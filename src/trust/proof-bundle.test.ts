import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { formatCheckpoint } from './checkpoint.ts';
import { cosignatureSigner, cosignatureVerifier } from './cosignature.ts';
import { inclusionProof, leafHash, rootFromLeafHashes } from './merkle.ts';
import { addSignatures, ed25519Signer, ed25519Verifier, signNote } from './note.ts';
import {
  ProofFormatError,
  TLOG_PROOF_HEADER,
  formatProof,
  parseProof,
  verifyProofBundle,
  type TlogProof,
} from './proof-bundle.ts';

const sha = (s: string): Buffer => createHash('sha256').update(s).digest();

describe('format', () => {
  // Expected texts follow the examples of the tlog-proof format (header, optional extra, index,
  // hashes, blank line, checkpoint).
  const h1 = sha('hash1');
  const h2 = sha('hash2');

  test('without extra data', () => {
    const text = formatProof({ index: 5, hashes: [h1, h2], checkpointNote: 'test checkpoint\n' }).toString(
      'utf8',
    );
    expect(text).toBe(
      `c2sp.org/tlog-proof@v1\nindex 5\n${h1.toString('base64')}\n${h2.toString('base64')}\n\ntest checkpoint\n`,
    );
  });

  test('with extra data', () => {
    const extra = Buffer.from('extra information');
    const text = formatProof({
      extraData: extra,
      index: 10,
      hashes: [h1],
      checkpointNote: 'checkpoint data\n',
    }).toString();
    expect(text).toBe(
      `c2sp.org/tlog-proof@v1\nextra ${extra.toString('base64')}\nindex 10\n${h1.toString('base64')}\n\ncheckpoint data\n`,
    );
    expect(parseProof(text)).toEqual({
      extraData: extra,
      index: 10,
      hashes: [h1],
      checkpointNote: Buffer.from('checkpoint data\n'),
    });
  });

  test('with no hashes; empty extra data is omitted', () => {
    const text = formatProof({
      extraData: Buffer.alloc(0),
      index: 0,
      hashes: [],
      checkpointNote: 'checkpoint\n',
    }).toString();
    expect(text).toBe('c2sp.org/tlog-proof@v1\nindex 0\n\ncheckpoint\n');
    expect(parseProof(text)).toEqual({ index: 0, hashes: [], checkpointNote: Buffer.from('checkpoint\n') });
  });

  test('parses the spec example (its elided signatures are the checkpoint note’s business)', () => {
    const example = [
      'c2sp.org/tlog-proof@v1',
      'extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ',
      'index 73894',
      'gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=',
      'B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=',
      'EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=',
      'RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=',
      'AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=',
      '',
      'example.com/fancylog',
      '109482',
      'sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=',
      '',
      '\u2014 example.com/fancylog hI2DJw[...]1roloI=',
      '',
    ].join('\n');
    const p = parseProof(example);
    expect(p.index).toBe(73894);
    expect(p.hashes).toHaveLength(5);
    expect(p.extraData!.toString('latin1').startsWith('age-v1.2.1-darwin-arm64.tar.gz')).toBe(true);
    expect(p.checkpointNote.toString().startsWith('example.com/fancylog\n109482\n')).toBe(true);
    expect(formatProof(p).toString()).toBe(example);
  });

  test.each([
    ['missing header', 'wrong-header\nindex 0\n\ncheckpoint\n'],
    ['header with trailing space', 'c2sp.org/tlog-proof@v1 \nindex 0\n\ncheckpoint\n'],
    ['invalid extra', 'c2sp.org/tlog-proof@v1\nextra !!notbase64!!\nindex 0\n\ncheckpoint\n'],
    ['empty extra', 'c2sp.org/tlog-proof@v1\nextra \nindex 0\n\ncheckpoint\n'],
    ['missing index', 'c2sp.org/tlog-proof@v1\n\n\ncheckpoint\n'],
    ['index not a number', 'c2sp.org/tlog-proof@v1\nindex notanumber\n\ncheckpoint\n'],
    ['negative index', 'c2sp.org/tlog-proof@v1\nindex -5\n\ncheckpoint\n'],
    ['leading zero index', 'c2sp.org/tlog-proof@v1\nindex 05\n\ncheckpoint\n'],
    ['extra after index', `c2sp.org/tlog-proof@v1\nindex 0\nextra AAAA\n\ncheckpoint\n`],
    ['hash not base64', 'c2sp.org/tlog-proof@v1\nindex 0\n!!notbase64!!\n\ncheckpoint\n'],
    [
      'hash of wrong length',
      `c2sp.org/tlog-proof@v1\nindex 0\n${Buffer.alloc(64).toString('base64')}\n\ncheckpoint\n`,
    ],
    ['no blank line', `c2sp.org/tlog-proof@v1\nindex 0\n${sha('x').toString('base64')}\n`],
    ['no checkpoint', 'c2sp.org/tlog-proof@v1\nindex 0\n\n'],
    ['truncated', 'c2sp.org/tlog-proof@v1\nind'],
    ['empty', ''],
  ])('rejects %s', (_name, text) => {
    expect(() => parseProof(text)).toThrow(ProofFormatError);
  });
});

describe('verifyProofBundle', () => {
  const ORIGIN = 'assay.example/log';
  const logKey = generateKeyPairSync('ed25519');
  const logSigner = ed25519Signer(ORIGIN, logKey.privateKey);
  const logVerifier = ed25519Verifier(ORIGIN, logKey.publicKey);
  const wKey = generateKeyPairSync('ed25519');
  const witnessVerifier = cosignatureVerifier('witness.example/w1', wKey.publicKey);

  const entries = Array.from({ length: 37 }, (_, i) => Buffer.from(`{"certificate":${i}}`));
  const leaves = entries.map(leafHash);
  const root = rootFromLeafHashes(leaves);
  const body = formatCheckpoint({ origin: ORIGIN, size: leaves.length, rootHash: root, extensions: [] });
  const checkpointNote = addSignatures(signNote(body, [logSigner]), [
    cosignatureSigner('witness.example/w1', wKey.privateKey, 1700000000),
  ]);
  const policy = {
    origin: ORIGIN,
    logVerifiers: [logVerifier],
    witnessVerifiers: [witnessVerifier],
    witnessQuorum: 1,
  };

  const INDEX = 13;
  const proof: TlogProof = {
    extraData: Buffer.from('coa-id:42'),
    index: INDEX,
    hashes: inclusionProof(leaves, INDEX),
    checkpointNote,
  };
  const text = formatProof(proof);

  test('round trip and successful verification', () => {
    expect(text.toString().startsWith(`${TLOG_PROOF_HEADER}\nextra `)).toBe(true);
    expect(parseProof(text)).toEqual(proof);
    const res = verifyProofBundle(text, leaves[INDEX]!, policy);
    expect(res.ok).toBe(true);
    if (res.ok) {
      expect(res.index).toBe(INDEX);
      expect(res.checkpoint.size).toBe(37);
      expect(res.checkpoint.rootHash.equals(root)).toBe(true);
      expect(res.witnessSignatures.map((s) => s.name)).toEqual(['witness.example/w1']);
      expect(res.extraData?.toString()).toBe('coa-id:42');
    }
    // Parsed objects are accepted too, and every leaf of the tree verifies.
    for (let i = 0; i < leaves.length; i++) {
      const p = { index: i, hashes: inclusionProof(leaves, i), checkpointNote };
      expect(verifyProofBundle(formatProof(p), leaves[i]!, policy).ok, `leaf ${i}`).toBe(true);
    }
  });

  test('truncated proof: a hash missing → proof_length; text cut short → malformed_proof', () => {
    const short = formatProof({ ...proof, hashes: proof.hashes.slice(0, -1) });
    expect(verifyProofBundle(short, leaves[INDEX]!, policy)).toMatchObject({
      ok: false,
      reason: 'proof_length',
    });
    const cut = text.subarray(0, text.indexOf('\n\n'));
    expect(verifyProofBundle(cut, leaves[INDEX]!, policy)).toMatchObject({
      ok: false,
      reason: 'malformed_proof',
    });
    const cutNote = text.subarray(0, text.length - 10);
    expect(verifyProofBundle(cutNote, leaves[INDEX]!, policy)).toMatchObject({
      ok: false,
      reason: 'malformed_note',
    });
  });

  test('wrong index: inclusion_mismatch (same path length) or index_out_of_range', () => {
    const wrong = formatProof({ ...proof, index: INDEX + 1 });
    expect(verifyProofBundle(wrong, leaves[INDEX]!, policy)).toMatchObject({
      ok: false,
      reason: 'inclusion_mismatch',
    });
    expect(verifyProofBundle(wrong, leaves[INDEX + 1]!, policy)).toMatchObject({
      ok: false,
      reason: 'inclusion_mismatch',
    });
    const beyond = formatProof({ ...proof, index: 37 });
    expect(verifyProofBundle(beyond, leaves[INDEX]!, policy)).toMatchObject({
      ok: false,
      reason: 'index_out_of_range',
    });
    // Index 36 is the lone right-edge leaf: its path is shorter.
    const edge = formatProof({ ...proof, index: 36 });
    expect(verifyProofBundle(edge, leaves[INDEX]!, policy)).toMatchObject({
      ok: false,
      reason: 'proof_length',
    });
  });

  test('wrong leaf or corrupted proof hash: inclusion_mismatch', () => {
    expect(verifyProofBundle(text, leaves[INDEX + 1]!, policy)).toMatchObject({
      ok: false,
      reason: 'inclusion_mismatch',
    });
    const hashes = proof.hashes.map((h) => Buffer.from(h));
    hashes[2]![7] = hashes[2]![7]! ^ 0x10;
    expect(verifyProofBundle(formatProof({ ...proof, hashes }), leaves[INDEX]!, policy)).toMatchObject({
      ok: false,
      reason: 'inclusion_mismatch',
    });
    expect(verifyProofBundle(text, leaves[INDEX]!.subarray(1), policy)).toMatchObject({
      ok: false,
      reason: 'invalid_leaf_hash',
    });
    expect(verifyProofBundle({ ...proof, index: -1 }, leaves[INDEX]!, policy)).toMatchObject({
      ok: false,
      reason: 'malformed_proof',
    });
    const shortHash = [...proof.hashes.slice(0, -1), proof.hashes[5]!.subarray(0, 31)];
    expect(verifyProofBundle({ ...proof, hashes: shortHash }, leaves[INDEX]!, policy)).toMatchObject({
      ok: false,
      reason: 'inclusion_mismatch',
    });
  });

  test('checkpoint from another origin: origin_mismatch', () => {
    const other = generateKeyPairSync('ed25519');
    const otherBody = formatCheckpoint({
      origin: 'other.example/log',
      size: leaves.length,
      rootHash: root,
      extensions: [],
    });
    const otherNote = signNote(otherBody, [ed25519Signer('other.example/log', other.privateKey)]);
    const res = verifyProofBundle(
      formatProof({ ...proof, checkpointNote: otherNote }),
      leaves[INDEX]!,
      policy,
    );
    expect(res).toMatchObject({ ok: false, reason: 'origin_mismatch' });
  });

  test('right origin but not signed by the log key: no_log_signature; altered checkpoint: invalid_signature', () => {
    const rogue = generateKeyPairSync('ed25519');
    const rogueNote = signNote(body, [ed25519Signer(ORIGIN, rogue.privateKey)]);
    expect(
      verifyProofBundle(formatProof({ ...proof, checkpointNote: rogueNote }), leaves[INDEX]!, policy),
    ).toMatchObject({
      ok: false,
      reason: 'no_log_signature',
    });
    const altered = Buffer.from(checkpointNote.toString().replace('\n37\n', '\n38\n'));
    expect(
      verifyProofBundle(formatProof({ ...proof, checkpointNote: altered }), leaves[INDEX]!, policy),
    ).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
  });

  test('witness policy: missing cosignature fails the quorum', () => {
    const logOnly = signNote(body, [logSigner]);
    const res = verifyProofBundle(formatProof({ ...proof, checkpointNote: logOnly }), leaves[INDEX]!, policy);
    expect(res).toMatchObject({ ok: false, reason: 'witness_quorum' });
    expect(
      verifyProofBundle(formatProof({ ...proof, checkpointNote: logOnly }), leaves[INDEX]!, {
        ...policy,
        witnessQuorum: 0,
      }).ok,
    ).toBe(true);
  });
});
