// The last line of defence for a screen: a rendering error in one screen (an unexpected value
// from the server, a bug) shows a message in place of that screen instead of blanking the whole
// app. The header and navigation stay usable; the boundary resets when the user goes elsewhere
// (AppLayout keys it by path). Nothing about the error is shown beyond a sentence: the console
// keeps the details for whoever debugs it.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

function ScreenFailed() {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert alert-error screen-failed">
      <h1>{t('app.screenFailedTitle')}</h1>
      <p className="alert-message">{t('app.screenFailed')}</p>
      <p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>{' '}
        <Link to="/">{t('app.goHome')}</Link>
      </p>
    </div>
  );
}

interface State {
  failed: boolean;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('screen failed to render', error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <ScreenFailed /> : this.props.children;
  }
}
