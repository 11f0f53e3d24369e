/** Reading the parsed XML of a REFI-QDA file: elements as plain objects, attributes, GUIDs, and ids made from names. */
export type Node = Record<string, unknown>;

export const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v === undefined ? [] : [v as Node]);
export const text = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' && '#text' in (v as Node) ? String((v as Node)['#text']) : '');
// `n` may be missing or text where a hostile file leaves out an element or writes text into it
export const attr = (n: Node | undefined, name: string) => (n === null || typeof n !== 'object' || n[`@${name}`] === undefined ? undefined : String(n[`@${name}`]));
export const normGuid = (g: string | undefined) => (g ?? '').replace(/[{}]/g, '').toUpperCase();

/** Ids already given, and per slug the next number to try, so that 20,000 codes named alike stay linear. */
export class IdSet extends Set<string> {
  readonly next = new Map<string, number>();
}

/** A werkscan id from any name: lowercase ASCII letters, digits and hyphens, unique within `taken`. */
export function slugId(name: string, taken: IdSet): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'code';
  let id = /^[a-z0-9]/.test(base) ? base : `c-${base}`;
  let n = taken.next.get(base) ?? 2;
  for (; taken.has(id); n++) id = `${base}-${n}`;
  taken.next.set(base, n);
  taken.add(id);
  return id;
}
