import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = join(benchDir, '..');
export const productMain = join(repoRoot, 'apps', 'server', 'dist', 'main.js');
/** The built `icp` command line. */
export const icpCli = join(repoRoot, 'apps', 'server', 'dist', 'cli', 'icp.js');
/** The built synthetic lead generator, which the server package does not export. */
export const syntheticDatasetModule = join(
  repoRoot,
  'apps',
  'server',
  'dist',
  'leads',
  'dataset',
  'synthetic.js',
);
/** The built server's `openDatabase`, which the server package does not export. */
export const openDatabaseModule = join(
  repoRoot,
  'apps',
  'server',
  'dist',
  'db',
  'open-database.js',
);
export const baselineServerScript = join(benchDir, 'src', 'baseline-server.ts');
export const resultsFile = join(benchDir, 'RESULTS.md');
