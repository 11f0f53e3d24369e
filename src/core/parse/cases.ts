/** `corpus/cases.yaml`: the cases and their attributes. */
import type { Case, ParseNote } from '../model.js';
import { frontMatterNotes } from './front-notes.js';
import { parseYaml, YamlReader } from './yaml.js';
import type { YamlCache } from './yaml-parsed.js';

export function parseCases(text: string, file: string, cache: YamlCache | null = null): Case[] {
  const r = new YamlReader(parseYaml(text, file, 0, cache));
  r.map([]);
  const cases = r.map(['cases'])!;
  // Word's quotes and invisible characters in a value: noted per case for lint, never changed
  const notes = new Map<string, ParseNote[]>();
  for (const note of frontMatterNotes(cases, (path) => r.src.pos(['cases', ...path]))) {
    const id = String(note.args.key).split('.')[0]!;
    notes.set(id, [...(notes.get(id) ?? []), { ...note, args: { ...note.args, key: `cases.${note.args.key}` } }]);
  }
  return Object.keys(cases).map((id) => {
    const attrs: Record<string, string> = {};
    const m = r.map(['cases', id], true) ?? {};
    for (const key of Object.keys(m)) {
      const v = m[key];
      if (v === null || v === undefined) continue;
      if (typeof v === 'object') {
        r.fail(['cases', id, key], `attribute \`${key}\` of case ${id} must be a single value`, 'expected text or a number, not a list or mapping');
      }
      attrs[key] = String(v);
    }
    const caseNotes = notes.get(id);
    return { id, attrs, origin: { file, ...r.src.keyPos(['cases', id]) }, ...(caseNotes ? { notes: caseNotes } : {}) };
  });
}
