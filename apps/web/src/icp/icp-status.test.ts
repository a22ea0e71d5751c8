import { describe, expect, it } from 'vitest';
import { icpStatus } from './icp-status';

const end = '2024-12-31T23:59:59.000Z';
const at = (iso: string) => new Date(iso);

describe('icpStatus', () => {
  it('is "No expiry" without an end date, whatever the time', () => {
    expect(icpStatus({ activeUntil: null }, at('2999-01-01T00:00:00.000Z'))).toEqual({
      kind: 'no-expiry',
      label: 'No expiry',
      tone: 'info',
      active: true,
    });
  });

  it('is "Active" up to the last millisecond before the end', () => {
    expect(icpStatus({ activeUntil: end }, at('2024-12-31T23:59:58.999Z'))).toMatchObject({
      kind: 'active',
      label: 'Active',
      tone: 'success',
      active: true,
    });
  });

  it('is "Expired" at the end instant itself and after it', () => {
    expect(icpStatus({ activeUntil: end }, at(end))).toMatchObject({
      kind: 'expired',
      label: 'Expired',
      active: false,
    });
    expect(icpStatus({ activeUntil: end }, at('2025-01-01T00:00:00.000Z')).label).toBe('Expired');
  });
});
