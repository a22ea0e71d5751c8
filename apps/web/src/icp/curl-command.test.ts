import { describe, expect, it } from 'vitest';
import {
  apiKeyCreateCommand,
  curlGetIcpCommand,
  icpApiUrl,
  shellQuote,
  singleQuote,
} from './curl-command';

const id = '550e8400-e29b-41d4-a716-446655440000';

describe('curlGetIcpCommand', () => {
  it('GETs the ICP with the key read from $ICP_API_KEY', () => {
    expect(curlGetIcpCommand('https://icp.example.com', id)).toBe(
      `curl 'https://icp.example.com/api/v1/entities/icps/${id}' \\\n` +
        '  -H "Authorization: Bearer $ICP_API_KEY"',
    );
  });

  it('does not double the slash after an origin that ends in one', () => {
    expect(icpApiUrl('http://127.0.0.1:5173/', id)).toBe(
      `http://127.0.0.1:5173/api/v1/entities/icps/${id}`,
    );
  });

  it('keeps odd ids inside one shell word', () => {
    const command = curlGetIcpCommand('http://localhost', "it's $(rm -rf ~) & more");
    expect(command.split('\n')[0]).toBe(
      "curl 'http://localhost/api/v1/entities/icps/it'\\''s%20%24(rm%20-rf%20~)%20%26%20more' \\",
    );
  });
});

describe('shell quoting', () => {
  it('escapes single quotes the POSIX way', () => {
    expect(singleQuote("a'b")).toBe("'a'\\''b'");
    expect(singleQuote('$HOME')).toBe("'$HOME'");
  });

  it('leaves safe words bare and quotes the rest', () => {
    expect(shellQuote('user_abc123')).toBe('user_abc123');
    expect(shellQuote('user name')).toBe("'user name'");
    expect(shellQuote('')).toBe("''");
    expect(apiKeyCreateCommand('user_abc123')).toBe(
      'npx -y pnpm@12.21.0 icp api-key create --user user_abc123',
    );
    expect(apiKeyCreateCommand('a;b')).toBe("npx -y pnpm@12.21.0 icp api-key create --user 'a;b'");
  });
});
