/** utils/collect: the supervisor's intake of report PDFs (check, decide), shared by the inbox and the CLI. */
export { inspectReport, refuseBySize, MAX_REPORT_BYTES } from './inspect-report';
export type { Inspection, UntrustedIssuer } from './inspect-report';
export { decide } from './decide';
export type { Decision } from './decide';
export { MemoryCollection } from './memory-collection';
export type { IngestOutcome } from './memory-collection';
