import { describe, expect, it } from 'vitest';
import { sharingOf } from './sharing-label';

describe('sharingOf', () => {
  it('says "Only you" when the viewer is the only user', () => {
    expect(sharingOf(['user_a'], 'user_a')).toEqual({
      label: 'Only you',
      others: [],
      includesViewer: true,
    });
  });

  it('counts the other users and lists their ids', () => {
    expect(sharingOf(['user_b', 'user_a'], 'user_a')).toMatchObject({
      label: 'You and 1 other',
      others: ['user_b'],
    });
    expect(sharingOf(['user_a', 'user_b', 'user_c', 'user_b'], 'user_a')).toMatchObject({
      label: 'You and 2 others',
      others: ['user_b', 'user_c'],
    });
  });

  it('counts every user when the viewer is not a member (an admin)', () => {
    expect(sharingOf(['user_b', 'user_c'], 'admin')).toEqual({
      label: '2 users',
      others: ['user_b', 'user_c'],
      includesViewer: false,
    });
  });
});
