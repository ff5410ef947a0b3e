import { describeStorageError } from '../../utils/db';

/** What to tell a person about a failure: our own Chinese message, or a storage error explained. */
export function errorMessage(e: unknown): string {
  return e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : describeStorageError(e);
}

/** The bytes of a chosen file. */
export async function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** `bytes` as a Blob of `type` (copies, so a later change to the array cannot alter the file). */
export function bytesBlob(bytes: Uint8Array, type: string): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type }); // the Blob copies the bytes once
}
