// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupI18n } from '../i18n';
import { CreateUserForm } from './CreateUserForm';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

beforeAll(() => {
  setupI18n();
  // jsdom has <dialog> without its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});
afterEach(() => vi.unstubAllGlobals());

describe('CreateUserForm', () => {
  it('asks for the password again when the server wants it, then creates the user', async () => {
    const user = userEvent.setup();
    const calls: { url: string; body: unknown }[] = [];
    const answers = [
      json(403, { error: { code: 'reauth_required', message: '다시 입력하세요.', fields: {} } }),
      new Response(null, { status: 204 }),
      json(201, {
        id: 'u2',
        org_id: 'o1',
        username: 'new-worker',
        display_name: '새 상담원',
        roles: ['case_worker'],
        one_time_password: 'abcdefghjkmnpqrs',
      }),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, body: JSON.parse(String(init.body)) });
        return answers.shift()!;
      }),
    );
    const created = vi.fn();
    render(
      <CreateUserForm orgId="o1" assignable={['case_worker', 'advocate']} onCreated={created} />,
    );
    await user.type(screen.getByLabelText('아이디'), 'new-worker');
    await user.type(screen.getByLabelText('이름'), '새 상담원');
    await user.click(screen.getByLabelText('상담원'));
    await user.click(screen.getByRole('button', { name: '사용자 만들기' }));
    await user.type(await screen.findByLabelText('내 비밀번호'), 'my-own-password');
    await user.type(screen.getByLabelText('인증 코드 (6자리)'), '123 456');
    await user.click(screen.getByRole('button', { name: '확인하고 계속' }));
    await vi.waitFor(() => expect(created).toHaveBeenCalled());
    const create = { username: 'new-worker', display_name: '새 상담원', roles: ['case_worker'] };
    expect(calls).toEqual([
      { url: '/api/v1/organizations/o1/users', body: create },
      { url: '/api/v1/session/reauth', body: { password: 'my-own-password', totp: '123456' } },
      { url: '/api/v1/organizations/o1/users', body: create },
    ]);
  });
});
