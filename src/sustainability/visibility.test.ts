import { describe, expect, it } from 'vitest';
import { validityStatus } from './visibility.ts';

describe('validity', () => {
  it('expired items show as expired', () => {
    expect(validityStatus('2023-01-01', '2025-12-31', '2026-01-01')).toBe('expired');
    expect(validityStatus('2023-01-01', '2025-12-31', '2025-12-31')).toBe('valid');
    expect(validityStatus('2027-01-01', null, '2026-01-01')).toBe('not_yet_valid');
    expect(validityStatus(null, null, '2026-01-01')).toBeNull();
  });
});
