// What other modules may read of certificates beyond certificates/access.ts (which decides who reads
// one in full): CBAM's importer export reads the issued certificates of the brands it covers.
export { exportCertificates, type ExportCertificateRow } from './repo.ts';
