import { describe, expect, it } from 'vitest';
import { canWriteCampaigns, isDay, moveStop, pick, placeWords, progressShare } from './model';

describe('campaign rules', () => {
  it('knows who may write', () => {
    expect(canWriteCampaigns(['advocate'])).toBe(true);
    expect(canWriteCampaigns(['org_admin'])).toBe(true);
    expect(canWriteCampaigns(['case_worker', 'researcher'])).toBe(false);
  });

  it('gives the progress as a share', () => {
    expect(progressShare({ stops_total: 8, stops_done: 2, next_stop_on: null })).toBe(0.25);
    expect(progressShare({ stops_total: 0, stops_done: 0, next_stop_on: null })).toBe(0);
    expect(progressShare({ stops_total: 2, stops_done: 3, next_stop_on: null })).toBe(1);
  });

  it('moves a stop one place along the route', () => {
    const stops = [
      { id: 'c', position: 3 },
      { id: 'a', position: 1 },
      { id: 'b', position: 2 },
    ];
    expect(moveStop(stops, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveStop(stops, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveStop(stops, 0, -1)).toBeNull();
    expect(moveStop(stops, 2, 1)).toBeNull();
  });

  it('picks the display language with Korean as the fallback', () => {
    expect(pick('en', '순례', 'Pilgrimage')).toBe('Pilgrimage');
    expect(pick('en', '순례', ' ')).toBe('순례');
    expect(pick('ko', '순례', 'Pilgrimage')).toBe('순례');
  });

  it('accepts only real days', () => {
    expect(isDay('2026-04-01')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-4-1')).toBe(false);
  });

  it('names a place without saying the region twice', () => {
    expect(placeWords('서울특별시', '서울특별시')).toBe('서울특별시');
    expect(placeWords('전북특별자치도', '군산시')).toBe('전북특별자치도 군산시');
    expect(placeWords('부산광역시', '')).toBe('부산광역시');
  });
});
