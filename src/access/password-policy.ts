import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

// Which passwords people may choose, after NIST SP 800-63B §5.1.1.2: long enough, not known to
// attackers (a list of common and breached passwords, the demo password, a repeated or sequential
// pattern, little more than the person's email or the service's name), and no composition rules.
// Each refusal says why, with a code the web app translates.

export const MIN_PASSWORD_LENGTH = 12;

/** The published demo password (src/app/demo-world.ts), accepted only while seeding the demo world. */
export const DEMO_PASSWORD = 'assay-demo-2026';

export type PasswordProblemCode =
  | 'password_too_short'
  | 'password_common'
  | 'password_published'
  | 'password_repetitive'
  | 'password_context';

export interface PasswordProblem {
  code: PasswordProblemCode;
  /** Completes "The password …". */
  message: string;
}

const LIST = fileURLToPath(new URL('../../reference/common-passwords.txt', import.meta.url));
let common: Set<string> | undefined;

/** The common passwords (reference/common-passwords.txt), lower-cased, read on first use. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(LIST, 'utf8')
      .split('\n')
      .map((p) => p.trim().toLowerCase())
      .filter((p) => p.length >= MIN_PASSWORD_LENGTH),
  );
  return common;
}

/** A password that is a short unit repeated ("aaaaaaaaaaaa", "abcabcabcabc") or one straight run ("abcdefghijkl", "987654321098"). */
function isPattern(p: string): boolean {
  if (/^(.{1,4})\1+$/su.test(p)) return true;
  const cps = [...p].map((c) => c.codePointAt(0)!);
  // Digits wrap (…8, 9, 0, 1…), as people type them.
  const step = (a: number, b: number) => (a === 0x39 && b === 0x30 ? 1 : a === 0x30 && b === 0x39 ? -1 : b - a);
  const first = step(cps[0]!, cps[1]!);
  return Math.abs(first) === 1 && cps.every((c, i) => i === 0 || step(cps[i - 1]!, c) === first);
}

/** Words a guesser tries first for this person on this service, at least 3 letters long. */
function contextWords(email: string | undefined): string[] {
  const words = ['assay'];
  if (email) {
    const [local = '', domain = ''] = email.toLowerCase().split('@');
    words.push(local, ...local.split(/[^\p{L}\p{N}]+/u), domain.split('.')[0] ?? '');
  }
  return [...new Set(words)].filter((w) => w.length >= 3).sort((a, b) => b.length - a.length);
}

const letters = (s: string): string => s.replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Why this password may not be chosen, or null. Compared case-insensitively; `email` is the
 * account's; `allowDemo` only while the demo world is seeded.
 */
export function passwordProblem(password: string, opts: { email?: string; allowDemo?: boolean } = {}): PasswordProblem | null {
  const normalised = password.normalize('NFKC');
  // Characters as people count them (code points), not UTF-16 units.
  if ([...normalised].length < MIN_PASSWORD_LENGTH) {
    return { code: 'password_too_short', message: `must have at least ${MIN_PASSWORD_LENGTH} characters` };
  }
  const lower = normalised.toLowerCase();
  if (lower === DEMO_PASSWORD) {
    return opts.allowDemo ? null : { code: 'password_published', message: 'is the demo password, published with Assay' };
  }
  const list = commonPasswords();
  if (list.has(lower) || list.has(lower.replace(/\s+/g, ''))) {
    return { code: 'password_common', message: 'is on a list of common and breached passwords' };
  }
  const alnum = letters(lower);
  if (isPattern(lower) || (alnum.length >= 8 && isPattern(alnum))) {
    return { code: 'password_repetitive', message: 'is a repeated or sequential pattern' };
  }
  // Little more than the email's name or the service's: what is left without it is too short to matter.
  for (const word of contextWords(opts.email)) {
    if (lower.includes(word) && letters(lower.split(word).join('')).length < 6) {
      return { code: 'password_context', message: 'is too close to your email address or the name of this service' };
    }
  }
  return null;
}
