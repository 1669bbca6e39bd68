// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../api';
import { useLoad } from './widgets';

// An answer the test gives when it chooses, so what is shown while a load is on its way is seen.
function pending<T>() {
  let give!: (r: ApiResult<T>) => void;
  const answer = new Promise<ApiResult<T>>((resolve) => (give = resolve));
  return { answer, give };
}

const failed: ApiResult<string> = {
  ok: false,
  error: { status: 503, code: 'unavailable', message: 'down', fields: {} },
};

// A screen on the week's key, whose loads for 'week' and 'month' answer when the test says.
function weekThenMonth() {
  const answers = new Map([
    ['week', pending<string>()],
    ['month', pending<string>()],
  ]);
  const hook = renderHook(({ key }) => useLoad(() => answers.get(key)!.answer, [key]), {
    initialProps: { key: 'week' },
  });
  return { answers, ...hook };
}

describe('useLoad', () => {
  it('shows nothing of the last key while the new key loads, then the new answer', async () => {
    const { answers, result, rerender } = weekThenMonth();
    expect(result.current.data).toBeNull();
    await act(async () => answers.get('week')!.give({ ok: true, data: 'week items' }));
    expect(result.current.data).toBe('week items');

    rerender({ key: 'month' });
    expect(result.current.data).toBeNull();
    await act(async () => answers.get('month')!.give({ ok: true, data: 'month items' }));
    expect(result.current.data).toBe('month items');
  });

  it('ignores an answer that comes after its key was left', async () => {
    const week = pending<string>();
    const month = pending<string>();
    const { result, rerender } = renderHook(
      ({ key }) => useLoad(() => (key === 'week' ? week.answer : month.answer), [key]),
      { initialProps: { key: 'week' } },
    );
    rerender({ key: 'month' });
    await act(async () => month.give({ ok: true, data: 'month items' }));
    await act(async () => week.give({ ok: true, data: 'week items' }));
    expect(result.current.data).toBe('month items');
  });

  it('drops a reload of the last key that answers after the new key has loaded', async () => {
    const { answers, result, rerender } = weekThenMonth();
    await act(async () => answers.get('week')!.give({ ok: true, data: 'week items' }));
    const again = pending<string>();
    answers.set('week', again);
    let reloading!: Promise<void>;
    act(() => {
      reloading = result.current.reload();
    });
    rerender({ key: 'month' });
    await act(async () => answers.get('month')!.give({ ok: true, data: 'month items' }));
    await act(async () => {
      again.give({ ok: true, data: 'week items again' });
      await reloading;
    });
    expect(result.current.data).toBe('month items');
  });

  it('keeps the data while reloading the same key, and beside an error', async () => {
    let next: ApiResult<string> = { ok: true, data: 'first' };
    const { result } = renderHook(() => useLoad(() => Promise.resolve(next), []));
    await waitFor(() => expect(result.current.data).toBe('first'));
    next = failed;
    await act(async () => result.current.reload());
    expect(result.current.data).toBe('first');
    expect(result.current.error?.code).toBe('unavailable');
    next = { ok: true, data: 'second' };
    await act(async () => result.current.reload());
    expect(result.current.data).toBe('second');
    expect(result.current.error).toBeNull();
  });

  it('takes a value or a change to what is shown, as a state setter does', async () => {
    const { result } = renderHook(() =>
      useLoad(() => Promise.resolve({ ok: true, data: 'loaded' } as ApiResult<string>), []),
    );
    await waitFor(() => expect(result.current.data).toBe('loaded'));
    act(() => result.current.setData((shown) => `${shown} and changed`));
    expect(result.current.data).toBe('loaded and changed');
    act(() => result.current.setData('replaced'));
    expect(result.current.data).toBe('replaced');
  });
});
