import { describe, expect, it } from 'vitest';
import { VERIFY_CODES, VERIFY_STAGES } from '../../../core/package/verify-codes.js';
import { LIST_PROBLEM_CODES } from '../../../main/services/import/expected-list.js';
import { IMPORT_CODES, IMPORT_STAGES, OUTCOME_FLAGS } from '../../../main/services/import/outcomes.js';
import { NAMESPACES } from '../../../renderer/i18n/namespaces.js';

/**
 * Every code the import can report reaches a person in words: each outcome and verification code,
 * each stage, each flag, each problem of a list of expected respondents and each source of a key
 * has a text in the IOM namespace (the parity test checks the four languages have the same keys).
 */
const iom = NAMESPACES.iom.en;

describe('the IOM workspace words every code', () => {
  it('outcome and verification codes', () => {
    expect(Object.keys(iom.codes).sort()).toEqual([...IMPORT_CODES, ...VERIFY_CODES].sort());
  });
  it('pipeline stages, flags, key sources, list problems', () => {
    expect(Object.keys(iom.stages).sort()).toEqual([...IMPORT_STAGES, ...VERIFY_STAGES].sort());
    expect(Object.keys(iom.flags).sort()).toEqual([...OUTCOME_FLAGS].sort());
    expect(Object.keys(iom.sources).sort()).toEqual(['accepted', 'card', 'list', 'migrated', 'package']);
    expect(Object.keys(iom.respondents.problems).sort()).toEqual([...LIST_PROBLEM_CODES].sort());
  });
});
