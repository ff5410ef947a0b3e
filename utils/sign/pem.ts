/** PEM armour: `-----BEGIN LABEL-----`, base64 in 64-column lines, `-----END LABEL-----`. */
import { fromBase64, latin1, toBase64 } from './bytes';

export function toPem(der: Uint8Array, label: string): string {
  const b64 = toBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Every PEM block with one of `labels` in `text`, in order, as DER. */
function pemBlocks(text: string, labels: readonly string[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  for (const m of text.matchAll(re)) if (labels.includes(m[1])) out.push(fromBase64(m[2]));
  return out;
}

/** Does this look like PEM text rather than DER bytes? (DER starts with 0x30, a SEQUENCE.) */
function isPemInput(input: string | Uint8Array): boolean {
  if (typeof input === 'string') return true;
  return input.length > 0 && input[0] !== 0x30 && latin1(input, 0, Math.min(input.length, 4096)).includes('-----BEGIN ');
}

/** PEM or DER input → the DER blocks with one of `labels` (DER input is one block). */
export function derBlocks(input: string | Uint8Array, labels: readonly string[]): Uint8Array[] {
  if (!isPemInput(input)) return [input as Uint8Array];
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  return pemBlocks(text, labels);
}
