import { type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'wouter';
import { type Session, sessionStore } from '../session/session-store';
import { useOutcome } from '../ui/outcome';

/** The section of the app a path belongs to, for the navigation to mark. */
function sectionOf(path: string): 'profiles' | 'lead-lists' | null {
  if (path === '/' || path.startsWith('/icps')) return 'profiles';
  if (path === '/lead-lists' || path.startsWith('/lead-lists/')) return 'lead-lists';
  return null;
}

/** A link of the main navigation, marked while the page shown belongs to its section. */
function NavLink({
  href,
  current,
  children,
}: {
  href: string;
  current: boolean;
  children: ReactNode;
}) {
  const [location] = useLocation();
  return (
    <Link
      href={href}
      className={current ? 'app-nav__link is-active' : 'app-nav__link'}
      aria-current={current ? (location === href ? 'page' : 'true') : undefined}
    >
      {children}
    </Link>
  );
}

export function Layout({ session, children }: { session: Session; children: ReactNode }) {
  const [location, navigate] = useLocation();
  const section = sectionOf(location);
  // The next user starts on their own profiles, not on the page this one was reading.
  const signOut = () => {
    sessionStore.signOut();
    navigate('/sign-in', { replace: true });
  };
  const outcome = useOutcome(location);
  // A new page opens at its top, not where the previous one was scrolled to.
  useEffect(() => {
    if (location !== '') window.scrollTo(0, 0);
  }, [location]);
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
            <NavLink href="/" current={section === 'profiles'}>
              Profiles
            </NavLink>
            <NavLink href="/lead-lists" current={section === 'lead-lists'}>
              Lead lists
            </NavLink>
          </nav>
          <div className="app-user">
            <span className="app-user__label">Signed in as</span>
            <span className="app-user__id" data-testid="signed-in-user">
              {session.userId}
            </span>
            <button type="button" className="button button--ghost button--small" onClick={signOut}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      <div className="outcome" role="status" aria-live="polite">
        {outcome !== null && <span className="outcome__text">{outcome}</span>}
      </div>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
