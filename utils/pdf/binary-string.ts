/** Bytes → the binary string jsPDF's streams take (one char per byte), in chunks to spare the stack. */
export function binaryString(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]));
  return parts.join('');
}
