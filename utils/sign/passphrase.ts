/** The passphrase rule for files we write (CA backup, identity): at least 8 characters. */
import { SignError } from './errors';

const MIN_PASSPHRASE_LENGTH = 8;

export function checkPassphrase(passphrase: string): void {
  if (!passphrase) throw new SignError('passphrase-weak', '口令不能为空');
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) throw new SignError('passphrase-weak', `口令太短：至少需要 ${MIN_PASSPHRASE_LENGTH} 个字符`);
}
