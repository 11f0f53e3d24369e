/**
 * What every converter of `werkscan ingest` hands over: the text of one input file as a flat list of
 * blocks, in reading order, before speakers are recognised or a corpus document is written. Converters
 * (`src/io/ingest/<format>.ts`) turn bytes into blocks; everything after that (speaker turns, pseudonyms,
 * front matter) is pure and lives in `src/core/ingest/`.
 */
export type Block =
  /** A heading; level 1 is the document's top level. */
  | { kind: 'heading'; level: number; text: string }
  /** A paragraph of running text (soft line breaks already joined). `time`: a timestamp the source
   *  gave it (subtitle cue, transcription tool), kept out of the text. `speaker`: a label the source
   *  format itself carries (a VTT voice tag, a JSON field), before any mapping. `line`: the 1-based line
   *  of the source file it starts on, where the format has lines (text, subtitles), for messages. */
  | { kind: 'paragraph'; text: string; speaker?: string; time?: string; line?: number }
  /** The start of page `page` (1-based) of a paginated source; becomes `<!-- p. N -->`. */
  | { kind: 'page'; page: number };

/** The result of one converter. `warnings` are said out loud by the command (file, page or line). */
export interface Converted {
  blocks: Block[];
  /** Name and version of what converted it, for `source.converter` (e.g. "mammoth 1.13.0"). */
  converter: string;
  pages?: number;
  warnings: { message: string; page?: number; line?: number }[];
}
