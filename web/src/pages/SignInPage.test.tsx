// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { setupI18n } from '../i18n';
import { SessionProvider } from '../session';
import { SignInPage } from './SignInPage';

const error = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ error: { code, message, fields: {} } }), { status });

function renderSignIn(answers: Response[]) {
  const bodies: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      if (url === '/api/v1/me' || url === '/api/v1/instance')
        return error(401, 'unauthenticated', '');
      bodies.push(JSON.parse(String(init.body)));
      return answers.shift()!;
    }),
  );
  render(
    <SessionProvider>
      <MemoryRouter initialEntries={['/sign-in']}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="*" element={<p>home</p>} />
        </Routes>
      </MemoryRouter>
    </SessionProvider>,
  );
  return bodies;
}

beforeAll(() => setupI18n());
afterEach(() => vi.unstubAllGlobals());

describe('SignInPage', () => {
  it('asks for the TOTP code when the server answers mfa_required, then sends it', async () => {
    const user = userEvent.setup();
    const bodies = renderSignIn([
      error(401, 'mfa_required', '인증 코드가 필요합니다.'),
      new Response(
        JSON.stringify({
          user: {
            id: 'u1',
            username: 'kim',
            display_name: '김',
            roles: ['case_worker'],
            organization: { id: 'o1' },
          },
          csrf_token: 'c',
          mfa_enrollment_required: false,
        }),
        { status: 200 },
      ),
    ]);
    await user.type(await screen.findByLabelText('아이디'), 'kim');
    await user.type(screen.getByLabelText('비밀번호'), 'pw-pw-pw-pw-pw');
    await user.click(screen.getByRole('button', { name: '로그인' }));
    await user.type(await screen.findByLabelText('인증 코드 (6자리)'), '123 456');
    await user.click(screen.getByRole('button', { name: '확인' }));
    await screen.findByText('home');
    expect(bodies).toEqual([
      { username: 'kim', password: 'pw-pw-pw-pw-pw' },
      { username: 'kim', password: 'pw-pw-pw-pw-pw', totp: '123456' },
    ]);
  });

  it('shows the server message and what to do when the account is locked', async () => {
    const user = userEvent.setup();
    renderSignIn([error(429, 'rate_limited', '계정이 잠겼습니다.')]);
    await user.type(await screen.findByLabelText('아이디'), 'kim');
    await user.type(screen.getByLabelText('비밀번호'), 'x');
    await user.click(screen.getByRole('button', { name: '로그인' }));
    const alert = await screen.findByText('계정이 잠겼습니다.');
    expect(alert.closest('[role="alert"]')).toHaveTextContent('잠금 해제');
  });
});
