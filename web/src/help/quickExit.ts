// Quick exit: the way out of the help page in one move, by the button or by Escape pressed
// three times. It empties the form and the page first (so nothing she typed stays on screen
// while the next site loads), then replaces this page in the tab's history with a neutral site:
// Back does not come here again. The browser's history list itself is not erased; the safety
// section says so.
import { NEUTRAL_URL } from './neutral';

// Counts Escape presses; answers true on the third within the window. Other keys do not reset
// the count: in a hurry she may hit something else in between.
export function escapeCounter(
  presses = 3,
  windowMs = 2000,
): (key: string, nowMs: number) => boolean {
  let times: number[] = [];
  return (key, nowMs) => {
    if (key !== 'Escape' && key !== 'Esc') return false;
    times = times.filter((t) => nowMs - t < windowMs);
    times.push(nowMs);
    if (times.length < presses) return false;
    times = [];
    return true;
  };
}

export function quickExit(doc: Document = document): void {
  for (const form of Array.from(doc.forms)) form.reset();
  doc.title = '';
  doc.body.replaceChildren();
  doc.defaultView?.location.replace(NEUTRAL_URL);
}

export function listenForEscapes(
  doc: Document = document,
  exit: () => void = () => quickExit(doc),
): () => void {
  const pressed = escapeCounter();
  const onKey = (e: KeyboardEvent) => {
    if (pressed(e.key, performance.now())) exit();
  };
  doc.addEventListener('keydown', onKey, true);
  return () => doc.removeEventListener('keydown', onKey, true);
}
