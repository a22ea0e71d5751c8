import type { CountryCode } from '@icp/schema';
import type { NameGroup } from './person-names.js';
import { commaList } from './word-list.js';

/** A city, with its state or region where the country has them. */
export interface Place {
  state?: string;
  city: string;
}

/** How companies and people of one country look in the generated data. */
export interface CountryProfile {
  code: CountryCode;
  /** Share of companies, relative to the other countries. */
  weight: number;
  names: NameGroup;
  /** Legal forms a company name ends with, the usual ones first. */
  legalForms: readonly string[];
  /** The country's own domain ending, used by local companies besides `.com`. */
  tld: string;
  /** Cities, the biggest business centres first. */
  places: readonly Place[];
}

/** `State/City` entries, or plain `City` where there is no state to name. */
function placeList(text: string): Place[] {
  return commaList(text).map((entry) => {
    const [state, city] = entry.split('/');
    return city === undefined ? { city: entry } : { state: state as string, city };
  });
}

function country(
  code: CountryCode,
  weight: number,
  names: NameGroup,
  /** `|`-separated, since some forms hold commas (`Co., Ltd.`). */
  legalForms: string,
  tld: string,
  places: string,
): CountryProfile {
  return {
    code,
    weight,
    names,
    legalForms: legalForms.split('|').map((form) => form.trim()),
    tld,
    places: placeList(places),
  };
}

