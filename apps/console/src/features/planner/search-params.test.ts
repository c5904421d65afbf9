import { describe, expect, it } from 'vitest';
import {
  buyHref,
  historyPlanHref,
  parseCount,
  parseHorizon,
  parseMonths,
  parsePlannerSearch,
  toPlannerSearchParams,
} from './search-params.ts';

describe('planner URL state', () => {
  it('reads counts with thousands separators and refuses junk', () => {
    expect(parseCount('300,000', 1e8)).toBe(300_000);
    expect(parseCount(' 15000 ', 1e8)).toBe(15_000);
    expect(parseCount('-1', 1e8)).toBeUndefined();
    expect(parseCount('1.5', 1e8)).toBeUndefined();
    expect(parseCount('100000001', 100_000_000)).toBeUndefined();
  });

  it('reads a month list with commas, spaces or Chinese separators', () => {
    expect(parseMonths('10000, 12000, 15000')).toEqual([10_000, 12_000, 15_000]);
    expect(parseMonths('10,000 12,000')).toEqual([10_000, 12_000]);
    expect(parseMonths('1000，2000、3000')).toEqual([1000, 2000, 3000]);
    expect(parseMonths(Array(25).fill('1').join(','))).toBeUndefined();
    expect(parseMonths('')).toBeUndefined();
  });

  it('round-trips through the URL; calls win over months', () => {
    const s = { label: 'enhanced.authority.wechat', months: [1, 2, 3] };
    expect(parsePlannerSearch(toPlannerSearchParams(s))).toEqual(s);
    expect(parsePlannerSearch(new URLSearchParams('label=x&calls=5&months=1,2'))).toEqual({
      label: 'x',
      calls: 5,
      months: undefined,
    });
  });

  it('source=history: round-trips with a horizon of 1–12 months; 12 is the default and stays out of the URL', () => {
    const s = { label: 'identity.basic', source: 'history' as const, horizon: 3 };
    expect(toPlannerSearchParams(s).toString()).toBe('label=identity.basic&source=history&horizon=3');
    expect(parsePlannerSearch(toPlannerSearchParams(s))).toEqual(s);
    expect(toPlannerSearchParams({ label: 'a', source: 'history', horizon: 12 }).toString()).toBe(
      'label=a&source=history',
    );
    expect(parsePlannerSearch(new URLSearchParams('label=a&source=history'))).toEqual({
      label: 'a',
      source: 'history',
    });
    expect(historyPlanHref('identity.basic')).toBe('/planner?label=identity.basic&source=history');
    expect(historyPlanHref('a b', 6)).toBe('/planner?label=a+b&source=history&horizon=6');
  });

  it('source=history wins over calls and months; a bad horizon falls back to the default; other sources are ignored', () => {
    expect(parsePlannerSearch(new URLSearchParams('label=a&source=history&calls=5&months=1,2&horizon=4'))).toEqual({
      label: 'a',
      source: 'history',
      horizon: 4,
    });
    for (const h of ['0', '13', '1.5', 'x', '']) {
      expect(parsePlannerSearch(new URLSearchParams(`label=a&source=history&horizon=${h}`))).toEqual({
        label: 'a',
        source: 'history',
      });
    }
    expect(parseHorizon('07')).toBe(7);
    expect(parsePlannerSearch(new URLSearchParams('label=a&source=guess&calls=5'))).toEqual({
      label: 'a',
      calls: 5,
      months: undefined,
    });
  });

  it('links to the buy page with the tier pre-filled', () => {
    expect(buyHref('enhanced.authority.wechat', 200_000, 1)).toBe('/buy?label=enhanced.authority.wechat&size=200000');
    expect(buyHref('a', 1000, 5)).toBe('/buy?label=a&size=1000&quantity=5');
  });
});
