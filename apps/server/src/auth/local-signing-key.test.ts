import { statSync } from 'node:fs';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/temp-dir.js';
import { loadOrCreateLocalSigningKey } from './local-signing-key.js';

describe('loadOrCreateLocalSigningKey', () => {
  const dir = makeTempDir();
  afterAll(() => dir.remove());

  it('keeps its key in the data folder, readable by its owner only, across restarts', async () => {
    const first = await loadOrCreateLocalSigningKey(join(dir.path, 'data'));
    const again = await loadOrCreateLocalSigningKey(join(dir.path, 'data'));
    const token = await first.signToken('user_local');

    expect(statSync(join(dir.path, 'data', 'local-signing-key.json')).mode & 0o777).toBe(0o600);
    expect((await jwtVerify(token, again.publicKey)).payload.sub).toBe('user_local');
  });
});
