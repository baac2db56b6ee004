import { describe, expect, it } from 'vitest';
import { byUrgency } from '../../src/progress/summary.ts';

describe('byUrgency', () => {
  it('puts the latest overdue first, then the soonest due, then steps without a date', () => {
    const lines = [
      { daysLeft: 10 },
      {},
      { daysLeft: -2 },
      { daysLeft: 0 },
      { daysLeft: -30 },
      { daysLeft: 3 },
    ];
    expect([...lines].sort(byUrgency).map((l) => l.daysLeft)).toEqual([-30, -2, 0, 3, 10, undefined]);
  });
});
