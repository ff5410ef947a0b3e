/** Writing and reading backup archives (fflate): one entry point, so that callers can load it lazily. */
export { writeArchive } from './write-archive';
export { readArchive } from './read-archive';
