/**
 * The lead index of one server process: for every value a search filters on, the set of people
 * (or companies) having it, as compressed bitmaps (CRoaring, through `roaring`) over dense
 * numbers. Company ranges (employee count, revenue, founded year) are typed-array columns.
 * People point to their company by number, so what a company is searched by stays with the
 * company: a change to a company changes no person's sets.
 *
 * Built from the tables at one lead revision (see build-lead-index.ts), then kept up to date
 * with the rows written after it (see fresh-lead-index.ts). How a search is evaluated on it is
 * in criteria-bitmaps.ts.
 */
import { RoaringBitmap32 } from './bitmap.js';
import { IdSpace, type SortedIds } from './id-space.js';
import type { IndexedCompany, IndexedPerson } from './indexed-records.js';
import { ValueColumn } from './value-column.js';
import { ValueSets } from './value-sets.js';

const NO_COMPANY = -1;
const MAX_REMEMBERED_SETS = 256;

/** A Float64Array column that grows; NaN is "unknown", which no range holds. */
class NumberColumn {
  #values: Float64Array;
  constructor(capacity: number) {
    this.#values = new Float64Array(Math.max(capacity, 16)).fill(Number.NaN);
  }
  get values(): Float64Array {
    return this.#values;
  }
  set(position: number, value: number | null): void {
    if (position >= this.#values.length) {
      const grown = new Float64Array(Math.max(position + 1, this.#values.length * 2));
      grown.fill(Number.NaN, this.#values.length);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[position] = value ?? Number.NaN;
  }
  get byteLength(): number {
    return this.#values.byteLength;
  }
}

/** Person number to company number (NO_COMPANY for none); grows. */
class CompanyColumn {
  #values: Int32Array;
  constructor(capacity: number) {
    this.#values = new Int32Array(Math.max(capacity, 16)).fill(NO_COMPANY);
  }
  get values(): Int32Array {
    return this.#values;
  }
  set(position: number, company: number): void {
    if (position >= this.#values.length) {
      const grown = new Int32Array(Math.max(position + 1, this.#values.length * 2));
      grown.fill(NO_COMPANY, this.#values.length);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[position] = company;
  }
  get byteLength(): number {
    return this.#values.byteLength;
  }
}

/** The sets of people, by attribute. */
export interface PersonSets {
  titleWord: ValueSets;
  exactTitle: ValueColumn;
  seniority: ValueSets;
  department: ValueSets;
  skill: ValueSets;
  country: ValueSets;
  state: ValueSets;
  city: ValueSets;
  source: ValueSets;
}

/** The sets of companies, by attribute. */
export interface CompanySets {
  domain: ValueColumn;
  industry: ValueSets;
  keyword: ValueSets;
  country: ValueSets;
  state: ValueSets;
  city: ValueSets;
}

/** A value's numbers, for every value of an attribute: `numbers[starts[i] .. starts[i + 1])`. */
export interface EncodedSets {
  values: string[];
  starts: Uint32Array;
  numbers: Uint32Array;
}

/**
 * The people after a split of the ids, indexed by another thread (see build-lead-index.ts) and
 * numbered from 0, as `appendPeoplePart` takes them. Only typed arrays and strings: it crosses
 * threads by a copy of its strings and a transfer of its arrays.
 */
export interface PeoplePart {
  ids: SortedIds;
  /** The companies as the part numbered them: the index appends it only if it numbered them so. */
  companies: SortedIds;
  sets: Record<keyof PersonSets, EncodedSets>;
  scoped: Uint32Array;
  /** Each person's company number; NO_COMPANY for none and for those of `unknownCompanies`. */
  companyOf: Int32Array;
  /** People whose company was not among the companies the part was given, and its id. */
  unknownCompanies: { people: Uint32Array; companyIds: string[] };
}

/** The buffers a part is handed over with. */
export function transferablesOf(part: PeoplePart): ArrayBuffer[] {
  return [
    part.ids.bytes,
    part.ids.offsets,
    part.companies.bytes,
    part.companies.offsets,
    part.scoped,
    part.companyOf,
    part.unknownCompanies.people,
    ...Object.values(part.sets).flatMap((sets) => [sets.starts, sets.numbers]),
  ].map((array) => array.buffer as ArrayBuffer);
}

function encoded(sets: { entries(): IterableIterator<[string, Uint32Array]> }): EncodedSets {
  const values: string[] = [];
  const lists: Uint32Array[] = [];
  for (const [value, numbers] of sets.entries()) {
    values.push(value);
    lists.push(numbers);
  }
  const starts = new Uint32Array(values.length + 1);
  lists.forEach((list, at) => {
    starts[at + 1] = (starts[at] as number) + list.length;
  });
  const numbers = new Uint32Array(starts[values.length] as number);
  lists.forEach((list, at) => {
    numbers.set(list, starts[at]);
  });
  return { values, starts, numbers };
}

const shifted = (numbers: Uint32Array, by: number) => numbers.map((number) => number + by);

/** How big the index is. */
export interface LeadIndexSize {
  people: number;
  companies: number;
  /** Bitmaps (in CRoaring's format), columns and ids. */
  bytes: number;
}

const personSets = (): PersonSets => ({
  titleWord: new ValueSets(),
  exactTitle: new ValueColumn(),
  seniority: new ValueSets(),
  department: new ValueSets(),
  skill: new ValueSets(),
  country: new ValueSets(),
  state: new ValueSets(),
  city: new ValueSets(),
  source: new ValueSets(),
});

const companySets = (): CompanySets => ({
  domain: new ValueColumn(),
  industry: new ValueSets(),
  keyword: new ValueSets(),
  country: new ValueSets(),
  state: new ValueSets(),
  city: new ValueSets(),
});

export class BitmapLeadIndex {
  readonly people = new IdSpace();
  readonly companies = new IdSpace();
  readonly personSets = personSets();
  readonly companySets = companySets();
  /** People a CRM search brought in (see crm-scope.ts). */
  readonly scoped = new RoaringBitmap32();
  /** People with a company. */
  readonly employed = new RoaringBitmap32();
  /** Numbers of people and companies no longer stored. */
  readonly goneCompanies = new RoaringBitmap32();
  readonly gonePeople = new RoaringBitmap32();
  readonly employeeCount = new NumberColumn(0);
  readonly revenue = new NumberColumn(0);
  readonly foundedYear = new NumberColumn(0);
  readonly #companyOf = new CompanyColumn(0);
  /**
   * The people of each company as built: `peopleByCompany[companyStart[c] .. companyStart[c+1])`.
   * People added or moved since are in `#unlisted`, so a reader checks `companyOf` as well.
   */
  #companyStart = new Uint32Array(1);
  #peopleByCompany = new Uint32Array(0);
  readonly #unlisted = new RoaringBitmap32();
  /** Company numbers by id while the index is built (a binary search per person is slower). */
  #companyLookup: Map<string, number> | null = new Map();
  /** In a part (see `part`): the people whose company it was not given, and that company's id. */
  #unknownCompanies: { people: number[]; companyIds: string[] } | null = null;
  /** Records read out of id order while building, put once the ordered ones are numbered. */
  #heldCompanies: IndexedCompany[] = [];
  #heldPeople: IndexedPerson[] = [];
  readonly #remembered = new Map<string, RoaringBitmap32>();
  /** The lead revision whose rows the index holds. */
  revision: number;

  constructor(revision: number) {
    this.revision = revision;
  }

  get companyOf(): Int32Array {
    return this.#companyOf.values;
  }

  /** Numbers of people not in the company lists built (see `peopleOfCompany`). */
  get unlisted(): RoaringBitmap32 {
    return this.#unlisted;
  }

  /** The people of company `company` as built (check `companyOf`: some may have moved). */
  peopleOfCompany(company: number): Uint32Array {
    if (company + 1 >= this.#companyStart.length) return new Uint32Array(0);
    return this.#peopleByCompany.subarray(
      this.#companyStart[company] as number,
      this.#companyStart[company + 1] as number,
    );
  }

  /** How many people `peopleOfCompany(company)` lists. */
  listedAt(company: number): number {
    if (company + 1 >= this.#companyStart.length) return 0;
    return (this.#companyStart[company + 1] as number) - (this.#companyStart[company] as number);
  }

  /**
   * Sets a search computes from the index alone (a region's countries, a range of employee
   * counts), kept until the index changes: the same filters come again and again (a live
   * preview asks at every keystroke). Bounded in entries; callers never change what they get.
   */
  remembered(key: string, compute: () => RoaringBitmap32): RoaringBitmap32 {
    let set = this.#remembered.get(key);
    if (set === undefined) {
      if (this.#remembered.size >= MAX_REMEMBERED_SETS) this.#remembered.clear();
      set = compute();
      this.#remembered.set(key, set);
    }
    return set;
  }

  /**
   * An index of only some of the people (those after a split: see build-lead-index.ts), built
   * in another thread, its companies numbered in the order of `companyIds` (all the companies'
   * ids, in id order), as the index it is appended to numbers them.
   */
  static part(companyIds: readonly string[]): BitmapLeadIndex {
    const part = new BitmapLeadIndex(0);
    const lookup = new Map<string, number>();
    for (const id of companyIds) {
      const number = part.companies.appendInOrder(id);
      if (number === null) throw new Error('The companies of a part come in id order');
      lookup.set(id, number);
    }
    part.#companyLookup = lookup;
    part.companies.close();
    part.#unknownCompanies = { people: [], companyIds: [] };
    return part;
  }

  /** A part's people, numbered from 0, to hand to the index they belong to. */
  exportPeoplePart(): PeoplePart {
    const unknown = this.#unknownCompanies;
    if (unknown === null) throw new Error('Only a part exports its people');
    for (const sets of Object.values(this.personSets)) sets.flush();
    if (this.#heldPeople.length > 0) throw new Error('The people of a part come in id order');
    const sets = Object.fromEntries(
      Object.entries(this.personSets).map(([key, value]) => [key, encoded(value)]),
    ) as Record<keyof PersonSets, EncodedSets>;
    return {
      ids: this.people.exportSorted(),
      companies: this.companies.exportSorted(),
      sets,
      scoped: this.scoped.toUint32Array(),
      companyOf: this.#companyOf.values.slice(0, this.people.size),
      unknownCompanies: {
        people: Uint32Array.from(unknown.people),
        companyIds: unknown.companyIds,
      },
    };
  }

  /**
   * Building: the people of a part (see `part`), whose ids all come after those built here;
   * they take the next numbers. Throws, changing nothing, when an id does not come after, or
   * when the part numbered other companies (some were written between the two reads).
   */
  appendPeoplePart(part: PeoplePart): void {
    this.#closeCompanies();
    if (this.companies.addedCount > 0 || !this.companies.sortedEquals(part.companies)) {
      throw new Error('The part numbered other companies than the index');
    }
    const first = this.people.appendAllInOrder(part.ids);
    for (const [key, sets] of Object.entries(part.sets) as [keyof PersonSets, EncodedSets][]) {
      const into = this.personSets[key];
      sets.values.forEach((value, at) => {
        const numbers = sets.numbers.subarray(sets.starts[at], sets.starts[at + 1]);
        into.addAll(value, shifted(numbers, first));
      });
    }
    this.scoped.addMany(shifted(part.scoped, first));
    const employed: number[] = [];
    part.companyOf.forEach((company, person) => {
      this.#companyOf.set(first + person, company);
      if (company !== NO_COMPANY) employed.push(first + person);
    });
    const { people, companyIds } = part.unknownCompanies;
    people.forEach((person, at) => {
      this.#companyOf.set(first + person, this.#companyNumber(companyIds[at] as string));
      employed.push(first + person);
    });
    this.employed.addMany(employed);
  }

  /** Building: companies in id order, before any person. */
  buildCompanies(companies: readonly IndexedCompany[]): void {
    for (const company of companies) {
      const number = this.companies.appendInOrder(company.id);
      if (number === null) {
        this.#heldCompanies.push(company);
      } else {
        this.#companyLookup?.set(company.id, number);
        this.#addCompany(number, company);
      }
    }
    for (const sets of Object.values(this.companySets)) sets.flushIfLarge();
  }

  /** Building: people in id order, once every company is built. */
  buildPeople(people: readonly IndexedPerson[]): void {
    this.#closeCompanies();
    for (const person of people) {
      const number = this.people.appendInOrder(person.id);
      if (number === null) this.#heldPeople.push(person);
      else this.#addPerson(number, person);
    }
    for (const sets of Object.values(this.personSets)) sets.flushIfLarge();
  }

  #closeCompanies(): void {
    if (this.companies.closed) return;
    for (const sets of Object.values(this.companySets)) sets.flush();
    this.companies.close();
    this.putCompanies(this.#heldCompanies);
    this.#heldCompanies = [];
  }

  /**
   * Ends the build: lists the people of each company (what a search by company reads) and
   * compacts the sets. People put after this are found through `unlisted`.
   */
  finishBuild(): void {
    this.buildPeople([]);
    for (const sets of Object.values(this.personSets)) sets.flush();
    this.people.close();
    this.putPeople(this.#heldPeople);
    this.#heldPeople = [];
    this.#companyLookup = null;
    this.#listPeopleByCompany();
    for (const sets of [...Object.values(this.personSets), ...Object.values(this.companySets)]) {
      sets.optimize();
    }
    for (const set of [this.scoped, this.employed]) {
      set.runOptimize();
      set.shrinkToFit();
    }
  }

  #companyNumber(id: string): number {
    const known = this.#companyLookup?.get(id) ?? this.companies.numberOf(id);
    if (known !== undefined) return known;
    // A person whose company is not stored (possible without foreign keys) keeps its id.
    const added = this.companies.add(id);
    this.#companyLookup?.set(id, added);
    return added;
  }

  /** In a part, a company it was not given is left to the index the part is appended to. */
  #companyOfPerson(person: number, companyId: string): number {
    const unknown = this.#unknownCompanies;
    if (unknown === null) return this.#companyNumber(companyId);
    const known = this.#companyLookup?.get(companyId);
    if (known !== undefined) return known;
    unknown.people.push(person);
    unknown.companyIds.push(companyId);
    return NO_COMPANY;
  }

  #addCompany(number: number, company: IndexedCompany): void {
    const sets = this.companySets;
    if (company.domain !== null) sets.domain.add(company.domain, number);
    if (company.industry !== null) sets.industry.add(company.industry, number);
    for (const keyword of company.keywords) sets.keyword.add(keyword, number);
    if (company.country !== null) sets.country.add(company.country, number);
    if (company.state !== null) sets.state.add(company.state, number);
    if (company.city !== null) sets.city.add(company.city, number);
    this.employeeCount.set(number, company.employeeCount);
    this.revenue.set(number, company.revenue);
    this.foundedYear.set(number, company.foundedYear);
  }

  #addPerson(number: number, person: IndexedPerson): void {
    const sets = this.personSets;
    for (const word of person.titleWords) sets.titleWord.add(word, number);
    sets.exactTitle.add(person.exactTitle, number);
    if (person.seniority !== null) sets.seniority.add(person.seniority, number);
    if (person.department !== null) sets.department.add(person.department, number);
    for (const skill of person.skills) sets.skill.add(skill, number);
    if (person.country !== null) sets.country.add(person.country, number);
    if (person.state !== null) sets.state.add(person.state, number);
    if (person.city !== null) sets.city.add(person.city, number);
    sets.source.add(person.source, number);
    if (person.scoped) this.scoped.add(number);
    const company =
      person.companyId === null ? NO_COMPANY : this.#companyOfPerson(number, person.companyId);
    if (company !== NO_COMPANY) this.employed.add(number);
    this.#companyOf.set(number, company);
  }

  /** Adds or replaces companies, once built. */
  putCompanies(companies: readonly IndexedCompany[]): void {
    if (companies.length === 0) return;
    this.#remembered.clear();
    const replaced = new RoaringBitmap32();
    const numbers = companies.map((company) => {
      const number = this.#companyNumber(company.id);
      replaced.add(number);
      return number;
    });
    for (const sets of Object.values(this.companySets)) sets.removeAll(replaced);
    this.goneCompanies.andNotInPlace(replaced);
    companies.forEach((company, position) => {
      this.#addCompany(numbers[position] as number, company);
    });
    for (const sets of Object.values(this.companySets)) sets.flush();
  }

  /**
   * Adds or replaces people, once built. A person written again gets a new number (the old one
   * is gone), so nothing has to find the sets the old values were in.
   */
  putPeople(people: readonly IndexedPerson[]): void {
    if (people.length === 0) return;
    this.#remembered.clear();
    this.#forget(people.map((person) => person.id));
    for (const person of people) {
      const number = this.people.add(person.id);
      this.#addPerson(number, person);
      this.#unlisted.add(number);
    }
    for (const sets of Object.values(this.personSets)) sets.flush();
  }

  /** Marks the numbers of these people gone: every search leaves them out (see criteria-bitmaps.ts). */
  #forget(ids: readonly string[]): void {
    for (const id of ids) {
      const number = this.people.numberOf(id);
      if (number === undefined || this.gonePeople.has(number)) continue;
      this.gonePeople.add(number);
      this.employed.remove(number);
      this.#companyOf.set(number, NO_COMPANY);
    }
  }

  deletePeople(ids: readonly string[]): void {
    this.#remembered.clear();
    this.#forget(ids);
  }

  /** Deleting a company leaves its people without one, as the foreign key does. */
  deleteCompanies(ids: readonly string[]): void {
    this.#remembered.clear();
    const gone = new RoaringBitmap32();
    for (const id of ids) {
      const number = this.companies.numberOf(id);
      if (number !== undefined) gone.add(number);
    }
    if (gone.isEmpty) return;
    for (const sets of Object.values(this.companySets)) sets.removeAll(gone);
    const leaving = (person: number) => {
      if (gone.has(this.companyOf[person] as number)) {
        this.#companyOf.set(person, NO_COMPANY);
        this.employed.remove(person);
      }
    };
    for (const number of gone) {
      this.employeeCount.set(number, null);
      this.revenue.set(number, null);
      this.foundedYear.set(number, null);
      for (const person of this.peopleOfCompany(number)) leaving(person);
    }
    for (const person of this.#unlisted) leaving(person);
    this.goneCompanies.orInPlace(gone);
  }

  /**
   * How far the index has drifted from a fresh build: ids numbered out of order since (each page
   * of a search merges them in), which a rebuild numbers in order again.
   */
  get drift(): number {
    return this.people.addedCount + this.companies.addedCount;
  }

  #listPeopleByCompany(): void {
    const companyCount = this.companies.size;
    const personCount = this.people.size;
    const companyOf = this.companyOf;
    const counts = new Uint32Array(companyCount + 1);
    for (let person = 0; person < personCount; person += 1) {
      const company = companyOf[person] as number;
      if (company !== NO_COMPANY) counts[company + 1] = (counts[company + 1] as number) + 1;
    }
    for (let company = 0; company < companyCount; company += 1) {
      counts[company + 1] = (counts[company + 1] as number) + (counts[company] as number);
    }
    const next = counts.slice(0, companyCount);
    const peopleByCompany = new Uint32Array(counts[companyCount] as number);
    for (let person = 0; person < personCount; person += 1) {
      const company = companyOf[person] as number;
      if (company === NO_COMPANY) continue;
      peopleByCompany[next[company] as number] = person;
      next[company] = (next[company] as number) + 1;
    }
    this.#companyStart = counts;
    this.#peopleByCompany = peopleByCompany;
  }

  size(): LeadIndexSize {
    const columns =
      this.employeeCount.byteLength +
      this.revenue.byteLength +
      this.foundedYear.byteLength +
      this.#companyOf.byteLength +
      this.#companyStart.byteLength +
      this.#peopleByCompany.byteLength;
    return {
      people: this.people.size - this.gonePeople.size,
      companies: this.companies.size - this.goneCompanies.size,
      bytes:
        [...Object.values(this.personSets), ...Object.values(this.companySets)].reduce(
          (sum, sets) => sum + sets.bytes,
          0,
        ) +
        [this.scoped, this.employed, this.gonePeople, this.goneCompanies, this.#unlisted].reduce(
          (sum, set) => sum + set.getSerializationSizeInBytes('croaring'),
          0,
        ) +
        columns +
        this.people.sortedBytes +
        this.companies.sortedBytes,
    };
  }
}
