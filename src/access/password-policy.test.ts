import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, passwordProblem } from './password-policy.ts';

const code = (password: string, opts?: Parameters<typeof passwordProblem>[1]) => passwordProblem(password, opts)?.code ?? null;

describe('password policy (NIST SP 800-63B)', () => {
  it('asks only for length: no composition rules, any characters, counted as people count them', () => {
    expect(code('short pass')).toBe('password_too_short');
    expect(code('lowercase words only here')).toBeNull();
    expect(code('我家門前有小河後面有山坡')).toBeNull(); // 12 characters (code points), not 12 UTF-16 units by accident
    expect(code('我家門前有小河後面有山')).toBe('password_too_short');
    expect(code('😀🐉🍜🎋🏯🌏🍵🎑🀄🎴🧧🪭')).toBeNull(); // 12 emoji are 24 UTF-16 units but 12 characters
  });

  it('refuses common and breached passwords of any case, with or without spaces', () => {
    for (const p of ['1qaz2wsx3edc', 'QWERTY123456', 'Qwerty 123456', 'justinbieber', 'Administrator']) expect(code(p), p).toBe('password_common');
    expect(passwordProblem('1qaz2wsx3edc')?.message).toBe('is on a list of common and breached passwords');
  });

  it('refuses the published demo password except while the demo world is seeded', () => {
    expect(code(DEMO_PASSWORD)).toBe('password_published');
    expect(code(DEMO_PASSWORD.toUpperCase())).toBe('password_published');
    expect(code(DEMO_PASSWORD, { allowDemo: true })).toBeNull();
  });

  it('refuses repeated and sequential patterns', () => {
    for (const p of ['aaaaaaaaaaaa', 'abcabcabcabc', '121212121212', 'abcdefghijklm', '1234567890123', '987654321098', 'zyxwvutsrqpo', 'a.a.a.a.a.a.a.a.a'])
      expect(code(p), p).toBe('password_repetitive');
    expect(code('!@#$%^&*()ab')).toBeNull();
  });

  it('refuses little more than the email or the name of the service', () => {
    expect(code('maria.lopez2024', { email: 'maria.lopez@fjord.example' })).toBe('password_context');
    expect(code('Lopez!Lopez!2024', { email: 'maria.lopez@fjord.example' })).toBe('password_context');
    expect(code('fjord-2026-fjord', { email: 'maria.lopez@fjord.example' })).toBe('password_context');
    expect(code('Assay2026!!!!')).toBe('password_context');
    expect(code('maria rides the fjord ferry', { email: 'maria.lopez@fjord.example' })).toBeNull();
    expect(code('maria.lopez2024')).toBeNull(); // without the email, nothing ties it to her
  });
});
