import type { Icp } from '@icp/schema';
import { summarizeIcp } from '../../icp/icp-summary';

/**
 * "Who it targets": the profile in one sentence. Sources and rules are listed one by one only
 * when that says more than the sentence (several of them, or prompts the sentence leaves out).
 */
export function IcpTargeting({ icp }: { icp: Icp }) {
  const summary = summarizeIcp(icp);
  const showParts = summary.abridged || summary.sources.length > 1 || summary.filters.length > 1;
  return (
    <section className="card icp-view__section" aria-labelledby="icp-targets-title">
      <h2 id="icp-targets-title" className="card__title">
        Who it targets
      </h2>
      <p className="icp-targeting__headline" data-testid="icp-summary">
        {summary.headline}.
      </p>
      {summary.sources.length === 0 && (
        <p className="muted">
          Edit the profile to add a search or CRM sourcing; until then it finds no leads.
        </p>
      )}
      {showParts && (
        <div className="icp-targeting__parts">
          {summary.sources.length > 0 && (
            <SentenceList
              title={summary.sources.length > 1 ? 'Leads come from any of' : 'Leads come from'}
              sentences={summary.sources}
            />
          )}
          {summary.filters.length > 0 && (
            <SentenceList title="Every lead must pass" sentences={summary.filters} />
          )}
        </div>
      )}
    </section>
  );
}

function SentenceList({ title, sentences }: { title: string; sentences: string[] }) {
  return (
    <div>
      <h3 className="icp-targeting__heading">{title}</h3>
      <ul className="icp-targeting__list">
        {sentences.map((sentence, index) => (
          <li key={index}>{sentence}</li>
        ))}
      </ul>
    </div>
  );
}
