import type { LeadCompany } from '@icp/schema';
import { formatCount } from '../../icp/text';
import { countryName } from '../../leads/lead-text';

const NONE = '—';

/** The companies of a company list, one row each. */
export function CompaniesTable({ companies }: { companies: readonly LeadCompany[] }) {
  if (companies.length === 0) {
    return (
      <section className="empty-state" aria-labelledby="no-companies-title">
        <h2 id="no-companies-title">No companies in this list</h2>
      </section>
    );
  }
  return (
    <div className="leads-table__frame">
      <table className="data-table leads-table">
        <caption className="visually-hidden">Companies</caption>
        <thead>
          <tr>
            <th scope="col">Company</th>
            <th scope="col">Domain</th>
            <th scope="col">Industry</th>
            <th scope="col" className="leads-table__number">
              Employees
            </th>
            <th scope="col">Country</th>
          </tr>
        </thead>
        <tbody>
          {companies.map((company) => (
            <tr key={company.id}>
              <th scope="row" className="leads-table__name">
                {company.name}
              </th>
              <td data-label="Domain">{company.domain ?? NONE}</td>
              <td data-label="Industry">{company.industry ?? NONE}</td>
              <td data-label="Employees" className="leads-table__number">
                {company.employeeCount === null ? NONE : formatCount(company.employeeCount)}
              </td>
              <td data-label="Country">{countryName(company.country) ?? NONE}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
