// What a certificate credential (vc+jwt) says, read in the browser from the credential itself: the
// payload's credentialSubject is the certificate's signed content. Only shown once the server's
// checks found the signature valid; this reads, it does not verify.

function base64UrlDecode(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(s.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** A certificate credential's subject: its signed content (api.ts CertificateContent; no import here, so the server's type check can test this without DOM types). */
export type CertificateSubject = { pcr: string; chemistry: Record<string, unknown> } & Record<string, unknown>;

/** The certificate content a compact JWS carries, or null when it is not a certificate credential. */
export function certificateSubjectOf(jwt: string | undefined): CertificateSubject | null {
  const payload = jwt?.trim().split('.')[1];
  if (!payload) return null;
  try {
    const vc = JSON.parse(base64UrlDecode(payload)) as { credentialSubject?: unknown; vc?: { credentialSubject?: unknown } };
    const s = (vc.credentialSubject ?? vc.vc?.credentialSubject) as Partial<CertificateSubject> | undefined;
    if (!s || typeof s !== 'object' || typeof s.pcr !== 'string' || !s.chemistry || typeof s.chemistry !== 'object') return null;
    return s as CertificateSubject;
  } catch {
    return null;
  }
}
