import type { Industry } from '@icp/schema';
import { commaList } from './word-list.js';

/** How companies of one industry look in the generated data. */
export interface IndustryProfile {
  industry: Industry;
  /** Share of companies, relative to the other industries. */
  weight: number;
  /** Typical annual revenue per employee, in US dollars. */
  revenuePerEmployee: number;
  /** Words a company name of the industry ends with: `Atlas Logistics`. */
  nouns: readonly string[];
  keywords: readonly string[];
  /** Whether its companies favour `.io` and `.ai` domains. */
  tech: boolean;
}

function industry(
  name: Industry,
  weight: number,
  revenuePerEmployeeK: number,
  nouns: string,
  keywords: string,
  tech = false,
): IndustryProfile {
  return {
    industry: name,
    weight,
    revenuePerEmployee: revenuePerEmployeeK * 1_000,
    nouns: commaList(nouns),
    keywords: commaList(keywords),
    tech,
  };
}

/** Every industry of the catalog, with what its companies are called and known for. */
export const industryProfiles: readonly IndustryProfile[] = [
  industry(
    'Accounting',
    1.5,
    120,
    'Accounting, Tax Advisors, Audit',
    'audit, tax advisory, bookkeeping, payroll, IFRS, financial statements, corporate tax',
  ),
  industry(
    'Aerospace & Defense',
    0.8,
    300,
    'Aerospace, Defense Systems, Aviation',
    'avionics, satellites, defense, aircraft components, drones, space systems, MRO',
  ),
  industry(
    'Agriculture',
    1,
    150,
    'Agri, Farms, Harvest, AgTech',
    'crop protection, precision farming, seeds, irrigation, livestock, agtech, fertilizers',
  ),
  industry(
    'Apparel & Fashion',
    1,
    180,
    'Apparel, Fashion, Studio, Wear',
    'fashion, apparel, sustainable fashion, footwear, luxury, direct-to-consumer, textiles',
  ),
  industry(
    'Architecture & Planning',
    0.8,
    110,
    'Architects, Design Studio, Planning',
    'architecture, urban planning, interior design, BIM, sustainable building, landscape design',
  ),
  industry(
    'Automotive',
    1.5,
    350,
    'Automotive, Motors, Mobility',
    `
      electric vehicles, automotive parts, mobility, autonomous driving, fleet, aftermarket,
      EV charging`,
  ),
  industry(
    'Banking',
    1.5,
    400,
    'Bank, Banking, Capital',
    `
      retail banking, corporate banking, payments, lending, wealth management, digital banking,
      compliance`,
  ),
  industry(
    'Biotechnology',
    1.5,
    280,
    'Bio, Biosciences, Therapeutics, Genomics',
    'biotech, drug discovery, genomics, cell therapy, antibodies, clinical trials, CRISPR',
  ),
  industry(
    'Chemicals',
    1,
    450,
    'Chemicals, Chemie, Materials',
    'specialty chemicals, polymers, coatings, adhesives, catalysts, industrial chemicals',
  ),
  industry(
    'Computer Hardware',
    0.8,
    400,
    'Devices, Hardware, Computing',
    'hardware, servers, storage, embedded systems, IoT devices, PCBs, peripherals',
    true,
  ),
  industry(
    'Construction',
    3,
    200,
    'Construction, Builders, Bau, Contracting',
    'construction, civil engineering, general contracting, infrastructure, renovation, prefab',
  ),
  industry(
    'Consulting',
    4,
    180,
    'Consulting, Partners, Advisory, Group',
    `
      management consulting, strategy, digital transformation, operations, change management,
      M&A advisory`,
  ),
  industry(
    'Consumer Goods',
    1.5,
    300,
    'Brands, Goods, Products',
    'FMCG, consumer products, personal care, household goods, D2C, retail distribution',
  ),
  industry(
    'Cybersecurity',
    1.5,
    250,
    'Security, Cyber, Shield, Defense',
    `
      cybersecurity, zero trust, SIEM, endpoint security, threat intelligence, identity,
      penetration testing`,
    true,
  ),
  industry(
    'E-commerce',
    2.5,
    350,
    'Shop, Commerce, Market, Store',
    'e-commerce, online marketplace, D2C, logistics, payments, subscription commerce',
    true,
  ),
  industry(
    'Education',
    2,
    90,
    'Learning, Academy, Education, EdTech',
    'edtech, online learning, e-learning, corporate training, LMS, tutoring, higher education',
  ),
  industry(
    'Energy',
    1.5,
    600,
    'Energy, Power, Grid',
    'energy trading, power generation, grid, energy efficiency, utilities, storage',
  ),
  industry(
    'Entertainment',
    1,
    200,
    'Entertainment, Studios, Pictures',
    'film production, streaming, live events, music, content, animation',
  ),
  industry(
    'Environmental Services',
    0.8,
    150,
    'Environmental, Recycling, Waste Solutions',
    'recycling, waste management, environmental consulting, circular economy, water treatment',
  ),
  industry(
    'Finance',
    4,
    400,
    'Finance, Capital, Financial, Payments',
    `
      fintech, payments, lending, asset management, insurance tech, accounting software,
      open banking`,
  ),
  industry(
    'Food & Beverage',
    2,
    220,
    'Foods, Kitchen, Brewing, Beverages',
    'food production, beverages, plant-based, organic, catering, food delivery, craft beer',
  ),
  industry(
    'Gaming',
    1,
    300,
    'Games, Interactive, Play',
    'video games, mobile games, game engines, esports, gamification, multiplayer',
    true,
  ),
  industry(
    'Government',
    0.6,
    120,
    'Agency, Authority, Office',
    'public sector, e-government, regulation, public services, procurement',
  ),
  industry(
    'Healthcare',
    4,
    150,
    'Health, Care, Medical, Clinics',
    'healthcare, digital health, telemedicine, hospitals, patient care, EHR, home care',
  ),
  industry(
    'Hospitality',
    1.5,
    80,
    'Hotels, Hospitality, Resorts',
    'hotels, restaurants, hospitality management, resorts, guest experience, catering',
  ),
  industry(
    'Insurance',
    1.5,
    450,
    'Insurance, Assurance, Underwriters',
    'insurance, insurtech, underwriting, claims, reinsurance, life insurance, risk management',
  ),
  industry(
    'Internet',
    3,
    400,
    'Labs, Digital, Online, Web',
    'internet, marketplace, social media, online platform, mobile apps, consumer internet',
    true,
  ),
  industry(
    'IT Services',
    5,
    150,
    'IT Services, Solutions, Systems, Technologies',
    `
      IT services, managed services, cloud migration, outsourcing, system integration,
      IT consulting, DevOps`,
    true,
  ),
  industry(
    'Legal Services',
    1.2,
    250,
    'Law, Legal, Rechtsanwälte, Attorneys',
    'corporate law, litigation, intellectual property, employment law, legal tech, compliance',
  ),
  industry(
    'Logistics & Supply Chain',
    3,
    250,
    'Logistics, Freight, Shipping, Supply',
    'logistics, freight forwarding, warehousing, last mile, supply chain, fulfillment, 3PL',
  ),
  industry(
    'Manufacturing',
    5,
    300,
    'Manufacturing, Industries, Werke, Engineering',
    `
      manufacturing, industrial automation, CNC machining, precision engineering, robotics,
      industry 4.0, lean`,
  ),
  industry(
    'Marketing & Advertising',
    3,
    160,
    'Media, Marketing, Creative, Agency',
    `
      digital marketing, advertising, SEO, branding, performance marketing, content marketing,
      social media`,
  ),
  industry(
    'Media',
    1.5,
    250,
    'Media, News, Broadcasting',
    'publishing, broadcasting, digital media, news, podcasts, video',
  ),
  industry(
    'Medical Devices',
    1.2,
    300,
    'Medical, MedTech, Devices',
    'medtech, medical devices, diagnostics, imaging, surgical instruments, wearables',
  ),
  industry(
    'Mining & Metals',
    0.6,
    500,
    'Mining, Metals, Resources',
    'mining, metals, steel, copper, lithium, mineral exploration',
  ),
  industry(
    'Non-profit',
    1,
    60,
    'Foundation, Initiative, Alliance',
    'non-profit, fundraising, community development, social impact, charity, volunteering',
  ),
  industry(
    'Oil & Gas',
    0.6,
    900,
    'Petroleum, Energy, Oil & Gas',
    'oil and gas, exploration, drilling, refining, LNG, pipelines',
  ),
  industry(
    'Pharmaceuticals',
    1.2,
    450,
    'Pharma, Pharmaceuticals, Therapeutics',
    'pharmaceuticals, generics, drug development, clinical trials, regulatory affairs, oncology',
  ),
  industry(
    'Publishing',
    0.8,
    200,
    'Publishing, Press, Books',
    'publishing, books, magazines, digital publishing, academic publishing',
  ),
  industry(
    'Real Estate',
    2.5,
    300,
    'Properties, Real Estate, Estates',
    'real estate, property management, proptech, commercial real estate, residential, REIT',
  ),
  industry(
    'Renewable Energy',
    1.5,
    400,
    'Solar, Wind, Renewables, Energy',
    'solar, wind energy, renewables, energy storage, hydrogen, EV charging, clean energy',
  ),
  industry(
    'Research',
    0.8,
    150,
    'Research, Institute, Labs',
    'research, R&D, laboratory services, contract research, scientific consulting',
  ),
  industry(
    'Retail',
    3,
    180,
    'Retail, Stores, Outlet',
    'retail, omnichannel, point of sale, stores, merchandising, loyalty programs',
  ),
  industry(
    'Semiconductors',
    0.6,
    500,
    'Semiconductors, Silicon, Microsystems',
    'semiconductors, chip design, EDA, wafers, photonics, ASIC',
    true,
  ),
  industry(
    'Software',
    10,
    250,
    'Software, Labs, Systems, Cloud, Technologies',
    'SaaS, B2B, cloud, API, platform, enterprise software, workflow automation, analytics, AI',
    true,
  ),
  industry(
    'Sports',
    0.8,
    150,
    'Sports, Athletics, Fitness',
    'sports, fitness, sportswear, sports tech, events, gyms',
  ),
  industry(
    'Staffing & Recruiting',
    2,
    120,
    'Recruitment, Talent, Staffing, People',
    'recruiting, staffing, executive search, RPO, temporary staffing, talent acquisition',
  ),
  industry(
    'Technology',
    5,
    300,
    'Technologies, Tech, Systems, Digital',
    'technology, AI, IoT, automation, data platform, machine learning',
    true,
  ),
  industry(
    'Telecommunications',
    1.5,
    400,
    'Telecom, Networks, Communications',
    'telecommunications, 5G, fiber, VoIP, network infrastructure, unified communications',
  ),
  industry(
    'Transportation',
    1.5,
    200,
    'Transport, Mobility, Transit, Lines',
    'transportation, public transit, trucking, mobility, fleet management, rail',
  ),
  industry(
    'Travel & Tourism',
    1.2,
    180,
    'Travel, Tours, Journeys',
    'travel, tourism, online travel agency, tour operator, business travel, booking',
  ),
  industry(
    'Utilities',
    0.6,
    500,
    'Utilities, Water, Power',
    'utilities, water supply, electricity distribution, gas distribution, smart metering',
  ),
  industry(
    'Venture Capital & Private Equity',
    0.8,
    1500,
    'Capital, Ventures, Partners, Investments',
    'venture capital, private equity, seed funding, growth equity, fund management, buyouts',
  ),
  industry(
    'Wholesale',
    1.5,
    500,
    'Trading, Wholesale, Distribution, Supply',
    'wholesale, distribution, B2B trade, import export, procurement, inventory',
  ),
];
