/**
 * The speakers map of `werkscan ingest --speakers MAP.yaml` (docs/ingest.md): which label in a source is
 * which speaker id of the corpus, the respondents' attributes, and — the same entries — the names to
 * replace by their ids in the text.
 *
 * ```yaml
 * Spreker 1: I                 # a label → an id (I, or a respondent id)
 * Jan de Vries: R2
 * R2: { role: jongerenwerker, domain: werk-inkomen }   # an id → its attributes
 * ```
 */
import { parseYaml, YamlReader } from '../parse/yaml.js';

export const RESPONDENT_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

export interface SpeakerMap {
  file: string;
  /** Normalised label (see labelKey) → id. */
  labels: ReadonlyMap<string, string>;
  /** Respondent id → attributes. */
  respondents: ReadonlyMap<string, Readonly<Record<string, string | number | boolean>>>;
  /** Labels that are names of people, longest first: replaced by their id in the text. */
  names: readonly { name: string; id: string }[];
}

/** Labels are compared without regard to capitals or runs of blanks: `SPREKER  1` is `Spreker 1`. */
export const labelKey = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** Labels a tool gives (`Spreker 1`, `SPEAKER_00`, `Interviewer`): not a person's name, so nothing to replace. */
const GENERIC = /^(?:spreker|speaker|interviewer|interviewster|respondent|deelnemer|participant|int|resp)\b|^speaker_\d+$|^[IR]\d*$/i;
export const isToolLabel = (label: string): boolean => GENERIC.test(label.trim());

const RESERVED = new Set(['id', 'label']);

export function parseSpeakerMap(text: string, file: string): SpeakerMap {
  const r = new YamlReader(parseYaml(text, file));
  const top = r.map([]) ?? {};
  const labels = new Map<string, string>();
  const respondents = new Map<string, Record<string, string | number | boolean>>();
  const names: { name: string; id: string }[] = [];
  for (const [key, value] of Object.entries(top)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      if (!RESPONDENT_ID.test(key) || key === 'I') {
        r.fail([key], `"${key}" has attributes but is not a respondent id`, 'expected attributes under a respondent id such as R1: { role: …, domain: … }; the interviewer I has none');
      }
      const attrs: Record<string, string | number | boolean> = {};
      for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
        if (RESERVED.has(name)) r.fail([key, name], `\`${name}\` cannot be a respondent attribute here`, 'the id is the key above; a name belongs in a label line (Jan de Vries: R2), not in the corpus');
        if (v === null || v === undefined) continue;
        if (typeof v === 'object') r.fail([key, name], `attribute ${name} of ${key} must be a single value`, 'expected text, a number or true/false; the map is flat: label lines (Jan de Vries: R1) and attributes under an id (R1: { role: … }) at the top, not under another key');
        attrs[name] = v as string | number | boolean;
      }
      respondents.set(key, attrs);
      continue;
    }
    const id = r.string([key]);
    if (id !== 'I' && !RESPONDENT_ID.test(id)) {
      r.fail([key], `"${id}" cannot be a speaker id`, 'expected I (the interviewer) or a respondent id: a letter, then letters, digits, - or _ (e.g. R1)');
    }
    const k = labelKey(key);
    if (labels.has(k) && labels.get(k) !== id) r.fail([key], `label "${key}" is mapped twice, to ${labels.get(k)!} and ${id}`, 'expected each label once (capitals and spaces do not distinguish labels)');
    labels.set(k, id);
    if (!isToolLabel(key) && key.trim() !== id) names.push({ name: key.trim().replace(/\s+/g, ' '), id });
  }
  for (const id of respondents.keys()) {
    if (![...labels.values()].includes(id)) labels.set(labelKey(id), id);
  }
  names.sort((a, b) => b.name.length - a.name.length);
  return { file, labels, respondents, names };
}
