import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = join(benchDir, '..');
export const productMain = join(repoRoot, 'apps', 'server', 'dist', 'main.js');
export const baselineServerScript = join(benchDir, 'src', 'baseline-server.ts');
export const resultsFile = join(benchDir, 'RESULTS.md');
