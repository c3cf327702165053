// The audit trail's public interface: every module records its events through this.
export { recordEvent, recordEvents, type TrailEvent } from './repo.ts';
