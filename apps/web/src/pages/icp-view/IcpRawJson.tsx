import type { Icp } from '@icp/schema';
import { CodeFigure } from '../../ui/CodeFigure';
import { CopyButton } from '../../ui/CopyButton';

/** The profile exactly as the API returns it. */
export function IcpRawJson({ icp }: { icp: Icp }) {
  const json = JSON.stringify(icp, null, 2);
  return (
    <section className="card icp-view__section" aria-labelledby="icp-json-title">
      <div className="icp-view__section-header">
        <div>
          <h2 id="icp-json-title" className="card__title">
            Raw JSON
          </h2>
          <p className="icp-view__section-subtitle">As the API returns it.</p>
        </div>
        <CopyButton text={json} label="Copy JSON" />
      </div>
      <CodeFigure caption="Profile JSON" code={json} />
    </section>
  );
}
