import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { IcpListPage } from '../pages/icp-list/IcpListPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SignInPage } from '../pages/sign-in/SignInPage';
import { useSession } from '../session/session-store';
import { PageLoading } from '../ui/PageLoading';
import { Layout } from './Layout';

// The profiles list (the first screen) and sign-in come with the app; the other screens load when
// first opened: the form (the heaviest), a profile (its REST example, JSON and lead lists), and
// the lead list screens (the leads table and CSV export).
const IcpFormPage = lazy(() => import('../pages/icp-form/IcpFormPage'));
const IcpViewPage = lazy(() =>
  import('../pages/icp-view/IcpViewPage').then((module) => ({ default: module.IcpViewPage })),
);
const LeadListsPage = lazy(() =>
  import('../pages/lead-lists/LeadListsPage').then((module) => ({ default: module.LeadListsPage })),
);
const LeadListPage = lazy(() =>
  import('../pages/lead-lists/LeadListPage').then((module) => ({ default: module.LeadListPage })),
);

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
