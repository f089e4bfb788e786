/**
 * What the app may call an imported attachment on this computer, and whether opening it could
 * run code. The name comes from the signed answers (the file's name on the respondent's
 * computer), so it is foreign input: it never becomes a path as it is, and what it says about
 * its type decides whether IOM staff are warned before the system opens it.
 */

/**
 * Why opening a file of this type with the system could run something, by extension:
 * - `program`: an executable, installer or library the OS starts (Windows, macOS, Linux);
 * - `script`: run by an interpreter the OS associates with it (Windows Script Host, PowerShell,
 *   shells, Java, Python…);
 * - `shortcut`: points at and starts another program (.lnk, .url, .desktop…);
 * - `web`: opens in a web browser from a local file, where its scripts run and may reach the
 *   network (HTML, SVG, MHTML; .hta runs with full rights and is a `program`);
 * - `macros`: an Office document that carries macros. The copy the app opens has no
 *   "downloaded from the internet" mark, so Office's Protected View would not stop them;
 * - `disk`: a disk image the OS mounts, whose contents escape that mark too.
 * Plain documents (.pdf, .doc, .docx, .odt, images) are opened without a question: they are what
 * the questionnaire asks for, and a warning on every report would teach people to click through.
 */
export type AttachmentRisk = 'program' | 'script' | 'shortcut' | 'web' | 'macros' | 'disk';

const RISKS: Readonly<Record<AttachmentRisk, readonly string[]>> = {
  program: [
    'exe', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'mst', 'msc', 'dll', 'sys', 'drv', 'ocx', 'hta', 'chm', 'hlp',
    'appx', 'appxbundle', 'msix', 'msixbundle', 'application', 'appref-ms', 'gadget', 'xbap', 'cab', 'diagcab',
    'reg', 'inf', 'xll', 'app', 'pkg', 'mpkg', 'appimage', 'run', 'bin', 'deb', 'rpm', 'elf', 'out', 'apk',
    'mdb', 'mde', 'accde', 'ade', 'adp',
  ],
  script: [
    'bat', 'cmd', 'js', 'jse', 'mjs', 'vbs', 'vbe', 'vb', 'wsf', 'wsh', 'ws', 'wsc', 'sct', 'ps1', 'ps1xml', 'ps2',
    'psc1', 'psd1', 'psm1', 'sh', 'bash', 'zsh', 'csh', 'ksh', 'fish', 'command', 'tool', 'applescript', 'scpt',
    'jar', 'jnlp', 'py', 'pyw', 'pyc', 'pl', 'rb', 'php', 'lua', 'iqy', 'slk',
  ],
  shortcut: ['lnk', 'url', 'website', 'scf', 'desktop', 'settingcontent-ms', 'library-ms', 'searchconnector-ms', 'webloc', 'inetloc'],
  web: ['html', 'htm', 'xhtml', 'xht', 'shtml', 'mht', 'mhtml', 'svg', 'svgz', 'xsl', 'xslt'],
  macros: ['docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'xla', 'xlsb', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm'],
  disk: ['iso', 'img', 'vhd', 'vhdx', 'dmg', 'udf'],
};

const RISK_OF = new Map<string, AttachmentRisk>(
  (Object.entries(RISKS) as [AttachmentRisk, readonly string[]][]).flatMap(([risk, extensions]) => extensions.map((e) => [e, risk] as const)),
);

/** The extension of a (safe) file name, lower case, without the dot; '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return '';
  const ext = name.slice(dot + 1).toLowerCase();
  return /^[\p{L}\p{N}_-]{1,20}$/u.test(ext) ? ext : '';
}

/** Why opening a file with this name could run code, or null for a plain document. */
export const riskOf = (name: string): AttachmentRisk | null => RISK_OF.get(extensionOf(name)) ?? null;

// Control characters (Cc) and invisible format characters (Cf): bidirectional overrides and
// isolates (which make "x\u202Efdp.exe" read as "xexe.pdf"), zero-width characters, the BOM.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// Characters Windows refuses in a name (the separators are handled before).
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
// Device names Windows reserves whatever their extension (`CON.pdf` is the console).
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const MAX_NAME = 120;

/**
 * The name an attachment gets on this computer (a temp copy, a download): the last part of the
 * signed name only (no folder, so `../../x.pdf` is `x.pdf`), without invisible or bidirectional
 * control characters, without characters or device names Windows refuses, without leading dots
 * (no hidden file) or trailing dots and spaces (which Windows drops, turning `a.exe.` into
 * `a.exe`), at most 120 characters with its extension kept. A name with nothing left is
 * `attachment-<first 12 hex of its hash>`.
 */
export function safeAttachmentName(signedName: string | undefined, sha256: string): string {
  const fallback = `attachment-${sha256.slice(0, 12)}`;
  const last = (signedName ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = last
    .replace(INVISIBLE, '')
    .replace(WINDOWS_FORBIDDEN, '_')
    .replace(/^[\s.]+/u, '')
    .replace(/[\s.]+$/u, '');
  if (name === '') return fallback;
  if (RESERVED.test(name)) name = `_${name}`;
  if (name.length > MAX_NAME) {
    const ext = extensionOf(name);
    const keep = ext === '' ? '' : `.${ext}`;
    // By code points, so a character outside the BMP is never cut in half.
    const stem = Array.from(name.slice(0, name.length - keep.length)).slice(0, MAX_NAME - keep.length).join('');
    name = `${stem.replace(/[\s.]+$/u, '')}${keep}`;
  }
  return name;
}
