// Runs before every unit test file: whatever a file's kits put in their shared temp
// folders is removed when the file is done, so test runs leave nothing in /tmp.
import { afterAll } from 'vitest';
import { removeProcessTempDirs } from './temp-dir.js';

afterAll(removeProcessTempDirs);
