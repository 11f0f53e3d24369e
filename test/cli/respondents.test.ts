/** Issue #13.3: R1 is "consulent" in one interview of a case and "jongerenwerker" in another. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterCopy, werkscan, writeFiles } from '../helpers/run.js';

const AMS02 = 'corpus/interviews/ams-02.md';

function withSecondRole(role: string): string {
  const dir = starterCopy();
  const text = readFileSync(path.join(dir, AMS02), 'utf8');
  writeFiles(dir, { [AMS02]: text.replace('{ id: R1, role: programmamanager,', `{ id: R1, role: ${role},`) });
  return dir;
}

describe('respondent identity across the interviews of one case', () => {
  it('lint: a conflicting role is an error naming both documents and lines', async () => {
    const dir = withSecondRole('jongerenwerker');
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'corpus/interviews/ams-02.md:6:5: error: respondent R1 of case amsterdam has role: jongerenwerker in document ams-02 but role: programmamanager in document ams-01 (corpus/interviews/ams-01.md:6); one id in one case is one person — give the other person its own id [respondent-conflict]',
    );
  });

  it('freq refuses to count the two people as one', async () => {
    const dir = withSecondRole('jongerenwerker');
    const r = await werkscan(['freq', '--unit', 'respondents'], dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('respondent R1 of case amsterdam has role: jongerenwerker');
  });

  it('the same person in two interviews is one respondent (the starter as shipped)', async () => {
    const r = await werkscan(['lint'], starterCopy());
    expect(r.stdout).not.toContain('respondent-conflict');
  });
});
