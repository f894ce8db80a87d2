import { useEffect, useRef, useState, type FormEvent } from 'react';
import { SessionProvider, useSignIn, type Session } from './api/session';
import { ErrorMessage, Loading } from './components/status';
import { LANGUAGES, useI18n, type Language } from './i18n';
import type { MessageKey } from './i18n/en';
import { AccessPage } from './pages/access';
import { AuditPage } from './pages/audit';
import { ChecksPage } from './pages/checks';
import { LaunchesPage } from './pages/launches';
import { OverviewPage } from './pages/overview';
import { SchemaPage } from './pages/schema';
import { UsagePage } from './pages/usage';
import { href, PAGES, useRoute, type Page } from './router';

export function App() {
  const { t } = useI18n();
  const state = useSignIn();
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      {state.session ? (
        <SessionProvider session={state.session}>
          <Shell session={state.session} />
        </SessionProvider>
      ) : (
        <div className="sign-in-page">
          <header className="top">
            <span className="brand">{t('app.title')}</span>
            <LanguageSwitch />
          </header>
          <main id="main">
            {state.checking ? <Loading /> : <SignIn onSignIn={state.signIn} />}
            {state.error && <ErrorMessage error={state.error} />}
          </main>
        </div>
      )}
    </>
  );
}

function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <label className="inline language">
      {t('language.label')}{' '}
      <select value={lang} onChange={(event) => setLang(event.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function SignIn({ onSignIn }: { onSignIn: (credential: string) => Promise<void> }) {
  const { t } = useI18n();
  const [credential, setCredential] = useState('');
  const [empty, setEmpty] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!credential.trim()) return setEmpty(true);
    setEmpty(false);
    void onSignIn(credential.trim());
  };
  return (
    <form className="card sign-in" onSubmit={submit}>
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <label htmlFor="credential">{t('signIn.credential')}</label>
      <textarea
        id="credential"
        value={credential}
        rows={4}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={empty}
        aria-describedby={empty ? 'credential-error' : undefined}
        onChange={(event) => setCredential(event.target.value)}
      />
      {empty && (
        <p id="credential-error" className="field-error">
          {t('signIn.empty')}
        </p>
      )}
      <button type="submit">{t('signIn.submit')}</button>
    </form>
  );
}

const PAGE_COMPONENTS: Record<Page, (props: { param: string | null }) => React.ReactElement> = {
  overview: OverviewPage,
  schema: SchemaPage,
  checks: ChecksPage,
  launches: LaunchesPage,
  usage: UsagePage,
  access: AccessPage,
  audit: AuditPage,
};

function Shell({ session }: { session: Session }) {
  const { t } = useI18n();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const Current = PAGE_COMPONENTS[route.page];
  // A new page moves focus to its content, as a page load would, so keyboard and screen-reader users
  // land on what they asked for.
  useEffect(() => {
    main.current?.focus();
  }, [route.page]);
  return (
    <div className="shell">
      <header className="top">
        <span className="brand">{t('app.title')}</span>
        <span className="caller">
          {t('session.signedInAs', { subject: session.caller.subject })} ({session.caller.admin ? t('session.admin') : t('session.partner')}
          )
        </span>
        <LanguageSwitch />
        <button type="button" onClick={session.signOut}>
          {t('session.signOut')}
        </button>
      </header>
      <nav aria-label={t('nav.label')}>
        <ul>
          {PAGES.map((page) => (
            <li key={page}>
              <a href={href(page)} aria-current={route.page === page ? 'page' : undefined}>
                {t(`nav.${page}` as MessageKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        <Current key={`${route.page}/${route.param ?? ''}`} param={route.param} />
      </main>
    </div>
  );
}
