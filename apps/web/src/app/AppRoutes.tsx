import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { IcpListPage } from '../pages/icp-list/IcpListPage';
import { IcpViewPage } from '../pages/icp-view/IcpViewPage';
import { LeadListPage } from '../pages/lead-lists/LeadListPage';
import { LeadListsPage } from '../pages/lead-lists/LeadListsPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SignInPage } from '../pages/sign-in/SignInPage';
import { useSession } from '../session/session-store';
import { PageLoading } from '../ui/PageLoading';
import { Layout } from './Layout';

// The form is the heaviest screen; it loads when first opened.
const IcpFormPage = lazy(() => import('../pages/icp-form/IcpFormPage'));

export function AppRoutes() {
  const session = useSession();
  const [location] = useLocation();

  if (session === null) {
    return location === '/sign-in' ? (
      <SignInPage />
    ) : (
      <Redirect to={`/sign-in?next=${encodeURIComponent(location)}`} replace />
    );
  }
  return (
    <Layout session={session}>
      <Suspense fallback={<PageLoading />}>
        <Switch>
          <Route path="/">
            <IcpListPage />
          </Route>
          <Route path="/sign-in">
            <Redirect to="/" replace />
          </Route>
          <Route path="/icps/new">
            <IcpFormPage mode="create" />
          </Route>
          <Route path="/icps/:id/edit">{({ id }) => <IcpFormPage mode="edit" icpId={id} />}</Route>
          <Route path="/icps/:id">{({ id }) => <IcpViewPage icpId={id} />}</Route>
          <Route path="/lead-lists">
            <LeadListsPage />
          </Route>
          <Route path="/lead-lists/:id">{({ id }) => <LeadListPage listId={id} />}</Route>
          <Route>
            <NotFoundPage />
          </Route>
        </Switch>
      </Suspense>
    </Layout>
  );
}
