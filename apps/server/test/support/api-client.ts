export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A response whose JSON a test reads as whatever it expects. */
// biome-ignore lint/suspicious/noExplicitAny: tests read response JSON of every shape
export type JsonResponse = ApiResponse<any>;

export interface RequestOptions {
  token?: string | undefined;
  /** A value to send as JSON, or a string sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A thin fetch wrapper for tests: JSON in, parsed JSON (or null for no body) out. */
export function apiClient(baseUrl: string) {
  // biome-ignore lint/suspicious/noExplicitAny: tests read response JSON of every shape
  return async <T = any>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = null;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
