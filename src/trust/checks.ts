// The names and shape of a verifier's checks: shared by the verifier (verify.ts) and the log
// checks it runs (verify-log.ts), so neither imports the other for them.

export type CheckName =
  | 'format'
  | 'signature'
  | 'issuer'
  | 'key_validity'
  | 'schema'
  | 'status'
  | 'log_inclusion'
  | 'witnesses'
  | 'current';

export const CHECK_NAMES: readonly CheckName[] = [
  'format',
  'signature',
  'issuer',
  'key_validity',
  'schema',
  'status',
  'log_inclusion',
  'witnesses',
  'current',
];

export interface Check {
  name: CheckName;
  status: 'pass' | 'fail' | 'skip';
  /** Plain English, specific. */
  reason: string;
}
