import type { Lead } from '@icp/schema';
import { Fragment } from 'react';
import { formatCount } from '../../icp/text';
import { countryName, leadSourceLabels, personName } from '../../leads/lead-text';
import { Badge } from '../../ui/Badge';

const NONE = '—';

/**
 * The leads of a list, one row each. Narrow screens show each lead as a card, every value under
 * its column's name.
 */
export function LeadsTable({ leads }: { leads: readonly Lead[] }) {
  return (
    <div className="leads-table__frame">
      <table className="leads-table">
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
            <LeadRow key={lead.person.id} lead={lead} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LeadRow({ lead: { person, company, reasons } }: { lead: Lead }) {
  const country = countryName(person.country ?? company?.country ?? null);
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
            {company.domain !== null && (
              <span className="leads-table__domain">{company.domain}</span>
            )}
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
        <Badge tone={person.source === 'crm' ? 'info' : 'neutral'}>
          {leadSourceLabels[person.source]}
        </Badge>
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
