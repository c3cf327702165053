// What other modules may read of certificates: the current certificate of casts (brand + PCR), for
// a warehouse reconciling what arrived against the register.
export { castsOf, statusesOf, type CastRow } from './repo.ts';
