/**
 * Files a supervisor drops or chooses: plain files, or folders (a mail client's save-all
 * folder) walked through the File System entries API. Only what could be a report is taken.
 */
export interface PickedFile {
  /** The path under the dropped folder, or the file name. */
  name: string;
  file: File;
}

type Entry = { isFile: boolean; isDirectory: boolean; name: string; fullPath: string };
type FileEntry = Entry & { file(ok: (f: File) => void, fail: (e: unknown) => void): void };
type DirEntry = Entry & { createReader(): { readEntries(ok: (e: Entry[]) => void, fail: (e: unknown) => void): void } };

const MAX_FILES = 5000;

async function walk(entry: Entry, out: PickedFile[]): Promise<void> {
  if (out.length >= MAX_FILES) return;
  if (entry.isFile) {
    const file = await new Promise<File>((ok, fail) => (entry as FileEntry).file(ok, fail));
    out.push({ name: entry.fullPath.replace(/^\//, '') || file.name, file });
  } else if (entry.isDirectory) {
    const reader = (entry as DirEntry).createReader();
    for (;;) {
      const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (!batch.length) break;
      for (const e of batch) await walk(e, out);
    }
  }
}

/** Files of a drop, folders walked. Hidden files (.DS_Store) are skipped. */
export async function droppedFiles(data: DataTransfer): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  const entries = [...data.items]
    .map((i) => (i.kind === 'file' ? ((i as unknown as { webkitGetAsEntry?(): Entry | null }).webkitGetAsEntry?.() ?? null) : null))
    .filter((e): e is Entry => !!e);
  if (entries.length) for (const e of entries) await walk(e, out);
  else for (const f of data.files) out.push({ name: f.name, file: f });
  return out.filter((p) => !p.name.split('/').pop()!.startsWith('.'));
}

/** Files of an <input type=file multiple> (or webkitdirectory) selection. */
export function chosenFiles(list: FileList | null): PickedFile[] {
  return [...(list ?? [])]
    .map((file) => ({ name: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name, file }))
    .filter((p) => !p.name.split('/').pop()!.startsWith('.'));
}
