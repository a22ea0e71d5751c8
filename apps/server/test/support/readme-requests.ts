import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One request of the README's curl examples, as an API client would send it. */
export interface ReadmeRequest {
  /** The curl command it was read from. */
  command: string;
  method: string;
  /** The path with `<id>`-style placeholders turned into `{id}`, as the OpenAPI paths spell them. */
  path: string;
  pathParams: Record<string, string>;
  query: Record<string, string | number>;
  /** The documented request headers sent (`Idempotency-Key`, `If-Match`), in lower case. */
  headers: Record<string, string>;
  body: unknown;
}

const README = fileURLToPath(new URL('../../../../README.md', import.meta.url));
const DOCUMENTED_HEADERS = ['idempotency-key', 'if-match'];

/** The README section "The API, with curl", up to the next section. */
function apiSection(): string {
  const readme = readFileSync(README, 'utf8');
  return readme.split('## The API, with curl')[1]?.split(/^## /m)[0] ?? '';
}

/** The shell block of that section that calls the API. */
function curlBlock(): string {
  const block = /```sh\n([\s\S]*?)```/.exec(apiSection())?.[1];
  if (block === undefined) throw new Error('README: no curl block under "The API, with curl"');
  return block;
}

/** The TypeScript blocks of that section: client code, as a reader would copy it. */
export function readmeTypeScriptExamples(): string[] {
  return [...apiSection().matchAll(/```ts\n([\s\S]*?)```/g)].map(([, code = '']) => code);
}

/** Every curl command of that block that calls the REST API, with its body parsed. */
export function readmeRequests(): ReadmeRequest[] {
  const block = curlBlock();
  const variables = new Map<string, string>();
  for (const [, name = '', value = ''] of block.matchAll(/^([A-Z0-9_]+)=(\S+)/gm)) {
    variables.set(name, value);
  }
  const commands = block
    .split(/^(?=curl )/m)
    .filter((text) => text.startsWith('curl '))
    // A command ends at the next comment, variable or blank line.
    .map((text) => text.split(/\n(?=#|[A-Z0-9_]+=|\n)/)[0] ?? text);

  return commands.map((command) => {
    const expanded = command
      .replace(/\$([A-Z0-9_]+)/g, (name, key) => variables.get(key) ?? name)
      .replace(/<([^>]+)>/g, (_, name: string) => `__${name.replace(/ /g, '_')}__`);
    const url = /(https?:\/\/[^\s"']+)/.exec(expanded)?.[1];
    if (url === undefined) throw new Error(`README: no URL in ${command}`);
    const { pathname, searchParams } = new URL(url);
    const pathParams: Record<string, string> = {};
    const path = pathname.replace(/__([a-z_]+)__/g, (_, name: string) => {
      pathParams.id = `example-${name}`;
      return '{id}';
    });
    const query: Record<string, string | number> = {};
    for (const [key, value] of searchParams) {
      query[key] = /^\d+$/.test(value) ? Number(value) : value;
    }
    const headers: Record<string, string> = {};
    for (const [, name = '', value = ''] of expanded.matchAll(/-H '([^:]+): ([^']*)'/g)) {
      const key = name.toLowerCase();
      if (DOCUMENTED_HEADERS.includes(key)) headers[key] = value;
    }
    const data = /-d '([^']*)'/.exec(expanded)?.[1];
    return {
      command: command.trim(),
      method: /-X (\w+)/.exec(expanded)?.[1] ?? 'GET',
      path,
      pathParams,
      query,
      headers,
      body: data === undefined ? undefined : JSON.parse(data),
    };
  });
}
