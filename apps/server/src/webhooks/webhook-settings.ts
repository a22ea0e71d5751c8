import type { Env } from '../env.js';

/** The webhook settings of the environment, as checkWebhookUrl and startWebhookSender take them. */
export function webhookSettingsOf(
  env: Pick<Env, 'WEBHOOK_ALLOW_PRIVATE' | 'WEBHOOK_TIMEOUT_MS' | 'WEBHOOK_RETRY_BASE_MS'>,
) {
  return {
    allowPrivate: env.WEBHOOK_ALLOW_PRIVATE === 'on',
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    retry: { baseMs: env.WEBHOOK_RETRY_BASE_MS },
  };
}
