import { useState } from 'preact/hooks';
import { errorMessage } from './errors';

/**
 * A button's action with its outcome for the person: `busy` while it runs, the Chinese sentence
 * it returns as `message` (role=status), or the failure as `error` (role=alert); `after` runs
 * on success (e.g. re-read what changed).
 */
export function useAction(after?: () => Promise<void> | void) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const run = async (what: () => Promise<string>) => {
    setBusy(true);
    setError('');
    setMessage('');
    try {
      setMessage(await what());
      await after?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, error, run, setMessage, setError };
}
