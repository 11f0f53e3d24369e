/** The document files of a corpus folder and their size: whether to work document by document, and on how many threads. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { corpusFiles, display, requireDir } from '../io/read.js';

/**
 * The documents of a corpus and their total size in bytes: counted exactly up to `exactUpTo` (whether
 * to stream must not be guessed: it bounds memory), then estimated from a spread sample of 64 files
 * (whether a second thread pays; a stat per file is slow on a large corpus).
 */
export function corpusBytes(cwd: string, corpus: string, exactUpTo = Infinity): CorpusFiles {
  const root = path.resolve(cwd, corpus);
  requireDir(root, display(cwd, root), 'corpus', 'expected a folder with cases.yaml and the documents; give its path, e.g. `werkscan code corpus/`');
  const { documents: files, unread } = corpusFiles(root, display(cwd, root));
  const size = (f: string) => {
    try {
      return statSync(path.join(root, f)).size;
    } catch {
      return 0; // unreadable: reading it reports the error with the file's name
    }
  };
  let bytes = 0;
  let i = 0;
  while (i < files.length && bytes <= exactUpTo) bytes += size(files[i++]!);
  const rest = files.length - i;
  if (rest > 0) {
    const step = Math.max(1, Math.floor(rest / 64));
    let sampled = 0;
    let n = 0;
    for (let k = i; k < files.length; k += step, n++) sampled += size(files[k]!);
    bytes += Math.round((sampled / n) * rest);
  }
  return { files, bytes, unread: unread.map((rel) => display(cwd, path.join(root, rel))) };
}

/** A corpus's document files (below the corpus folder), and their size in bytes (exact up to a limit, then estimated: see corpusBytes). */
export interface CorpusFiles {
  files: string[];
  bytes: number;
  /** Files in the corpus folder werkscan does not read (.docx, .pdf, …), as shown to the user. */
  unread: string[];
}
