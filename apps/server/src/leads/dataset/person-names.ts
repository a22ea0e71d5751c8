import { commaList } from './word-list.js';

/** A family of naming traditions; a country names its people from one of them. */
export type NameGroup =
  | 'anglo'
  | 'german'
  | 'french'
  | 'dutch'
  | 'spanish'
  | 'italian'
  | 'portuguese'
  | 'nordic'
  | 'polish'
  | 'eastEuropean'
  | 'turkish'
  | 'indian'
  | 'japanese'
  | 'chinese'
  | 'korean'
  | 'southeastAsian'
  | 'arabic'
  | 'hebrew'
  | 'african';

interface Names {
  first: readonly string[];
  last: readonly string[];
}

/** First and last names per group, mixed genders, spelled as people write them. */
export const personNames: Record<NameGroup, Names> = {
  anglo: {
    first: commaList(`
      James, Mary, John, Patricia, Robert, Jennifer, Michael, Linda, David, Elizabeth,
      William, Sarah, Richard, Jessica, Thomas, Karen, Daniel, Emily, Matthew, Ashley,
      Andrew, Rachel, Christopher, Laura, Ryan, Megan, Kevin, Olivia, Ben, Chloe, Liam,
      Grace, Ethan, Hannah, Nathan, Sophie, Connor, Amy, Jack, Charlotte`),
    last: commaList(`
      Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor,
      Thomas, Moore, Martin, Jackson, Thompson, White, Harris, Clark, Lewis, Robinson,
      Walker, Young, Allen, King, Wright, Scott, Green, Baker, Adams, Nelson, Hill, Campbell,
      Mitchell, Roberts, Carter, Evans, Turner, O'Brien, Murphy, Kelly, Hughes, Edwards,
      Collins, Stewart, Morris`),
  },
  german: {
    first: commaList(`
      Lukas, Anna, Maximilian, Lena, Felix, Laura, Jonas, Julia, Paul, Sophie, Tobias,
      Katharina, Florian, Sabine, Stefan, Claudia, Markus, Andrea, Jan, Miriam, Sebastian,
      Franziska, Matthias, Johanna, Thomas, Birgit, Jürgen, Lea, Moritz, Hannah`),
    last: commaList(`
      Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann,
      Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann,
      Braun, Krüger, Hofmann, Hartmann, Lange, Werner, Krause, Lehmann, Köhler, Huber`),
  },
  french: {
    first: commaList(`
      Camille, Lucas, Léa, Hugo, Chloé, Louis, Manon, Nicolas, Julie, Antoine, Élodie,
      Thomas, Sarah, Julien, Marie, Mathieu, Claire, Pierre, Inès, Alexandre, Émilie,
      Guillaume, Pauline, Maxime, Céline, François, Amélie, Théo, Margaux, Sébastien`),
    last: commaList(`
      Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon,
      Laurent, Lefèvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel,
      Girard, André, Mercier, Dupont, Lambert, Bonnet, François, Martinez, Rousseau`),
  },
  dutch: {
    first: commaList(`
      Daan, Emma, Sem, Julia, Lucas, Sophie, Thijs, Fleur, Bram, Anouk, Lars, Sanne, Ruben,
      Lotte, Jesse, Eva, Stijn, Iris, Niels, Femke, Joost, Marieke, Pieter, Esther, Wouter`),
    last: commaList(`
      de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit,
      Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker,
      Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer`),
  },
  spanish: {
    first: commaList(`
      Alejandro, Lucía, Daniel, María, Pablo, Paula, Javier, Laura, Carlos, Carmen, Diego,
      Sofía, Sergio, Elena, Miguel, Ana, Andrés, Valentina, Jorge, Isabel, Mateo, Camila,
      Luis, Marta, Fernando, Gabriela, Raúl, Natalia, Álvaro, Daniela`),
    last: commaList(`
      García, Rodríguez, González, Fernández, López, Martínez, Sánchez, Pérez, Gómez, Martín,
      Jiménez, Ruiz, Hernández, Díaz, Moreno, Álvarez, Romero, Torres, Navarro, Ramírez,
      Castro, Vargas, Rojas, Morales, Ortiz, Silva, Flores, Mendoza, Herrera, Medina`),
  },
  italian: {
    first: commaList(`
      Francesco, Giulia, Alessandro, Chiara, Lorenzo, Francesca, Matteo, Sara, Andrea,
      Martina, Marco, Valentina, Luca, Elisa, Davide, Federica, Simone, Alessia, Riccardo,
      Silvia, Giuseppe, Paola, Stefano, Elena, Niccolò`),
    last: commaList(`
      Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno,
      Gallo, Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri,
      Fontana, Santoro, Mariani, Rinaldi`),
  },
  portuguese: {
    first: commaList(`
      João, Ana, Pedro, Beatriz, Lucas, Mariana, Gabriel, Juliana, Rafael, Fernanda, Gustavo,
      Camila, Thiago, Larissa, Bruno, Carolina, Felipe, Inês, Rodrigo, Letícia, Tiago,
      Patrícia, Diogo, Renata, Vinícius`),
    last: commaList(`
      Silva, Santos, Oliveira, Souza, Pereira, Costa, Rodrigues, Almeida, Nascimento, Lima,
      Araújo, Fernandes, Carvalho, Gomes, Martins, Rocha, Ribeiro, Alves, Monteiro, Mendes,
      Barbosa, Cardoso, Teixeira, Correia, Ferreira`),
  },
  nordic: {
    first: commaList(`
      Erik, Astrid, Lars, Ingrid, Oskar, Freja, Magnus, Sofia, Anders, Emma, Mikael, Maja,
      Johan, Elin, Henrik, Sigrid, Mads, Karin, Jonas, Ida, Mikko, Aino, Nils, Linnea, Søren,
      Saara, Bjørn, Hanna`),
    last: commaList(`
      Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsen, Hansen, Jensen,
      Nielsen, Pedersen, Sørensen, Johansen, Berg, Lindqvist, Lindberg, Korhonen, Virtanen,
      Mäkinen, Nieminen, Haugen, Dahl, Holm, Lund, Ström, Sandberg, Åberg, Lindström`),
  },
  polish: {
    first: commaList(`
      Jakub, Zuzanna, Kacper, Julia, Michał, Maja, Piotr, Aleksandra, Tomasz, Katarzyna,
      Paweł, Magdalena, Krzysztof, Agnieszka, Marcin, Monika, Łukasz, Natalia, Wojciech,
      Joanna`),
    last: commaList(`
      Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński,
      Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Kwiatkowski, Krawczyk,
      Piotrowski, Grabowski, Nowakowski, Pawłowski`),
  },
  eastEuropean: {
    first: commaList(`
      Andrei, Elena, Mihai, Ioana, Tomáš, Tereza, Jakub, Lucie, Martin, Kristina, Alexandru,
      Maria, Petr, Veronika, Kaspar, Liis, Ondřej, Andreea, Radu, Kateřina`),
    last: commaList(`
      Popescu, Ionescu, Popa, Stan, Dumitru, Constantin, Novák, Svoboda, Novotný, Dvořák,
      Černý, Procházka, Kučera, Tamm, Saar, Sepp, Mägi, Horvat, Kovačević, Marin`),
  },
  turkish: {
    first: commaList(`
      Mehmet, Zeynep, Mustafa, Elif, Ahmet, Ayşe, Emre, Fatma, Burak, Merve, Can, Selin,
      Murat, Derya, Kerem, Ece`),
    last: commaList(`
      Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan,
      Doğan, Kılıç, Aslan, Çetin, Kara`),
  },
  indian: {
    first: commaList(`
      Aarav, Priya, Vivaan, Ananya, Arjun, Diya, Rohan, Aisha, Rahul, Pooja, Vikram, Neha,
      Amit, Sneha, Karthik, Kavya, Sanjay, Divya, Rajesh, Meera, Aditya, Shreya, Nikhil,
      Lakshmi, Suresh, Anjali`),
    last: commaList(`
      Sharma, Patel, Singh, Kumar, Gupta, Reddy, Iyer, Nair, Menon, Rao, Joshi, Mehta, Shah,
      Desai, Verma, Agarwal, Chopra, Malhotra, Kapoor, Bose, Banerjee, Chatterjee, Pillai,
      Krishnan, Srinivasan, Mukherjee`),
  },
  japanese: {
    first: commaList(`
      Haruto, Yui, Sota, Hina, Yuto, Sakura, Ren, Aoi, Takumi, Yuki, Kenji, Naoko, Hiroshi,
      Emi, Daiki, Mei, Shota, Akiko, Kazuki, Ayumi`),
    last: commaList(`
      Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato,
      Yoshida, Yamada, Sasaki, Yamaguchi, Matsumoto, Inoue, Kimura, Hayashi, Shimizu, Mori`),
  },
  chinese: {
    first: commaList(`
      Wei, Fang, Jun, Li, Hao, Xin, Yang, Ying, Ming, Jing, Lei, Mei, Chen, Xiaoming, Yu,
      Hui, Jian, Lan, Kevin, Grace, Jason, Vivian`),
    last: commaList(`
      Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo,
      Lin, He, Gao, Luo, Tan, Lim, Wong, Chan`),
  },
  korean: {
    first: commaList(`
      Min-jun, Seo-yeon, Ji-hoon, Ji-woo, Hyun-woo, Soo-ah, Dong-hyun, Ha-eun, Jae-won,
      Yu-na, Sung-min, Eun-ji, Joon, Hye-jin`),
    last: commaList(`
      Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Oh, Seo, Shin`),
  },
  southeastAsian: {
    first: commaList(`
      Putri, Budi, Siti, Agus, Nurul, Ahmad, Maria, Jose, Angelica, Mark, Minh, Linh, Anh,
      Thanh, Somchai, Nattaya, Farid, Aisyah, Rizal, Dewi`),
    last: commaList(`
      Santoso, Wijaya, Hidayat, Pratama, Nguyen, Tran, Le, Pham, Hoang, Reyes, Cruz,
      Bautista, Ocampo, Garcia, Tan, Abdullah, Rahman, Ismail, Srisai, Chaiyaporn`),
  },
  arabic: {
    first: commaList(`
      Mohammed, Fatima, Ahmed, Layla, Omar, Noor, Ali, Mariam, Youssef, Sara, Khalid, Huda,
      Hassan, Amira, Tariq, Rania, Karim, Yasmin`),
    last: commaList(`
      Al-Farsi, Haddad, Khalil, Nasser, Saleh, Hussein, Mansour, Aziz, Hamdan, Al-Mansoori,
      Rahman, Farouk, El-Sayed, Ibrahim, Abdullah, Qasim, Darwish, Sabbagh`),
  },
  hebrew: {
    first: commaList(`
      Noa, Yosef, Tamar, David, Maya, Itai, Shira, Eitan, Yael, Omer, Michal, Amit, Roni,
      Avi, Dana, Guy`),
    last: commaList(`
      Cohen, Levi, Mizrahi, Peretz, Biton, Dahan, Avraham, Friedman, Azoulay, Katz, Shapiro,
      Goldberg, Ben-David, Golan, Shalom, Rosen`),
  },
  african: {
    first: commaList(`
      Chinedu, Ngozi, Oluwaseun, Amara, Kwame, Ama, Thabo, Naledi, Sipho, Zanele, Wanjiru,
      Kamau, Tendai, Chiamaka, Emeka, Abena, Johan, Lerato`),
    last: commaList(`
      Okafor, Adeyemi, Okonkwo, Nwosu, Mensah, Boateng, Ndlovu, Dlamini, Nkosi, Mokoena,
      Mwangi, Otieno, Kariuki, Van der Merwe, Botha, Naidoo, Eze, Abubakar`),
  },
};
