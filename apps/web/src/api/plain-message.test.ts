import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../icp/dates';
import { plainMessage } from './plain-message';

describe('plainMessage', () => {
  it('words zod texts as the form does', () => {
    expect(plainMessage('Too small: expected string to have >=1 characters')).toBe('Required');
    expect(plainMessage('Too big: expected string to have <=200 characters')).toBe(
      'Must be at most 200 characters',
    );
    expect(plainMessage('Too small: expected number to be >=1')).toBe('Must be at least 1');
    expect(plainMessage('Invalid input: expected string, received number')).toBe(
      'Enter a valid value',
    );
  });

  it('formats dates and names fields as the form labels them', () => {
    const iso = '2026-01-05T10:00:00.000Z';
    expect(
      plainMessage(
        `This ICP expired at ${iso}; set a later activeUntil (or none) to generate lead lists`,
      ),
    ).toBe(
      `This profile expired at ${formatDateTime(iso)}; move its “Active until” date later, or remove it, to generate lead lists`,
    );
    expect(
      plainMessage('webhookUrl must reach a public address: 10.0.0.5 is a private address'),
    ).toBe('“Webhook URL” must reach a public address: 10.0.0.5 is a private address');
  });

  it('names no server setting and writes AI in capitals', () => {
    expect(
      plainMessage('Bullhorn rejected the token (HTTP 401): BULLHORN_REST_TOKEN is invalid'),
    ).toBe('Bullhorn rejected the token (HTTP 401): a server setting is invalid');
    expect(plainMessage('no ai evaluator is configured, so leads were not checked')).toBe(
      'no AI evaluator is configured, so leads were not checked',
    );
  });
});
