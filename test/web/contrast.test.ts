import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessibleColors, contrast, over, parseHex, readableOn, TARGET_CONTRAST } from '../../web/src/contrast.ts';

// Mantine's own palette, read from the stylesheet the app ships (shades 0–9 of every colour).
const css = fs.readFileSync('node_modules/@mantine/core/styles.css', 'utf8');
const colors: Record<string, string[]> = {};
for (const m of css.matchAll(/--mantine-color-([a-z]+)-([0-9]): (#[0-9a-f]{6})/gi)) (colors[m[1]!] ??= [])[Number(m[2])] = m[3]!;
const DEFAULT_THEME = { colors, primaryColor: 'blue' };

// Vectors computed by hand from the WCAG 2.x formula (relative luminance, (L1 + 0.05) / (L2 + 0.05)).
describe('text contrast of the web theme', () => {
  it('measures the WCAG ratio', () => {
    expect(contrast(parseHex('#000'), parseHex('#fff'))).toBeCloseTo(21, 5);
    expect(contrast(parseHex('#fff'), parseHex('#fff'))).toBeCloseTo(1, 5);
    // #767676 is the well-known lightest grey at 4.5:1 on white (4.54).
    expect(contrast(parseHex('#767676'), parseHex('#ffffff'))).toBeCloseTo(4.54, 2);
    // Mantine's green 6 (#40c057) on white is 2.36:1 (L = 0.3948); on the badge's tint, ~2.3:1.
    expect(contrast(parseHex('#40c057'), parseHex('#ffffff'))).toBeCloseTo(2.36, 2);
    expect(over([0, 0, 0], 0.5, [255, 255, 255])).toEqual([127.5, 127.5, 127.5]);
  });

  it('picks, for every Mantine colour, text that reaches 4.5:1 on white and on its badge tint', () => {
    const vars = accessibleColors(DEFAULT_THEME).light;
    const white = parseHex('#ffffff');
    expect(Object.keys(colors).length).toBeGreaterThanOrEqual(14);
    for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
      const tint = over(parseHex(shades[6]!), 0.12, white);
      const text = parseHex(vars[`--mantine-color-${name}-light-color`]!);
      expect(contrast(text, white), name).toBeGreaterThanOrEqual(4.5);
      expect(contrast(text, tint), name).toBeGreaterThanOrEqual(4.5);
      expect(contrast(white, parseHex(vars[`--mantine-color-${name}-filled`]!)), name).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(parseHex(vars['--mantine-color-dimmed']!), white)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(parseHex(vars['--mantine-color-anchor']!), white)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps a shade that already reads and darkens past shade 9 when none does', () => {
    const blue = colors.blue!;
    expect(readableOn(blue, [parseHex('#ffffff')])).toBe(blue[8]); // #1971c2: 4.95:1; shade 7 is 4.0:1
    const yellow = colors.yellow!; // shade 9 #e67700 is only ~2.9:1 on white
    const darkened = readableOn(yellow, [parseHex('#ffffff')]);
    expect(yellow).not.toContain(darkened);
    expect(contrast(parseHex(darkened), parseHex('#ffffff'))).toBeGreaterThanOrEqual(TARGET_CONTRAST);
  });
});
