// What the kernel's verifier needs to know about one kind of signed record (a certificate, a
// warrant, a pledge …) to check its credential offline: its VC type, its id form, the log subject
// type and kinds that commit to it, its published subject schema and a short summary. Features
// describe their credentials with one of these and hand them to the verifier through the trust
// registry; the kernel itself knows none of them. Pure data and pure functions only.

export interface CredentialProfile {
  /** The VC type after VerifiableCredential, e.g. `CertificateOfAnalysis`. */
  type: string;
  /** What a person calls one, e.g. `certificate`. */
  noun: string;
  /** The form of its credential id, for messages, e.g. `urn:assay:certificate:<uuid>:v<n>`. */
  idForm: string;
  /** The id of the record and the version a credential id names, or null when it is not this type's id. */
  parseId(id: unknown): { subjectId: string; version: number } | null;
  /** The log subject type, and the entry kinds that commit to a credential of this type. */
  subjectType: string;
  logKinds: readonly string[];
  /**
   * How a credential of this type is withdrawn: `status-list` (the default) when it carries a
   * Bitstring Status List entry, and one without it fails the status check; `superseded` when the
   * record is never revoked in place but superseded by a later logged version or record (the online
   * `current` check says so), so it carries no status entry and the status check is skipped.
   */
  withdrawal?: 'status-list' | 'superseded';
  /** Those kinds in words, for messages, e.g. `an issuance or amendment`. */
  logKindsText?: string;
  /** The published JSON Schema of the credentialSubject, with `$id` under the registry's public URL. */
  subjectSchema(publicUrl: string): object;
  /** An authenticated summary of the subject for reports (only called once the signature verified). */
  summarise(subject: Record<string, unknown>, meta: ProfileMeta): Record<string, unknown>;
  /** One line for a person reading a report (the CLI prints it above the checks). */
  describe?(summary: Record<string, unknown>): string;
}

export interface ProfileMeta {
  subjectId: string;
  version: number;
  issuer: string;
  validFrom: string;
}

/** The profile whose type a credential's `type` array names, if any. */
export function profileFor(profiles: readonly CredentialProfile[], types: unknown): CredentialProfile | undefined {
  if (!Array.isArray(types) || !types.includes('VerifiableCredential')) return undefined;
  return profiles.find((p) => types.includes(p.type));
}
