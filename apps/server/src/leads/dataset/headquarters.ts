import type { CountryCode } from '@icp/schema';
import { commaList } from './word-list.js';

/** Where a city is, and how its postal codes begin. */
export interface HqCity {
  latitude: number;
  longitude: number;
  /** Stands for `*` in the country's postal code pattern; '' where there are no postal codes. */
  postalPrefix: string;
}

/** How headquarters addresses of one country are written. */
export interface HqCountry {
  /**
   * Street names, each with `#` where the house number goes (`# Market Street`, `Hauptstraße #`)
   * and `%` for a small one (Japan's blocks: `%-#-% Marunouchi`).
   */
  streets: readonly string[];
  /** `*` the city's prefix, `0` a digit, `A` a letter, anything else as is; null: none in use. */
  postalCode: string | null;
  /** The cities of places.ts, by name. */
  cities: ReadonlyMap<string, HqCity>;
}

/**
 * `Name lat lon prefix; ...` (the prefix left out where the country has no postal codes). City
 * names may hold spaces, so the numbers are read from the end.
 */
function cityList(text: string, withPrefix: boolean): Map<string, HqCity> {
  const cities = new Map<string, HqCity>();
  for (const entry of text.split(';')) {
    const words = entry.trim().split(/\s+/);
    if (words.length < 3) continue;
    const postalPrefix = withPrefix ? (words.pop() as string) : '';
    const longitude = Number(words.pop());
    const latitude = Number(words.pop());
    cities.set(words.join(' '), { latitude, longitude, postalPrefix });
  }
  return cities;
}

/** `format` places the street name (`S`) and the number (`#`): `# S`, `S #`, `S No:#`. */
function hq(format: string, postalCode: string | null, streets: string, cities: string): HqCountry {
  return {
    streets: commaList(streets).map((street) => format.replace('S', street)),
    postalCode,
    cities: cityList(cities, postalCode !== null),
  };
}

const ANGLO_STREETS = `
  Main Street, Market Street, High Street, King Street, Queen Street, Church Street,
  Station Road, Park Avenue, Bridge Street, Victoria Road, Mill Lane, Oak Street, Elm Street,
  Maple Avenue, Commerce Street, Harbour Road, Riverside Drive, Innovation Way, Technology Drive,
  Broad Street, Water Street, College Road`;
const GERMAN_STREETS = `
  Hauptstraße, Bahnhofstraße, Schillerstraße, Goethestraße, Friedrichstraße, Kaiserstraße,
  Lindenstraße, Industriestraße, Marktplatz, Am Hafen, Parkring, Seestraße, Gartenstraße,
  Mozartstraße, Rathausplatz, Poststraße, Kirchgasse, Ringstraße`;
const FRENCH_STREETS = `
  rue de la République, rue Victor Hugo, avenue Jean Jaurès, rue Pasteur, boulevard Gambetta,
  rue de la Gare, place de la Mairie, rue Nationale, avenue du Général de Gaulle, rue des Lilas,
  rue du Commerce, quai du Port, rue Saint-Michel, avenue de la Liberté`;
const DUTCH_STREETS = `
  Stationsplein, Kerkstraat, Dorpsstraat, Marktplein, Havenweg, Beursplein, Parklaan,
  Schoolstraat, Nieuwstraat, Molenweg, Industrieweg, Stationsstraat, Kerkplein, Zuiderweg`;
const SPANISH_STREETS = `
  Calle Mayor, Avenida de la Libertad, Calle Real, Avenida Principal, Calle del Sol,
  Avenida Central, Calle San Martín, Avenida Bolívar, Calle de la Paz, Avenida de la Constitución,
  Calle Nueva, Paseo del Parque`;
const PORTUGUESE_STREETS = `
  Rua das Flores, Rua Direita, Avenida da República, Rua do Comércio, Avenida Central, Rua Nova,
  Rua São João, Praça da Liberdade, Rua da Paz, Avenida Brasil, Rua XV de Novembro`;

