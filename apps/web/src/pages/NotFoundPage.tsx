import { Link } from 'wouter';
import { useDocumentTitle } from '../ui/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <section className="empty-state">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link href="/" className="button button--primary">
        Back to your profiles
      </Link>
    </section>
  );
}
