/** UTF-8 without Buffer: TextEncoder and TextDecoder exist in browsers and Node 20 alike. */

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** null when the bytes are not UTF-8. */
export function fromUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
