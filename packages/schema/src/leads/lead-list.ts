import { z } from 'zod';
import { isoDateTime, MAX_ICP_USERS, userId } from '../icp.js';
import { NOT_BLANK_PATTERN } from '../not-blank.js';
import { companyRecord, externalId } from './company.js';
import { crmSourcing, lead, leadCompany, notAppliedFilter } from './lead.js';
import { personRecord } from './person.js';

/** Most people a lead list holds (a generated list's largest size), and most companies. */
export const MAX_LEAD_LIST_PEOPLE = 10_000;
export const MAX_LEAD_LIST_COMPANIES = 10_000;
/** Most prospects one call may store and add to a list. */
export const MAX_PROSPECTS_PER_CALL = 1_000;
/** Most users a list may be given besides its creator. */
export const MAX_LEAD_LIST_USERS = MAX_ICP_USERS;

/** A list of people (the default) or of companies. */
export const leadListType = z.enum(['person', 'company']);

const listName = z.string().trim().min(1).max(200).meta({ pattern: NOT_BLANK_PATTERN });

/**
 * Where a person of a list came from in the CRM, for CRM contacts: the CRM (`bullhorn`, or null
 * for CRM data an operator imported), the contact's id there and their company's id, if any.
 */
export const crmRecord = z
  .strictObject({
    provider: z.enum(['bullhorn']).nullable(),
    contactId: z.string(),
    companyId: z.string().nullable(),
  })
  .meta({ id: 'CrmRecord' });

/** A person of a list: the lead as it was added (company and reasons), and the CRM record. */
export const leadListPerson = lead
  .extend({ crmRecord: crmRecord.nullable() })
  .meta({ id: 'LeadListPerson' });

/**
 * The lead list object as Lance publishes it (`id` ... `updatedAt`), with what generation adds:
 * who made it, who may see it once it has no ICP, how many leads it holds and, for a generated
 * list, the size asked for, the people matching then and the notes on the filters.
 */
export const leadList = z
  .strictObject({
    id: z.uuid(),
    /** The ICP it belongs to; null when made without one, or once that ICP was deleted. */
    icpId: z.uuid().nullable(),
    name: z.string(),
    type: leadListType,
    startDate: z.iso.datetime(),
    endDate: z.iso.datetime(),
    personIds: z.array(z.string()),
    companyIds: z.array(z.string()),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    createdBy: z.string(),
    /**
     * Who may see the list while it has no ICP (its creator among them). While it has one, its
     * ICP's members may; when that ICP is deleted, its members at that moment are added here.
     */
    userIds: z.array(userId),
    /** People of a person list, companies of a company list. */
    leadCount: z.number().int().min(0),
    /** Leads asked for when it was generated; null for a list made by hand. */
    requestedSize: z.number().int().min(1).nullable(),
    /** People matching the lead provider criteria when it was generated; null when made by hand. */
    matchedCount: z.number().int().min(0).nullable(),
    notApplied: z.array(notAppliedFilter),
    ignoredFilterKeys: z.array(z.string()),
    crmSourcing,
  })
  .meta({ id: 'LeadList' });

/** A list with its people (each with their company and CRM record) and its companies. */
export const leadListDetail = leadList
  .extend({
    people: z.array(leadListPerson),
    companies: z.array(leadCompany),
  })
  .meta({ id: 'LeadListDetail' });

/** Most lead lists one page of the list holds, and how many a page holds when not told. */
export const MAX_LEAD_LIST_PAGE = 100;
/** The last page one may ask for, so that its offset stays a plain number. */
export const MAX_LEAD_LIST_PAGE_NUMBER = 1_000_000;

/**
 * Which page of the lead lists the caller may see (`GET .../leadlists`), in Lance's names for
 * paging (those of its prospect search): `page`, 0-based, of `size` lists, newest first.
 */
export const leadListPageQuery = z.strictObject({
  page: z.number().int().min(0).max(MAX_LEAD_LIST_PAGE_NUMBER).default(0),
  size: z.number().int().min(1).max(MAX_LEAD_LIST_PAGE).default(MAX_LEAD_LIST_PAGE),
});

