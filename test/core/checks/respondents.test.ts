/** One respondent id in several interviews of one case is one person; contradicting attributes are an error. */
import { describe, expect, it } from 'vitest';
import { respondentConflicts } from '../../../src/core/checks/respondents.js';
import { parseDocument } from '../../../src/core/parse/document.js';

const interview = (id: string, caseId: string, respondents: string[]) => {
  const text = `---\nid: ${id}\ntype: interview\ncase: ${caseId}\nrespondents:\n${respondents.map((r) => `  - ${r}\n`).join('')}---\nI: Vraag.\n`;
  return parseDocument({ text, path: `${id}.md`, file: `${id}.md` });
};

describe('respondentConflicts', () => {
  it('names both documents and lines when one id carries two roles in one case', () => {
    const docs = [interview('a-01', 'a', ['{ id: R0, role: x }', '{ id: R1, role: consulent }']), interview('a-02', 'a', ['{ id: R1, role: jongerenwerker }'])];
    expect(respondentConflicts(docs)).toEqual([
      {
        at: { file: 'a-02.md', line: 6, column: 5 },
        args: { case: 'a', respondent: 'R1', key: 'role', value: 'jongerenwerker', document: 'a-02', firstValue: 'consulent', firstDocument: 'a-01', first: 'a-01.md:7' },
      },
    ]);
  });

  it('accepts the same person told twice, an attribute given in one interview only, and one id in two cases', () => {
    const docs = [
      interview('a-01', 'a', ['{ id: R1, role: consulent }']),
      interview('a-02', 'a', ['{ id: R1, role: consulent, domain: werk }']),
      interview('a-03', 'a', ['{ id: R1 }']),
      interview('b-01', 'b', ['{ id: R1, role: jongerenwerker, domain: jeugd }']),
    ];
    expect(respondentConflicts(docs)).toEqual([]);
  });

  it('compares each attribute with the first interview that gave it, not only with the first interview', () => {
    const docs = [
      interview('a-01', 'a', ['{ id: R1, role: consulent }']),
      interview('a-02', 'a', ['{ id: R1, domain: werk }']),
      interview('a-03', 'a', ['{ id: R1, role: consulent, domain: jeugd }']),
    ];
    expect(respondentConflicts(docs).map((c) => [c.args.document, c.args.key, c.args.firstDocument])).toEqual([['a-03', 'domain', 'a-02']]);
  });
});
