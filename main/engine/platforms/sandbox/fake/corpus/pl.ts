import type { LanguageCorpus } from './types';

/** 1 dzień, 2 dni, 5 dni. */
function days(count: number): string {
  return count === 1 ? '1 dzień' : `${count} dni`;
}

/** 1 249 zł or 189,99 zł. */
function money(amount: number): string {
  const grouped = String(amount).replace(/\B(?=(\d{3})+$)/g, ' ');
  return amount % 2 === 0 ? `${grouped} zł` : `${grouped},99 zł`;
}

export const pl: LanguageCorpus = {
  people: {
    female: [
      'Anna', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Joanna', 'Magdalena', 'Monika', 'Aleksandra', 'Natalia', 'Karolina',
      'Zuzanna', 'Julia', 'Marta', 'Ewa', 'Dominika', 'Paulina', 'Weronika', 'Justyna', 'Beata', 'Kinga',
    ],
    male: [
      'Piotr', 'Krzysztof', 'Tomasz', 'Paweł', 'Michał', 'Marcin', 'Jakub', 'Łukasz', 'Mateusz', 'Adam',
      'Kamil', 'Bartosz', 'Grzegorz', 'Wojciech', 'Szymon', 'Rafał', 'Damian', 'Marek', 'Jan', 'Filip',
    ],
    surnames: [
      'Kowalski/Kowalska', 'Nowak', 'Wiśniewski/Wiśniewska', 'Wójcik', 'Kowalczyk', 'Kamiński/Kamińska',
      'Lewandowski/Lewandowska', 'Zieliński/Zielińska', 'Szymański/Szymańska', 'Woźniak', 'Dąbrowski/Dąbrowska',
      'Kozłowski/Kozłowska', 'Jankowski/Jankowska', 'Mazur', 'Kwiatkowski/Kwiatkowska', 'Krawczyk',
      'Piotrowski/Piotrowska', 'Grabowski/Grabowska', 'Pawłowski/Pawłowska', 'Michalski/Michalska', 'Zając',
      'Król', 'Wieczorek', 'Jabłoński/Jabłońska', 'Majewski/Majewska', 'Olszewski/Olszewska',
    ],
  },
  emailDomains: ['wp.pl', 'onet.pl', 'gmail.com', 'o2.pl', 'interia.pl', 'op.pl'],
  phoneFormats: ['+48 5## ### ###', '+48 6## ### ###', '+48 7##-###-###', '5## ### ###'],
  cities: [
    'Warszawa|w Warszawie|do Warszawy',
    'Kraków|w Krakowie|do Krakowa',
    'Wrocław|we Wrocławiu|do Wrocławia',
    'Poznań|w Poznaniu|do Poznania',
    'Gdańsk|w Gdańsku|do Gdańska',
    'Łódź|w Łodzi|do Łodzi',
    'Katowice|w Katowicach|do Katowic',
    'Lublin|w Lublinie|do Lublina',
    'Szczecin|w Szczecinie|do Szczecina',
    'Białystok|w Białymstoku|do Białegostoku',
    'Gdynia|w Gdyni|do Gdyni',
    'Rzeszów|w Rzeszowie|do Rzeszowa',
    'Toruń|w Toruniu|do Torunia',
  ],
  // Masculine inanimate, neuter or non-virile plural nouns only: their accusative is their nominative.
  products: [
    'termos', 'plecak Trail 30 l', 'czajnik elektryczny', 'koc z wełny', 'sweter', 'parasol', 'blender', 'kubek termiczny',
    'portfel', 'zestaw garnków', 'odkurzacz', 'nawilżacz powietrza', 'buty trekkingowe', 'słuchawki bezprzewodowe',
    'dżinsy', 'żelazko', 'komplet pościeli', 'szalik', 'płaszcz zimowy', 'lampka Aurora', 'młynek do kawy',
  ],
  places: [
    'Northwind Goods — Warszawa, Złote Tarasy', 'Northwind Goods — Kraków, Galeria Krakowska', 'Sklep internetowy Northwind Goods',
    'Northwind Goods — Wrocław, ul. Świdnicka', 'Northwind Goods — Gdańsk, Długa 15', 'Punkt odbioru Northwind — Poznań',
    'Termos Northwind 0,5 l', 'Plecak Northwind Trail 30 l', 'Koc Northwind z wełny',
  ],
  posts: [
    'Jesienna kolekcja już jest 🍂 Ciepłe swetry, nieprzemakalne kurtki i najmiększe szaliki — od piątku online i w sklepach.',
    'Weekendowa wyprzedaż: −30% na wszystkie plecaki do niedzieli do północy!',
    'Nasz nowy termos trzyma ciepło przez 12 godzin. Kto zabiera go w góry?',
    'W sobotę otwieramy nowy sklep w Gdańsku! Pierwsze 100 osób dostanie torbę w prezencie.',
    'Dostawa na święta: zamów do 18 grudnia, a prezenty dotrą przed Wigilią 🎁',
    'Co mamy przywrócić do sprzedaży: klasyczną kurtkę przeciwdeszczową czy wełniany koc? Piszcie w komentarzach 👇',
    'Darmowy zwrot wydłużamy z 30 do 60 dni. Zmiana zdania to nic złego.',
    'Zza kulis: tak pakujemy 2000 zamówień dziennie w naszym magazynie 📦',
  ],
  agents: ['Ola', 'Kuba', 'Magda', 'Bartek'],
  days,
  priceRange: [49, 1_299],
  money,

  greetings: {
    happy: ['Dzień dobry!', 'Cześć!', 'Hej!', 'Witam serdecznie!', 'Dziękuję!'],
    neutral: ['Dzień dobry.', 'Witam.', 'Cześć.', 'Mam pytanie.', 'Dobry wieczór.'],
    furious: ['Dzień dobry.', 'To jakiś żart?', 'Serio?', 'Mam dość.', 'Naprawdę?'],
  },
  bodies: {
    praise: [
      '{g:Dostałem|Dostałam} {product} i jestem {g:zachwycony|zachwycona}. Dostawa w {days}.',
      'Produkt jest jeszcze lepszy niż na zdjęciach. Dziękuję!',
      'Wielkie dzięki dla obsługi sklepu {in_city}, pomogli mi dobrać rozmiar w dwie minuty.',
      'Zamówienie {order} przyszło dzień przed terminem. Miłe zaskoczenie!',
      '{g:Kupiłem|Kupiłam} {product} mamie na urodziny i jest zachwycona.',
      'Kurier był bardzo uprzejmy i nawet zadzwonił wcześniej. Pięć gwiazdek.',
      'To już drugie zamówienie w tym miesiącu i znowu wszystko super.',
      '{g:Bałem|Bałam} się zamawiać przez internet, ale rozmiar pasuje idealnie.',
      'Dzięki za szybki zwrot pieniędzy za poprzednie zamówienie.',
      'Za {price} jakość jest świetna, nie {g:spodziewałem|spodziewałam} się.',
      'Używam codziennie, odkąd przyszła paczka. Najlepszy zakup w tym roku.',
    ],
    delivery: [
      'Kiedy dotrze zamówienie {order}? Numer śledzenia nie zmienia się od poniedziałku.',
      'Czy wysyłacie {to_city}? I ile zwykle idzie paczka?',
      'Ile kosztuje dostawa ekspresowa {to_city}? Potrzebuję zamówienia na piątek.',
      'Czy mogę zmienić adres dostawy dla zamówienia {order}? W przyszłym tygodniu będę {in_city}.',
      'Czy dostawa jest darmowa od {price}?',
      'Status „przekazano kurierowi” wisi już {days}. To normalne?',
      'Czy kurier może zostawić paczkę u sąsiada, jeśli nie będzie mnie w domu?',
    ],
    sizes: [
      'Jaki rozmiar wybrać, jeśli zwykle jestem między M a L? Chodzi o {product}.',
      'Czy rozmiarówka jest zaniżona? Zwykle noszę {size}, patrzę na {product}.',
      'Gdzie znajdę tabelę rozmiarów? Nie mogę jej znaleźć na stronie.',
      'Czy rozmiar {size} wróci do sprzedaży?',
      'Syn ma 12 lat i jest wysoki. Czy dorosłe S będzie pasować?',
    ],
    hours: [
      'Czy sklep {in_city} jest otwarty w niedzielę handlową?',
      'W jakich godzinach działa sklep {in_city} w sobotę?',
      'Czy mogę odebrać zamówienie {order} po {time}? Pracuję do szesnastej.',
      'Otwieracie przed {time} w soboty?',
    ],
    stock: [
      'Macie jeszcze {product} na stanie? Na stronie pisze „ostatnie sztuki”.',
      'Czy w sklepie {in_city} dostanę {product} w kolorze czarnym?',
      'Planujecie dowieźć {product} przed świętami?',
      'Od miesiąca na stronie „niedostępny”. Warto w ogóle czekać?',
    ],
    returns: [
      'Jak zwrócić {product}? Kolor się nie zgadza.',
      'Czy mogę wymienić na rozmiar {size} w sklepie, czy tylko online?',
      'Ile trwa zwrot pieniędzy? {g:Odesłałem|Odesłałam} paczkę {days} temu.',
      'Czy do zwrotu potrzebne jest oryginalne pudełko?',
      '{g:Zgubiłem|Zgubiłam} paragon do zamówienia {order}. Czy da się jeszcze zwrócić?',
    ],
    late: [
      'Zamówienie {order} miało przyjść {days} temu. Gdzie ono jest?',
      '{g:Zapłaciłem|Zapłaciłam} za dostawę ekspresową i czekam już {days}. Za co ja {g:płaciłem|płaciłam}?',
      'Status „w doręczeniu” od {days}. To jakaś kpina.',
      'Kurier oznaczył paczkę jako doręczoną, a ja nic nie {g:dostałem|dostałam}. Zamówienie {order}.',
      'Zamówienie było mi potrzebne na wyjazd, który już się odbył. Dzięki za nic.',
      '{g:Zamówiłem|Zamówiłam} prezent {days} temu. Urodziny były wczoraj.',
    ],
    broken: [
      'Przyszła paczka, karton cały zgnieciony, a produkt w środku uszkodzony.',
      '{g:Otworzyłem|Otworzyłam} paczkę, a produkt ({product}) jest cały porysowany.',
      'Produkt ({product}) zepsuł się po niecałym tygodniu. I to za {price}!',
      'W zamówieniu {order} brakuje połowy elementów.',
      'Produkt rozpadł się przy pierwszym użyciu.',
    ],
    refund: [
      '{g:Zwróciłem|Zwróciłam} {product} {days} temu i nadal nie ma zwrotu pieniędzy.',
      'Pobraliście ode mnie dwa razy za zamówienie {order}. Chcę zwrotu.',
      'Wasz konsultant obiecał zwrot {price} miesiąc temu. Gdzie są pieniądze?',
      'Trzeci raz pytam: gdzie jest zwrot za zamówienie {order}?',
      'Na koncie klienta zwrot „zrealizowany”, a w banku nic. Minęło już {days}.',
    ],
    wrong: [
      '{g:Zamówiłem|Zamówiłam} {product} w rozmiarze {size}, a przyszło coś zupełnie innego.',
      'W zamówieniu {order} jest nie mój towar. Nawet nie wiem, co to jest.',
      'Wysłaliście mi cudze zamówienie, na etykiecie jest inne nazwisko.',
      '{g:Zamówiłem|Zamówiłam} czarny, przyszedł jaskrawopomarańczowy. Jak to w ogóle możliwe?',
    ],
    never: [
      'Nigdy więcej. Najgorsze zakupy w internecie w moim życiu.',
      'Kupuję u was od lat i tak traktujecie klientów? Nigdy więcej.',
      'Omijajcie ten sklep. Zamówienie {order}: spóźnione, uszkodzone i nikt nie odpowiada.',
      'Usuwam konto. {days} czekania i zero odpowiedzi.',
      'Wszystkim znajomym odradzę zakupy u was.',
    ],
  },
  details: {
    happy: ['Już {g:poleciłem|poleciłam} was znajomym.', 'Opakowanie też super.', 'Tak trzymać!', 'Na pewno zamówię jeszcze raz.', 'Cała rodzina chce teraz taki sam.'],
    neutral: ['To prezent, więc termin jest ważny.', 'Jestem {in_city}, jeśli to ma znaczenie.', 'Numer zamówienia: {order}.', 'Nie {g:znalazłem|znalazłam} odpowiedzi w FAQ.', '{g:Próbowałem|Próbowałam} dzwonić, ale ciągle zajęte.'],
    furious: [
      'Na infolinii nikt nie odbiera.',
      '{g:Pisałem|Pisałam} już dwa razy na maila.',
      'Chcę zwrotu pieniędzy, a nie kolejnych przeprosin.',
      'Wasz czatbot odsyła mnie w kółko do FAQ.',
      'A kurier był do tego niemiły.',
      'Czekam już {days}.',
      'Mam zrzuty ekranu całej korespondencji.',
    ],
  },
  closings: {
    happy: ['Jeszcze raz dziękuję!', 'Pozdrawiam serdecznie!', 'Miłego dnia!', 'Jesteście super!'],
    neutral: ['Dziękuję.', 'Pozdrawiam.', 'Z góry dzięki!', 'Czekam na odpowiedź.', 'Z góry dziękuję.'],
    furious: ['Ogarnijcie to.', 'Czekam na odpowiedź DZISIAJ.', 'Jestem {g:rozczarowany|rozczarowana}.', 'Nadal czekam.', 'Wstyd.'],
  },
  followUps: {
    happy: ['A opakowanie też było przepiękne.', 'PS. W świetle dziennym wygląda jeszcze lepiej!', '{g:Zapomniałem|Zapomniałam} dodać: liścik odręczny to miły gest.'],
    neutral: ['Są jakieś wieści?', 'Czy widzieliście moją wiadomość?', 'I jeszcze: wysyłacie {to_city}?', 'Halo? Jest tam ktoś?', '{g:Zapomniałem|Zapomniałam} numeru zamówienia: {order}.'],
    furious: ['Halo??? Jest tam ktoś?', 'Dalej brak odpowiedzi. Super obsługa.', 'Dlaczego mnie ignorujecie?', 'Innym odpisujecie, a mnie nie.', 'Minęło już {days}. Odpiszcie.'],
  },
  afterReply: {
    happy: ['Dzięki!', 'Jesteście najlepsi!', 'Dziękuję, {agent}!', 'Super, dzięki!'],
    neutral: ['Dzięki, to pomogło!', '{g:Wysłałem|Wysłałam} numer zamówienia: {order}.', 'Super, dzięki za sprawdzenie.', 'Jasne, dziękuję.', 'To wpadnę w sobotę.'],
    furious: [
      '{g:Wysyłałem|Wysyłałam} go już DWA RAZY. Zamówienie {order}. I nic.',
      '„Przekazane do logistyki” czyli co? Chcę konkretną datę.',
      '„Sprawdzamy” to nie jest odpowiedź.',
      'Minęło już {days}, odkąd „przekazaliście” sprawę.',
      'Nie chcę kodu rabatowego, chcę zwrotu pieniędzy.',
    ],
  },
  brandReplies: {
    happy: [
      '{name}, bardzo dziękujemy! {g:Zrobiłeś|Zrobiłaś} nam dzień. — {agent}',
      'Dzięki za miłe słowa, {name}! Niech zakupy cieszą jak najdłużej. — {agent}',
      '{name}, bardzo nam miło! Przekażemy to zespołowi. — {agent}',
    ],
    neutral: [
      'Dzień dobry, {name}! Sprawdzam to z zespołem i wrócę z odpowiedzią. — {agent}',
      '{name}, prosimy o numer zamówienia w prywatnej wiadomości, wtedy wszystko sprawdzę. — {agent}',
      '{name}, dzięki za wiadomość! Sprawdzę to i wrócę z odpowiedzią jeszcze dziś. — {agent}',
    ],
    furious: [
      '{name}, bardzo przepraszamy. Prosimy o numer zamówienia w prywatnej wiadomości — wyjaśnimy to jeszcze dziś. — {agent}',
      '{name}, rozumiemy Twoje zdenerwowanie. Zamówienie {order} przekazaliśmy do działu logistyki z wysokim priorytetem. — {agent}',
      'Dzień dobry, {name}! Tak nie powinno być. Prosimy o zdjęcia uszkodzeń w prywatnej wiadomości. — {agent}',
    ],
  },
  mentions: {
    happy: [
      'Dzięki {brand}! Zamówienie doszło w {days}, wszystko idealne.',
      'Obsługa klienta {brand} — 10/10, załatwili sprawę w pięć minut.',
      'Najlepszy zakup w tym roku. Dzięki, {brand}!',
    ],
    neutral: ['{brand}, wysyłacie {to_city}?', '{brand}, planujecie przywrócić {product} do sprzedaży?', 'Ktoś wie, czy {brand} ma otwarte w niedzielę handlową?'],
    furious: [
      '{brand}, gdzie moje zamówienie? Już {days}.',
      'Nie zamawiajcie w {brand}. Po prostu nie.',
      '{brand}, wasz kurier przerzucił paczkę przez płot. Wszystko zniszczone. Dzięki.',
      '{days} czekam, aż {brand} odpowie na maile.',
    ],
  },
  reviews: {
    good: [
      'Świetny sklep i miła obsługa. Zamówienie ({product}) dokładnie takie jak w opisie.',
      'Szybka dostawa, dobre ceny. Na pewno wrócę.',
      'Obsługa {in_city} pomogła mi w wyborze. Bardzo miłe doświadczenie.',
      'Świetna jakość w tej cenie. To już moje drugie zamówienie.',
      '{g:Zamówiłem|Zamówiłam} w poniedziałek, w środę już {g:miałem|miałam} paczkę. Zero zastrzeżeń.',
    ],
    mixed: [
      'Fajne produkty, ale dostawa trwała {days}.',
      'Sam produkt w porządku, ale opakowanie było uszkodzone.',
      'Przeciętny sklep. Obsługa zajęta, nikt nie podszedł, ale ceny uczciwe.',
      'Dobra jakość, powolne zwroty.',
    ],
    bad: [
      'Fatalna obsługa. Produkt zepsuł się po {days}, a zwrotu odmawiają.',
      '{g:Czekałem|Czekałam} {days} na dostawę, a przyszedł nie ten produkt.',
      'Niemiła obsługa w sklepie {in_city}. Nigdy więcej.',
      'Odradzam. Zamówienie {order} nigdy nie dotarło, a obsługa milczy.',
      'Wzięli pieniądze i zniknęli. Zamówienie {order}.',
    ],
  },
  story: [
    'W poniedziałek {g:złożyłem|złożyłam} zamówienie {order} ({product}) i od razu {g:zapłaciłem|zapłaciłam} kartą.',
    'Mail z potwierdzeniem przyszedł po kilku minutach, więc na początku wszystko wyglądało dobrze.',
    'Po dwóch dniach status dalej brzmiał „zamówienie przyjęte”, więc {g:napisałem|napisałam} do obsługi.',
    '{g:Dostałem|Dostałam} automatyczną odpowiedź, że ktoś skontaktuje się ze mną w ciągu 24 godzin.',
    'Oczywiście nikt się nie odezwał.',
    'W czwartek {g:zadzwoniłem|zadzwoniłam} na infolinię i przez czterdzieści minut {g:słuchałem|słuchałam} muzyczki, aż połączenie się zerwało.',
    'Za drugim razem bardzo miła pani powiedziała, że paczka nadal leży w magazynie {in_city}.',
    'Obiecała, że wyślą ją tego samego dnia i że dostanę nowy numer przesyłki SMS-em.',
    'Żadnego SMS-a nie {g:dostałem|dostałam}.',
    'A pieniądze ({price}) dawno zeszły z konta.',
    'Codziennie rano {g:sprawdzałem|sprawdzałam} status i codziennie było to samo.',
    'Sąsiadka zamawiała u was w tym samym tygodniu i dostała paczkę w dwa dni, więc da się.',
    'Nie jestem {g:awanturnikiem|awanturnicą}. {g:Zamawiałem|Zamawiałam} u was z dziesięć razy i nigdy się nie {g:skarżyłem|skarżyłam}.',
    'Kiedy paczka w końcu przyszła, karton był mokry, a jeden róg rozerwany.',
    'Produkt w środku miał głęboką rysę na samym froncie.',
    '{g:Zrobiłem|Zrobiłam} zdjęcia wszystkiego: kartonu, etykiety, rysy — i {g:wysłałem|wysłałam} je na maila.',
    'W odpowiedzi {g:dostałem|dostałam} szablon z prośbą o zdjęcia. Które już {g:wysłałem|wysłałam}.',
    '{g:Odpisałem|Odpisałam} jeszcze raz, znowu z załącznikami, i {g:poprosiłem|poprosiłam} o wymianę albo zwrot pieniędzy.',
    'Po {days} przyszedł mail, że moje zgłoszenie zostało zamknięte.',
    'Zamknięte! Bez jednej konkretnej odpowiedzi.',
    'Rozumiem, że różnie bywa: kurierzy gubią paczki, magazyny są zawalone przed świętami.',
    'Nie rozumiem tylko, dlaczego nikt nie potrafi po prostu powiedzieć, co się dzieje.',
    'Mam numer zamówienia, potwierdzenie płatności i zrzuty ekranu, mogę udowodnić każde słowo.',
    '{g:Żona|Mąż} mówi, żebym {g:odpuścił|odpuściła}, ale to już kwestia zasad.',
    '{g:Pojechałem|Pojechałam} nawet do waszego sklepu {in_city}, a tam {g:usłyszałem|usłyszałam}, że nie widzą zamówień internetowych.',
    'Sklep odsyła na stronę, strona na infolinię, a infolinia się rozłącza.',
    'Chcę tylko jednego: dostać cały produkt, za który {g:zapłaciłem|zapłaciłam}, albo zwrot pieniędzy.',
    'Jeśli sprawa nie zostanie załatwiona w tym tygodniu, złożę reklamację przez bank.',
    'Piszę tutaj, bo to jedyne miejsce, gdzie może ktoś faktycznie czyta wiadomości.',
  ],
  storyRestart: ['Powtórzę, skoro nikt nie czyta moich maili:', 'Więc jeszcze raz, od początku:', 'Podsumuję jeszcze raz:'],
  contact: {
    email: ['Mój mail: {email}.', 'Proszę pisać na {email}, tu rzadko zaglądam.', 'Odpowiedź proszę na {email}.'],
    phone: ['Mój numer to {phone}, najlepiej po 17.', 'Telefon kontaktowy: {phone}.', 'Proszę oddzwonić: {phone}.'],
  },
};
