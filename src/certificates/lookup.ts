// What other modules may read of certificates (CBAM's carbon record of a certificate and its
// importer export), without a caller's permission check: the caller (a service) decides what its
// reader may see, with canReadFull for the full certificate.
export { exportCertificates, getCertificate as findCertificate, type CertificateRow, type ExportCertificateRow } from './repo.ts';
export { canReadFull } from './views.ts';
