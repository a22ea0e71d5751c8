import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from './node-flags.js';

const startScript = (packageJson: URL) =>
  (JSON.parse(readFileSync(packageJson, 'utf8')) as { scripts: { start: string } }).scripts.start;

describe('the flags the server process starts with', () => {
  it.each([
    ['the repository', new URL('../../../package.json', import.meta.url)],
    ['the server package', new URL('../package.json', import.meta.url)],
  ])('are on the node command line of the start script of %s', (_, packageJson) => {
    const script = startScript(packageJson);
    const node = script.slice(script.lastIndexOf('node '));
    for (const flag of SERVER_NODE_FLAGS)
      expect(node).toMatch(new RegExp(`^node (\\S+ )*${flag} `));
  });
});
