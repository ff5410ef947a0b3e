/** The name a backup is saved under: `巡听旁听备份-YYYYMMDD-HHMM.xtbak`, in local time. */
import { BACKUP_EXTENSION } from './backup-format';

const pad2 = (n: number) => String(n).padStart(2, '0');

export function backupFileName(now: Date = new Date()): string {
  const date = `${now.getFullYear()}${pad2(now.getMonth() + 1)}${pad2(now.getDate())}`;
  return `巡听旁听备份-${date}-${pad2(now.getHours())}${pad2(now.getMinutes())}${BACKUP_EXTENSION}`;
}
