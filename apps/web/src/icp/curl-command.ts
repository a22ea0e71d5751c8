/** The environment variable the copied commands read the API key from. */
export const API_KEY_ENV_VAR = 'ICP_API_KEY';

const SAFE_SHELL_WORD = /^[\w@%+=:,./-]+$/;

/** `value` in POSIX single quotes, where nothing is expanded; `'` itself becomes `'\''`. */
export function singleQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** `value` as one POSIX shell word: left bare when safe, otherwise single-quoted. */
export function shellQuote(value: string): string {
  return SAFE_SHELL_WORD.test(value) ? value : singleQuote(value);
}

/** The REST address of one ICP, e.g. `https://icp.example.com/api/v1/entities/icps/<id>`. */
export function icpApiUrl(origin: string, icpId: string): string {
  return `${origin.replace(/\/+$/, '')}/api/v1/entities/icps/${encodeURIComponent(icpId)}`;
}

/**
 * A ready-to-paste `curl` that reads one ICP over the REST API. The key stays in the
 * environment (double quotes let the shell expand it) instead of being pasted into history.
 */
export function curlGetIcpCommand(origin: string, icpId: string): string {
  return [
    `curl ${singleQuote(icpApiUrl(origin, icpId))} \\`,
    `  -H "Authorization: Bearer $${API_KEY_ENV_VAR}"`,
  ].join('\n');
}

/**
 * The CLI command that issues an API key for `userId`, as the README gives it (run in the
 * service's checkout; pnpm comes through npx, nothing else to install).
 */
export function apiKeyCreateCommand(userId: string): string {
  return `npx -y pnpm@12.21.0 icp api-key create --user ${shellQuote(userId)}`;
}
