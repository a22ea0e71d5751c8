import type { Department } from '@icp/schema';
import { commaList } from './word-list.js';

/** The job titles and skills of one department, by seniority. */
export interface DepartmentRoles {
  department: Department;
  /** Share of the people of a company, relative to the other departments. */
  weight: number;
  /** How titles name the department: `VP Engineering`, `Head of Engineering`. */
  names: readonly string[];
  /** C-level titles; a department without them has no C-level people. */
  chiefs: readonly string[];
  managers: readonly string[];
  seniors: readonly string[];
  entries: readonly string[];
  interns: readonly string[];
  skills: readonly string[];
}

interface RoleLists {
  weight: number;
  names?: string;
  chiefs?: string;
  managers?: string;
  seniors?: string;
  entries?: string;
  interns?: string;
  skills: string;
}

function roles(department: Department, lists: RoleLists): DepartmentRoles {
  const list = (text: string | undefined) => commaList(text ?? '');
  return {
    department,
    weight: lists.weight,
    names: list(lists.names),
    chiefs: list(lists.chiefs),
    managers: list(lists.managers),
    seniors: list(lists.seniors),
    entries: list(lists.entries),
    interns: list(lists.interns),
    skills: list(lists.skills),
  };
}

// Titles mix spelled-out words and the abbreviations people use (CTO, VP, Sr., Mgr, SDR), so that
// title search is exercised on both.
/** Every department of the catalog, with its titles and skills. */
export const departmentRoles: readonly DepartmentRoles[] = [
  roles('Administration', {
    weight: 3,
    names: 'Administration, Office Administration',
    chiefs: 'Chief Administrative Officer',
    managers: 'Office Manager, Administration Manager, Facilities Manager',
    seniors: 'Senior Executive Assistant, Senior Administrative Assistant, Lead Office Coordinator',
    entries: 'Executive Assistant, Administrative Assistant, Office Coordinator, Receptionist',
    interns: 'Office Intern',
    skills: `
        Scheduling, Microsoft Office, Event Planning, Travel Coordination, Office Management,
        Bookkeeping`,
  }),
  roles('Business Development', {
    weight: 4,
    names: 'Business Development, Partnerships, Strategic Partnerships, BD',
    chiefs: 'Chief Business Officer',
    managers: 'Business Development Manager, Partnerships Manager, BD Manager, Alliance Manager',
    seniors: 'Senior Business Development Representative, Sr. Partnerships Executive, Senior BDR',
    entries: `
        Business Development Representative, BDR, Partnerships Associate,
        Business Development Associate`,
    interns: 'Business Development Intern',
    skills: `
        Partnerships, Negotiation, Lead Generation, Market Research, Salesforce,
        Account Management, Channel Sales`,
  }),
  roles('Consulting', {
    weight: 2,
    names: 'Consulting, Advisory, Strategy',
    managers: 'Consulting Manager, Engagement Manager, Project Manager',
    seniors: 'Senior Consultant, Principal Consultant, Lead Consultant, Senior Business Analyst',
    entries: 'Consultant, Associate Consultant, Business Analyst, Analyst',
    interns: 'Consulting Intern',
    skills: `
        Strategy, Change Management, Business Analysis, Stakeholder Management,
        Process Improvement, PowerPoint, SAP`,
  }),
  roles('Customer Success', {
    weight: 4,
    names: 'Customer Success, Customer Experience, Client Services',
    chiefs: 'Chief Customer Officer',
    managers: 'Customer Success Manager, Customer Success Team Manager, Client Services Manager',
    seniors:
      'Senior Customer Success Manager, Senior Account Manager, Senior Implementation Specialist',
    entries: `
        Customer Success Associate, Onboarding Specialist, Account Manager,
        Implementation Specialist`,
    skills: `
        Customer Retention, Onboarding, Gainsight, Account Management, Upselling, Zendesk,
        Customer Journey Mapping`,
  }),
  roles('Data', {
    weight: 4,
    names: 'Data, Data & Analytics, Analytics, Data Science',
    chiefs: 'Chief Data Officer, CDO',
    managers: 'Data Science Manager, Analytics Manager, Data Engineering Manager',
    seniors: `
        Senior Data Scientist, Senior Data Engineer, Lead Data Analyst, Sr. Data Engineer,
        Staff Data Scientist`,
    entries: 'Data Analyst, Data Scientist, Data Engineer, Analytics Engineer, BI Analyst',
    interns: 'Data Science Intern',
    skills: `
        Python, SQL, Machine Learning, dbt, Spark, Tableau, Power BI, Statistics, Airflow,
        Snowflake`,
  }),
  roles('Design', {
    weight: 3,
    names: 'Design, Product Design, UX',
    chiefs: 'Chief Design Officer',
    managers: 'Design Manager, UX Manager, Creative Manager',
    seniors: 'Senior Product Designer, Lead UX Designer, Senior UX Researcher, Principal Designer',
    entries: 'Product Designer, UX Designer, UI Designer, Graphic Designer, UX Researcher',
    interns: 'Design Intern',
    skills: `
        Figma, User Research, Prototyping, Design Systems, Sketch, Adobe Creative Suite,
        Interaction Design, Accessibility`,
  }),
  roles('Engineering', {
    weight: 16,
    names: 'Engineering, Software Engineering, Platform Engineering, Eng',
    chiefs: 'Chief Technology Officer, CTO, CTO, Chief Technical Officer',
    managers:
      'Engineering Manager, Software Engineering Manager, Engineering Mgr, QA Manager, Eng Manager',
    seniors: `
        Senior Software Engineer, Sr. Software Engineer, Senior Backend Engineer,
        Senior Frontend Developer, Staff Engineer, Principal Engineer, Lead Developer,
        Senior DevOps Engineer, Senior SWE`,
    entries: `
        Software Engineer, Backend Developer, Frontend Developer, Full Stack Developer,
        DevOps Engineer, QA Engineer, Junior Software Engineer, Mobile Developer,
        Site Reliability Engineer, SWE`,
    interns: 'Software Engineering Intern, Engineering Intern',
    skills: `
        JavaScript, TypeScript, Python, Java, Go, Kubernetes, AWS, React, Node.js, PostgreSQL,
        Docker, Terraform, C#, Rust, CI/CD, Microservices`,
  }),
  roles('Executive', {
    weight: 0,
    chiefs: 'Chief Executive Officer, CEO, CEO, Managing Director, President, President & CEO',
    skills: `
        Leadership, Strategy, P&L Management, Fundraising, Board Relations,
        Mergers & Acquisitions, Strategic Planning`,
  }),
  roles('Finance', {
    weight: 6,
    names: 'Finance, Accounting, Financial Planning, Finance & Accounting',
    chiefs: 'Chief Financial Officer, CFO, CFO',
    managers: 'Finance Manager, Accounting Manager, Financial Controller, Finance Mgr',
    seniors: 'Senior Accountant, Senior Financial Analyst, Sr. Financial Analyst, Lead Accountant',
    entries:
      'Accountant, Financial Analyst, Accounts Payable Specialist, Junior Accountant, Bookkeeper',
    interns: 'Finance Intern',
    skills:
      'Financial Modeling, Excel, IFRS, US GAAP, Budgeting, Forecasting, SAP, NetSuite, Audit, Tax',
  }),
  roles('HR', {
    weight: 5,
    names: 'HR, Human Resources, People, Talent Acquisition, People & Culture',
    chiefs: 'Chief Human Resources Officer, CHRO, Chief People Officer',
    managers:
      'HR Manager, Talent Acquisition Manager, People Operations Manager, Recruiting Manager',
    seniors: `
        Senior Recruiter, Senior HR Business Partner, Senior Talent Acquisition Specialist,
        Sr. Recruiter`,
    entries: `
        Recruiter, HR Generalist, Talent Acquisition Specialist, HR Coordinator,
        People Operations Specialist`,
    interns: 'HR Intern',
    skills: `
        Recruiting, Employee Relations, Workday, Compensation & Benefits, Onboarding,
        Talent Management, Labor Law, Performance Management`,
  }),
  roles('IT', {
    weight: 6,
    names: 'IT, Information Technology, IT Infrastructure, Information Security',
    chiefs: 'Chief Information Officer, CIO, Chief Information Security Officer, CISO',
    managers: 'IT Manager, IT Operations Manager, Security Operations Manager, IT Mgr',
    seniors: `
        Senior Systems Administrator, Senior Network Engineer, Senior Security Analyst,
        Lead IT Engineer`,
    entries: `
        Systems Administrator, IT Support Specialist, Network Engineer, Security Analyst,
        Help Desk Technician`,
    interns: 'IT Intern',
    skills: `
        Active Directory, Networking, ITIL, Microsoft 365, Cybersecurity, VMware, Linux, Azure,
        SIEM, Firewalls`,
  }),
  roles('Legal', {
    weight: 2,
    names: 'Legal, Legal & Compliance, Compliance',
    chiefs: 'Chief Legal Officer, General Counsel',
    managers: 'Legal Manager, Contracts Manager, Compliance Manager',
    seniors: 'Senior Legal Counsel, Senior Counsel, Senior Paralegal, Senior Compliance Analyst',
    entries: 'Legal Counsel, Associate, Paralegal, Compliance Analyst, Contracts Specialist',
    interns: 'Legal Intern',
    skills: `
        Contract Law, Compliance, GDPR, Corporate Law, Litigation, Intellectual Property,
        Negotiation, Employment Law`,
  }),
  roles('Marketing', {
    weight: 8,
    names: 'Marketing, Growth, Demand Generation, Brand, Product Marketing',
    chiefs: 'Chief Marketing Officer, CMO, CMO',
    managers: `
        Marketing Manager, Product Marketing Manager, Content Marketing Manager,
        Digital Marketing Manager, Marketing Mgr`,
    seniors: `
        Senior Marketing Specialist, Senior Content Strategist, Senior Growth Marketer,
        Sr. SEO Specialist`,
    entries: `
        Marketing Specialist, Marketing Coordinator, Content Writer, SEO Specialist,
        Social Media Specialist, Growth Marketer`,
    interns: 'Marketing Intern',
    skills: `
        SEO, Content Marketing, HubSpot, Google Analytics, Demand Generation,
        Marketing Automation, Copywriting, Paid Social, Brand Strategy, Account-Based Marketing`,
  }),
  roles('Medical', {
    weight: 0,
    names: 'Medical Affairs, Clinical Operations, Clinical Development',
    chiefs: 'Chief Medical Officer',
    managers: 'Clinical Operations Manager, Nurse Manager, Medical Affairs Manager',
    seniors: `
        Senior Clinical Research Associate, Senior Physician, Lead Nurse,
        Senior Medical Science Liaison`,
    entries: `
        Registered Nurse, Clinical Research Associate, Physician, Medical Science Liaison,
        Pharmacist`,
    interns: 'Clinical Intern',
    skills: `
        Clinical Trials, GCP, Patient Care, Pharmacovigilance, Medical Writing,
        Regulatory Affairs, EHR`,
  }),
  roles('Operations', {
    weight: 8,
    names: 'Operations, Ops, Supply Chain, Logistics, Business Operations',
    chiefs: 'Chief Operating Officer, COO, COO',
    managers:
      'Operations Manager, Supply Chain Manager, Logistics Manager, Ops Manager, Plant Manager',
    seniors: 'Senior Operations Analyst, Senior Supply Chain Analyst, Lead Operations Specialist',
    entries: `
        Operations Analyst, Operations Coordinator, Supply Chain Analyst, Logistics Coordinator,
        Project Coordinator`,
    interns: 'Operations Intern',
    skills: `
        Lean, Six Sigma, Process Improvement, Supply Chain Management, ERP, Project Management,
        Vendor Management, Logistics`,
  }),
  roles('Procurement', {
    weight: 2,
    names: 'Procurement, Purchasing, Sourcing',
    chiefs: 'Chief Procurement Officer',
    managers: 'Procurement Manager, Purchasing Manager, Category Manager, Sourcing Manager',
    seniors: 'Senior Buyer, Senior Procurement Specialist, Lead Buyer',
    entries: 'Buyer, Procurement Specialist, Purchasing Agent, Sourcing Analyst',
    skills: `
        Strategic Sourcing, Negotiation, Supplier Management, SAP Ariba, Spend Analysis,
        Contract Management, Coupa`,
  }),
  roles('Product', {
    weight: 5,
    names: 'Product, Product Management',
    chiefs: 'Chief Product Officer, CPO',
    managers: 'Product Manager, Group Product Manager, Technical Product Manager, Product Mgr',
    seniors:
      'Senior Product Manager, Sr. Product Manager, Principal Product Manager, Lead Product Owner',
    entries: 'Product Owner, Associate Product Manager, Product Analyst, Junior Product Manager',
    interns: 'Product Management Intern',
    skills: `
        Product Strategy, Roadmapping, Agile, Scrum, Jira, User Stories, A/B Testing,
        Product Analytics, Amplitude`,
  }),
  roles('Research', {
    weight: 1,
    names: 'Research, R&D, Research & Development',
    chiefs: 'Chief Scientific Officer, Chief Science Officer',
    managers: 'Research Manager, R&D Manager, Lab Manager',
    seniors: 'Senior Scientist, Senior Research Scientist, Principal Scientist, Senior Researcher',
    entries: 'Research Scientist, Scientist, Research Associate, Lab Technician, Researcher',
    interns: 'Research Intern',
    skills: `
        Experimental Design, Data Analysis, Lab Techniques, Scientific Writing, Python, R,
        Grant Writing, Statistics`,
  }),
  roles('Sales', {
    weight: 14,
    names: 'Sales, Global Sales, Enterprise Sales, Sales EMEA, Revenue',
    chiefs: 'Chief Revenue Officer, CRO, Chief Sales Officer',
    managers:
      'Sales Manager, Regional Sales Manager, Key Account Manager, Inside Sales Manager, Sales Mgr',
    seniors: `
        Senior Account Executive, Sr. Account Executive, Enterprise Account Executive,
        Senior Sales Executive, Senior AE`,
    entries: `
        Account Executive, Sales Development Representative, SDR, Inside Sales Representative,
        Sales Representative, AE`,
    interns: 'Sales Intern',
    skills: `
        Salesforce, B2B Sales, Negotiation, Cold Calling, Pipeline Management, SaaS Sales,
        Solution Selling, MEDDIC, Prospecting, CRM`,
  }),
  roles('Support', {
    weight: 5,
    names: 'Support, Customer Support, Technical Support',
    managers: 'Support Manager, Customer Support Manager, Technical Support Manager',
    seniors: 'Senior Support Engineer, Senior Technical Support Specialist, Support Team Lead',
    entries: `
        Support Engineer, Customer Support Specialist, Technical Support Specialist,
        Customer Service Representative, Help Desk Analyst`,
    skills: `
        Zendesk, Troubleshooting, Customer Service, Ticketing Systems, Technical Writing,
        Intercom, SLA Management`,
  }),
];
