/** Arabic-Indic and Persian digits as ASCII digits; everything else unchanged. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/**
 * What a number field stores from the text typed: a number when the text is one, `null`
 * when empty, and otherwise the text itself, so nothing typed is lost and the engine reports
 * it as not valid. Arabic-Indic and Persian digits, and a decimal comma, are accepted.
 */
export function parseNumberInput(text: string, integer: boolean): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const ascii = asciiDigits(trimmed)
    .replace(/[\u066b,]/g, '.')
    .replace(/\u2212/g, '-');
  const pattern = integer ? /^-?\d+$/ : /^-?(\d+\.?\d*|\.\d+)$/;
  if (!pattern.test(ascii)) return text;
  const n = Number(ascii);
  return Number.isFinite(n) ? n : text;
}

/** The text a number field shows for a stored value. */
export function numberInputText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return '';
}
