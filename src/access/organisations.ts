// What other modules may read of organisations, without a caller's permission check: the caller
// (a service) has already decided the reader may know. Writes go through access/service.ts.
export { getOrganisation as findOrganisation, listOrganisations as findOrganisations, type Organisation } from './repo.ts';