/** A page of the lead lists: which one, its lists, and how many the caller may see in all. */
export const leadListPage = z
  .strictObject({
    page: leadListPageQuery.shape.page.unwrap(),
    size: leadListPageQuery.shape.size.unwrap(),
    lists: z.array(leadList),
    total: z.number().int().min(0),
  })
  .meta({ id: 'LeadListPage' });

/** `GET .../leadlists/{id}/leads`: the people with a named company, or a company list's companies. */
export const leadListLeads = z
  .union([z.array(leadListPerson), z.array(leadCompany)])
  .meta({ id: 'LeadListLeads' });

const personIds = z.array(externalId).max(MAX_LEAD_LIST_PEOPLE);
const companyIds = z.array(externalId).max(MAX_LEAD_LIST_COMPANIES);

/** Body of `POST /api/v1/entities/leadlists`: a list made by hand. */
export const leadListCreateInput = z
  .strictObject({
    name: listName,
    type: leadListType.default('person'),
    /** The ICP it belongs to (its members see it), or null. */
    icpId: z
      .uuid()
      .transform((id) => id.toLowerCase())
      .nullable(),
    startDate: isoDateTime,
    endDate: isoDateTime,
    personIds,
    companyIds: companyIds.default([]),
    /** Who may see it while it has no ICP, besides its creator. */
    userIds: z.array(userId).max(MAX_LEAD_LIST_USERS).default([]),
  })
  .superRefine((body, ctx) => {
    if (typeof body.startDate === 'string' && typeof body.endDate === 'string') {
      if (body.endDate < body.startDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['endDate'],
          message: 'Must not be before startDate',
          input: body.endDate,
        });
      }
    }
  })
  .meta({ id: 'LeadListCreate' });

/** A person given as data: stored in the lead database, then added to the list. */
export const leadListProspect = personRecord
  .omit({ id: true, jobTitle: true, companyId: true, source: true })
  .extend({
    jobTitle: z.string().trim().max(200).optional(),
    /** A stored company they work at... */
    companyId: externalId.optional(),
    /** ...or their company as data, stored with them. */
    company: companyRecord.omit({ id: true }).optional(),
  })
  .superRefine((prospect, ctx) => {
    if (prospect.companyId !== undefined && prospect.company !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['company'],
        message: 'Give companyId or company, not both',
        input: prospect.company,
      });
    }
  })
  .meta({ id: 'LeadListProspect' });

/**
 * Body of `POST /api/v1/entities/leadlists/{id}/prospects`: people given as data (`prospects`),
 * people of the lead database picked by id (`personIds`), or both.
 */
export const leadListProspectsInput = z
  .strictObject({
    prospects: z.array(leadListProspect).min(1).max(MAX_PROSPECTS_PER_CALL).optional(),
    personIds: personIds.min(1).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.prospects === undefined && body.personIds === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'Give prospects, personIds or both',
        input: body,
      });
    }
  })
  .meta({ id: 'LeadListProspects' });

export type LeadListType = z.infer<typeof leadListType>;
export type CrmRecord = z.infer<typeof crmRecord>;
export type LeadListPerson = z.infer<typeof leadListPerson>;
export type LeadList = z.infer<typeof leadList>;
export type LeadListDetail = z.infer<typeof leadListDetail>;
export type LeadListLeads = z.infer<typeof leadListLeads>;
export type LeadListPageQueryInput = z.input<typeof leadListPageQuery>;
export type LeadListPageQuery = z.output<typeof leadListPageQuery>;
export type LeadListPage = z.infer<typeof leadListPage>;
export type LeadListCreateInput = z.input<typeof leadListCreateInput>;
export type LeadListCreate = z.output<typeof leadListCreateInput>;
export type LeadListProspect = z.output<typeof leadListProspect>;
export type LeadListProspectsInput = z.input<typeof leadListProspectsInput>;
export type LeadListProspects = z.output<typeof leadListProspectsInput>;
