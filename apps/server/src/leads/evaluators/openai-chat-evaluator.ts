/**
 * The `ai` custom filter, judged by a model behind an OpenAI-compatible chat completions API.
 *
 * `url` is the API's base URL, what OpenAI's SDKs call `baseURL` (it usually ends in `/v1`:
 * `https://api.openai.com/v1`, `http://localhost:11434/v1`); requests go to
 * `POST {url}/chat/completions` with `Authorization: Bearer {apiKey}` when a key is set.
 *
 * Each lead is judged on its own request: the filter's prompt plus a compact JSON description
 * of the person or of their company (per `entityType`, see lead-description.ts; never an
 * email), at temperature 0 in JSON mode, asking for `{"passed": boolean, "reason": string}`.
 * Leads with identical descriptions (people at one company, for a company filter) share one
 * request. A lead whose request fails or whose answer cannot be read gets an evaluator error
 * verdict (see lead-evaluator.ts), never a silent pass.
 */
import { companyDescription, personDescription } from './lead-description.js';
import {
  type AiFilter,
  type EvaluatedLead,
  evaluatorErrorVerdict,
  type LeadEvaluator,
  type LeadVerdict,
  type LeadVerdicts,
  leadIdOf,
} from './lead-evaluator.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { parseVerdictAnswer, postJson, ServiceCallError } from './service-call.js';

export interface OpenAiChatEvaluatorOptions {
  /** The API's base URL, such as `https://api.openai.com/v1`. */
  url: string;
  apiKey?: string | undefined;
  model: string;
  /** Per request, reading the answer included. */
  timeoutMs?: number;
  /** Requests in flight at once. */
  concurrency?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_CONCURRENCY = 4;

const SYSTEM_PROMPT = [
  'You check sales leads against one criterion given by a sales team.',
  'Judge only from the data given; when it does not show that the criterion holds, it does not pass.',
  'Reply with a JSON object and nothing else: {"passed": true or false, "reason": "<one short sentence>"}.',
].join(' ');

interface Question {
  label: 'Person' | 'Company';
  description: Record<string, unknown>;
}

/** The chat completions endpoint under a base URL, whether or not it ends in `/`. */
export function chatCompletionsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/chat/completions`;
}

function questionAbout(filter: AiFilter, lead: EvaluatedLead): Question | null {
  if (filter.entityType === 'person') {
    return { label: 'Person', description: personDescription(lead.person, lead.company) };
  }
  if (lead.company === null) return null;
  return { label: 'Company', description: companyDescription(lead.company) };
}

/** The model's reply text, with a Markdown code fence around it removed. */
function replyText(answer: unknown): string {
  const choices = (answer as { choices?: unknown } | null)?.choices;
  const first = Array.isArray(choices) ? (choices[0] as unknown) : undefined;
  const content = (first as { message?: { content?: unknown } } | undefined)?.message?.content;
  if (typeof content !== 'string') {
    throw new ServiceCallError('the answer has no choices[0].message.content');
  }
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(content);
  return fenced?.[1] ?? content;
}

/** The verdict a chat completions answer holds; throws ServiceCallError when there is none. */
function modelVerdict(answer: unknown): LeadVerdict {
  const text = replyText(answer);
  let reply: unknown;
  try {
    reply = JSON.parse(text);
  } catch {
    throw new ServiceCallError('the model did not reply with JSON');
  }
  return parseVerdictAnswer(reply);
}

/** Judges leads against `ai` filters through an OpenAI-compatible chat completions API. */
export class OpenAiChatEvaluator implements LeadEvaluator<AiFilter> {
  readonly #endpoint: string;
  readonly #headers: Record<string, string>;
  readonly #model: string;
  readonly #timeoutMs: number;
  readonly #concurrency: number;

  constructor(options: OpenAiChatEvaluatorOptions) {
    this.#endpoint = chatCompletionsUrl(options.url);
    this.#headers = options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {};
    this.#model = options.model;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  }

  /** One verdict per lead; see the module comment for what is sent. */
  async evaluate(filter: AiFilter, leads: readonly EvaluatedLead[]): Promise<LeadVerdicts> {
    const verdicts: LeadVerdicts = new Map();
    const questions = new Map<string, { question: Question; leadIds: string[] }>();
    for (const lead of leads) {
      const id = leadIdOf(lead);
      const question = questionAbout(filter, lead);
      if (question === null) {
        verdicts.set(id, { passed: false, reason: 'no company known' });
        continue;
      }
      const key = JSON.stringify(question);
      const entry = questions.get(key);
      if (entry) entry.leadIds.push(id);
      else questions.set(key, { question, leadIds: [id] });
    }
    const entries = [...questions.values()];
    const answers = await mapWithConcurrency(entries, this.#concurrency, (entry) =>
      this.#ask(filter.prompt, entry.question),
    );
    entries.forEach((entry, index) => {
      for (const id of entry.leadIds) verdicts.set(id, answers[index] as LeadVerdict);
    });
    return verdicts;
  }

  async #ask(prompt: string, question: Question): Promise<LeadVerdict> {
    const body = {
      model: this.#model,
      temperature: 0,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        {
          role: 'user',
          content: `Criterion: ${prompt}\n\n${question.label}: ${JSON.stringify(question.description)}`,
        },
      ],
    };
    try {
      const answer = await postJson(this.#endpoint, body, {
        headers: this.#headers,
        timeoutMs: this.#timeoutMs,
      });
      return modelVerdict(answer);
    } catch (error) {
      if (error instanceof ServiceCallError) return evaluatorErrorVerdict(error.message);
      throw error;
    }
  }
}
