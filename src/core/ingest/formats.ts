/** The file name extensions `werkscan ingest` converts (docs/ingest.md), lower case, with the dot. */
export const INGEST_EXTENSIONS: readonly string[] = ['.docx', '.odt', '.pdf', '.srt', '.vtt', '.txt', '.json'];
