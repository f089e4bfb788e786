// Before every component test file: the UI texts in English (the app's own i18next set-up),
// the DOM matchers (toBeInTheDocument, toHaveValue…), and each test's rendering removed after it
// (Testing Library cleans up by itself only with global hooks).
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { initI18n } from '../../renderer/i18n/index.js';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);
