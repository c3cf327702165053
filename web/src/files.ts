// Files travel to the sustainability API as base64 inside JSON (evidence files, the CBAM Excel form).

/** The bytes of a file as base64 (without the data-URL prefix). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** A plain date (YYYY-MM-DD) some days from today, in UTC like the server's business dates. */
export function isoDateFromToday(days: number, now: Date = new Date()): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
