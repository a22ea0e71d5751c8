import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../env.js';
import { evaluatorsFromEnv } from './from-env.js';
import { OpenAiChatEvaluator } from './openai-chat-evaluator.js';
import { WebsiteEvaluator } from './website-evaluator.js';

describe('evaluatorsFromEnv', () => {
  it('configures no evaluator when no evaluator URL is set', () => {
    expect(evaluatorsFromEnv(parseEnv({}))).toEqual({});
  });

  it('configures the ai evaluator alone when only AI_EVALUATOR_URL is set', () => {
    const evaluators = evaluatorsFromEnv(
      parseEnv({ AI_EVALUATOR_URL: 'http://127.0.0.1:9/v1', AI_EVALUATOR_API_KEY: 'sk-test' }),
    );

    expect(Object.keys(evaluators)).toEqual(['ai']);
    expect(evaluators.ai).toBeInstanceOf(OpenAiChatEvaluator);
  });

  it('configures website and webscraping alone when only WEBSITE_EVALUATOR_URL is set', () => {
    const evaluators = evaluatorsFromEnv(
      parseEnv({ WEBSITE_EVALUATOR_URL: 'http://127.0.0.1:9/evaluate' }),
    );

    expect(Object.keys(evaluators).sort()).toEqual(['webscraping', 'website']);
    expect(evaluators.website).toBeInstanceOf(WebsiteEvaluator);
    expect(evaluators.webscraping).toBe(evaluators.website);
  });
});
