/** Types for ensure-system-deps.mjs (plain Node ESM, no build step). */
export const DEBIAN_CHROMIUM: '/usr/lib/chromium/chromium';
export function findCommand(cmd: string): string | undefined;
/** Real Chromium binary: /usr/lib/chromium/chromium when present, else `chromium` on PATH (falls back to the Debian path). */
export function chromiumPath(): string;
export function missingSystemDeps(): { command: string; pkg: string }[];
/** apt-get installs missing tools when root; otherwise prints the command and throws. */
export function ensureSystemDeps(): Promise<{ installed: string[] }>;
