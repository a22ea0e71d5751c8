export {
  checkWebhookUrl,
  type ResolveHost,
  type WebhookUrlCheck,
  type WebhookUrlOptions,
} from './check-webhook-url.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-schedule.js';
export {
  deleteWebhooksOfSchedule,
  enqueueWebhook,
  listWebhookAttempts,
  redirectWebhooksOfSchedule,
  WEBHOOK_ATTEMPTS_KEPT,
  type WebhookAttempt,
  type WebhookDelivery,
} from './webhook-outbox.js';
export { createWebhookSecret } from './webhook-secret.js';
export {
  startWebhookSender,
  type WebhookSender,
  type WebhookSenderOptions,
} from './webhook-sender.js';
export { webhookSettingsOf } from './webhook-settings.js';
