import './v8-flags.js';
import { parseEnv } from './env.js';
import { startIcpService } from './service.js';
import { describeStartupFailure } from './startup-errors.js';

/** A database URL fit for a log: any password in it replaced. */
function withoutPassword(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

async function main(): Promise<void> {
  const env = parseEnv();
  const service = await startIcpService(env);
  const mode = service.authMode.kind === 'local' ? 'local sign-in (development)' : 'JWT';
  console.log(
    `ICP service listening on ${service.url} (auth: ${mode}, database: ${withoutPassword(env.DATABASE_URL)})`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing in-flight requests, then closing the database`);
    await service.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(describeStartupFailure(error) ?? error);
  process.exit(1);
});
