import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { type Session, sessionStore } from '../session/session-store';

export function Layout({ session, children }: { session: Session; children: ReactNode }) {
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link href="/" className="brand" aria-label="ICP Studio, all profiles">
            <span className="brand__mark" aria-hidden="true" />
            ICP Studio
          </Link>
          <nav className="app-nav" aria-label="Main">
            <Link
              href="/"
              className={(active) => (active ? 'app-nav__link is-active' : 'app-nav__link')}
            >
              Profiles
            </Link>
          </nav>
          <div className="app-user">
            <span className="app-user__label">Signed in as</span>
            <span className="app-user__id" data-testid="signed-in-user">
              {session.userId}
            </span>
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={sessionStore.signOut}
            >
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
