// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import type { ApiError, ApiResult } from '../api';
import { optional, placeFieldErrors, useSubmission, wholeNumber } from './forms';

const invalid = (fields: Record<string, string>): ApiError => ({
  status: 400,
  code: 'invalid',
  message: '확인하세요',
  fields,
});

describe('server field errors', () => {
  it('places each error next to the field it names', () => {
    const r = placeFieldErrors(invalid({ type: '필수', minutes: '1 이상' }), [
      'type',
      'date',
      'minutes',
    ]);
    expect(r.byField).toEqual({ type: '필수', minutes: '1 이상' });
    expect(r.elsewhere).toEqual([]);
  });

  it('places a nested name on its nearest known parent', () => {
    const r = placeFieldErrors(
      invalid({ 'ratings.safety': '0~4', 'scope[fields]': '알 수 없는 항목' }),
      ['ratings.safety', 'scope'],
    );
    expect(r.byField).toEqual({ 'ratings.safety': '0~4', scope: '알 수 없는 항목' });
  });

  it('keeps errors of fields the form does not show, so they are not lost', () => {
    const r = placeFieldErrors(invalid({ person_id: '없는 사람', summary: '필수' }), ['summary']);
    expect(r.byField).toEqual({ summary: '필수' });
    expect(r.elsewhere).toEqual(['없는 사람']);
  });

  it('has nothing to place without an error', () => {
    expect(placeFieldErrors(null, ['a'])).toEqual({ byField: {}, elsewhere: [] });
  });
});

describe('reading typed values', () => {
  it('leaves empty optional text out', () => {
    expect(optional('  ')).toBeUndefined();
    expect(optional(' 상담소 ')).toBe('상담소');
  });

  it('reads won amounts with separators and marks non-numbers', () => {
    expect(wholeNumber('1,200,000원')).toBe(1200000);
    expect(wholeNumber('')).toBeUndefined();
    expect(wholeNumber('12.5')).toBeNaN();
  });
});

describe('one submission at a time', () => {
  it('ignores a second submit while the first is in flight', async () => {
    let calls = 0;
    let release: (r: ApiResult<string>) => void = () => {};
    const call = () => {
      calls++;
      return new Promise<ApiResult<string>>((res) => (release = res));
    };
    const { result } = renderHook(() => useSubmission());
    let first: Promise<string | null> = Promise.resolve(null);
    let second: Promise<string | null> = Promise.resolve(null);
    act(() => {
      first = result.current.run(call);
      second = result.current.run(call);
    });
    expect(calls).toBe(1);
    expect(result.current.busy).toBe(true);
    await act(async () => release({ ok: true, data: 'saved' }));
    expect(await first).toBe('saved');
    expect(await second).toBeNull();
    expect(result.current.busy).toBe(false);
  });

  it('keeps the error of a refused submission', async () => {
    const { result } = renderHook(() => useSubmission());
    await act(async () => {
      await result.current.run(
        async () => ({ ok: false, error: invalid({ text: '필수' }) }) as ApiResult<never>,
      );
    });
    expect(result.current.error?.fields).toEqual({ text: '필수' });
  });
});
