/** Types for eager-js.mjs (plain Node ESM, also run by check-extension.mjs without tsx). */
export const SIDE_PANEL_EAGER_BUDGET: number;
export interface EagerFile {
  /** Path inside the build root. */
  file: string;
  raw: number;
  gzip: number;
}
/** Eager JS of `html` (a file inside the build `root`): files, raw and gzipped bytes. */
export function eagerJs(root: string, html: string): { files: EagerFile[]; raw: number; gzip: number };
