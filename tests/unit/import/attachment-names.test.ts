import { describe, expect, it } from 'vitest';
import { extensionOf, riskOf, safeAttachmentName } from '../../../core/security/attachment-files.js';

const HASH = 'ab12cd34ef56'.padEnd(64, '0');

describe('the name an imported attachment gets on this computer', () => {
  it('keeps a plain name as it is, in any script', () => {
    expect(safeAttachmentName('Rapport annuel 2025.pdf', HASH)).toBe('Rapport annuel 2025.pdf');
    expect(safeAttachmentName('تقرير الاجتماع.docx', HASH)).toBe('تقرير الاجتماع.docx');
  });

  it('keeps the last part of a path only, whichever separator', () => {
    expect(safeAttachmentName('../../etc/passwd.pdf', HASH)).toBe('passwd.pdf');
    expect(safeAttachmentName('C:\\Users\\amina\\report.pdf', HASH)).toBe('report.pdf');
    expect(safeAttachmentName('/abs/olute/', HASH)).toBe(`attachment-${HASH.slice(0, 12)}`);
  });

  it('drops invisible and bidirectional control characters that disguise a type', () => {
    // Shown as "harmlessfdp.exe" with the override; it is a PDF, and says so once cleaned.
    expect(safeAttachmentName('harmless\u202Eexe.pdf', HASH)).toBe('harmlessexe.pdf');
    expect(safeAttachmentName('a\u0000b\u200Bc\uFEFF.pdf', HASH)).toBe('abc.pdf');
    expect(safeAttachmentName('line\nbreak.pdf', HASH)).toBe('linebreak.pdf');
  });

  it('leaves no hidden file, no trailing dot or space Windows would drop, no forbidden character, no device name', () => {
    expect(safeAttachmentName('.bashrc', HASH)).toBe('bashrc');
    expect(safeAttachmentName('setup.exe. . ', HASH)).toBe('setup.exe');
    expect(safeAttachmentName('a<b>c:d"e|f?g*h.pdf', HASH)).toBe('a_b_c_d_e_f_g_h.pdf');
    expect(safeAttachmentName('CON.pdf', HASH)).toBe('_CON.pdf');
    expect(safeAttachmentName('lpt1', HASH)).toBe('_lpt1');
    expect(safeAttachmentName('...', HASH)).toBe(`attachment-${HASH.slice(0, 12)}`);
    expect(safeAttachmentName(undefined, HASH)).toBe(`attachment-${HASH.slice(0, 12)}`);
  });

  it('shortens a long name to 120 characters, keeping its extension and whole characters', () => {
    const long = safeAttachmentName(`${'é'.repeat(200)}.docx`, HASH);
    expect(long.length).toBe(120);
    expect(long.endsWith('é.docx')).toBe(true);
    const emoji = safeAttachmentName(`${'📄'.repeat(100)}.pdf`, HASH);
    expect(emoji.endsWith('📄.pdf')).toBe(true);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('what opening a type could do', () => {
  it('reads the extension in lower case, none for a name without one', () => {
    expect(extensionOf('Report.PDF')).toBe('pdf');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('archive.tar.gz')).toBe('gz');
  });

  it('asks nothing for the documents questionnaires ask for', () => {
    for (const name of ['a.pdf', 'a.doc', 'a.docx', 'a.odt', 'a.xlsx', 'a.png', 'a.jpg', 'a.csv', 'a.txt', 'README']) expect(riskOf(name)).toBeNull();
  });

  it('names programs, scripts, shortcuts, web pages, documents with macros and disk images', () => {
    const cases: [string, string][] = [
      ['setup.EXE', 'program'], ['a.msi', 'program'], ['a.scr', 'program'], ['a.com', 'program'], ['a.hta', 'program'], ['Tool.app', 'program'], ['a.jar', 'script'],
      ['run.bat', 'script'], ['run.cmd', 'script'], ['a.js', 'script'], ['a.vbs', 'script'], ['a.ps1', 'script'], ['install.sh', 'script'],
      ['a.lnk', 'shortcut'], ['a.url', 'shortcut'], ['a.desktop', 'shortcut'],
      ['page.html', 'web'], ['page.htm', 'web'], ['logo.svg', 'web'], ['saved.mht', 'web'],
      ['budget.xlsm', 'macros'], ['letter.docm', 'macros'],
      ['image.iso', 'disk'], ['image.vhd', 'disk'], ['app.dmg', 'disk'],
    ];
    for (const [name, risk] of cases) expect([name, riskOf(name)]).toEqual([name, risk]);
  });

  it('judges the cleaned name, so a trailing dot or a reversed extension changes nothing', () => {
    expect(riskOf(safeAttachmentName('setup.exe.', HASH))).toBe('program');
    expect(riskOf(safeAttachmentName('report\u202Efdp.exe', HASH))).toBe('program');
  });
});
