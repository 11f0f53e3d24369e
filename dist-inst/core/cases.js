import { parseYaml, YamlReader } from './yaml-source.js';
export function parseCases(text, file) {
    const r = new YamlReader(parseYaml(text, file));
    r.map([]);
    const cases = r.map(['cases']);
    return Object.keys(cases).map((id) => {
        const attrs = {};
        const m = r.map(['cases', id], true) ?? {};
        for (const key of Object.keys(m)) {
            const v = m[key];
            if (v === null || v === undefined)
                continue;
            if (typeof v === 'object') {
                r.fail(['cases', id, key], `attribute \`${key}\` of case ${id} must be a single value`, 'expected text or a number, not a list or mapping');
            }
            attrs[key] = String(v);
        }
        return { id, attrs, origin: { file, ...r.src.keyPos(['cases', id]) } };
    });
}
