import type { Env } from '../../env.js';
import type {
  AiFilter,
  LeadEvaluator,
  WebscrapingFilter,
  WebsiteFilter,
} from './lead-evaluator.js';
import { OpenAiChatEvaluator } from './openai-chat-evaluator.js';
import { WebsiteEvaluator } from './website-evaluator.js';

/** The evaluator of each custom filter type that needs an outside service. */
export interface CustomFilterEvaluators {
  ai: LeadEvaluator<AiFilter>;
  website: LeadEvaluator<WebsiteFilter>;
  webscraping: LeadEvaluator<WebscrapingFilter>;
}

export type EvaluatorEnv = Pick<
  Env,
  'AI_EVALUATOR_URL' | 'AI_EVALUATOR_API_KEY' | 'AI_EVALUATOR_MODEL' | 'WEBSITE_EVALUATOR_URL'
>;

/**
 * The evaluators the environment configures, and only those: `ai` when AI_EVALUATOR_URL is set
 * (the base URL of an OpenAI-compatible API, such as `https://api.openai.com/v1`), `website` and
 * `webscraping` when WEBSITE_EVALUATOR_URL is set.
 */
export function evaluatorsFromEnv(env: EvaluatorEnv): Partial<CustomFilterEvaluators> {
  const evaluators: Partial<CustomFilterEvaluators> = {};
  if (env.AI_EVALUATOR_URL !== undefined) {
    evaluators.ai = new OpenAiChatEvaluator({
      url: env.AI_EVALUATOR_URL,
      apiKey: env.AI_EVALUATOR_API_KEY,
      model: env.AI_EVALUATOR_MODEL,
    });
  }
  if (env.WEBSITE_EVALUATOR_URL !== undefined) {
    const website = new WebsiteEvaluator({ url: env.WEBSITE_EVALUATOR_URL });
    evaluators.website = website;
    evaluators.webscraping = website;
  }
  return evaluators;
}
