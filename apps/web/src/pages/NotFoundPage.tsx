import { Link } from 'wouter';

export function NotFoundPage() {
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
