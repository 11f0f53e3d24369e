/**
 * REFI-QDA Sets on import. A Set groups codes (MemberCode), sources (MemberSource) or notes (MemberNote).
 * - A set with member codes is a sub-question: its codes get it (codes in no such set get DV0).
 * - A set with member sources is a document attribute `set-<slug of its name>`: "ja" on the documents in
 *   it, "nee" on every other document, so that `--where set-noord=ja` and `compare --group-by set-noord`
 *   select by it. MAXQDA exports its document sets this way.
 * - A mixed set is both. A set with no member that is a code or a text source of the project (only notes,
 *   or unknown GUIDs) is left out with a warning: as a sub-question without codes it would fail `lint`.
 */
import { attr, IdSet, list, normGuid, slugId, text, type Node } from './nodes.js';

const SUBQUESTION_ID = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/**
 * The sub-questions of the code sets, added to their member codes; `sources`: the GUIDs of the project's
 * text sources (null for a .qdc, which has none).
 */
export function readSubquestions(
  sets: Node[],
  codes: { id: string; subquestions: string[] }[],
  byGuid: Map<string, string>,
  memberAttr: '@guid' | '@targetGUID',
  sources: ReadonlySet<string> | null,
  warn: (s: string) => void,
): { id: string; text: string }[] {
  const subquestions: { id: string; text: string }[] = [];
  const byId = new Map(codes.map((c) => [c.id, c]));
  const sqTaken = new IdSet();
  for (const set of sets) {
    const name = attr(set, 'name') ?? '';
    const members = list(set.MemberCode)
      .map((m) => byId.get(byGuid.get(normGuid(String(m[memberAttr] ?? ''))) ?? ''))
      .filter((c) => c !== undefined);
    if (members.length === 0) {
      if (!list(set.MemberSource).some((m) => sources?.has(normGuid(attr(m, 'targetGUID'))))) {
        warn(`set ${JSON.stringify(name)}: none of its members is a code${sources ? ' or text source' : ''} of the ${sources ? 'project' : 'codebook'}; left out`);
      }
      continue;
    }
    const id = SUBQUESTION_ID.test(name) && !sqTaken.has(name) ? (sqTaken.add(name), name) : slugId(name, sqTaken);
    subquestions.push({ id, text: text(set.Description).trim() || name });
    for (const code of members) if (!code.subquestions.includes(id)) code.subquestions.push(id);
  }
  if (codes.some((c) => c.subquestions.length === 0)) {
    let id = 'DV0';
    for (let n = 2; sqTaken.has(id); n++) id = `DV0-${n}`;
    sqTaken.add(id);
    subquestions.push({ id, text: '(nog aan een deelvraag toe te wijzen)' });
    for (const c of codes) if (c.subquestions.length === 0) c.subquestions.push(id);
  }
  return subquestions;
}

/** The document attributes of the source sets: per set its key and the GUIDs of its text sources. */
export function sourceSetAttributes(sets: Node[], sources: ReadonlySet<string>): { key: string; members: Set<string> }[] {
  const taken = new IdSet();
  const out: { key: string; members: Set<string> }[] = [];
  for (const set of sets) {
    const members = new Set(list(set.MemberSource).map((m) => normGuid(attr(m, 'targetGUID'))).filter((g) => sources.has(g)));
    if (members.size > 0) out.push({ key: `set-${slugId(attr(set, 'name') ?? '', taken)}`, members });
  }
  return out;
}

/** The front-matter lines a source gets from the source sets. */
export function setAttributeLines(attributes: { key: string; members: Set<string> }[], guid: string): string {
  return attributes.map((a) => `\n${a.key}: "${a.members.has(guid) ? 'ja' : 'nee'}"`).join('');
}
