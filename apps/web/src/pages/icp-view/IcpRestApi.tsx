import { API_KEY_ENV_VAR, apiKeyCreateCommand, curlGetIcpCommand } from '../../icp/curl-command';
import { CodeFigure } from '../../ui/CodeFigure';
import { CopyButton } from '../../ui/CopyButton';

/** A ready `curl` for this profile, and how to get the key it needs. */
export function IcpRestApi({ icpId, userId }: { icpId: string; userId: string | null }) {
  const command = curlGetIcpCommand(window.location.origin, icpId);
  return (
    <section className="card icp-view__section" aria-labelledby="icp-api-title">
      <div className="icp-view__section-header">
        <div>
          <h2 id="icp-api-title" className="card__title">
            Use the REST API
          </h2>
          <p className="icp-view__section-subtitle">
            Read this profile from scripts and other services. Send <code>PATCH</code> or{' '}
            <code>DELETE</code> to the same address to change or remove it.
          </p>
        </div>
        <CopyButton text={command} label="Copy command" />
      </div>
      <CodeFigure caption="curl command" code={command} />
      <p className="icp-view__hint">
        No API key yet? Create one with{' '}
        <code>{apiKeyCreateCommand(userId ?? '<your user id>')}</code> on the server, then{' '}
        <code>export {API_KEY_ENV_VAR}=icp_…</code> in your shell.
      </p>
    </section>
  );
}
