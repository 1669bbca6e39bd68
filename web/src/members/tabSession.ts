// A session that lives as long as the tab, not the browser. The session cookie is a browser
// session cookie: a phone's browser keeps it across closed tabs (often across restarts). So:
// - the tab keeps a marker in sessionStorage, which belongs to this tab alone and goes with it;
//   a page load without it signs out whatever session the browser still carries, before the
//   page shows anything (model.ts onLoad);
// - leaving the page (closing the tab, going elsewhere, reloading: `pagehide`) sends the
//   sign-out with `keepalive`, so the request outlives the page; a reload therefore asks her to
//   sign in again;
// - quick exit signs out the same way before it leaves.
// What does not hold, stated in docs/web-survivors.md: a browser killed by the phone's system
// sends nothing; the server's 15-minute idle limit ends that session.
import { currentCsrfToken, setCsrfToken } from '../api/client';

const MARKER = 'notes.tab';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function hasTabMarker(): boolean {
  return storage()?.getItem(MARKER) === '1';
}

export function setTabMarker(): void {
  try {
    storage()?.setItem(MARKER, '1');
  } catch {
    // storage refused: every load then signs out first, which is the safe side
  }
}

export function clearTabMarker(): void {
  try {
    storage()?.removeItem(MARKER);
  } catch {
    // nothing kept
  }
}

// DELETE /api/v1/session that survives the page going away. Does nothing without a session.
export function signOutAsTheTabGoes(): void {
  const token = currentCsrfToken();
  if (!token) return;
  setCsrfToken(null); // sent once, whether quick exit or pagehide comes first
  try {
    void fetch('/api/v1/session', {
      method: 'DELETE',
      headers: { 'X-CSRF-Token': token, Accept: 'application/json' },
      credentials: 'same-origin',
      keepalive: true,
    }).catch(() => undefined);
  } catch {
    // the page is going anyway; the idle limit ends the session
  }
}

// Signs out when the page is hidden for good or put in the back-forward cache; `onHidden` lets
// the page forget what it showed, so a page restored by Back shows the sign-in form.
export function listenForLeaving(onHidden: () => void, win: Window = window): () => void {
  const hide = () => {
    signOutAsTheTabGoes();
    onHidden();
  };
  win.addEventListener('pagehide', hide);
  return () => win.removeEventListener('pagehide', hide);
}
