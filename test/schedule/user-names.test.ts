import { describe, expect, it } from 'vitest';
import { createUserNames } from '../../src/schedule/user-names.ts';

describe('display names for the channel post', () => {
  it('asks Slack once per person while the name is fresh, preferring the display name', async () => {
    const asked: string[] = [];
    let clock = 0;
    const names = createUserNames(
      {
        users: {
          info: async ({ user }) => {
            asked.push(user);
            if (user === 'UX') throw new Error('user_not_found');
            return {
              user: {
                name: 'ana.p',
                real_name: 'Ana Pérez',
                profile: { display_name: user === 'UA' ? 'Ana' : '' },
              },
            };
          },
        },
      },
      { ttlMs: 1000, failureTtlMs: 100, now: () => clock },
    );
    expect([...(await names(['UA', 'UB', 'UA', 'UX']))]).toEqual([
      ['UA', 'Ana'],
      ['UB', 'Ana Pérez'],
    ]);
    await names(['UA', 'UB', 'UX']);
    expect(asked).toEqual(['UA', 'UB', 'UX']);
    clock = 500; // the failure is asked again, the names are not
    await names(['UA', 'UX']);
    expect(asked).toEqual(['UA', 'UB', 'UX', 'UX']);
    clock = 2000;
    await names(['UA']);
    expect(asked).toEqual(['UA', 'UB', 'UX', 'UX', 'UA']);
  });
});
