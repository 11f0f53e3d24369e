import { describe, expect, it } from 'vitest';
import { elfproef, findPersonalData, ibanValid, mask } from '../../../src/core/checks/privacy.js';
import { tempDir, werkscan, writeFiles } from '../../helpers/run.js';

const kinds = (text: string, names: string[] = []) => findPersonalData(text, names).map((h) => [h.kind, h.match]);

describe('personal data detectors', () => {
  it('elfproef: 111222333 passes (9+8+7+12+10+8+9+6−3 = 66 = 6·11), 123456789 does not (147)', () => {
    expect(elfproef('111222333')).toBe(true);
    expect(elfproef('123456789')).toBe(false);
    expect(elfproef('000000000')).toBe(false);
    expect(elfproef('12345678')).toBe(false);
  });

  it('IBAN mod 97: the standard example NL91ABNA0417164300 passes, one changed digit fails', () => {
    expect(ibanValid('NL91ABNA0417164300')).toBe(true);
    expect(ibanValid('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(ibanValid('NL91ABNA0417164301')).toBe(false);
  });

  it('finds e-mail, phone numbers, BSN, IBAN, postcode with house number, and listed names', () => {
    expect(kinds('Mail [naam] via j.jansen@gemeente.nl of bel 06-12345678.')).toEqual([
      ['email', 'j.jansen@gemeente.nl'],
      ['telefoon', '06-12345678'],
    ]);
    expect(kinds('Vast: 020 123 4567, buitenland +31 6 1234 5678.')).toEqual([
      ['telefoon', '020 123 4567'],
      ['telefoon', '+31 6 1234 5678'],
    ]);
    expect(kinds('BSN 111.222.333 en rekening NL91 ABNA 0417 1643 00.')).toEqual([
      ['bsn', '111.222.333'],
      ['iban', 'NL91 ABNA 0417 1643 00'],
    ]);
    expect(kinds('Hij woont Kerkstraat 12, 1234 AB Zaandam; post naar 1011 AB 5.')).toEqual([
      ['adres', '12, 1234 AB'],
      ['adres', '1011 AB 5'],
    ]);
    expect(kinds('Toen zei Mohammed dat Anne-Marie al weg was.', ['mohammed', 'Anne-Marie'])).toEqual([
      ['naam', 'Mohammed'],
      ['naam', 'Anne-Marie'],
    ]);
  });

  it('leaves ordinary numbers alone: years, amounts, a 9-digit number failing the elfproef, postcodes without a number', () => {
    expect(kinds('In 2022 kregen 300 jongeren € 1.250; dossier 123456789; de wijk 1234 AB; 16-27 jaar; 2022-03-14.')).toEqual([]);
  });

  it('masks what it prints', () => {
    expect(mask('06-12345678')).toBe('06-••••••••'); // 11 characters: the first 3 kept
    expect(mask('j.jansen@gemeente.nl')).toBe('j.j•••••@••••••••.••');
  });
});

describe('werkscan privacy', () => {
  it('the shipped corpus is clean', async () => {
    const { repoRoot } = await import('../../helpers/run.js');
    const r = await werkscan(['privacy'], repoRoot);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^no personal data found in \d+ files\n$/);
  });

  it('reports a hit with file:line:column, masked, and exits 1', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'corpus/cases.yaml': 'cases:\n  a: { name: A }\n',
      'corpus/x.md': '---\ntype: interview\ncase: a\nrespondents: [{ id: R1 }]\n---\nI: Hoe bereik ik u?\nR1: Bel maar op 06-12345678.\n',
      'namen.txt': '# namen van respondenten\nJanssen\n',
      'corpus/y.md': '---\ntype: plan\ncase: a\n---\nOpgesteld door Janssen.\n',
    });
    const r = await werkscan(['privacy', '--names', 'namen.txt', '--format', 'json'], dir);
    // "R1: Bel maar op " is 16 characters, so the number starts in column 17; "Opgesteld door " is 15
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      files: 3,
      hits: [
        { file: 'corpus/x.md', line: 7, column: 17, kind: 'telefoon', masked: '06-••••••••' },
        { file: 'corpus/y.md', line: 5, column: 16, kind: 'naam', masked: 'Ja•••••' },
      ],
    });
  });
});