/** Street names and postal codes of every country of places.ts, and where its cities are. */
export const hqCountries: ReadonlyMap<CountryCode, HqCountry> = new Map<CountryCode, HqCountry>([
  [
    'us',
    hq(
      '# S',
      '*00',
      ANGLO_STREETS,
      `San Francisco 37.7749 -122.4194 941; New York 40.7128 -74.0060 100;
      Los Angeles 34.0522 -118.2437 900; Boston 42.3601 -71.0589 021; Austin 30.2672 -97.7431 787;
      Seattle 47.6062 -122.3321 981; Chicago 41.8781 -87.6298 606; San Jose 37.3382 -121.8863 951;
      Dallas 32.7767 -96.7970 752; Atlanta 33.7490 -84.3880 303; Denver 39.7392 -104.9903 802;
      Houston 29.7604 -95.3698 770; Miami 25.7617 -80.1918 331; San Diego 32.7157 -117.1611 921;
      Raleigh 35.7796 -78.6382 276; Salt Lake City 40.7608 -111.8910 841;
      Phoenix 33.4484 -112.0740 850; Portland 45.5152 -122.6784 972;
      Philadelphia 39.9526 -75.1652 191; Minneapolis 44.9778 -93.2650 554;
      Arlington 38.8816 -77.0910 222; Columbus 39.9612 -82.9988 432; Detroit 42.3314 -83.0458 482;
      Nashville 36.1627 -86.7816 372; Washington 38.9072 -77.0369 200`,
    ),
  ],
  [
    'gb',
    hq(
      '# S',
      '* 0AA',
      ANGLO_STREETS,
      `London 51.5074 -0.1278 EC2A; Manchester 53.4808 -2.2426 M1; Cambridge 52.2053 0.1218 CB2;
      Bristol 51.4545 -2.5879 BS1; Birmingham 52.4862 -1.8904 B1; Edinburgh 55.9533 -3.1883 EH1;
      Leeds 53.8008 -1.5491 LS1; Oxford 51.7520 -1.2577 OX1; Glasgow 55.8642 -4.2518 G1;
      Cardiff 51.4816 -3.1791 CF10; Belfast 54.5973 -5.9301 BT1; Reading 51.4543 -0.9781 RG1`,
    ),
  ],
  [
    'de',
    hq(
      'S #',
      '*000',
      GERMAN_STREETS,
      `Berlin 52.5200 13.4050 10; Munich 48.1351 11.5820 80; Hamburg 53.5511 9.9937 20;
      Frankfurt am Main 50.1109 8.6821 60; Cologne 50.9375 6.9603 50;
      Düsseldorf 51.2277 6.7735 40; Stuttgart 48.7758 9.1829 70; Leipzig 51.3397 12.3731 04;
      Hanover 52.3759 9.7320 30; Karlsruhe 49.0069 8.4037 76; Dresden 51.0504 13.7373 01;
      Nuremberg 49.4521 11.0767 90`,
    ),
  ],
  [
    'fr',
    hq(
      '# S',
      '*00',
      FRENCH_STREETS,
      `Paris 48.8566 2.3522 750; Lyon 45.7640 4.8357 690; Toulouse 43.6047 1.4442 310;
      Bordeaux 44.8378 -0.5792 330; Marseille 43.2965 5.3698 130; Lille 50.6292 3.0573 590;
      Nantes 47.2184 -1.5536 440; Strasbourg 48.5734 7.7521 670; Nice 43.7102 7.2620 060;
      Grenoble 45.1885 5.7245 380; Rennes 48.1173 -1.6778 350; Montpellier 43.6108 3.8767 340`,
    ),
  ],
  [
    'nl',
    hq(
      'S #',
      '*00 AA',
      DUTCH_STREETS,
      `Amsterdam 52.3676 4.9041 10; Rotterdam 51.9244 4.4777 30; Utrecht 52.0907 5.1214 35;
      Eindhoven 51.4416 5.4697 56; The Hague 52.0705 4.3007 25; Groningen 53.2194 6.5665 97;
      Arnhem 51.9851 5.8987 68`,
    ),
  ],
  [
    'ca',
    hq(
      '# S',
      '* 0A0',
      ANGLO_STREETS,
      `Toronto 43.6532 -79.3832 M5V; Vancouver 49.2827 -123.1207 V6B; Montreal 45.5017 -73.5673 H3B;
      Calgary 51.0447 -114.0719 T2P; Ottawa 45.4215 -75.6972 K1P; Waterloo 43.4643 -80.5204 N2L;
      Edmonton 53.5461 -113.4938 T5J`,
    ),
  ],
  [
    'au',
    hq(
      '# S',
      '*00',
      ANGLO_STREETS,
      `Sydney -33.8688 151.2093 20; Melbourne -37.8136 144.9631 30; Brisbane -27.4698 153.0251 40;
      Perth -31.9505 115.8605 60; Adelaide -34.9285 138.6007 50; Canberra -35.2809 149.1300 26`,
    ),
  ],
  [
    'in',
    hq(
      '#, S',
      '*000',
      `MG Road, Outer Ring Road, Station Road, Park Street, Ring Road, Link Road, Church Street,
      Residency Road, Nehru Place, Golf Course Road, Brigade Road, Sector Road`,
      `Bengaluru 12.9716 77.5946 560; Mumbai 19.0760 72.8777 400; Hyderabad 17.3850 78.4867 500;
      Pune 18.5204 73.8567 411; New Delhi 28.6139 77.2090 110; Chennai 13.0827 80.2707 600;
      Gurugram 28.4595 77.0266 122; Noida 28.5355 77.3910 201`,
    ),
  ],
  [
    'es',
    hq(
      'S, #',
      '*000',
      SPANISH_STREETS,
      `Madrid 40.4168 -3.7038 28; Barcelona 41.3874 2.1686 08; Valencia 39.4699 -0.3763 46;
      Seville 37.3891 -5.9845 41; Málaga 36.7213 -4.4214 29; Bilbao 43.2630 -2.9350 48`,
    ),
  ],
  [
    'it',
    hq(
      'S, #',
      '*00',
      `Via Roma, Via Garibaldi, Corso Italia, Via Dante, Via Mazzini, Piazza della Repubblica,
      Via Verdi, Corso Vittorio Emanuele II, Via Cavour, Via XX Settembre, Via dell'Industria`,
      `Milan 45.4642 9.1900 201; Rome 41.9028 12.4964 001; Turin 45.0703 7.6869 101;
      Bologna 44.4949 11.3426 401; Florence 43.7696 11.2558 501; Padua 45.4064 11.8768 351;
      Naples 40.8518 14.2681 801`,
    ),
  ],
  [
    'se',
    hq(
      'S #',
      '*0 00',
      `Drottninggatan, Kungsgatan, Storgatan, Sveavägen, Vasagatan, Hamngatan, Södra vägen,
      Industrigatan, Kyrkogatan, Järnvägsgatan`,
      `Stockholm 59.3293 18.0686 11; Gothenburg 57.7089 11.9746 41; Malmö 55.6050 13.0038 21;
      Uppsala 59.8586 17.6389 75`,
    ),
  ],
  [
    'ch',
    hq(
      'S #',
      '*00',
      `${GERMAN_STREETS}, Bahnhofplatz, Rue du Rhône, Avenue de la Gare`,
      `Zurich 47.3769 8.5417 80; Geneva 46.2044 6.1432 12; Basel 47.5596 7.5886 40;
      Lausanne 46.5197 6.6323 10; Bern 46.9480 7.4474 30; Zug 47.1662 8.5155 63`,
    ),
  ],
  [
    'at',
    hq(
      'S #',
      '*00',
      GERMAN_STREETS,
      `Vienna 48.2082 16.3738 10; Graz 47.0707 15.4395 80; Linz 48.3069 14.2858 40;
      Salzburg 47.8095 13.0550 50; Innsbruck 47.2692 11.4041 60`,
    ),
  ],
  [
    'be',
    hq(
      'S #',
      '*00',
      `${DUTCH_STREETS}, Rue de la Loi, Avenue Louise, Rue Neuve`,
      `Brussels 50.8503 4.3517 10; Antwerp 51.2194 4.4025 20; Ghent 51.0543 3.7174 90;
      Leuven 50.8798 4.7005 30; Liège 50.6326 5.5797 40`,
    ),
  ],
  [
    'ie',
    hq(
      '# S',
      '* A0A0',
      ANGLO_STREETS,
      `Dublin 53.3498 -6.2603 D02; Cork 51.8985 -8.4756 T12; Galway 53.2707 -9.0568 H91;
      Limerick 52.6638 -8.6267 V94`,
    ),
  ],
  [
    'dk',
    hq(
      'S #',
      '*000',
      `Vesterbrogade, Nørregade, Strandvejen, Østergade, Vestergade, Søndergade, Havnegade,
      Kongensgade, Industrivej, Stationsvej`,
      `Copenhagen 55.6761 12.5683 1; Aarhus 56.1629 10.2039 8; Odense 55.4038 10.4024 5`,
    ),
  ],
  [
    'no',
    hq(
      'S #',
      '*00',
      `Storgata, Kirkegata, Parkveien, Kongens gate, Dronningens gate, Strandgata, Industriveien,
      Sjøgata, Torggata`,
      `Oslo 59.9139 10.7522 01; Bergen 60.3913 5.3221 50; Trondheim 63.4305 10.3951 70`,
    ),
  ],
  [
    'fi',
    hq(
      'S #',
      '*00',
      `Mannerheimintie, Aleksanterinkatu, Hämeenkatu, Keskuskatu, Satamakatu, Teollisuuskatu,
      Kauppakatu, Asemakatu, Puistokatu`,
      `Helsinki 60.1699 24.9384 001; Espoo 60.2055 24.6559 021; Tampere 61.4978 23.7610 331`,
    ),
  ],
  [
    'pl',
    hq(
      'S #',
      '*-000',
      `ul. Długa, ul. Kościuszki, ul. Mickiewicza, ul. Słowackiego, al. Jana Pawła II,
      ul. Piłsudskiego, ul. Polna, ul. Kwiatowa, ul. Ogrodowa, ul. Przemysłowa`,
      `Warsaw 52.2297 21.0122 00; Kraków 50.0647 19.9450 30; Wrocław 51.1079 17.0385 50;
      Gdańsk 54.3520 18.6466 80; Poznań 52.4064 16.9252 60`,
    ),
  ],
  [
    'pt',
    hq(
      'S, #',
      '*00-000',
      PORTUGUESE_STREETS,
      `Lisbon 38.7223 -9.1393 10; Porto 41.1579 -8.6291 40; Braga 41.5454 -8.4265 47`,
    ),
  ],
  [
    'cz',
    hq(
      'S #',
      '*0 00',
      `Národní, Masarykova, Palackého, Husova, Nádražní, Komenského, Sokolská, Průmyslová`,
      `Prague 50.0755 14.4378 11; Brno 49.1951 16.6068 60`,
    ),
  ],
  [
    'ro',
    hq(
      'S #',
      '*0000',
      `Strada Victoriei, Bulevardul Unirii, Strada Republicii, Strada Libertății,
      Bulevardul Eroilor, Strada Mihai Eminescu, Strada Fabricii`,
      `Bucharest 44.4268 26.1025 01; Cluj-Napoca 46.7712 23.6236 40`,
    ),
  ],
  [
    'ee',
    hq(
      'S #',
      '*000',
      `Narva mnt, Pärnu mnt, Tartu mnt, Viru, Rävala pst, Lossi, Riia, Tööstuse`,
      `Tallinn 59.4370 24.7536 10; Tartu 58.3776 26.7290 50`,
    ),
  ],
  [
    'tr',
    hq(
      'S No:#',
      '*000',
      `Atatürk Caddesi, Cumhuriyet Caddesi, İstiklal Caddesi, Barbaros Bulvarı,
      İnönü Caddesi, Gazi Bulvarı, Sanayi Caddesi, Millet Caddesi`,
      `Istanbul 41.0082 28.9784 34; Ankara 39.9334 32.8597 06; İzmir 38.4237 27.1428 35`,
    ),
  ],
  [
    'br',
    hq(
      'S, #',
      '*000-000',
      PORTUGUESE_STREETS,
      `São Paulo -23.5505 -46.6333 01; Rio de Janeiro -22.9068 -43.1729 20;
      Belo Horizonte -19.9167 -43.9345 30; Curitiba -25.4284 -49.2733 80;
      Porto Alegre -30.0346 -51.2177 90; Florianópolis -27.5954 -48.5480 88`,
    ),
  ],
  [
    'mx',
    hq(
      'S #',
      '*000',
      SPANISH_STREETS,
      `Mexico City 19.4326 -99.1332 06; Guadalajara 20.6597 -103.3496 44;
      Monterrey 25.6866 -100.3161 64; Querétaro 20.5888 -100.3899 76`,
    ),
  ],
  [
    'ar',
    hq(
      'S #',
      '*00AAA',
      SPANISH_STREETS,
      `Buenos Aires -34.6037 -58.3816 C10; Córdoba -31.4201 -64.1888 X50`,
    ),
  ],
  [
    'cl',
    hq(
      'S #',
      '*00000',
      SPANISH_STREETS,
      `Santiago -33.4489 -70.6693 83; Valparaíso -33.0472 -71.6127 23`,
    ),
  ],
  [
    'co',
    hq(
      'S #',
      '*0000',
      `Calle 26, Carrera 7, Avenida El Dorado, Calle 72, Carrera 15, Avenida Boyacá, Calle 10`,
      `Bogotá 4.7110 -74.0721 11; Medellín 6.2442 -75.5812 05; Cali 3.4516 -76.5320 76`,
    ),
  ],
  ['pe', hq('S #', '*000', SPANISH_STREETS, `Lima -12.0464 -77.0428 15`)],
  [
    'za',
    hq(
      '# S',
      '*00',
      `Main Road, Church Street, Jan Smuts Avenue, Rivonia Road, Long Street, Oxford Road,
      Beach Road, Loop Street, Commissioner Street, West Street`,
      `Johannesburg -26.2041 28.0473 20; Cape Town -33.9249 18.4241 80;
      Durban -29.8587 31.0218 40; Pretoria -25.7479 28.2293 00`,
    ),
  ],
  [
    'ng',
    hq(
      '# S',
      '*0000',
      `Adeola Odeku Street, Awolowo Road, Broad Street, Herbert Macaulay Way, Ahmadu Bello Way,
      Marina Road, Allen Avenue, Admiralty Way`,
      `Lagos 6.5244 3.3792 10; Abuja 9.0765 7.3986 90`,
    ),
  ],
  [
    'ke',
    hq(
      'S #',
      '*000',
      `Moi Avenue, Kenyatta Avenue, Ngong Road, Waiyaki Way, Mombasa Road, Kimathi Street,
      Muindi Mbingu Street`,
      `Nairobi -1.2921 36.8219 00; Mombasa -4.0435 39.6682 80`,
    ),
  ],
  [
    'eg',
    hq(
      '# S',
      '*000',
      `Tahrir Street, Nile Corniche, 26th of July Street, Ramses Street, Gameat El Dowal Street,
      El Horreya Road`,
      `Cairo 30.0444 31.2357 11; Alexandria 31.2001 29.9187 21`,
    ),
  ],
  [
    'ae',
    hq(
      'Office #, S',
      null,
      `Sheikh Zayed Road, Al Wasl Road, Corniche Road, Al Maktoum Road, Khalifa Street,
      Hamdan Street, Al Khan Road`,
      `Dubai 25.2048 55.2708; Abu Dhabi 24.4539 54.3773; Sharjah 25.3463 55.4209`,
    ),
  ],
  [
    'sa',
    hq(
      '# S',
      '*000',
      `King Fahd Road, Olaya Street, Prince Sultan Street, King Abdulaziz Road, Tahlia Street`,
      `Riyadh 24.7136 46.6753 12; Jeddah 21.4858 39.1925 23`,
    ),
  ],
  [
    'il',
    hq(
      'S #',
      '*00000',
      `Rothschild Boulevard, Herzl Street, Ben Yehuda Street, Dizengoff Street, Jaffa Road,
      HaBarzel Street, Menachem Begin Road, Allenby Street`,
      `Tel Aviv 32.0853 34.7818 61; Haifa 32.7940 34.9896 31; Jerusalem 31.7683 35.2137 91`,
    ),
  ],
  [
    'jp',
    hq(
      '%-#-% S',
      '*0-0000',
      `Marunouchi, Nishi-Shinjuku, Honmachi, Sakae, Tenjin, Minatomirai, Umeda, Shibuya,
      Karasuma, Kita-Aoyama, Hakata-Ekimae`,
      `Tokyo 35.6762 139.6503 10; Osaka 34.6937 135.5023 53; Yokohama 35.4437 139.6380 22;
      Nagoya 35.1815 136.9066 45; Fukuoka 33.5904 130.4017 81; Kyoto 35.0116 135.7681 60`,
    ),
  ],
  [
    'cn',
    hq(
      'No. # S',
      '*000',
      `Zhongshan Road, Renmin Road, Jiefang Road, Jianshe Road, Century Avenue, Keji Road,
      Huaihai Road, Wenyi Road, Tianhe Road, Shennan Avenue`,
      `Shanghai 31.2304 121.4737 200; Beijing 39.9042 116.4074 100; Shenzhen 22.5431 114.0579 518;
      Hangzhou 30.2741 120.1551 310; Guangzhou 23.1291 113.2644 510`,
    ),
  ],
  [
    'hk',
    hq(
      '# S',
      null,
      `Queen's Road Central, Des Voeux Road Central, Nathan Road, Connaught Road Central,
      Hennessy Road, Canton Road, Gloucester Road`,
      `Hong Kong 22.3193 114.1694`,
    ),
  ],
  [
    'tw',
    hq(
      'No. #, S',
      '*00',
      `Zhongxiao East Road, Xinyi Road, Dunhua South Road, Ren'ai Road, Guangfu Road,
      Nanjing East Road, Minsheng East Road`,
      `Taipei 25.0330 121.5654 1; Hsinchu 24.8138 120.9675 3`,
    ),
  ],
  [
    'kr',
    hq(
      '# S',
      '*000',
      `Teheran-ro, Gangnam-daero, Sejong-daero, Pangyo-ro, Jungang-daero, Olympic-ro, Eulji-ro`,
      `Seoul 37.5665 126.9780 06; Seongnam 37.4200 127.1267 13; Busan 35.1796 129.0756 48`,
    ),
  ],
  [
    'sg',
    hq(
      '# S',
      '*00000',
      `Raffles Place, Robinson Road, Cecil Street, Orchard Road, Shenton Way, Marina Boulevard,
      Anson Road, Tanjong Pagar Road`,
      `Singapore 1.3521 103.8198 0`,
    ),
  ],
  [
    'nz',
    hq(
      '# S',
      '*00',
      ANGLO_STREETS,
      `Auckland -36.8485 174.7633 10; Wellington -41.2865 174.7762 60`,
    ),
  ],
  [
    'id',
    hq(
      'S No. #',
      '*000',
      `Jalan Jenderal Sudirman, Jalan M.H. Thamrin, Jalan Gatot Subroto, Jalan Asia Afrika,
      Jalan H.R. Rasuna Said, Jalan Braga`,
      `Jakarta -6.2088 106.8456 10; Bandung -6.9175 107.6191 40`,
    ),
  ],
  [
    'my',
    hq(
      '#, S',
      '*000',
      `Jalan Ampang, Jalan Sultan Ismail, Jalan Tun Razak, Jalan Bukit Bintang, Lebuh Pantai,
      Jalan Burma`,
      `Kuala Lumpur 3.1390 101.6869 50; George Town 5.4141 100.3288 10`,
    ),
  ],
  [
    'ph',
    hq(
      '# S',
      '*00',
      `Ayala Avenue, Paseo de Roxas, Rizal Avenue, Osmeña Boulevard, Roxas Boulevard,
      Gil Puyat Avenue`,
      `Manila 14.5995 120.9842 10; Makati 14.5547 121.0244 12; Cebu City 10.3157 123.8854 60`,
    ),
  ],
  [
    'vn',
    hq(
      '# S',
      '*0000',
      `Nguyen Hue, Le Loi, Hai Ba Trung, Tran Hung Dao, Dong Khoi, Ly Thuong Kiet, Nguyen Trai`,
      `Ho Chi Minh City 10.8231 106.6297 70; Hanoi 21.0278 105.8342 10`,
    ),
  ],
  [
    'th',
    hq(
      '# S',
      '*000',
      `Sukhumvit Road, Silom Road, Rama IV Road, Sathorn Road, Ploenchit Road,
      Nimmanhaemin Road`,
      `Bangkok 13.7563 100.5018 10; Chiang Mai 18.7883 98.9853 50`,
    ),
  ],
]);
