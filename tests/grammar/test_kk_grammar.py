"""The Kazakh grammar table: real forms the documents print, each checked against a hand-verified expectation.

Every row names where its expectation comes from (SOURCES). A row that fails
means the program would print a form a Kazakh records editor would correct;
fix the grammar function, never the row, unless the source says otherwise.
A `None` expectation means no ending may be derived (NoSuffix): the program
must ask for the form instead of printing «...»ның.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.grammar import dates, kk
from tests.support.docx_text import seen  # the case forms here; their no-break spaces: test_no_break_spaces.py

SOURCES = {
    "editor": "the Kazakh records editor's corrections (таудың, судың; «2027 жылғы 30 маусымға дейін»; "
               "no suffix after a closing » or ); «Қостанай ауданы әкімдігінің»)",
    "resolution": "resolution No. 663 in Kazakh, docs/regulation/resolution-663.kk.txt "
                  "(«Қостанай ауданы әкімдігінің», «2025 жылғы 11 қарашадағы», «2022 жылғы 24 наурыздағы», "
                  "«Штаб мүшелерінің», «ведомствоаралық штабтың»)",
    "softmaker.gen": "tili.softmaker.kz, Genitive case (ілік септік): -ның/-нің after vowels and м, н, ң; -дың/-дің "
                     "after л, р, у, й, з, ж; -тың/-тің after voiceless consonants and б, в, г, д "
                     "(bala-nyń, Sáýle-niń, Asqar-dyń, Kúz-diń, Ámi-diń, Ivanov-tyń, Klýb-tyń) "
                     "https://tili.softmaker.kz/en/septikter-cases-en/genitive-case-ilik-septik-of-nouns-in-the-kazakh-"
                     "language-the-description-and-examples.html",
    "softmaker.dat": "tili.softmaker.kz, Directional-dative (барыс септік): -ға/-ге after vowels, sonorants, у "
                     "(alý-ǵa); -қа/-ке after voiceless consonants and б, в, г, д (qonaq-qa, jigit-ke); -на/-не after "
                     "the 3rd person possessive (qyz-y-na) https://tili.softmaker.kz/en/septikter-cases-en/"
                     "directional-dative-barys-septik-of-nouns-in-the-kazakh-language-the-description-and-examples.html",
    "shpargalka.loc": "shpargalka.kz, Жатыс септік: -да/-де after vowels and voiced consonants (қалада); -та/-те "
                      "after voiceless consonants and б, в, г, д (клубта, кітапта); -нда/-нде after the 3rd person "
                      "possessive (ағасында, үйінде) http://shpargalka.kz/kazahskiy-yazyk/jatys-septyk",
    "qazbrand.b": "qazbrand.info, Дауыссыз дыбыс әріптерінің емлесі: final б of loanwords is said п, so the "
                  "suffix starts voiceless (арабқа, клубқа, штабпен) https://qazbrand.info/all/19288/",
    "emle.digits": "emle.kz, Дефис, item 4: a number in digits takes its case ending after a hyphen "
                   "(5-ке, 4-ті, 20-ны, 2-ге) https://emle.kz/kz/punctuation?id=7",
    "emle.44": "Kazakh spelling rules (Latin draft), §44: «6-ға, 100-ге дейін, 10-15-тен» "
               "http://engime.org/tildi-jalfamalilifi.html?page=13",
    "referattar": "referattar.kazaksha.info, Сан есімнің емлесі: «Ол 25-ке толды, мен 6-дан 7-ге көштім»",
    "kznews.abbr": "kznews.kz, Дефис: an abbreviation takes its ending after a hyphen by how it is said "
                   "(ҚазҰУ-ға, БҰҰ-дан): the program cannot know how, so it does not guess",
    "softmaker.poss": "tili.softmaker.kz, possessive endings: 3rd person -ы/-і after a consonant, -сы/-сі after a "
                      "vowel (bas-y, úı-i, ana-sy, áje-si); a numeral takes them by its last spoken word",
    "sample": "the sample year's typed texts (inputs/meetings/*.yaml), which the Kazakh records editor read and left as "
              "they are («38 мектептің 37-сінде», «14-і», «8-і», «2026 жылғы 31 желтоқсанға дейін»)",
}

GENITIVE = [
    ("штаб", "штабтың", "resolution"),
    ("Қостанай ауданы әкімдігі", "Қостанай ауданы әкімдігінің", "resolution"),
    ("Штаб мүшелері", "Штаб мүшелерінің", "resolution"),
    ("тау", "таудың", "editor"),
    ("су", "судың", "editor"),
    ("оқу", "оқудың", "softmaker.gen"),             # у as in тау
    ("Әми", "Әмидің", "softmaker.gen"),             # и: Ámi-diń
    ("Асқар", "Асқардың", "softmaker.gen"),
    ("күз", "күздің", "softmaker.gen"),
    ("бала", "баланың", "softmaker.gen"),
    ("Сәуле", "Сәуленің", "softmaker.gen"),
    ("Иванов", "Ивановтың", "softmaker.gen"),
    ("клуб", "клубтың", "softmaker.gen"),
    ("2026", "2026-ның", "emle.digits"),           # ... алты → алтының
    ("5", "5-тің", "emle.digits"),                 # бес → бестің
    ("100", "100-дің", "emle.digits"),             # жүз → жүздің
    ("30", "30-дың", "emle.digits"),               # отыз → отыздың
    ("«Саламатты ұрпақ»", None, "editor"),
    ("бөлім (келісім бойынша)", None, "editor"),
    ("«Қостанай аудандық ауруханасы» КМК", None, "kznews.abbr"),
]

DATIVE = [
    ("Қазақстан Республикасы Ішкі істер министрлігі", "Қазақстан Республикасы Ішкі істер министрлігіне",
     "softmaker.dat"),
    ("Қостанай ауданы әкімдігі", "Қостанай ауданы әкімдігіне", "softmaker.dat"),
    ("штаб", "штабқа", "qazbrand.b"),
    ("клуб", "клубқа", "qazbrand.b"),
    ("екінші жартыжылдық", "екінші жартыжылдыққа", "softmaker.dat"),
    ("маусым", "маусымға", "editor"),
    ("қыркүйек", "қыркүйекке", "softmaker.dat"),
    ("тау", "тауға", "softmaker.dat"),
    ("шілде", "шілдеге", "softmaker.dat"),
    ("6", "6-ға", "emle.44"),
    ("100", "100-ге", "emle.44"),
    ("25", "25-ке", "referattar"),
    ("7", "7-ге", "referattar"),
    ("2", "2-ге", "emle.digits"),
    ("5", "5-ке", "emle.digits"),
    ("«Альфа»", None, "editor"),
    ("ҚР ІІМ", None, "kznews.abbr"),
]

LOCATIVE = [
    ("наурыз", "наурызда", "shpargalka.loc"),
    ("қала", "қалада", "shpargalka.loc"),
    ("клуб", "клубта", "shpargalka.loc"),
    ("кітап", "кітапта", "shpargalka.loc"),
    ("ағасы", "ағасында", "shpargalka.loc"),
    ("әкімдігі", "әкімдігінде", "shpargalka.loc"),
    ("тау", "тауда", "shpargalka.loc"),
    ("5", "5-те", "emle.digits"),
    ("(қосымша)", None, "editor"),
]

LOCATIVE_ATTRIBUTIVE = [
    ("қараша", "қарашадағы", "resolution"),
    ("наурыз", "наурыздағы", "resolution"),
    ("қыркүйек", "қыркүйектегі", "shpargalka.loc"),
]

POSSESSIVE_NUMBER = [
    (37, "37-сі", "sample"),                       # жеті → жетісі
    (14, "14-і", "sample"),                        # төрт → төрті
    (8, "8-і", "sample"),                          # сегіз → сегізі
    (34, "34-і", "softmaker.poss"),
    (29, "29-ы", "softmaker.poss"),                # тоғыз → тоғызы
    (40, "40-ы", "softmaker.poss"),                # қырық → қырқы
    (50, "50-і", "softmaker.poss"),                # елу → елуі (у: a consonant here too)
    (100, "100-і", "softmaker.poss"),              # жүз → жүзі
    (20, "20-сы", "softmaker.poss"),               # жиырма → жиырмасы
]

UNTIL = [
    (dt.date(2027, 6, 30), "kk", "2027 жылғы 30 маусымға дейін", "editor"),
    (dt.date(2026, 9, 1), "kk", "2026 жылғы 1 қыркүйекке дейін", "softmaker.dat"),
    (dt.date(2026, 12, 31), "kk", "2026 жылғы 31 желтоқсанға дейін", "sample"),
    (dt.date(2026, 8, 31), "kk", "2026 жылғы 31 тамызға дейін", "sample"),
    (dt.date(2026, 11, 30), "kk", "2026 жылғы 30 қарашаға дейін", "sample"),
    (dt.date(2026, 5, 31), "kk", "2026 жылғы 31 мамырға дейін", "sample"),
    (dt.date(2026, 10, 31), "kk", "2026 жылғы 31 қазанға дейін", "sample"),
    (dt.date(2026, 7, 1), "kk", "2026 жылғы 1 шілдеге дейін", "softmaker.dat"),
    (dt.date(2027, 6, 30), "ru", "до 30 июня 2027 года", "editor"),
]

DATE_OF = [
    (dt.date(2025, 11, 11), "2025 жылғы 11 қарашадағы", "resolution"),
    (dt.date(2022, 3, 24), "2022 жылғы 24 наурыздағы", "resolution"),
]

ROWS = ([("genitive", kk.genitive_kk, *row) for row in GENITIVE]
        + [("dative", kk.dative_kk, *row) for row in DATIVE]
        + [("locative", kk.locative, *row) for row in LOCATIVE]
        + [("locative -ғы", kk.locative_attributive, *row) for row in LOCATIVE_ATTRIBUTIVE]
        + [("possessive number", kk.kk_possessive_number, *row) for row in POSSESSIVE_NUMBER]
        + [("until", lambda day_lang: seen(dates.date_until(*day_lang)), (day, lang), expected, source)
           for day, lang, expected, source in UNTIL]
        + [("date of", lambda day: seen(dates.date_of(day, "kk")), day, expected, source)
           for day, expected, source in DATE_OF])


def test_the_table_is_large_enough_and_every_row_has_a_source():
    assert len(ROWS) >= 40
    assert {row[4] for row in ROWS} <= set(SOURCES)
    forms = {row[0] for row in ROWS}
    assert {"genitive", "dative", "locative", "possessive number", "until"} <= forms
    words = [row[2] for row in ROWS if isinstance(row[2], str)]
    assert any(w.endswith("у") for w in words) and any(w.endswith("и") for w in words)
    assert any(w.endswith("»") for w in words) and any(w.endswith(")") for w in words)
    assert any(w[-1].isdigit() for w in words)


@pytest.mark.parametrize("form,inflect,given,expected,source", ROWS,
                         ids=[f"{r[0]}:{r[2]}" for r in ROWS])
def test_kazakh_form(form, inflect, given, expected, source):
    if expected is None:
        with pytest.raises(kk.NoSuffix):
            inflect(given)
    else:
        assert inflect(given) == expected, f"{form} of {given!r}: expected {expected!r} ({SOURCES[source]})"
