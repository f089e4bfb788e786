import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJsonBytes, canonicalJsonText } from '../../../core/package/canonical-json.js';
import { buildManifest, manifestSchema } from '../../../core/package/manifest.js';
import { jsonNestingDepth, parseUntrustedJson } from '../../../core/package/safe-json.js';
import {
  PackageVerifyError,
  VERIFY_CODE_STAGE,
  VERIFY_CODES,
  VERIFY_MESSAGES,
  VERIFY_STAGES,
} from '../../../core/package/verify-codes.js';
import { findNameProblem, unsafeNameReason } from '../../../core/package/zip-names.js';
import { makeSigner, sampleFields } from './fixtures.js';

describe('canonical JSON', () => {
  it('sorts keys recursively, indents by two spaces and ends with one newline', () => {
    expect(canonicalJsonText({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{\n  "a": {\n    "c": "x",\n    "d": [\n      3,\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });
  it('gives the same bytes for the same value whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(Buffer.from(canonicalJsonBytes(reversed))).toEqual(Buffer.from(canonicalJsonBytes(value)));
      }),
      { numRuns: 200 },
    );
  });
  it('has no trailing spaces and encodes UTF-8', () => {
    const text = canonicalJsonText({ name: 'Réponse «ok» — مرحبا', list: [], empty: {} });
    expect(text.split('\n').every((line) => !line.endsWith(' '))).toBe(true);
    expect(new TextDecoder().decode(canonicalJsonBytes({ a: 'é' }))).toBe('{\n  "a": "é"\n}\n');
  });
  it('keeps a "__proto__" key as data and refuses non-JSON values', () => {
    expect(canonicalJsonText(JSON.parse('{"__proto__": 1}'))).toBe('{\n  "__proto__": 1\n}\n');
    expect(() => canonicalJsonText({ n: Number.NaN })).toThrow();
    expect(() => canonicalJsonText({ d: new Date() })).toThrow();
  });
});

describe('manifest schema', () => {
  const signer = makeSigner();
  const entry = { path: 'responses.json', size: 2, sha256: 'a'.repeat(64) };
  it('builds a valid manifest with sorted entries', () => {
    const m = buildManifest(sampleFields(signer), [
      { path: `attachments/${'b'.repeat(64)}`, size: 1, sha256: 'b'.repeat(64) },
      entry,
    ]);
    expect(m.entries.map((e) => e.path)).toEqual(['attachments/' + 'b'.repeat(64), 'responses.json']);
    expect(manifestSchema.safeParse(m).success).toBe(true);
  });
  it('format 2 carries respondent.state and format 1 never does', () => {
    const m = buildManifest(sampleFields(signer), [entry]);
    expect(m.formatVersion).toBe(2);
    const { state: _state, ...respondentV1 } = m.respondent;
    expect(manifestSchema.safeParse({ ...m, respondent: respondentV1 }).success).toBe(false);
    expect(manifestSchema.safeParse({ ...m, formatVersion: 1 }).success).toBe(false);
    expect(manifestSchema.safeParse({ ...m, formatVersion: 1, respondent: respondentV1 }).success).toBe(true);
    expect(manifestSchema.safeParse({ ...m, formatVersion: 3 }).success).toBe(false);
  });
  it('refuses an attachment whose name is not its hash, unknown keys and inconsistent revisions', () => {
    const fields = sampleFields(signer);
    expect(() => buildManifest(fields, [entry, { path: 'attachments/x', size: 1, sha256: 'b'.repeat(64) }])).toThrow();
    expect(() => buildManifest({ ...fields, revision: 2 }, [entry])).toThrow();
    expect(() => buildManifest({ ...fields, supersedes: fields.submissionId }, [entry])).toThrow();
    expect(manifestSchema.safeParse({ ...buildManifest(fields, [entry]), extra: 1 }).success).toBe(false);
    expect(() => buildManifest(fields, [])).toThrow();
  });
});

describe('untrusted JSON', () => {
  it('measures nesting outside strings', () => {
    expect(jsonNestingDepth('{"a": "[[[[", "b": [1, {"c": []}]}')).toBe(4);
    expect(jsonNestingDepth('[[]')).toBe(-1);
  });
  it('refuses deep nesting before parsing, prototype keys, bad UTF-8', () => {
    expect(parseUntrustedJson(new TextEncoder().encode('['.repeat(100000) + ']'.repeat(100000)), 32)).toMatchObject({
      ok: false,
    });
    expect(parseUntrustedJson(new TextEncoder().encode('{"a": {"__proto__": {}}}'), 32)).toEqual({
      ok: false,
      reason: 'forbidden key "__proto__"',
    });
    expect(parseUntrustedJson(new TextEncoder().encode('{"constructor": {}}'), 32)).toMatchObject({ ok: false });
    expect(parseUntrustedJson(Uint8Array.from([0x22, 0xff, 0x22]), 32)).toEqual({
      ok: false,
      reason: 'not valid UTF-8',
    });
    expect(parseUntrustedJson(new TextEncoder().encode('{"a": [1]}'), 32)).toEqual({ ok: true, value: { a: [1] } });
  });
});

describe('ZIP names', () => {
  it('names each unsafe kind', () => {
    expect(unsafeNameReason('../x')).toBe('parent-path');
    expect(unsafeNameReason('a/../../x')).toBe('parent-path');
    expect(unsafeNameReason('/x')).toBe('absolute-path');
    expect(unsafeNameReason('C:x')).toBe('absolute-path');
    expect(unsafeNameReason('a\\b')).toBe('backslash');
    expect(unsafeNameReason('a\u0000b')).toBe('control-character');
    expect(unsafeNameReason('a\nb')).toBe('control-character');
    expect(unsafeNameReason('a/')).toBe('directory');
    expect(unsafeNameReason('')).toBe('empty-name');
    expect(unsafeNameReason('attachments/abc')).toBeNull();
  });
  it('finds duplicates, case twins and normalisation twins', () => {
    expect(findNameProblem(['a', 'a'])).toEqual({ reason: 'duplicate-name', name: 'a' });
    expect(findNameProblem(['Readme', 'README'])).toEqual({ reason: 'case-twin', name: 'README' });
    expect(findNameProblem(['\u00e9', 'e\u0301'])).toEqual({ reason: 'normalisation-twin', name: 'e\u0301' });
    expect(findNameProblem(['manifest.json', 'responses.json'])).toBeNull();
  });
});

describe('verify codes', () => {
  it('gives every code a stage and a plain message', () => {
    for (const code of VERIFY_CODES) {
      expect(VERIFY_STAGES).toContain(VERIFY_CODE_STAGE[code]);
      expect(VERIFY_MESSAGES[code].length).toBeGreaterThan(20);
    }
    expect(VERIFY_MESSAGES.SIGNATURE_INVALID).toBe(
      'The signature does not match the manifest: the file was changed after signing, or it was not signed by the key it names.',
    );
    const error = new PackageVerifyError('DECRYPT_FAILED', 'x', 'not-for-this-identity');
    expect(error.stage).toBe('decryption');
    expect(error.message).toMatch(/not sealed for this key/);
  });
});
