// The public help page: quick exit and the police number first, then a short form, then how to
// stay safe. The page never adds an entry to the tab's history (language links and the safety
// link work in place), so after quick exit no Dandelion page is one "Back" away.
import { getHelpForm, sendHelpRequest, type Failure, type HelpForm } from './api';
import { h } from './dom';
import { describeFailure, missingFields } from './errors';
import { listenForEscapes, quickExit } from './quickExit';
import {
  HELP_LANGUAGES,
  HELP_STRINGS,
  LANGUAGE_NAMES,
  helpLanguage,
  type HelpLanguage,
} from './strings';

interface Values {
  region: string;
  situation: string;
  contact: string;
  safe_contact: string;
}

const EMPTY: Values = { region: '', situation: '', contact: '', safe_contact: '' };

export function mountHelpPage(root: HTMLElement): void {
  let lang: HelpLanguage = helpLanguage(new URL(location.href));
  let form: HelpForm | null = null;
  let loadFailed = false;
  let values: Values = { ...EMPTY };
  let failure: Failure | null = null;
  let reference: string | null = null;
  let sending = false;

  listenForEscapes(document);

  function readValues(): void {
    const f = root.querySelector<HTMLFormElement>('form.help-form');
    if (!f) return;
    const get = (name: string) =>
      (f.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    values = {
      region: get('region'),
      situation: get('situation'),
      contact: get('contact'),
      safe_contact: get('safe_contact'),
    };
  }

  async function load(): Promise<void> {
    const r = await getHelpForm(lang);
    if (r.ok) {
      form = r.data;
      loadFailed = false;
    } else {
      loadFailed = form === null;
    }
  }

  function hrefFor(l: HelpLanguage): string {
    return l === 'ko' ? '/help' : `/help?lang=${l}`;
  }

  function switchLanguage(l: HelpLanguage, e: Event): void {
    e.preventDefault();
    readValues();
    lang = l;
    history.replaceState(null, '', hrefFor(l));
    render();
    root.querySelector<HTMLElement>(`a[hreflang="${l}"]`)?.focus();
  }

  function field(
    name: keyof Values | 'website',
    label: string,
    control: HTMLElement,
    hint?: string,
    error?: { text: string; detail?: string },
  ): HTMLElement {
    const id = `help-${name}`;
    const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    control.id = id;
    control.setAttribute('name', name);
    if (described) control.setAttribute('aria-describedby', described);
    if (error) control.setAttribute('aria-invalid', 'true');
    return h(
      'div',
      { class: error ? 'help-field help-field-invalid' : 'help-field' },
      h('label', { for: id }, label),
      hint ? h('span', { class: 'help-hint', id: `${id}-hint` }, hint) : null,
      control,
      error
        ? h(
            'span',
            { class: 'help-error', id: `${id}-error` },
            error.text,
            error.detail
              ? h('span', { class: 'help-error-detail', lang: 'en' }, ` (${error.detail})`)
              : null,
          )
        : null,
    );
  }

  function regionSelect(): HTMLSelectElement {
    const s = HELP_STRINGS[lang];
    const select = h(
      'select',
      { required: true, autocomplete: 'off' },
      h('option', { value: '' }, s.regionChoose),
    );
    for (const r of form?.regions ?? []) {
      const name = lang === 'ko' ? r.name_ko : `${r.name_en} (${r.name_ko})`;
      select.append(h('option', { value: r.code, selected: values.region === r.code }, name));
    }
    select.value = values.region;
    return select;
  }

  function textarea(value: string, rows: number, required = false): HTMLTextAreaElement {
    const t = h('textarea', {
      rows: String(rows),
      autocomplete: 'off',
      required,
      spellcheck: 'false',
    });
    t.value = value;
    return t;
  }

  function input(value: string): HTMLInputElement {
    const i = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false' });
    i.value = value;
    return i;
  }

  function formSection(): HTMLElement {
    const s = HELP_STRINGS[lang];
    const shown = failure
      ? describeFailure(failure, lang, s)
      : { alert: '', fields: {} as Record<string, { text: string; detail?: string }> };
    const f = h(
      'form',
      { class: 'help-form', novalidate: true, autocomplete: 'off' },
      h(
        'div',
        { role: 'alert', class: shown.alert ? 'help-alert' : 'help-alert help-alert-empty' },
        shown.alert,
      ),
      loadFailed ? h('p', { class: 'help-load-failed' }, s.loadFailed, ' ', retryButton()) : null,
      field('region', s.region, regionSelect(), undefined, shown.fields.region),
      field(
        'situation',
        s.situation,
        textarea(values.situation, 6, true),
        s.situationHint,
        shown.fields.situation,
      ),
      field('contact', s.contact, input(values.contact), s.contactHint, shown.fields.contact),
      field(
        'safe_contact',
        s.safeContact,
        textarea(values.safe_contact, 3),
        s.safeContactHint,
        shown.fields.safe_contact,
      ),
      honeypot(s.honeypot),
      h(
        'button',
        { type: 'submit', class: 'help-submit', disabled: sending },
        sending ? s.sending : s.submit,
      ),
    );
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      void submit();
    });
    return h(
      'section',
      { class: 'help-card', 'aria-labelledby': 'help-form-title' },
      h('h2', { id: 'help-form-title' }, s.formTitle),
      f,
    );
  }

  // Filled in only by programs that fill in every field. Off screen, out of the tab order and
  // hidden from screen readers, so no person meets it.
  function honeypot(label: string): HTMLElement {
    return h(
      'div',
      { class: 'help-hp', 'aria-hidden': 'true' },
      h('label', { for: 'help-website' }, label),
      h('input', {
        id: 'help-website',
        name: 'website',
        type: 'text',
        tabindex: '-1',
        autocomplete: 'off',
      }),
    );
  }

  function retryButton(): HTMLButtonElement {
    const b = h('button', { type: 'button', class: 'help-retry' }, HELP_STRINGS[lang].retry);
    b.addEventListener('click', async () => {
      readValues();
      await load();
      render();
      root.querySelector<HTMLSelectElement>('#help-region')?.focus();
    });
    return b;
  }

  function sentSection(ref: string): HTMLElement {
    const s = HELP_STRINGS[lang];
    return h(
      'section',
      { class: 'help-card help-sent', 'aria-labelledby': 'help-sent-title' },
      h('h2', { id: 'help-sent-title', tabindex: '-1' }, s.sentTitle),
      h('p', {}, `${s.reference}: `, h('strong', { class: 'help-reference' }, ref)),
      h('ul', {}, h('li', {}, s.next1), h('li', {}, s.next2), h('li', {}, s.next3)),
    );
  }

  function safetySection(): HTMLElement {
    const s = HELP_STRINGS[lang];
    return h(
      'section',
      { class: 'help-card help-safety', id: 'safety', 'aria-labelledby': 'help-safety-title' },
      h('h2', { id: 'help-safety-title', tabindex: '-1' }, s.safetyTitle),
      h('p', {}, s.safetyIntro),
      h(
        'ul',
        {},
        h('li', {}, s.safety1),
        h('li', {}, s.safety2),
        h('li', {}, s.safety3),
        h('li', {}, s.safety4),
      ),
    );
  }

  function render(): void {
    // Re-rendering must not throw her focus away (the form token may arrive while she tabs).
    const focusedId =
      document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
    const s = HELP_STRINGS[lang];
    document.documentElement.lang = lang;
    document.title = s.pageTitle;
    const police = form?.police_number ?? '112';

    const exit = h('button', { type: 'button', class: 'quick-exit', id: 'help-exit' }, s.quickExit);
    exit.addEventListener('click', () => quickExit(document));

    const languages = h('ul', { class: 'help-languages' });
    for (const l of HELP_LANGUAGES) {
      const a = h(
        'a',
        {
          id: `help-lang-${l}`,
          href: hrefFor(l),
          hreflang: l,
          lang: l,
          'aria-current': l === lang ? 'true' : undefined,
        },
        LANGUAGE_NAMES[l],
      );
      a.addEventListener('click', (e) => switchLanguage(l, e));
      languages.append(h('li', {}, a));
    }

    const safetyLink = h(
      'a',
      { href: '#safety', class: 'help-safety-link', id: 'help-safety-link' },
      s.safetyLink,
    );
    safetyLink.addEventListener('click', (e) => {
      e.preventDefault(); // in place: a #fragment would add a history entry
      const heading = root.querySelector<HTMLElement>('#help-safety-title');
      heading?.scrollIntoView({ block: 'start' });
      heading?.focus();
    });

    root.replaceChildren(
      h(
        'header',
        { class: 'help-top' },
        exit,
        h('a', { class: 'help-call', id: 'help-call', href: `tel:${police}` }, s.call112),
      ),
      h(
        'main',
        { class: 'help-main' },
        h('p', { class: 'help-exit-hint' }, s.quickExitHint),
        h('nav', { class: 'help-nav', 'aria-label': s.languages }, languages),
        h('h1', {}, s.heading),
        h('p', {}, s.intro),
        h(
          'div',
          { class: 'help-danger' },
          h('p', {}, s.danger),
          h('a', { class: 'help-call-big', href: `tel:${police}` }, police),
        ),
        form?.hotline
          ? h(
              'p',
              {},
              `${s.hotline}: `,
              h('a', { href: `tel:${form.hotline.replace(/[^0-9+]/g, '')}` }, form.hotline),
            )
          : null,
        h('p', {}, safetyLink),
        reference ? sentSection(reference) : formSection(),
        safetySection(),
      ),
    );
    if (focusedId) document.getElementById(focusedId)?.focus();
  }

  async function submit(): Promise<void> {
    if (sending) return;
    readValues();
    const missing = missingFields(values);
    if (Object.keys(missing).length) {
      failure = { kind: 'invalid', message: '', fields: missing };
      render();
      focusFirstProblem();
      return;
    }
    if (!form) await load();
    if (!form) {
      failure = { kind: 'network' };
      render();
      focusFirstProblem();
      return;
    }
    sending = true;
    const button = root.querySelector<HTMLButtonElement>('.help-submit');
    if (button) {
      button.disabled = true;
      button.textContent = HELP_STRINGS[lang].sending;
    }
    const website = root.querySelector<HTMLInputElement>('#help-website')?.value ?? '';
    const r = await sendHelpRequest(
      {
        region: values.region,
        situation: values.situation,
        ...(values.contact.trim() ? { contact: values.contact } : {}),
        ...(values.safe_contact.trim() ? { safe_contact: values.safe_contact } : {}),
        language: lang,
        form_token: form.form_token,
        website,
      },
      lang,
    );
    sending = false;
    if (r.ok) {
      reference = r.data.reference;
      values = { ...EMPTY };
      failure = null;
      render();
      root.querySelector<HTMLElement>('#help-sent-title')?.focus();
      return;
    }
    failure = r.failure;
    // A stale (or too fresh) form token: take a new one so the next press can go through.
    if (r.failure.kind === 'invalid' && 'form_token' in r.failure.fields) await load();
    render();
    focusFirstProblem();
  }

  function focusFirstProblem(): void {
    const invalid = root.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? root.querySelector<HTMLElement>('.help-submit'))?.focus();
  }

  render();
  void load().then(() => {
    readValues();
    render();
  });
}
