/**
 * A file to write, as data: what report/ makes and io/ writes. Its text is whole, or (segments.csv of a
 * large corpus) a header and the part files the workers wrote, joined while writing.
 */
export type OutputFile =
  | {
      /** Path below the output folder, forward slashes. */
      name: string;
      content: string;
    }
  | { name: string; header: string; parts: readonly string[] };
