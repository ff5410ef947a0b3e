// Bytes in and out of the files a person chooses or is handed.

/** The bytes of a chosen file. */
export async function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** `bytes` as a Blob of `type` (copies, so a later change to the array cannot alter the file). */
export function bytesBlob(bytes: Uint8Array, type: string): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type }); // the Blob copies the bytes once
}
