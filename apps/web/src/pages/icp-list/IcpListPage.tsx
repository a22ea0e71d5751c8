import type { Icp } from '@icp/schema';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useSearchParams } from 'wouter';
import { useTRPC } from '../../api/trpc';
import { countOf, formatCount } from '../../icp/text';
import { useSession } from '../../session/session-store';
import { Field } from '../../ui/Field';
import { PageLoading } from '../../ui/PageLoading';
import { IcpListItem } from './IcpListItem';
import { DEFAULT_SORT, filterAndSortIcps, parseSort, SORT_OPTIONS } from './list-query';
import './icp-list.css';
import { LoadFailure } from '../../ui/LoadFailure';
import { useDocumentTitle } from '../../ui/use-document-title';

/** The profiles the signed-in user is a member of; search and sort live in the URL. */
export function IcpListPage() {
  const trpc = useTRPC();
  const list = useQuery(trpc.icp.list.queryOptions());
  useDocumentTitle('Profiles');

  return (
    <div className="icp-list">
      <header className="page-header">
        <div className="page-header__text">
          <h1>Profiles</h1>
          <p className="page-header__subtitle">
            The customers each team targets, and how many leads every list gets.
          </p>
        </div>
        <div className="page-header__actions">
          <Link href="/icps/new" className="button button--primary">
            New profile
          </Link>
        </div>
      </header>
      {list.isPending ? (
        <PageLoading label="Loading profiles…" />
      ) : list.isError ? (
        <LoadFailure
          query={list}
          title="Your profiles could not be loaded"
          className="icp-list__error"
        />
      ) : list.data.length === 0 ? (
        <FirstProfileInvite />
      ) : (
        <ProfileResults icps={list.data} />
      )}
    </div>
  );
}

function FirstProfileInvite() {
  return (
    <section className="empty-state" aria-labelledby="no-profiles-title">
      <span className="icp-list__empty-mark" aria-hidden="true" />
      <h2 id="no-profiles-title">No profiles yet</h2>
      <p>
        A profile describes who you want to reach: job titles, places, company size and the rules
        every lead must pass. Profiles your teammates share with you show up here too.
      </p>
      <Link href="/icps/new" className="button button--primary">
        Create your first profile
      </Link>
    </section>
  );
}

function ProfileResults({ icps }: { icps: Icp[] }) {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const searchInput = useRef<HTMLInputElement>(null);
  const search = params.get('q') ?? '';
  const sort = parseSort(params.get('sort'));
  const now = new Date();
  const shown = filterAndSortIcps(icps, { search, sort }, now);

  // Replace, not push: each keystroke must not become a history entry.
  const setParam = (key: 'q' | 'sort', value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === '') next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const clearSearch = () => {
    setParam('q', '');
    searchInput.current?.focus();
  };

  const total = countOf(icps.length, 'profile');
  const count = search.trim() === '' ? total : `${formatCount(shown.length)} of ${total}`;

  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is still missing from browsers we support */}
      <form
        className="icp-list__toolbar"
        role="search"
        aria-label="Profiles"
        onSubmit={(event) => event.preventDefault()}
      >
        <Field label="Search profiles" className="icp-list__search">
          {(control) => (
            <input
              {...control}
              ref={searchInput}
              type="search"
              className="input"
              placeholder="Search by name"
              autoComplete="off"
              value={search}
              onChange={(event) => setParam('q', event.target.value)}
            />
          )}
        </Field>
        <Field label="Sort by" className="icp-list__sort">
          {(control) => (
            <select
              {...control}
              className="select"
              value={sort}
              onChange={(event) => {
                const next = parseSort(event.target.value);
                setParam('sort', next === DEFAULT_SORT ? '' : next);
              }}
            >
              {SORT_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <p className="icp-list__count" role="status" aria-live="polite">
          {count}
        </p>
      </form>

      {shown.length === 0 ? (
        <section className="empty-state" aria-labelledby="no-match-title">
          <h2 id="no-match-title">No profiles match “{search.trim()}”</h2>
          <p>Check the spelling, or search for a shorter part of the name.</p>
          <button type="button" className="button button--secondary" onClick={clearSearch}>
            Clear search
          </button>
        </section>
      ) : (
        <div className="icp-table">
          <div className="icp-table__head" aria-hidden="true">
            <span>Name</span>
            <span>Targeting</span>
            <span>Leads per list</span>
            <span>Shared with</span>
            <span>Status</span>
          </div>
          <ul className="icp-table__rows" aria-label="Profiles">
            {shown.map((icp) => (
              <IcpListItem key={icp.id} icp={icp} viewerId={session?.userId ?? null} now={now} />
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
