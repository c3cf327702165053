// What other modules may read of contract specifications, and the start-up load of the reference file.
export { listSpecs, loadReferenceSpecs, readReferenceSpecs } from './repo.ts';
