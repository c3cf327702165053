// Worker threads start as plain Node: register tsx (as bin/assay.mjs does), then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./signing-worker.ts');
