// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../i18n';
import { ErrorBoundary } from './ErrorBoundary';

function Broken(): never {
  throw new Error('a screen that cannot render');
}

setupI18n();

describe('ErrorBoundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows a message in place of a screen that throws, and keeps the way home', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <MemoryRouter>
        <p>header stays</p>
        <ErrorBoundary>
          <Broken />
        </ErrorBoundary>
      </MemoryRouter>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('이 화면을 표시하지 못했습니다');
    expect(screen.getByRole('link', { name: '처음 화면으로' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('button', { name: '다시 불러오기' })).toBeInTheDocument();
    expect(screen.getByText('header stays')).toBeInTheDocument();
  });

  it('renders its children when nothing fails', () => {
    render(
      <MemoryRouter>
        <ErrorBoundary>
          <p>fine</p>
        </ErrorBoundary>
      </MemoryRouter>,
    );
    expect(screen.getByText('fine')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
