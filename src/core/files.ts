/**
 * A file to write, as data: what report/ makes and io/ writes. Its text (or bytes: the .xlsx) is whole, or
 * (segments.csv of a large corpus) a header and the part files the workers wrote, joined while writing.
 */
export type OutputFile =
  | {
      /** Path below the output folder, forward slashes. */
      name: string;
      content: string | Uint8Array;
    }
  | { name: string; header: string; parts: readonly string[] };
