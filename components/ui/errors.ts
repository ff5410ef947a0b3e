import { describeStorageError } from '../../utils/db';

/** What to tell a person about a failure: our own Chinese message, or a storage error explained. */
export function errorMessage(e: unknown): string {
  return e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : describeStorageError(e);
}
