import type { LanguagePack } from './pack';

export const pl: LanguagePack = {
  words: `i w nie się na że z do to jest mam mój moja moje jak ale już tak co za po od czy jeszcze tylko bardzo nic być był była było są ja
    wy my was nas mnie proszę dziękuję dzień dobry dzisiaj wczoraj jutro tydzień tygodnia tygodni dni dnia godzin godzinę minut miesiąc teraz
    znowu dlaczego gdzie kiedy ile zamówienie zamówienia zamówieniu zamówieniem zamówień dostawa dostawy dostawę dostawą paczka paczki paczkę
    paczką paczce paczek przesyłka przesyłki przesyłkę towar towaru towary zwrot zwrotu zwrotem pieniądze pieniędzy płatność płatności karta
    karty kartę konto faktura paragon numer kurier kuriera kurierem sklep sklepu strona aplikacja obsługa obsługi klienta infolinia odpowiedź
    pytanie problem problemu rozmiar kolor karton kartonu pudełko opakowanie adres adresu mail telefon gwarancja gwarancji jakość rabat kod cena
    wymiana wymianę reklamacja reklamacji reklamację anulowanie status link błąd hasło magazyn paczkomat paczkomatu punkt odbiór zamówiłem
    zamówiłam dostałem dostałam przyszła przyszło przyszedł dotarła dotarło dotarł wysłaliście wysłałem zwrócić zwróciłem anulować zapłaciłem
    zapłaciłam pobrano czekam czekałem czekałam napisałem dzwoniłem odpowiada działa zepsuł zepsuła uszkodzony uszkodzona uszkodzone pomóc
    sprawdzić wyjaśnić obiecaliście chcę chciałbym chciałabym mogę możecie trzeba musicie będzie wymienić naprawić dobry zły fatalny świetny
    doskonały normalny nowy stary zepsuty zniszczony brudny niewłaściwy inny szybko wolno długo późno terminowo przepraszam uprzejmy niemiły
    zadowolony zadowolona niezadowolony rozczarowany rozczarowana prezent urodziny mąż żona córka syn mama tata dzieci święta urlop biuro dom
    mieszkanie klatka sąsiad zdjęcie wideo naklejka torba pokrywka rączka przycisk kabel ładowarka bateria ekran wtyczka filtr instrukcja
    regulamin opinia opinie ocena gwiazdki doświadczenie uwaga pomyłka wina opóźnienie opóźnienia przeprosiny punkty karta lojalnościowa
    porysowany pęknięty przeciekający stopiony pomylili niekompletne brakujący rzecznik rekompensata odszkodowanie uokik sprzeciw
    samowar szybkowar sokowirówka wypiekacz parownica młynek gofrownica fondue marmolada naparstek`,
  customer: [
    'Moje zamówienie {order} nadal nie dotarło.',
    'Zamówiłem {product} {days} dni temu i nic się nie dzieje.',
    'Gdzie jest mój zwrot? Obiecaliście pięć dni roboczych.',
    '{product} przyszedł uszkodzony, karton był całkowicie zgnieciony.',
    'Numer przesyłki nie działa na stronie {courier}.',
    'Chcę zwrot pieniędzy, a nie kolejną wymianę.',
    'Kiedy będzie dostawa do miasta {city}?',
    'Pobrano ode mnie dwa razy opłatę za to samo zamówienie.',
    'Kurier oznaczył paczkę jako doręczoną, ale nic nie dostałem.',
    'Dziękuję, wymiana przyszła dzisiaj i wszystko działa idealnie.',
    'Proszę sprawdzić zamówienie {order}, status nie zmienił się od poniedziałku.',
    'Paczkę zostawiono na zewnątrz w deszczu.',
    'Znowu zły rozmiar, to już drugi raz.',
    'Czy {product} wróci do sprzedaży?',
    'Jak zwrócić towar kupiony w sklepie w mieście {city}?',
    'Czekam na infolinii ponad godzinę.',
    'Nikt nie odbiera telefonu ani nie odpisuje na maile.',
    'Kod rabatowy z newslettera nie działa przy płatności.',
    'Kolor jest zupełnie inny niż na zdjęciach.',
    'Proszę anulować zamówienie {order}.',
    'Aplikacja wylogowuje mnie przy próbie płatności.',
    'Na fakturze jest błędny adres.',
    'Świetna obsługa, {product} dotarł dzień wcześniej!',
    'W pudełku brakowało karty gwarancyjnej.',
    'Czy dostarczacie w weekendy?',
    'Odesłałem paczkę {days} dni temu i nadal brak zwrotu.',
    '{product} przestał działać po tygodniu.',
    'Fatalne doświadczenie, nigdy więcej u was nie zamówię.',
    'Niech ktoś z obsługi do mnie oddzwoni.',
    'Kod do paczkomatu nie zadziałał.',
    'Jakość jest dużo gorsza niż kiedyś.',
    'Nazywam się {name}, złożyłem zamówienie w zeszłym tygodniu.',
    'Reklamacja złożona miesiąc temu nadal bez odpowiedzi.',
    'Zwrot pieniędzy za zamówienie jeszcze nie wpłynął na konto.',
    'Paczka była otwarta, brakuje połowy towaru.',
  ],
  agent: [
    'Dziękujemy za kontakt.',
    'Bardzo nam przykro z powodu problemów z zamówieniem.',
    'Prosimy o przesłanie numeru zamówienia w wiadomości prywatnej.',
    'Sprawdziłem zamówienie {order}, paczka jest w drodze, dostarcza ją {courier}.',
    'Zwrot został zlecony, pieniądze wrócą na kartę w ciągu {days} dni roboczych.',
    'Wyślemy bezpłatnie nowy {product}.',
    'Prosimy o zdjęcie uszkodzonego kartonu i produktu.',
    'Przekazałem sprawę do działu dostaw, skontaktują się z Panem dzisiaj.',
    'Towar można zwrócić w każdym naszym sklepie lub pocztą w ciągu 30 dni.',
    'Przepraszamy za opóźnienie, kurierzy w mieście {city} mają duże zaległości.',
    'Zamówienie zostało anulowane, a płatność zwolniona.',
    '{product} będzie ponownie dostępny w przyszłym tygodniu.',
    'Etykieta zwrotna została wysłana e-mailem.',
    'Dziękujemy za miłe słowa, przekażemy je zespołowi!',
    'Prosimy o potwierdzenie adresu dostawy.',
    'Rozumiem, jakie to frustrujące, i dopilnuję, żeby sprawa została załatwiona.',
    'W razie pytań jesteśmy do dyspozycji.',
    'W ramach przeprosin dodaliśmy kod rabatowy do Twojego konta.',
    'Status przesyłki zaktualizuje się w ciągu doby.',
  ],
  customerShort: [
    'Dziękuję bardzo!', 'Są jakieś nowości?', 'Gdzie moja paczka?', 'Nadal czekam...', 'Proszę o zwrot.', 'Dzięki, wszystko załatwione.',
    'Jeszcze nie dotarło.', 'Halo, jest tu ktoś?', 'Super, polecam!', 'To jest skandal.', 'Dlaczego nikt nie odpisuje?',
  ],
  agentShort: ['Nie ma za co!', 'Chętnie pomożemy!', 'Sprawdzam, chwileczkę.', 'Przepraszamy za kłopot!', 'Gotowe, zwrot zlecony.', 'Dziękujemy za cierpliwość.'],
  customerGreetings: ['Dzień dobry,', 'Cześć,', 'Witam,', 'Dobry wieczór,'],
  agentGreetings: ['Dzień dobry, {name}!', 'Witaj, {name}!'],
  customerSignoffs: ['Pozdrawiam.', 'Czekam na odpowiedź.', 'Pozdrawiam, {name}'],
  agentSignoffs: ['Pozdrawiamy, {agent}', 'Z poważaniem, {agent}, zespół Northwind'],
  productNouns: [
    'czajnik', 'blender', 'odkurzacz', 'toster', 'mikser', 'grzejnik', 'nawilżacz', 'termos', 'plecak', 'portfel', 'sweter', 'koc', 'kinkiet',
    'router', 'tablet', 'smartfon', 'laptop', 'monitor', 'głośnik', 'ekspres', 'rower', 'kask', 'płaszcz', 'szalik', 'parasol', 'zestaw garnków',
    'materac', 'fotel biurowy', 'zegarek sportowy', 'aparat', 'grill',
  ],
  product: (noun, model) => `${noun} ${model}`,
  cities: 'Warszawa Kraków Łódź Wrocław Poznań Gdańsk Szczecin Bydgoszcz Lublin Białystok Katowice Gdynia Częstochowa Radom Toruń Rzeszów Olsztyn'.split(' '),
  couriers: ['InPost', 'DPD', 'DHL', 'Poczta Polska', 'GLS', 'Orlen Paczka'],
  maleFirst: 'Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Jakub Adam Łukasz Mateusz Kamil Grzegorz Marek Wojciech'.split(' '),
  femaleFirst: 'Anna Katarzyna Maria Małgorzata Agnieszka Barbara Ewa Magdalena Joanna Aleksandra Monika Natalia Zofia Karolina Justyna'.split(' '),
  maleLast: 'Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Krawczyk'.split(' '),
  feminine: (lastName) => lastName.replace(/ski$/u, 'ska').replace(/cki$/u, 'cka'),
  agentNames: ['Kasia', 'Bartek', 'Ola', 'Marta', 'Kuba'],
  postTitles: ['Wiosenna wyprzedaż: 20% taniej na wszystkie czajniki', 'Poznaj nowy blender Aurora 3', 'Darmowa dostawa w ten weekend', 'Kolekcja letnia już w sklepach', 'Otwieramy sklep w Gdańsku'],
  reviewTitles: {
    low: ['Fatalna obsługa', 'Nigdy więcej', 'Przyszło uszkodzone', 'Od miesiąca czekam na zwrot'],
    mid: ['W porządku, ale dostawa długa', 'Przeciętnie', 'Produkt dobry, opakowanie słabe'],
    high: ['Świetny produkt', 'Szybka dostawa, polecam', 'Jestem zadowolona', 'Wspaniała obsługa klienta'],
  },
};
