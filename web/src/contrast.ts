
// WCAG 2.2 AA asks 4.5:1 for text. Mantine's light theme draws coloured text (light badges, outline
// buttons, Text c="green", links) in shade 6 of each colour, which measures 2–3.6:1 on white or on the
// badge's tint (the green "issued" badge was ~2.3:1), and dims secondary text to gray 6 (3.3:1).
// This resolver keeps every colour's hue and picks, per colour, the lightest shade that reaches the
// target on the background it is drawn on, darkening shade 9 further when no shade does.

export const TARGET_CONTRAST = 4.7; // a little above 4.5, so anti-aliasing and rounding never fall below it

type Rgb = [number, number, number];
type Shades = readonly string[];

/** The part of Mantine's theme this reads (kept structural, so the server-side type check needs no DOM types). */
export interface ThemeColors {
  colors: Record<string, Shades>;
  primaryColor: string;
}

export function parseHex(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (c: Rgb): string => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance (WCAG 2.x). */
export function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/** `fg` at `alpha` over `bg` (Mantine's "light" backgrounds are a shade at 10 % over white). */
export const over = (fg: Rgb, alpha: number, bg: Rgb): Rgb => fg.map((v, i) => v * alpha + bg[i]! * (1 - alpha)) as Rgb;

const WHITE: Rgb = [255, 255, 255];

/** The lightest of shades 6–9 readable on every background, else shade 9 darkened until it is. */
export function readableOn(shades: Shades, backgrounds: Rgb[], from = 6): string {
  for (let i = from; i <= 9; i++) {
    const c = parseHex(shades[i]!);
    if (backgrounds.every((bg) => contrast(c, bg) >= TARGET_CONTRAST)) return shades[i]!;
  }
  let c = parseHex(shades[9]!);
  for (let k = 0; k < 40 && !backgrounds.every((bg) => contrast(c, bg) >= TARGET_CONTRAST); k++) c = c.map((v) => v * 0.93) as Rgb;
  return toHex(c);
}

const isHex = (s: string | undefined): s is string => typeof s === 'string' && /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(s);

/** A Mantine `cssVariablesResolver`: the light scheme's text, fill and link colours, each readable. */
export const accessibleColors = (theme: ThemeColors): { variables: Record<string, string>; light: Record<string, string>; dark: Record<string, string> } => {
  const light: Record<string, string> = {};
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (!shades.every(isHex)) continue;
    // The tint of a light badge or button: shade 6 at 10 % over white (Mantine's default, kept).
    const tint = over(parseHex(shades[6]!), 0.12, WHITE);
    const text = readableOn(shades, [WHITE, tint]);
    light[`--mantine-color-${name}-light-color`] = text;
    light[`--mantine-color-${name}-text`] = text;
    light[`--mantine-color-${name}-outline`] = text;
    // Filled buttons and badges carry white text: their fill must be dark enough for it.
    const fill = readableOn(shades, [WHITE]);
    light[`--mantine-color-${name}-filled`] = fill;
    light[`--mantine-color-${name}-filled-hover`] = readableOn(shades, [WHITE], Math.min(9, shades.indexOf(fill) + 1 || 9));
  }
  light['--mantine-color-dimmed'] = readableOn(theme.colors.gray!, [WHITE, parseHex(theme.colors.gray![0]!)]);
  light['--mantine-color-anchor'] = readableOn(theme.colors[theme.primaryColor]!, [WHITE]);
  light['--mantine-color-error'] = readableOn(theme.colors.red!, [WHITE]);
  light['--mantine-color-placeholder'] = readableOn(theme.colors.gray!, [WHITE], 5);
  return { variables: {}, light, dark: {} };
};
