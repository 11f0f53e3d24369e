/**
 * `werkscan ingest` on the fixtures of test/fixtures/ingest (made with LibreOffice and by hand, see its
 * README): what each becomes, the summary, the speakers map as pseudonymisation map (checked with
 * `werkscan privacy`), refusals, --force and --dry-run, and a lint of the result without errors.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, repoRoot, starterCopy, tempDir, werkscan, writeFiles } from '../helpers/run.js';

const fixtures = path.join(repoRoot, 'test/fixtures/ingest');

/** The starter with a case `noord` and the fixtures' material/ and speakers.yaml beside corpus/. */
function study(): string {
  const dir = starterCopy();
  const cases = path.join(dir, 'corpus/cases.yaml');
  writeFileSync(cases, readFileSync(cases, 'utf8') + '  noord: { name: Noord, kind: gemeente, line: overig, size: G40 }\n');
  cpSync(path.join(fixtures, 'material'), path.join(dir, 'material'), { recursive: true });
  cpSync(path.join(fixtures, 'speakers.yaml'), path.join(dir, 'speakers.yaml'));
  return dir;
}

const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');
const bodyOf = (text: string) => text.slice(text.indexOf('\n---\n') + 5);

describe('werkscan ingest: a folder of mixed material', () => {
  it('writes one document per file, says what it did, and lint finds no error in the result', async () => {
    const dir = study();
    writeFiles(dir, { 'material/notities.xlsx': 'PK', 'material/README.md': '# bronnen\n' });
    const r = await werkscan(['ingest', 'material', '--case', 'noord'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'wrote 7 documents into corpus from 9 files',
        '  corpus/beleidsplan.md  document; from material/beleidsplan.odt',
        '  corpus/gesprek-wijkteam.md  interview; from material/gesprek-wijkteam.docx; turns: I 4, R1 2, R2 2',
        '  corpus/interview-f4.md  interview; from material/interview-f4.txt; turns: I 2, B1 2, B2 1',
        '  corpus/interview-ondertitels.md  interview; from material/interview-ondertitels.srt; turns: I 2, R1 2',
        '  corpus/interview-otter.md  interview; from material/interview-otter.txt; turns: R1 2, R2 2',
        '  corpus/interview-teams.md  interview; from material/interview-teams.vtt; turns: R1 2, R2 2',
        '  corpus/interview-whisperx.md  interview; from material/interview-whisperx.json; turns: SPEAKER_00 2, SPEAKER_01 2',
        'total: 29 turns (I 8, R1 8, R2 6, B1 2, B2 1, SPEAKER_00 2, SPEAKER_01 2)',
        'skipped 2 files:',
        '  material/notities.xlsx: unknown extension .xlsx: werkscan ingest converts .docx, .odt, .pdf, .srt, .vtt, .txt, .json',
        '  material/README.md: a README',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe(
      'werkscan: warning: material/gesprek-wijkteam.docx: 1 line before the first speaker label left out (from "Opgenomen op 3 maart, duur ong…"): an interview\'s body is turns\n' +
        'werkscan: warning: material/gesprek-wijkteam.docx: 1 heading left out ("Gesprek met het wijkteam Noord"): an interview\'s body is turns\n' +
        // names kept as labels (no speakers map) are said; Otter's "Speaker 1" is a tool's label, not a name
        'werkscan: warning: material/gesprek-wijkteam.docx: R1 keeps its label "Jan de Vries" in the front matter: if that is a person\'s name, ingest again with --speakers (docs/ingest.md) to replace it by R1\n' +
        'werkscan: warning: material/interview-teams.vtt: R1 keeps its label "Petra Jansen" in the front matter: if that is a person\'s name, ingest again with --speakers (docs/ingest.md) to replace it by R1\n' +
        'werkscan: warning: material/interview-teams.vtt: R2 keeps its label "Karim El Amrani" in the front matter: if that is a person\'s name, ingest again with --speakers (docs/ingest.md) to replace it by R2\n',
    );
    // and werkscan privacy finds them, without --names
    const privacy = await werkscan(['privacy', '--format', 'json'], dir);
    expect(privacy.code).toBe(1);
    expect((JSON.parse(privacy.stdout) as { hits: { kind: string; file: string; line: number }[] }).hits.filter((h) => h.kind === 'naam').map((h) => `${h.file}:${h.line}`)).toEqual(['corpus/gesprek-wijkteam.md:6', 'corpus/interview-teams.md:6', 'corpus/interview-teams.md:7']);
    const lint = await werkscan(['lint'], dir);
    expect(lint.stdout).toMatch(/^0 errors, 0 warnings — 6 codes, 4 cases, 12 documents, 4 findings/m);
    expect(lint.code).toBe(0);
    const freq = await werkscan(['freq', '--format', 'json'], dir);
    expect(freq.code).toBe(0);
  });

  it('keeps timestamps out of the turn text (a comment after the label), voice tags and Otter headers as speakers', async () => {
    const dir = study();
    await werkscan(['ingest', 'material', '--case', 'noord'], dir);
    expect(bodyOf(read(dir, 'corpus/interview-f4.md'))).toBe(
      'I: <!-- 00:00:02.1 --> Zullen we beginnen?\n\nB1: <!-- 00:00:09.4 --> Ja hoor. Ik werk bij de afdeling werk en inkomen, al vijf jaar.\n\n' +
        'I: <!-- 00:00:14.0 --> Hoe verloopt de samenwerking met het wijkteam?\n\nB1: <!-- 00:00:22.7 --> Wisselend. Soms weten we van elkaar niet wie er bij een gezin betrokken is.\n\n' +
        'B2: <!-- 00:00:30.2 --> Dat herken ik. We hebben nu een gezamenlijk overleg eens per maand.\n',
    );
    // two cues of Karim in a row are one turn
    expect(bodyOf(read(dir, 'corpus/interview-teams.md')).split('\n\n')[1]).toBe('R2: <!-- 00:00:04.500 --> Ja, prima. Ik zit op kantoor. We hebben net een overleg gehad over de jongeren in de wijk.');
    expect(read(dir, 'corpus/interview-teams.md')).toContain('respondents:\n  - { id: R1, label: Petra Jansen }\n  - { id: R2, label: Karim El Amrani }\n');
    expect(bodyOf(read(dir, 'corpus/interview-otter.md')).split('\n\n')[3]!.trimEnd()).toBe('R2: <!-- 01:02:15 --> Twee jongerenwerkers en een vrijwilliger.');
    expect(bodyOf(read(dir, 'corpus/interview-whisperx.md')).split('\n\n')[0]).toBe('SPEAKER_00: <!-- 00:00:00 --> Welkom bij dit gesprek. Kunt u iets vertellen over het project?');
    const plan = read(dir, 'corpus/beleidsplan.md');
    expect(plan).toMatch(/^---\nid: beleidsplan\ntype: document\ncase: noord\nsource: \{ file: material\/beleidsplan\.odt, sha256: [0-9a-f]{64}, converter: werkscan odt \}\n---\n/);
    expect(bodyOf(plan)).toBe(
      '# Plan van aanpak Kansrijk Noord\n\n## Aanleiding\n\nIn de wijk Noord groeien veel jongeren op zonder zicht op werk. Het plan zet in op begeleiding naar een baan.\n\n' +
        '## Maatregelen\n\nEen jobcoach in het buurthuis.\n\nStageplekken bij lokale bedrijven.\n\nJaar | Budget\n\n2023 | 120.000 euro\n',
    );
  });
});

describe('werkscan ingest --speakers', () => {
  it('maps labels to ids, declares the respondents, and replaces every mapped name so that privacy finds none', async () => {
    const dir = study();
    writeFiles(dir, { 'namen.txt': 'Jan de Vries\nDe Vries\n' });
    const r = await werkscan(['ingest', 'material/gesprek-wijkteam.docx', '--case', 'noord', '--speakers', 'speakers.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('total: 8 turns (I 4, R1 2, R2 2); names replaced by ids: R1 2\n');
    const text = read(dir, 'corpus/gesprek-wijkteam.md');
    expect(text).toContain('respondents:\n  - { id: R1, role: coördinator wijkteam, domain: zorg }\n  - { id: R2, role: intern begeleider, domain: onderwijs }\n');
    // a paragraph starting with an id would read as a garbled label: it joins the paragraph before it
    expect(text).toContain('aan de Lindenlaan. R1 zegt er altijd bij dat het team nog te klein is voor de wijk.\n\n');
    expect(text).toContain('zegt R1 ook steeds.');
    expect(text).not.toMatch(/Vries|Jan/);
    expect(await werkscan(['privacy', '--names', 'namen.txt'], dir)).toMatchObject({ code: 0 });
    expect((await werkscan(['lint'], dir)).code).toBe(0);
    // the same without the map: the names stay, and privacy finds them
    const bare = starterCopy();
    cpSync(path.join(dir, 'material'), path.join(bare, 'material'), { recursive: true });
    writeFiles(bare, { 'namen.txt': 'Jan de Vries\n' });
    await werkscan(['ingest', 'material/gesprek-wijkteam.docx', '--case', 'amsterdam', '--out', 'corpus/nieuw'], bare);
    expect(await werkscan(['privacy', '--names', 'namen.txt'], bare)).toMatchObject({ code: 1 });
  });

  it('a label missing from the map is exit 2 naming the file and line; nothing is written', async () => {
    const dir = study();
    const r = await werkscan(['ingest', 'material/interview-f4.txt', '--case', 'noord', '--speakers', 'speakers.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('werkscan: material/interview-f4.txt:3: speakers not in speakers.yaml: "B1" (line 3), "B2" (line 9)\n  expected every label of the transcript in the speakers map, e.g. "B1: R3"\n');
    expect(existsSync(path.join(dir, 'corpus/interview-f4.md'))).toBe(false);
  });
});

describe('werkscan ingest --case', () => {
  it('warns when the corpus\'s cases.yaml does not list the case (also for a subfolder), and writes anyway', async () => {
    const dir = study();
    const known = await werkscan(['ingest', 'material/interview-ondertitels.srt', '--case', 'noord', '--dry-run'], dir);
    expect(known.stderr).toBe('');
    const r = await werkscan(['ingest', 'material/interview-ondertitels.srt', '--case', 'zuid', '--out', 'corpus/nieuw'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("werkscan: warning: --case zuid is not in corpus/cases.yaml: add it there (until then lint reports the new documents' case as unknown)\n");
    expect(existsSync(path.join(dir, 'corpus/nieuw/interview-ondertitels.md'))).toBe(true);
  });
});

describe('werkscan ingest: refusals, --force, --dry-run', () => {
  it('never overwrites without --force; --dry-run prints and writes nothing', async () => {
    const dir = study();
    const args = ['ingest', 'material/interview-ondertitels.srt', '--case', 'noord'];
    const dry = await werkscan([...args, '--dry-run'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^--- corpus\/interview-ondertitels\.md ---\n---\nid: interview-ondertitels\n/);
    expect(dry.stdout).toContain('would write 1 document into corpus from 1 file (dry run: nothing written)\n');
    expect(existsSync(path.join(dir, 'corpus/interview-ondertitels.md'))).toBe(false);
    expect((await werkscan(args, dir)).code).toBe(0);
    writeFileSync(path.join(dir, 'corpus/interview-ondertitels.md'), 'mijn eigen versie\n');
    const again = await werkscan(args, dir);
    expect(again).toMatchObject({ code: 2, stdout: '' });
    expect(again.stderr).toBe('werkscan: document exists: corpus/interview-ondertitels.md\n  nothing was written; give --force to overwrite, or --out for another folder\n');
    expect(read(dir, 'corpus/interview-ondertitels.md')).toBe('mijn eigen versie\n');
    expect((await werkscan([...args, '--force'], dir)).code).toBe(0);
    expect(read(dir, 'corpus/interview-ondertitels.md')).toMatch(/^---\nid: interview-ondertitels/);
  });

  it('refuses broken input with the file named, no stack trace, and writes nothing of the run', async () => {
    const dir = study();
    writeFiles(dir, {
      'bad/kapot.docx': 'PK\u0003\u0004 dit is geen zip',
      'bad/beveiligd.docx': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      'bad/geen-sprekers.srt': '1\n00:00:01,000 --> 00:00:02,000\nGewoon een zin zonder spreker.\n',
      'bad/leeg.json': '{ "text": "geen segmenten" }',
      'bad/ok.txt': 'I: Vraag?\n\nR1: Antwoord.\n',
    });
    const r = await werkscan(['ingest', 'bad', '--case', 'noord'], dir);
    expect(r.code).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toContain('werkscan: bad/beveiligd.docx: password-protected, or an old binary format: not a Word zip file\n');
    expect(r.stderr).toContain('werkscan: bad/geen-sprekers.srt: no speaker recognised: not one line starts with a speaker label\n');
    expect(r.stderr).toContain('werkscan: bad/kapot.docx: damaged or not a Word file: not a ZIP file (no end of central directory)\n');
    expect(r.stderr).toContain('werkscan: bad/leeg.json: no "segments" list\n');
    expect(r.stderr).toContain('werkscan: 4 files could not be read or parsed\n');
    expect(readdirSync(path.join(dir, 'corpus')).filter((f) => f.endsWith('.md'))).toEqual([]);
    // an unknown extension named on the command line, a missing --case, a type the study does not have
    writeFiles(dir, { 'x.rtf': '{\\rtf1}' });
    expect((await werkscan(['ingest', 'x.rtf', '--case', 'noord'], dir)).stderr).toBe('werkscan: x.rtf: unknown extension .rtf\n  expected one of: .docx, .odt, .pdf, .srt, .vtt, .txt, .json\n');
    expect((await werkscan(['ingest', 'bad/ok.txt'], dir)).stderr).toMatch(/^werkscan: --case is missing\n/);
    expect((await werkscan(['ingest', 'bad/ok.txt', '--case', 'noord', '--type', 'focusgroep'], dir)).stderr).toMatch(/not a document type of this study\n {2}expected one of: interview, plan, document\n/);
    expect((await werkscan(['ingest', 'bad/ok.txt', '--case', 'noord', '--speaker-pattern', '((?:a+)+):'], dir)).code).toBe(2);
  });
});

describe('files in the corpus that ingest converts', () => {
  it('lint names each and says `werkscan ingest` converts it; a file it cannot convert keeps the old advice', async () => {
    const dir = study();
    writeFiles(dir, { 'corpus/interviews/gesprek.vtt': 'WEBVTT\n', 'corpus/tabel.xlsx': 'PK' });
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.includes('[unread-file]'))).toEqual([
      'corpus/interviews/gesprek.vtt:1: warning: not read: werkscan reads only .md and .txt files; `werkscan ingest` converts it into a document (then move the original out of the corpus folder) [unread-file]',
      'corpus/tabel.xlsx:1: warning: not read: werkscan reads only .md and .txt files (convert it to Markdown, or move it out of the corpus folder) [unread-file]',
    ]);
    expect((await werkscan(['freq'], dir)).stderr).toBe(
      'werkscan: warning: 2 files in the corpus not read: corpus/interviews/gesprek.vtt, corpus/tabel.xlsx; werkscan reads only .md and .txt (`werkscan ingest` converts 1 of them into documents; move the originals out of the corpus folder)\n',
    );
  });
});

describe('werkscan ingest in a study of interviews and plans only (werkscan init)', () => {
  it('a PDF and an ODT without speakers become plans, a Word interview an interview, without --type; lint is clean', async () => {
    const dir = tempDir();
    expect((await werkscan(['init', '.'], dir)).code).toBe(0);
    cpSync(path.join(fixtures, 'pdf/plan.pdf'), path.join(dir, 'materiaal/plan-van-aanpak.pdf'), { recursive: true });
    for (const f of ['beleidsplan.odt', 'gesprek-wijkteam.docx']) cpSync(path.join(fixtures, 'material', f), path.join(dir, 'materiaal', f));
    writeFiles(dir, { 'speakers.yaml': 'Interviewer: I\nJan de Vries: R1\nSpreker 2: R2\n' });
    const r = await werkscan(['ingest', 'materiaal', '--case', 'zandwijk', '--speakers', 'speakers.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  corpus/beleidsplan.md  plan; from materiaal/beleidsplan.odt\n');
    expect(r.stdout).toContain('  corpus/plan-van-aanpak.md  plan; from materiaal/plan-van-aanpak.pdf; 3 pages\n');
    expect(r.stdout).toContain('  corpus/gesprek-wijkteam.md  interview; from materiaal/gesprek-wijkteam.docx;');
    const lint = await werkscan(['lint'], dir);
    expect(lint.stdout).toMatch(/^0 errors/m);
  });
});

describe('werkscan ingest: a zip bomb dressed as a Word file', () => {
  it('is refused before anything inflates it, naming the entry (exit 2, nothing written)', async () => {
    const { zipSync } = await import('fflate');
    const dir = study();
    // 20 MB of spaces deflate to about 20 KB: a thousand-fold, far past the limit of 100-fold
    const bomb = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new Uint8Array(20 * 1024 * 1024).fill(32) }, { level: 9 });
    writeFiles(dir, { 'bom.docx': bomb });
    const r = await werkscan(['ingest', 'bom.docx', '--case', 'noord'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bom\.docx.*word\/document\.xml would inflate \d+-fold, more than the limit of 100-fold/s);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(existsSync(path.join(dir, 'corpus/bom.md'))).toBe(false);
  });
});

describe('werkscan ingest: a speaker label with a typo', () => {
  it('is said out loud with its line, not silently joined to the turn before', async () => {
    const dir = study();
    writeFiles(dir, {
      'typo.txt': 'Interviewer: Hoe gaat het?\n\nMarieke Bos: Goed, dank je.\n\nInterviewer: En de wachtlijst?\n\nMariek Bos: Die is te lang.\n',
      'namen.yaml': 'Interviewer: I\nMarieke Bos: R1\n',
    });
    const r = await werkscan(['ingest', 'typo.txt', '--case', 'noord', '--speakers', 'namen.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('werkscan: warning: typo.txt:7: "Mariek Bos:" looks like a speaker label, but it is not in the speakers map and opens no other line; read as text of the turn before (add it to the speakers map if it is a speaker)');
  });
});
