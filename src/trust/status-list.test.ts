import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  STATUS_LIST_MIN_ENTRIES,
  StatusListError,
  buildStatusListCredential,
  decodeList,
  emptyBitstring,
  encodeList,
  getBit,
  setBit,
} from './status-list.ts';
import { VC_CONTEXT_V2 } from './vc.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof StatusListError ? e.code : `not a StatusListError: ${String(e)}`;
  }
  return undefined;
}

describe('bitstring', () => {
  it('has 131,072 entries (16 KiB) by default', () => {
    expect(STATUS_LIST_MIN_ENTRIES).toBe(131072);
    const bits = emptyBitstring(STATUS_LIST_MIN_ENTRIES);
    expect(bits.length).toBe(16384);
    expect(bits.every((b) => b === 0)).toBe(true);
    expect(emptyBitstring().length).toBe(16384);
  });

  it('refuses sizes below the minimum or not a multiple of 8', () => {
    expect(codeOf(() => emptyBitstring(131064))).toBe('invalid_size');
    expect(codeOf(() => emptyBitstring(131073))).toBe('invalid_size');
    expect(codeOf(() => emptyBitstring(1.5))).toBe('invalid_size');
  });

  it('sets and gets bits 0, 7, 8 and 131071', () => {
    const bits = emptyBitstring();
    for (const i of [0, 7, 8, 131071]) {
      expect(getBit(bits, i)).toBe(false);
      setBit(bits, i, true);
      expect(getBit(bits, i)).toBe(true);
    }
    expect(getBit(bits, 1)).toBe(false);
    expect(getBit(bits, 6)).toBe(false);
    expect(getBit(bits, 9)).toBe(false);
    expect(getBit(bits, 131070)).toBe(false);
    setBit(bits, 7, false);
    expect(getBit(bits, 7)).toBe(false);
    expect(getBit(bits, 0)).toBe(true);
  });

  it('index 0 is the most significant (left-most) bit of byte 0', () => {
    const bits = emptyBitstring();
    setBit(bits, 0, true);
    expect(bits[0]).toBe(0b1000_0000);
    setBit(bits, 7, true);
    expect(bits[0]).toBe(0b1000_0001);
    setBit(bits, 8, true);
    expect(bits[1]).toBe(0b1000_0000);
    setBit(bits, 131071, true);
    expect(bits[16383]).toBe(0b0000_0001);
    setBit(bits, 10, true);
    expect(bits[1]).toBe(0b1010_0000);
  });

  it('rejects out-of-range indices', () => {
    const bits = emptyBitstring();
    expect(codeOf(() => getBit(bits, -1))).toBe('invalid_index');
    expect(codeOf(() => getBit(bits, 131072))).toBe('invalid_index');
    expect(codeOf(() => setBit(bits, 0.5, true))).toBe('invalid_index');
    expect(codeOf(() => setBit(bits, Number.NaN, true))).toBe('invalid_index');
  });
});

