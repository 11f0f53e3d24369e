/** `corpus/cases.yaml`: the cases and their attributes. */
import type { Case } from '../model.js';
import { parseYaml, YamlReader } from './yaml.js';
import type { YamlCache } from './yaml-parsed.js';

export function parseCases(text: string, file: string, cache: YamlCache | null = null): Case[] {
  const r = new YamlReader(parseYaml(text, file, 0, cache));
  r.map([]);
  const cases = r.map(['cases'])!;
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
    return { id, attrs, origin: { file, ...r.src.keyPos(['cases', id]) } };
  });
}
