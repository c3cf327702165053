// What other modules may read of certificates beyond certificates/access.ts (which decides who reads
// one in full): CBAM's importer export reads the issued certificates of the brands it covers; a
// warehouse reconciling what arrived reads the current certificate of each cast (brand + PCR) and
// the status of the certificates on its warrants.
export { castsOf, exportCertificates, statusesOf, type CastRow, type ExportCertificateRow } from './repo.ts';
