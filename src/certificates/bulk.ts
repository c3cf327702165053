// The certificates module's bulk interface, for the import engine: reserve numbers, read what is
// registered for many brand + PCR pairs, and write many certificates, heads and versions at once.
export {
  certificateNumber,
  findExisting,
  insertCertificates,
  insertVersionLines,
  nextCertificateSeqs,
  updateHeads,
  versionLinePrefix,
  type ExistingCertificate,
  type StoredCredential,
  type HeadUpdate,
  type NewCertificateRow,
} from './repo.ts';
export { credentialFrameFor } from './service.ts';