// Weighted towards the markets B2B lead lists target most, with a tail from every world region.
/** The countries generated companies are in. */
export const countryProfiles: readonly CountryProfile[] = [
  country(
    'us',
    28,
    'anglo',
    'Inc. | LLC | Corp. | Inc.',
    'com',
    `
    California/San Francisco, New York/New York, California/Los Angeles, Massachusetts/Boston,
    Texas/Austin, Washington/Seattle, Illinois/Chicago, California/San Jose, Texas/Dallas,
    Georgia/Atlanta, Colorado/Denver, Texas/Houston, Florida/Miami, California/San Diego,
    North Carolina/Raleigh, Utah/Salt Lake City, Arizona/Phoenix, Oregon/Portland,
    Pennsylvania/Philadelphia, Minnesota/Minneapolis, Virginia/Arlington, Ohio/Columbus,
    Michigan/Detroit, Tennessee/Nashville, District of Columbia/Washington`,
  ),
  country(
    'gb',
    8,
    'anglo',
    'Ltd | Ltd | Limited | PLC',
    'co.uk',
    `
    England/London, England/Manchester, England/Cambridge, England/Bristol, England/Birmingham,
    Scotland/Edinburgh, England/Leeds, England/Oxford, Scotland/Glasgow, Wales/Cardiff,
    Northern Ireland/Belfast, England/Reading`,
  ),
  country(
    'de',
    7,
    'german',
    'GmbH | GmbH | AG | GmbH & Co. KG | SE',
    'de',
    `
    Berlin/Berlin, Bavaria/Munich, Hamburg/Hamburg, Hesse/Frankfurt am Main,
    North Rhine-Westphalia/Cologne, North Rhine-Westphalia/Düsseldorf,
    Baden-Württemberg/Stuttgart, Saxony/Leipzig, Lower Saxony/Hanover,
    Baden-Württemberg/Karlsruhe, Saxony/Dresden, Bavaria/Nuremberg`,
  ),
  country(
    'fr',
    5,
    'french',
    'SAS | SAS | SA | SARL',
    'fr',
    `
    Île-de-France/Paris, Auvergne-Rhône-Alpes/Lyon, Occitanie/Toulouse, Nouvelle-Aquitaine/Bordeaux,
    Provence-Alpes-Côte d'Azur/Marseille, Hauts-de-France/Lille, Pays de la Loire/Nantes,
    Grand Est/Strasbourg, Provence-Alpes-Côte d'Azur/Nice, Auvergne-Rhône-Alpes/Grenoble,
    Brittany/Rennes, Occitanie/Montpellier`,
  ),
  country(
    'nl',
    3,
    'dutch',
    'B.V. | B.V. | N.V.',
    'nl',
    `
    North Holland/Amsterdam, South Holland/Rotterdam, Utrecht/Utrecht, North Brabant/Eindhoven,
    South Holland/The Hague, Groningen/Groningen, Gelderland/Arnhem`,
  ),
  country(
    'ca',
    4,
    'anglo',
    'Inc. | Ltd. | Corp.',
    'ca',
    `
    Ontario/Toronto, British Columbia/Vancouver, Quebec/Montreal, Alberta/Calgary, Ontario/Ottawa,
    Ontario/Waterloo, Alberta/Edmonton`,
  ),
  country(
    'au',
    3,
    'anglo',
    'Pty Ltd | Pty Ltd | Ltd',
    'com.au',
    `
    New South Wales/Sydney, Victoria/Melbourne, Queensland/Brisbane, Western Australia/Perth,
    South Australia/Adelaide, Australian Capital Territory/Canberra`,
  ),
  country(
    'in',
    4,
    'indian',
    'Pvt. Ltd. | Pvt. Ltd. | Ltd.',
    'in',
    `
    Karnataka/Bengaluru, Maharashtra/Mumbai, Telangana/Hyderabad, Maharashtra/Pune,
    Delhi/New Delhi, Tamil Nadu/Chennai, Haryana/Gurugram, Uttar Pradesh/Noida`,
  ),
  country(
    'es',
    3,
    'spanish',
    'S.L. | S.L. | S.A.',
    'es',
    `
    Community of Madrid/Madrid, Catalonia/Barcelona, Valencian Community/Valencia,
    Andalusia/Seville, Andalusia/Málaga, Basque Country/Bilbao`,
  ),
  country(
    'it',
    2.5,
    'italian',
    'S.r.l. | S.r.l. | S.p.A.',
    'it',
    `
    Lombardy/Milan, Lazio/Rome, Piedmont/Turin, Emilia-Romagna/Bologna, Tuscany/Florence,
    Veneto/Padua, Campania/Naples`,
  ),
  country(
    'se',
    2,
    'nordic',
    'AB',
    'se',
    `
    Stockholm County/Stockholm, Västra Götaland/Gothenburg, Skåne/Malmö, Uppsala County/Uppsala`,
  ),
  country(
    'ch',
    1.5,
    'german',
    'AG | GmbH | SA',
    'ch',
    `
    Zurich/Zurich, Geneva/Geneva, Basel-Stadt/Basel, Vaud/Lausanne, Bern/Bern, Zug/Zug`,
  ),
  country(
    'at',
    1,
    'german',
    'GmbH | GmbH | AG',
    'at',
    `
    Vienna/Vienna, Styria/Graz, Upper Austria/Linz, Salzburg/Salzburg, Tyrol/Innsbruck`,
  ),
  country(
    'be',
    1,
    'dutch',
    'NV | BV | SA | SRL',
    'be',
    `
    Brussels-Capital/Brussels, Flanders/Antwerp, Flanders/Ghent, Flanders/Leuven, Wallonia/Liège`,
  ),
  country(
    'ie',
    1.2,
    'anglo',
    'Ltd | Ltd | DAC | PLC',
    'ie',
    `
    Leinster/Dublin, Munster/Cork, Connacht/Galway, Munster/Limerick`,
  ),
  country(
    'dk',
    1,
    'nordic',
    'A/S | ApS',
    'dk',
    `
    Capital Region/Copenhagen, Central Jutland/Aarhus, Southern Denmark/Odense`,
  ),
  country('no', 0.8, 'nordic', 'AS | ASA', 'no', `Oslo/Oslo, Vestland/Bergen, Trøndelag/Trondheim`),
  country(
    'fi',
    0.8,
    'nordic',
    'Oy | Oyj',
    'fi',
    `Uusimaa/Helsinki, Uusimaa/Espoo, Pirkanmaa/Tampere`,
  ),
  country(
    'pl',
    1.5,
    'polish',
    'Sp. z o.o. | Sp. z o.o. | S.A.',
    'pl',
    `
    Masovian/Warsaw, Lesser Poland/Kraków, Lower Silesian/Wrocław, Pomeranian/Gdańsk,
    Greater Poland/Poznań`,
  ),
  country('pt', 0.8, 'portuguese', 'Lda. | S.A.', 'pt', `Lisbon/Lisbon, Porto/Porto, Braga/Braga`),
  country('cz', 0.6, 'eastEuropean', 's.r.o. | a.s.', 'cz', `Prague/Prague, South Moravian/Brno`),
  country(
    'ro',
    0.6,
    'eastEuropean',
    'S.R.L. | S.A.',
    'ro',
    `Bucharest/Bucharest, Cluj/Cluj-Napoca`,
  ),
  country('ee', 0.3, 'eastEuropean', 'OÜ | AS', 'ee', `Harju/Tallinn, Tartu/Tartu`),
  country(
    'tr',
    0.6,
    'turkish',
    'A.Ş. | Ltd. Şti.',
    'com.tr',
    `Istanbul/Istanbul, Ankara/Ankara, İzmir/İzmir`,
  ),
  country(
    'br',
    2.5,
    'portuguese',
    'Ltda. | Ltda. | S.A.',
    'com.br',
    `
    São Paulo/São Paulo, Rio de Janeiro/Rio de Janeiro, Minas Gerais/Belo Horizonte,
    Paraná/Curitiba, Rio Grande do Sul/Porto Alegre, Santa Catarina/Florianópolis`,
  ),
  country(
    'mx',
    1.5,
    'spanish',
    'S.A. de C.V. | S. de R.L. de C.V.',
    'com.mx',
    `
    Mexico City/Mexico City, Jalisco/Guadalajara, Nuevo León/Monterrey, Querétaro/Querétaro`,
  ),
  country(
    'ar',
    0.8,
    'spanish',
    'S.A. | S.R.L.',
    'com.ar',
    `Buenos Aires/Buenos Aires, Córdoba/Córdoba`,
  ),
  country(
    'cl',
    0.5,
    'spanish',
    'SpA | S.A.',
    'cl',
    `Santiago Metropolitan/Santiago, Valparaíso/Valparaíso`,
  ),
  country(
    'co',
    0.6,
    'spanish',
    'S.A.S. | S.A.',
    'com.co',
    `Bogotá/Bogotá, Antioquia/Medellín, Valle del Cauca/Cali`,
  ),
  country('pe', 0.3, 'spanish', 'S.A.C. | S.A.', 'pe', `Lima/Lima`),
  country(
    'za',
    0.8,
    'african',
    '(Pty) Ltd',
    'co.za',
    `
    Gauteng/Johannesburg, Western Cape/Cape Town, KwaZulu-Natal/Durban, Gauteng/Pretoria`,
  ),
  country(
    'ng',
    0.5,
    'african',
    'Ltd | PLC',
    'com.ng',
    `Lagos/Lagos, Federal Capital Territory/Abuja`,
  ),
  country('ke', 0.3, 'african', 'Ltd', 'co.ke', `Nairobi/Nairobi, Mombasa/Mombasa`),
  country('eg', 0.3, 'arabic', 'S.A.E. | LLC', 'com.eg', `Cairo/Cairo, Alexandria/Alexandria`),
  country(
    'ae',
    0.8,
    'arabic',
    'LLC | FZ-LLC | FZE',
    'ae',
    `Dubai/Dubai, Abu Dhabi/Abu Dhabi, Sharjah/Sharjah`,
  ),
  country('sa', 0.3, 'arabic', 'LLC | JSC', 'sa', `Riyadh/Riyadh, Makkah/Jeddah`),
  country(
    'il',
    1,
    'hebrew',
    'Ltd.',
    'co.il',
    `Tel Aviv/Tel Aviv, Haifa/Haifa, Jerusalem/Jerusalem`,
  ),
  country(
    'jp',
    2,
    'japanese',
    'K.K. | Co., Ltd.',
    'co.jp',
    `
    Tokyo/Tokyo, Osaka/Osaka, Kanagawa/Yokohama, Aichi/Nagoya, Fukuoka/Fukuoka, Kyoto/Kyoto`,
  ),
  country(
    'cn',
    1.5,
    'chinese',
    'Co., Ltd. | Ltd.',
    'cn',
    `
    Shanghai/Shanghai, Beijing/Beijing, Guangdong/Shenzhen, Zhejiang/Hangzhou, Guangdong/Guangzhou`,
  ),
  country('hk', 0.6, 'chinese', 'Limited | Ltd.', 'com.hk', `Hong Kong`),
  country('tw', 0.5, 'chinese', 'Co., Ltd. | Inc.', 'com.tw', `Taipei/Taipei, Hsinchu/Hsinchu`),
  country(
    'kr',
    1,
    'korean',
    'Co., Ltd. | Inc.',
    'co.kr',
    `Seoul/Seoul, Gyeonggi/Seongnam, Busan/Busan`,
  ),
  country('sg', 1.2, 'chinese', 'Pte. Ltd.', 'sg', `Singapore`),
  country('nz', 0.5, 'anglo', 'Limited | Ltd', 'co.nz', `Auckland/Auckland, Wellington/Wellington`),
  country('id', 0.5, 'southeastAsian', 'Tbk', 'co.id', `Jakarta/Jakarta, West Java/Bandung`),
  country(
    'my',
    0.4,
    'southeastAsian',
    'Sdn. Bhd. | Bhd.',
    'com.my',
    `Kuala Lumpur/Kuala Lumpur, Penang/George Town`,
  ),
  country(
    'ph',
    0.4,
    'southeastAsian',
    'Inc. | Corp.',
    'ph',
    `Metro Manila/Manila, Metro Manila/Makati, Cebu/Cebu City`,
  ),
  country(
    'vn',
    0.4,
    'southeastAsian',
    'Co., Ltd. | JSC',
    'vn',
    `Ho Chi Minh City/Ho Chi Minh City, Hanoi/Hanoi`,
  ),
  country(
    'th',
    0.3,
    'southeastAsian',
    'Co., Ltd.',
    'co.th',
    `Bangkok/Bangkok, Chiang Mai/Chiang Mai`,
  ),
];
