// Entry of a member's own page (/notes, notes.html): separate from the staff app — no router,
// no translations of the staff app, nothing kept on the phone but this tab's marker.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { NotesApp } from './NotesApp';
import './notes.css';

createRoot(document.getElementById('notes')!).render(
  <StrictMode>
    <NotesApp />
  </StrictMode>,
);
