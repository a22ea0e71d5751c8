import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type AiFilter, type EvaluatedLead, isEvaluatorError } from './lead-evaluator.js';
import { chatCompletionsUrl, OpenAiChatEvaluator } from './openai-chat-evaluator.js';

interface ChatRequest {
  url: string | undefined;
  authorization: string | undefined;
  raw: string;
  body: {
    model: string;
    temperature: number;
    response_format: { type: string };
    messages: { role: string; content: string }[];
  };
}

type Answer = (request: ChatRequest, response: ServerResponse) => void;

const servers: ReturnType<typeof createServer>[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A chat completions stand-in on 127.0.0.1; `answer` replies to each request. */
async function startModel(answer: Answer) {
  const requests: ChatRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer(async (request, response) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on('close', () => inFlight--);
    const raw = await readBody(request);
    const chatRequest = {
      url: request.url,
      authorization: request.headers.authorization,
      raw,
      body: JSON.parse(raw),
    };
    requests.push(chatRequest);
    answer(chatRequest, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/v1`, requests, maxInFlight: () => maxInFlight };
}

function reply(response: ServerResponse, content: string, status = 200) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] }),
  );
}

function userMessage(request: ChatRequest): string {
  return request.body.messages.find((message) => message.role === 'user')?.content ?? '';
}

function lead(id: string, jobTitle: string, company: EvaluatedLead['company'] = null) {
  return {
    id,
    person: { firstName: 'Ada', lastName: id, jobTitle, email: `${id}@example.com`, country: 'de' },
    company,
  };
}

const acme = { name: 'Acme', domain: 'acme.io', industry: 'Software', employeeCount: 250 };
const personFilter: AiFilter = {
  type: 'ai',
  entityType: 'person',
  prompt: 'Evaluate if this person has hiring authority',
};
const companyFilter: AiFilter = {
  type: 'ai',
  entityType: 'company',
  prompt: 'Is this a software company?',
};

describe('the OpenAI-compatible ai filter evaluator', () => {
  it('posts the model, key, prompt and lead to {base}/chat/completions, never an email', async () => {
    const model = await startModel((_request, response) =>
      reply(response, '{"passed": true, "reason": "Heads a team"}'),
    );
    const evaluator = new OpenAiChatEvaluator({
      url: model.baseUrl,
      apiKey: 'sk-test',
      model: 'gpt-4o-mini',
    });
    const companyRow = { ...acme, id: 'c1', ownerEmail: 'owner@example.com' };
    const superset = { ...lead('p1', 'Head of Engineering', companyRow), extra: 'not read' };

    const verdicts = await evaluator.evaluate(personFilter, [superset]);

    expect(verdicts.get('p1')).toEqual({ passed: true, reason: 'Heads a team' });
    expect(model.requests).toHaveLength(1);
    const [request] = model.requests as [ChatRequest];
    expect(request.url).toBe('/v1/chat/completions');
    expect(request.authorization).toBe('Bearer sk-test');
    expect(request.body.model).toBe('gpt-4o-mini');
    expect(request.body.temperature).toBe(0);
    expect(request.body.response_format).toEqual({ type: 'json_object' });
    expect(request.body.messages[0]?.role).toBe('system');
    expect(request.body.messages[0]?.content).toContain('"passed"');
    const content = userMessage(request);
    expect(content).toContain('Evaluate if this person has hiring authority');
    const described = JSON.parse(content.slice(content.indexOf('Person: ') + 'Person: '.length));
    expect(described).toEqual({
      firstName: 'Ada',
      lastName: 'p1',
      jobTitle: 'Head of Engineering',
      country: 'de',
      company: { name: 'Acme', industry: 'Software', employeeCount: 250 },
    });
    expect(request.raw).not.toContain('@');
    expect(request.raw).not.toContain('example.com');
  });

  it('sends no Authorization header when no key is set', async () => {
    const model = await startModel((_request, response) => reply(response, '{"passed": false}'));
    const evaluator = new OpenAiChatEvaluator({ url: `${model.baseUrl}/`, model: 'local' });

    const verdicts = await evaluator.evaluate(personFilter, [lead('p1', 'Intern')]);

    expect(verdicts.get('p1')).toEqual({ passed: false });
    expect(model.requests[0]?.authorization).toBeUndefined();
    expect(model.requests[0]?.url).toBe('/v1/chat/completions');
  });

  it("reads each lead's pass or fail from the model's answer", async () => {
    const model = await startModel((request, response) => {
      const passed = userMessage(request).includes('Director');
      reply(response, JSON.stringify({ passed, reason: passed ? 'decides' : 'does not decide' }));
    });
    const evaluator = new OpenAiChatEvaluator({ url: model.baseUrl, model: 'm' });

    const verdicts = await evaluator.evaluate(personFilter, [
      lead('p1', 'Sales Director'),
      lead('p2', 'Sales Assistant'),
    ]);

    expect(verdicts.get('p1')).toEqual({ passed: true, reason: 'decides' });
    expect(verdicts.get('p2')).toEqual({ passed: false, reason: 'does not decide' });
  });

  it('accepts a reply wrapped in a Markdown code fence', async () => {
    const model = await startModel((_request, response) =>
      reply(response, '```json\n{"passed": true, "reason": "ok"}\n```'),
    );
    const evaluator = new OpenAiChatEvaluator({ url: model.baseUrl, model: 'm' });

    const verdicts = await evaluator.evaluate(personFilter, [lead('p1', 'CTO')]);

    expect(verdicts.get('p1')).toEqual({ passed: true, reason: 'ok' });
  });

  it('asks once per company for a company filter and shows the model the company', async () => {
    const model = await startModel((_request, response) =>
      reply(response, '{"passed": true, "reason": "sells software"}'),
    );
    const evaluator = new OpenAiChatEvaluator({ url: model.baseUrl, model: 'm' });

    const verdicts = await evaluator.evaluate(companyFilter, [
      lead('p1', 'CTO', acme),
      lead('p2', 'CFO', { ...acme }),
      lead('p3', 'CEO', null),
    ]);

    expect(model.requests).toHaveLength(1);
    const content = userMessage(model.requests[0] as ChatRequest);
    expect(content).toContain('Is this a software company?');
    expect(content).toContain(`Company: ${JSON.stringify(acme)}`);
    expect(verdicts.get('p1')).toEqual({ passed: true, reason: 'sells software' });
    expect(verdicts.get('p2')).toEqual({ passed: true, reason: 'sells software' });
    expect(verdicts.get('p3')).toEqual({ passed: false, reason: 'no company known' });
  });

  it('turns an HTTP 500 into an evaluator error, not a pass', async () => {
    const model = await startModel((_request, response) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'The server had an error' } }));
    });
    const evaluator = new OpenAiChatEvaluator({ url: model.baseUrl, model: 'm' });

    const verdict = (await evaluator.evaluate(personFilter, [lead('p1', 'CTO')])).get('p1');

    expect(verdict).toEqual({
      passed: false,
      reason: 'evaluator error: HTTP 500: The server had an error',
      error: true,
    });
    expect(verdict && isEvaluatorError(verdict)).toBe(true);
  });

  it('turns an answer that is not JSON into an evaluator error', async () => {
    const model = await startModel((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>gateway</html>');
    });
    const evaluator = new OpenAiChatEvaluator({ url: model.baseUrl, model: 'm' });

    const verdict = (await evaluator.evaluate(personFilter, [lead('p1', 'CTO')])).get('p1');

    expect(verdict).toEqual({
      passed: false,
      reason: 'evaluator error: the answer is not JSON',
      error: true,
    });
  });

  it.each([
    ['prose instead of JSON', 'Yes, this person can hire.', 'the model did not reply with JSON'],
    ['no boolean "passed"', '{"passed": "yes"}', 'the answer has no boolean "passed"'],
    ['a JSON array', '[true]', 'the answer is not a JSON object'],
  ])('turns a model reply of %s into an evaluator error', async (_case, content, message) => {
    const model = await startModel((_request, response) => reply(response, content));
    const evaluator = new OpenAiChatEvaluator({ url: model.baseUrl, model: 'm' });

    const verdict = (await evaluator.evaluate(personFilter, [lead('p1', 'CTO')])).get('p1');

    expect(verdict).toEqual({ passed: false, reason: `evaluator error: ${message}`, error: true });
  });

  it('gives up on a server that never answers after the timeout', async () => {
    const model = await startModel(() => {});
    const evaluator = new OpenAiChatEvaluator({ url: model.baseUrl, model: 'm', timeoutMs: 100 });

    const verdicts = await evaluator.evaluate(personFilter, [lead('p1', 'CTO'), lead('p2', 'CEO')]);

    for (const id of ['p1', 'p2']) {
      expect(verdicts.get(id)).toEqual({
        passed: false,
        reason: 'evaluator error: no answer within 100 ms',
        error: true,
      });
    }
  });

  it('keeps at most 4 requests in flight at once', async () => {
    const model = await startModel((_request, response) => {
      setTimeout(() => reply(response, '{"passed": true}'), 40);
    });
    const evaluator = new OpenAiChatEvaluator({ url: model.baseUrl, model: 'm' });
    const leads = Array.from({ length: 12 }, (_, index) => lead(`p${index}`, 'CTO'));

    const verdicts = await evaluator.evaluate(personFilter, leads);

    expect(model.requests).toHaveLength(12);
    expect(verdicts.size).toBe(12);
    expect(model.maxInFlight()).toBe(4);
  });

  it('keeps to a smaller concurrency when configured', async () => {
    const model = await startModel((_request, response) => {
      setTimeout(() => reply(response, '{"passed": true}'), 20);
    });
    const evaluator = new OpenAiChatEvaluator({ url: model.baseUrl, model: 'm', concurrency: 2 });

    await evaluator.evaluate(
      personFilter,
      Array.from({ length: 6 }, (_, index) => lead(`p${index}`, 'CTO')),
    );

    expect(model.maxInFlight()).toBe(2);
  });
});

describe('chatCompletionsUrl', () => {
  it('appends /chat/completions to the base URL, with or without a trailing slash', () => {
    expect(chatCompletionsUrl('https://api.openai.com/v1')).toBe(
      'https://api.openai.com/v1/chat/completions',
    );
    expect(chatCompletionsUrl('https://api.openai.com/v1/')).toBe(
      'https://api.openai.com/v1/chat/completions',
    );
  });
});
