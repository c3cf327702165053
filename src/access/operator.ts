// What the operator's command line looks up directly (it acts on the database, with no caller):
// a user by email and an API key by its prefix, to unlock them.
export { findApiKeyByPrefix, findUserByEmail } from './repo.ts';
