import type { CrmSourcing, Lead } from '@icp/schema';
import { Fragment } from 'react';
import { formatCount } from '../../icp/text';
import { countryName, leadSourceLabels, leadSourceOf, personName } from '../../leads/lead-text';
import { Badge } from '../../ui/Badge';

const NONE = '—';

/**
 * The leads of a list, one row each. Narrow screens show each lead as a card, every value under
 * its column's name.
 */
export function LeadsTable({
  leads,
  crmSourcing,
}: {
  leads: readonly Lead[];
  /** The list's CRM search: a lead is shown as from the CRM only when it ran. */
  crmSourcing: Pick<CrmSourcing, 'status'>;
}) {
  return (
    <div className="leads-table__frame">
      <table className="data-table leads-table">
        <caption className="visually-hidden">Leads</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Title</th>
            <th scope="col">Seniority</th>
            <th scope="col">Company</th>
            <th scope="col">Industry</th>
            <th scope="col" className="leads-table__number">
              Employees
            </th>
            <th scope="col">Country</th>
            <th scope="col">Email</th>
            <th scope="col">Source</th>
            <th scope="col">Why it matched</th>
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => (
            <LeadRow key={lead.person.id} lead={lead} crmSourcing={crmSourcing} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LeadRow({
  lead: { person, company, reasons },
  crmSourcing,
}: {
  lead: Lead;
  crmSourcing: Pick<CrmSourcing, 'status'>;
}) {
  const country = countryName(person.country ?? company?.country ?? null);
  const source = leadSourceOf(person, crmSourcing);
  return (
    <tr>
      <th scope="row" className="leads-table__name">
        {personName(person)}
      </th>
      <td data-label="Title">{person.jobTitle}</td>
      <td data-label="Seniority">{person.seniority ?? NONE}</td>
      <td data-label="Company">
        {company === null ? (
          NONE
        ) : (
          <span className="leads-table__company">
            {company.name}
            {company.domain !== null && <Domain domain={company.domain} />}
          </span>
        )}
      </td>
      <td data-label="Industry">{company?.industry ?? NONE}</td>
      <td data-label="Employees" className="leads-table__number">
        {company?.employeeCount == null ? NONE : formatCount(company.employeeCount)}
      </td>
      <td data-label="Country">{country ?? NONE}</td>
      <td data-label="Email" className="leads-table__email">
        {person.email === null ? NONE : <EmailLink email={person.email} />}
      </td>
      <td data-label="Source">
        <Badge tone={source === 'crm' ? 'info' : 'neutral'}>{leadSourceLabels[source]}</Badge>
      </td>
      <td data-label="Why it matched">
        {reasons.length === 0 ? (
          NONE
        ) : (
          <ul className="leads-table__reasons">
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/** A domain that may wrap after a dot, never inside a word. */
function Domain({ domain }: { domain: string }) {
  const parts = domain.split(/(?<=\.)/);
  return (
    <span className="leads-table__domain">
      {parts.map((part, index) => (
        <Fragment key={`${index}:${part}`}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}

/** An address that may wrap before its "@" and after a dot, rather than anywhere in it. */
function EmailLink({ email }: { email: string }) {
  const parts = email.split(/(?=@)|(?<=\.)/);
  return (
    <a href={`mailto:${email}`}>
      {parts.map((part, index) => (
        <Fragment key={`${index}:${part}`}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </a>
  );
}
