import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { type ApiError, toApiError } from '../../api/api-error';
import { plainMessage } from '../../api/plain-message';
import { createApiClient, useTRPC } from '../../api/trpc';
import { apiKeyCreateCommand } from '../../icp/curl-command';
import { sessionStore } from '../../session/session-store';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { recentUserIds, rememberUserId } from './recent-user-ids';

type Method = 'local' | 'token';

/** Where to go after signing in: the page asked for, never another site. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * The page asked for is followed only for the user who was on it: someone else signing in on
 * this browser starts on their own profiles.
 */
export function pageAfterSignIn(next: string, userId: string, signedOutUserId: string | null) {
  return signedOutUserId === null || signedOutUserId === userId ? next : '/';
}

export function SignInPage() {
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));
  const mode = useQuery(trpc.auth.session.queryOptions());
  useDocumentTitle('Sign in');
  const [method, setMethod] = useState<Method | null>(null);

  if (mode.isPending) return <PageLoading label="Connecting to the server…" />;
  const isLocal = mode.data?.mode === 'local';
  const shown: Method = method ?? (isLocal ? 'local' : 'token');
  const done = (userId: string) =>
    navigate(pageAfterSignIn(next, userId, sessionStore.signedOutUserId()), { replace: true });

  return (
    <main className="sign-in" id="main">
      <div className="sign-in__panel card">
        <div className="sign-in__brand">
          <span className="brand__mark" aria-hidden="true" />
          <span>ICP Studio</span>
        </div>
        <h1 className="sign-in__title">Sign in</h1>
        <p className="muted">Define who you target and turn it into lead lists.</p>
        {mode.isError && <ErrorBanner error={toApiError(mode.error)} />}
        {isLocal && (
          <fieldset className="segmented sign-in__methods">
            <legend className="visually-hidden">How to sign in</legend>
            <button
              type="button"
              aria-pressed={shown === 'local'}
              onClick={() => setMethod('local')}
            >
              Local user
            </button>
            <button
              type="button"
              aria-pressed={shown === 'token'}
              onClick={() => setMethod('token')}
            >
              API key or token
            </button>
          </fieldset>
        )}
        {shown === 'local' ? <LocalSignIn onDone={done} /> : <TokenSignIn onDone={done} />}
      </div>
    </main>
  );
}

function LocalSignIn({ onDone }: { onDone: (userId: string) => void }) {
  const trpc = useTRPC();
  const [userId, setUserId] = useState('');
  const [recent] = useState(recentUserIds);
  const signIn = useMutation(
    trpc.auth.localSignIn.mutationOptions({
      onSuccess: (result) => {
        rememberUserId(result.userId);
        sessionStore.signIn({ userId: result.userId, token: result.token, via: 'local' });
        onDone(result.userId);
      },
    }),
  );
  const [emptyTried, setEmptyTried] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (userId.trim() === '') {
      signIn.reset();
      setEmptyTried(true);
      return;
    }
    setEmptyTried(false);
    signIn.mutate({ userId });
  };
  const error = signIn.isError ? toApiError(signIn.error) : null;
  const fieldErrors = emptyTried
    ? ['Enter a user id, such as user_alice.']
    : error?.details.map((detail) => plainMessage(detail.message));
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p className="alert alert--info">
        This server runs in local mode: pick any user id to act as that user. Nothing is checked;
        use it on your own machine only.
      </p>
      <Field
        label="User id"
        hint="For example user_alice. Share a profile with another id to see what they see."
        errors={fieldErrors}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            autoComplete="username"
            value={userId}
            onChange={(event) => setUserId(event.target.value)}
          />
        )}
      </Field>
      {error !== null && fieldErrors?.length === 0 && <ErrorBanner error={error} />}
      {recent.length > 0 && (
        <div className="sign-in__recent">
          <span className="muted">Recently used:</span>
          {recent.map((id) => (
            <button
              key={id}
              type="button"
              className="button button--secondary button--small"
              onClick={() => signIn.mutate({ userId: id })}
            >
              {id}
            </button>
          ))}
        </div>
      )}
      <button type="submit" className="button button--primary" disabled={signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

function TokenSignIn({ onDone }: { onDone: (userId: string) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [checking, setChecking] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim();
    if (trimmed === '') {
      setError({ code: 'BAD_REQUEST', message: 'Paste an API key or a token.', details: [] });
      return;
    }
    setChecking(true);
    setError(null);
    try {
      // Ask the server who this token belongs to before keeping it.
      const { user } = await createApiClient(() => trimmed).auth.session.query();
      if (user === null) {
        setError({
          code: 'UNAUTHORIZED',
          message: 'The server did not accept this key or token. It may be expired or revoked.',
          details: [],
        });
        return;
      }
      sessionStore.signIn({ userId: user.id, token: trimmed, via: 'token' });
      onDone(user.id);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setChecking(false);
    }
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Field
        label="API key or token"
        hint={
          <>
            An API key (icp_…), made on the server with{' '}
            <code className="sign-in__command">{apiKeyCreateCommand('<your user id>')}</code>, or a
            token from your identity provider.
          </>
        }
        errors={error === null ? undefined : [plainMessage(error.message)]}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea textarea--code"
            spellCheck={false}
            autoComplete="off"
            value={token}
            onChange={(event) => setToken(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button--primary" disabled={checking}>
        {checking ? 'Checking…' : 'Sign in'}
      </button>
    </form>
  );
}
