// Entry of the public help page (/help). Separate from the staff app: no React, no i18n
// library, no storage; see page.ts.
import { mountHelpPage } from './page';
import './help.css';

mountHelpPage(document.getElementById('help')!);
