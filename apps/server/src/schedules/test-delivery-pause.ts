import { existsSync, writeFileSync } from 'node:fs';
import type { Env } from '../env.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Tests only (`TEST_DELIVERY_PAUSE_FILE`, accepted with NODE_ENV=test): a pause inside each
 * delivery's transaction, after its rows are written: the file is created, and the delivery
 * waits until it is removed. Undefined without it.
 */
export function testDeliveryPauseOf(
  env: Pick<Env, 'TEST_DELIVERY_PAUSE_FILE'>,
): (() => Promise<void>) | undefined {
  const file = env.TEST_DELIVERY_PAUSE_FILE;
  if (file === undefined) return undefined;
  return async () => {
    writeFileSync(file, 'paused');
    while (existsSync(file)) await sleep(20);
  };
}
