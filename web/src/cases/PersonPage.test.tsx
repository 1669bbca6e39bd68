// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { setupI18n } from '../i18n';
import { PersonPage } from './PersonPage';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

const PERSON = {
  id: 'p1',
  code: 'SEOU-2026-0007',
  legal_name: '한제한',
  alias: null,
  birth_date: null,
  age_band: null,
  phone: null,
  safe_contact: '오후에만 연락',
  nationality: null,
  languages: [],
  categories: [],
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  restricted: true,
  access: 'break_glass',
};

beforeAll(() => {
  setupI18n();
  // jsdom has <dialog> but not always its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});
afterEach(() => vi.unstubAllGlobals());

describe('PersonPage', () => {
  it('asks to break the glass on the case the server names, then shows her', async () => {
    let glassBroken = false;
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        asked.push(`${init.method} ${url}`);
        if (url === '/api/v1/people/p1') {
          return glassBroken
            ? json(200, PERSON)
            : json(403, {
                error: {
                  code: 'break_glass_required',
                  message: '제한된 사례가 있는 사람입니다.',
                  refs: { break_glass_cases: ['c9'] },
                },
              });
        }
        if (url === '/api/v1/cases/c9/break-glass') {
          glassBroken = true;
          return json(200, { case_id: 'c9', expires_at: '2026-01-01T08:00:00Z' });
        }
        return json(200, { items: [], next_cursor: null });
      }),
    );
    render(
      <MemoryRouter initialEntries={['/people/p1']}>
        <Routes>
          <Route path="/people/:personId" element={<PersonPage />} />
        </Routes>
      </MemoryRouter>,
    );
    expect(
      await screen.findByRole('heading', { name: '열람이 제한된 당사자입니다' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('한제한')).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/열람 사유/), '야간 긴급 상담');
    await user.click(screen.getAllByRole('button', { name: '사유를 남기고 열기' }).at(-1)!);
    expect(await screen.findByRole('heading', { name: '한제한' })).toBeInTheDocument();
    expect(asked).toContain('POST /api/v1/cases/c9/break-glass');
  });
});
