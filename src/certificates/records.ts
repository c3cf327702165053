// What certificate log entries commit to, beside the versions' own credentials and contents. Pure:
// the service writes them, the audit check recomputes them.

/** What a revocation log entry commits to; the audit recomputes it from the certificate row. */
export const revocationRecord = (certificateId: string, version: number, reason: string) => ({
  certificateId,
  status: 'revoked',
  version,
  reason,
});
