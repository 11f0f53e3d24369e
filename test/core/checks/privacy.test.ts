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
      notScanned: [],
    });
  });
});

describe('notations from issue #14.7', () => {
  it('finds BSNs written 1234.56.782, 1234 56 782 and 488-279-124', () => {
    // 111222333: 66 = 6·11; 488279124: 4·9+8·8+8·7+2·6+7·5+9·4+1·3+2·2−4 = 242 = 22·11
    expect(kinds('BSN 1112.22.333, ook 1112 22 333 en 488-279-124.')).toEqual([
      ['bsn', '1112.22.333'],
      ['bsn', '1112 22 333'],
      ['bsn', '488-279-124'],
    ]);
  });

  it('finds lower-case IBANs and stops an IBAN at its country length, before a BIC or an amount', () => {
    expect(kinds('nl91abna0417164300; NL91ABNA0417164300 ABNANL2A; NL91 ABNA 0417 1643 00 EUR 250')).toEqual([
      ['iban', 'nl91abna0417164300'],
      ['iban', 'NL91ABNA0417164300'],
      ['iban', 'NL91 ABNA 0417 1643 00'],
    ]);
  });

  it('finds (010) 123 45 67, +31 (0)6 …, 06.12.34.56.78 and 06/12345678', () => {
    expect(kinds('Bel (010) 123 45 67, +31 (0)6 1234 5678, 06.12.34.56.78 of 06/12345678.')).toEqual([
      ['telefoon', '(010) 123 45 67'],
      ['telefoon', '+31 (0)6 1234 5678'],
      ['telefoon', '06.12.34.56.78'],
      ['telefoon', '06/12345678'],
    ]);
  });

  it('finds a postcode with "nr." and in lower case, and e-mail with accents', () => {
    expect(kinds('Naar 1234 AB nr. 5 of 12, 1234 ab; mail josé.müller@café-deboer.nl')).toEqual([
      ['adres', '1234 AB nr. 5'],
      ['adres', '12, 1234 ab'],
      ['email', 'josé.müller@café-deboer.nl'],
    ]);
  });

  it('leaves order numbers, ISBNs, amounts and invoice numbers alone', () => {
    // 0201234567 is a valid Amsterdam number and 111222333 passes the elfproef: only the words before them tell
    expect(kinds('Ordernummer 0201234567; ISBN 0-306-40615-2; € 111.222.333; factuurnummer 111222333; 111222333 euro.')).toEqual([]);
    // 0123456789 has no Dutch area code 012
    expect(kinds('Bel 0123456789.')).toEqual([]);
  });
});

describe('privacy scan time is linear in the text', () => {
  const time = (text: string) => {
    const t0 = performance.now();
    const n = findPersonalData(text).length;
    return { n, ms: performance.now() - t0 };
  };

  it('80,000 e-mail lines in under 10 s (39 s before: every hit was checked against every earlier one)', () => {
    const { n, ms } = time('j.jansen@gemeente.nl\n'.repeat(80_000));
    expect(n).toBe(80_000);
    expect(ms).toBeLessThan(10_000);
  }, 60_000);

  it('long runs without a match: 200,000 local-part characters, digits, postcode-like and IBAN-like text', () => {
    for (const text of ['a.'.repeat(100_000), '1'.repeat(200_000), '1234 AB '.repeat(25_000), 'NL91 '.repeat(40_000), '06 '.repeat(70_000), '111222333 '.repeat(20_000)]) {
      expect(time(text).ms).toBeLessThan(10_000);
    }
  }, 60_000);
});