describe('encodeList / decodeList', () => {
  it('round-trips; encoded form is "u" + base64url(gzip) of exactly 16,384 bytes', () => {
    const bits = emptyBitstring();
    for (const i of [0, 7, 8, 94567, 131071]) setBit(bits, i, true);
    const encoded = encodeList(bits);
    expect(encoded.startsWith('u')).toBe(true);
    expect(encoded.slice(1)).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, no padding
    // independent decode with node:zlib
    const raw = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(raw.length).toBe(16384);
    expect(raw[0]).toBe(0b1000_0001);
    expect(raw[1]).toBe(0b1000_0000);
    expect(raw[16383]).toBe(0b0000_0001);
    const decoded = decodeList(encoded);
    expect(Buffer.from(decoded).equals(Buffer.from(bits))).toBe(true);
    for (const i of [0, 7, 8, 94567, 131071]) expect(getBit(decoded, i)).toBe(true);
    expect(getBit(decoded, 1)).toBe(false);
  });

  it('is deterministic', () => {
    const bits = emptyBitstring();
    setBit(bits, 42, true);
    expect(encodeList(bits)).toBe(encodeList(Uint8Array.from(bits)));
  });

  it('decodes a list produced independently (gzip of hand-built bytes)', () => {
    const raw = Buffer.alloc(16384);
    raw[0] = 0x40; // index 1
    raw[2] = 0x01; // index 23
    const encoded = `u${gzipSync(raw).toString('base64url')}`;
    const bits = decodeList(encoded);
    expect(getBit(bits, 0)).toBe(false);
    expect(getBit(bits, 1)).toBe(true);
    expect(getBit(bits, 23)).toBe(true);
    expect(getBit(bits, 22)).toBe(false);
  });

  it('refuses a gzip bomb (100 MB of zeros)', () => {
    const bomb = gzipSync(Buffer.alloc(100 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const encoded = `u${bomb.toString('base64url')}`;
    expect(codeOf(() => decodeList(encoded))).toBe('too_large');
  });

  it('refuses malformed input', () => {
    const good = encodeList(emptyBitstring());
    expect(codeOf(() => decodeList(good.slice(1)))).toBe('malformed'); // no multibase prefix
    expect(codeOf(() => decodeList(`z${good.slice(1)}`))).toBe('malformed');
    expect(codeOf(() => decodeList('u'))).toBe('malformed');
    expect(
      codeOf(() => decodeList(`u${Buffer.from('not gzip at all, really not').toString('base64url')}`)),
    ).toBe('malformed');
    expect(codeOf(() => decodeList(`${good}=`))).toBe('malformed'); // padding
    expect(
      codeOf(() =>
        decodeList(`u${Buffer.from(good.slice(1), 'base64url').subarray(0, 40).toString('base64url')}`),
      ),
    ).toBe('malformed'); // truncated gzip
  });

  it('refuses a list shorter than 131,072 entries', () => {
    const small = `u${gzipSync(Buffer.alloc(1024)).toString('base64url')}`;
    expect(codeOf(() => decodeList(small))).toBe('too_short');
    expect(decodeList(small, { minEntries: 8192 }).length).toBe(1024);
  });

  it('property: random index sets round-trip through encode/decode', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: STATUS_LIST_MIN_ENTRIES - 1 }), { maxLength: 200 }),
        (indices) => {
          const bits = emptyBitstring();
          for (const i of indices) setBit(bits, i, true);
          const decoded = decodeList(encodeList(bits));
          const set = new Set(indices);
          for (const i of indices) if (!getBit(decoded, i)) return false;
          // count set bits equals number of indices, so no other bit is set
          let count = 0;
          for (const byte of decoded) for (let b = byte; b; b &= b - 1) count++;
          return count === set.size;
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('buildStatusListCredential', () => {
  it('builds a BitstringStatusListCredential', () => {
    const encodedList = encodeList(emptyBitstring());
    const vc = buildStatusListCredential({
      id: 'https://assay.example/status/1',
      issuer: 'did:web:assay.example',
      validFrom: '2025-03-01T00:00:00Z',
      encodedList,
      statusPurpose: 'revocation',
    });
    expect(vc).toEqual({
      '@context': [VC_CONTEXT_V2],
      id: 'https://assay.example/status/1',
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: 'did:web:assay.example',
      validFrom: '2025-03-01T00:00:00Z',
      credentialSubject: {
        id: 'https://assay.example/status/1#list',
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList,
      },
    });
  });

  it('rejects an encodedList without the multibase prefix', () => {
    expect(
      codeOf(() =>
        buildStatusListCredential({
          id: 'https://assay.example/status/1',
          issuer: 'did:web:assay.example',
          validFrom: '2025-03-01T00:00:00Z',
          encodedList: 'H4sIAAAA',
          statusPurpose: 'revocation',
        }),
      ),
    ).toBe('malformed');
  });
});
