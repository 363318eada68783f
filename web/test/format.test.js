import { describe, expect, it } from 'vitest';
import { eventName, formatDate, formatDateTime, formatNumber, formatPercent, share, shortHash } from '../src/utils/format.js';
import { chainLinks, GENESIS } from '../src/utils/chain.js';

describe('formats', () => {
  it('writes dates and times the Chinese way, and the English way', () => {
    expect(formatDateTime('2026-11-28T07:21:48Z', 'zh-CN', 'Asia/Shanghai')).toMatch(/^2026年11月28日.*15:21:48/);
    expect(formatDate('2026-11-28T07:21:48Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年11月28日');
    expect(formatDate('2026-11-28T07:21:48Z', 'en', 'UTC')).toBe('28 Nov 2026');
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a time')).toBe('not a time');
  });

  it('groups numbers and writes shares as percentages', () => {
    expect(formatNumber(12345, 'zh-CN')).toBe('12,345');
    expect(formatNumber(undefined)).toBe('');
    expect(formatPercent(1, 4, 'zh-CN')).toBe('25%');
    expect(formatPercent(0, 0, 'zh-CN')).toBe('100%');
    expect(formatPercent(9, 4, 'zh-CN')).toBe('100%');
    expect(share(1, 4)).toBe(0.25);
    expect(share(5, 0)).toBe(1);
    expect(share(-1, 4)).toBe(0);
  });

  it('shortens hashes and names events', () => {
    expect(shortHash('a'.repeat(64))).toBe(`${'a'.repeat(12)}…`);
    expect(eventName('org.dangjian.organisation.OrganisationUnitRenamed.v1')).toBe('OrganisationUnitRenamed');
    expect(eventName('custom')).toBe('custom');
  });
});

describe('chainLinks', () => {
  const e = (sequence, prevHash, hash) => ({ sequence, prevHash, hash });

  it('links each event to the one before and the first to the genesis hash', () => {
    expect(chainLinks([e(0, GENESIS, 'h0'), e(1, 'h0', 'h1')])).toEqual([
      { linked: true, previous: null, genesis: true },
      { linked: true, previous: 0, genesis: false },
    ]);
  });

  it('marks an event whose previous hash is not the hash before it', () => {
    expect(chainLinks([e(0, GENESIS, 'h0'), e(1, 'tampered', 'h1')])[1]).toEqual({ linked: false, previous: 0, genesis: false });
    expect(chainLinks([e(0, 'x', 'h0')])[0].linked).toBe(false);
  });
});

describe('the centre day', () => {
  it('is the day in Asia/Shanghai, also when it is still yesterday in UTC', async () => {
    const { todayInCentre } = await import('../src/utils/format.js');
    expect(todayInCentre(new Date('2026-11-28T16:30:00Z'))).toBe('2026-11-29');
    expect(todayInCentre(new Date('2026-11-28T15:59:59Z'))).toBe('2026-11-28');
  });
});
