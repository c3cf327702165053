import { describe, expect, test } from 'vitest';
import {
  CanonicalJsonError,
  canonicalBytes,
  canonicalJson,
  digestOf,
  sha256,
  sha256Hex,
} from './canonical.ts';

describe('canonicalBytes (RFC 8785)', () => {
  test('RFC 8785 §3.2.2 sample: numbers, string escaping, literals, key order', () => {
    const input = JSON.parse(String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`) as unknown;
    const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    expect(canonicalJson(input)).toBe(expected);
    expect(canonicalBytes(input).equals(Buffer.from(expected, 'utf8'))).toBe(true);
  });

  test('RFC 8785 §3.2.3 sample: properties sorted by UTF-16 code units', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // (Object.keys would list the integer-like key "1" first, so compare the text itself.)
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  test('nested objects sorted, no whitespace, -0 serialised as 0', () => {
    expect(canonicalJson({ b: [{ z: 1, a: -0 }], a: 'x' })).toBe('{"a":"x","b":[{"a":0,"z":1}]}');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(Object.create(null) as object)).toBe('{}');
  });

  test('equal data gives equal bytes regardless of insertion order', () => {
    expect(
      canonicalBytes({ a: 1, b: { c: 2, d: 3 } }).equals(canonicalBytes({ b: { d: 3, c: 2 }, a: 1 })),
    ).toBe(true);
  });

  test.each([
    ['undefined', undefined],
    ['undefined property', { a: 1, b: undefined }],
    ['undefined array element', [1, undefined]],
    ['NaN', { x: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['function', { f: () => 1 }],
    ['BigInt', { n: 10n }],
    ['symbol', Symbol('s')],
    ['Date', { d: new Date(0) }],
    ['Map', new Map()],
    ['Buffer', Buffer.from('x')],
    ['class instance', new (class Foo {})()],
    ['sparse array', Object.assign(new Array<number>(3), { 0: 1, 2: 3 })],
    ['lone high surrogate', 'a\ud800b'],
    ['lone low surrogate key', { '\udc00': 1 }],
    ['symbol key', { [Symbol('k')]: 1 }],
  ])('rejects %s', (_name, value) => {
    expect(() => canonicalBytes(value)).toThrow(CanonicalJsonError);
  });

  test('rejects cycles, reports the path', () => {
    const a: Record<string, unknown> = { x: [1] };
    (a.x as unknown[]).push(a);
    expect(() => canonicalBytes(a)).toThrow(/cyclic structure at \/x\/1/);
    expect(() => canonicalBytes({ items: [{ mass: Number.NaN }] })).toThrow(/\/items\/0\/mass/);
  });

  test('shared (non-cyclic) references are fine', () => {
    const shared = { v: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"v":1},"b":{"v":1}}');
  });
});

describe('sha256 helpers', () => {
  test('known answers', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256(Buffer.from('abc')).toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  test('digestOf is sha256 of the canonical bytes', () => {
    expect(digestOf({ b: 1, a: 2 })).toBe(`sha256:${sha256Hex('{"a":2,"b":1}')}`);
    expect(digestOf({ b: 1, a: 2 })).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('agrees with an independent RFC 8785 implementation', () => {
  test('canonicalJson equals the `canonicalize` package on random JSON values', async () => {
    const fc = (await import('fast-check')).default;
    const { createRequire } = await import('node:module');
    const reference = createRequire(import.meta.url)('canonicalize') as (v: unknown) => string;
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 500 },
    );
  });

  test('the fast path and the careful path agree on any Unicode text, quotes, escapes and deep nesting', async () => {
    const fc = (await import('fast-check')).default;
    const { createRequire } = await import('node:module');
    const reference = createRequire(import.meta.url)('canonicalize') as (v: unknown) => string;
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 6 }), (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 1000 },
    );
    let deep: unknown = 'leaf "quoted" \\ \u0007 \u2028';
    for (let i = 0; i < 1500; i++) deep = i % 2 ? [deep] : { k: deep };
    expect(canonicalJson(deep)).toBe(reference(deep));
  });

  test('data already in canonical key order (a parsed canonical document) takes JSON.stringify and gives the same text', async () => {
    const fc = (await import('fast-check')).default;
    const { createRequire } = await import('node:module');
    const reference = createRequire(import.meta.url)('canonicalize') as (v: unknown) => string;
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 6 }), (v) => {
        const sorted: unknown = JSON.parse(reference(v));
        expect(canonicalJson(sorted)).toBe(reference(v));
      }),
      { numRuns: 1000 },
    );
    // Engines list integer-like keys first, in numeric order: inserted in string order they still
    // come out as 1, 9, 10, which is not canonical; the general path sorts them.
    expect(canonicalJson({ '1': 'a', '10': 'b', '9': 'c' })).toBe('{"1":"a","10":"b","9":"c"}');
    expect(canonicalJson(JSON.parse('{"a":1,"b":{"c":[1,{"d":null}]}}'))).toBe('{"a":1,"b":{"c":[1,{"d":null}]}}');
  });

  test('members, members with one more key, and known subtexts give the same text as canonicalJson', async () => {
    const fc = (await import('fast-check')).default;
    const { canonicalMembers, joinMembers, canonicalJsonWith } = await import('./canonical.ts');
    const objects = fc.dictionary(fc.string({ unit: 'grapheme' }), fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 4 }));
    fc.assert(
      fc.property(objects, fc.string({ unit: 'grapheme' }), fc.jsonValue({ maxDepth: 2 }), (obj, key, value) => {
        const m = canonicalMembers(obj);
        expect(joinMembers(m)).toBe(canonicalJson(obj));
        if (!(key in obj)) expect(joinMembers(m, { key, value })).toBe(canonicalJson({ ...obj, [key]: value }));
        const outer = { inner: obj, list: [obj] };
        expect(canonicalJsonWith(outer, new Map([[obj, joinMembers(m)]]))).toBe(canonicalJson(outer));
      }),
      { numRuns: 500 },
    );
    expect(() => canonicalMembers({ bad: Number.NaN })).toThrow(/non-finite number NaN at \/bad/);
    expect(() => joinMembers(canonicalMembers({ id: 1 }), { key: 'id', value: 2 })).toThrow(/already present/);
  });
});
