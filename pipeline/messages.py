"""The program's own words, in the language the secretary chose (`--ui-lang` / SHTAB_LANG).

One table for every fixed message the command line prints (summaries,
refusals, progress labels), the comments of the scaffolds written by
`new-meeting` and `new-plan`, and the few input errors a secretary meets most often
(a missing translation, an unknown member, no quorum, a placeholder not filled
in). Everything else a rule says stays in English with its §N: the paragraph
number is what the secretary looks up.

English is the default, for developers. The language is chosen once, by the
command line, before anything is loaded; `msg()` reads it when a message is
made. Documents are never affected: their language is `--lang`.
"""

from __future__ import annotations

import os

UI_LANGS: tuple[str, ...] = ("en", "kk", "ru")
ENV_VAR = "SHTAB_LANG"

_current = "en"


def set_ui_lang(lang: str | None) -> str:
    """Choose the language of the program's messages; unknown or empty means English."""
    global _current
    _current = lang if lang in UI_LANGS else "en"
    return _current


def ui_lang() -> str:
    return _current


def ui_lang_from_env() -> str:
    return os.environ.get(ENV_VAR, "en").strip().lower() or "en"


def msg(key: str, lang: str | None = None, /, **values: object) -> str:
    """The message `key` in `lang` or the chosen language (English when the table lacks it), filled with `values`."""
    entry = MESSAGES[key]
    template = entry.get(lang or _current) or entry["en"]
    return template.format(**values)


def both(key: str, /, **values: object) -> str:
    """The kk and ru forms together, for the scaffolds read by secretaries of either language."""
    return f"{msg(key, 'kk', **values)} / {msg(key, 'ru', **values)}"


MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ summaries and refusals
    "error.prefix": {"en": "Error: ", "kk": "Қате: ", "ru": "Ошибка: "},
    "written": {"en": "wrote {path}", "kk": "жазылды: {path}", "ru": "записан: {path}"},
    "unchanged": {"en": "unchanged {path}", "kk": "өзгерген жоқ: {path}", "ru": "без изменений: {path}"},
    "written.summary": {
        "en": "{total} document(s), {changed} written, {unchanged} unchanged",
        "kk": "құжаттар: {total}, жазылғаны: {changed}, өзгермегені: {unchanged}",
        "ru": "документов: {total}, записано: {changed}, без изменений: {unchanged}",
    },
    "warnings.summary": {
        "en": "{count} warning(s): the documents are written; see the lines above",
        "kk": "ескертулер: {count}; құжаттар жазылды, жоғарыдағы жолдарды қараңыз",
        "ru": "предупреждений: {count}; документы записаны, см. строки выше",
    },
    "refused": {
        "en": "{count} error(s): nothing was written",
        "kk": "қателер: {count}; ештеңе жазылған жоқ",
        "ru": "ошибок: {count}; ничего не записано",
    },
    "check.summary": {
        "en": "{errors} error(s), {warnings} warning(s)",
        "kk": "қателер: {errors}, ескертулер: {warnings}",
        "ru": "ошибок: {errors}, предупреждений: {warnings}",
    },
    "check.clean": {
        "en": "no findings: the inputs follow the regulation",
        "kk": "ескерту жоқ: деректер Ережеге сай",
        "ru": "замечаний нет: данные соответствуют Положению",
    },
    "inputs.missing": {
        "en": "{path}: the inputs folder does not exist",
        "kk": "{path}: деректер қалтасы жоқ",
        "ru": "{path}: папки с данными нет",
    },
    "progress.rendering": {"en": "Writing documents", "kk": "Құжаттар жасалуда", "ru": "Создание документов"},
    "progress.templates": {"en": "Checking templates", "kk": "Үлгілер тексерілуде", "ru": "Проверка шаблонов"},
    # ------------------------------------------------------------ templates command
    "templates.ok": {
        "en": "{count} template(s) checked: each parses, uses only known values and renders the sample",
        "kk": "{count} үлгі тексерілді: әрқайсысы оқылады, белгілі мәндерді ғана қолданады, үлгі деректермен жасалады",
        "ru": "проверено шаблонов: {count}; каждый читается, использует только известные значения и заполняется примером",
    },
    "templates.broken": {
        "en": "{count} template(s) broken",
        "kk": "бұзылған үлгілер: {count}",
        "ru": "испорченных шаблонов: {count}",
    },
    "templates.syntax": {
        "en": "a tag is broken: {problem}; near: {near}",
        "kk": "тег бұзылған: {problem}; мына жерде: {near}",
        "ru": "тег испорчен: {problem}; рядом с: {near}",
    },
    "templates.unknown": {
        "en": "the template uses {names}, which the {document} does not provide (it provides: {known})",
        "kk": "үлгіде {names} қолданылған, бірақ {document} құжатында мұндай мән жоқ (барлары: {known})",
        "ru": "шаблон использует {names}, а документ {document} таких значений не даёт (есть: {known})",
    },
    "templates.render": {
        "en": "the template cannot be filled in with the sample: {problem}",
        "kk": "үлгіні үлгі деректермен толтыру мүмкін емес: {problem}",
        "ru": "шаблон не заполняется примером: {problem}",
    },
    "templates.unreadable": {
        "en": "not a Word document that can be read: {problem}",
        "kk": "Word құжаты ретінде оқылмайды: {problem}",
        "ru": "не читается как документ Word: {problem}",
    },
    "templates.no_sample": {
        "en": "not rendered: the sample inputs give no {document} in {lang}",
        "kk": "толтырылмады: үлгі деректерде {lang} тіліндегі {document} жоқ",
        "ru": "не заполнен: в примере данных нет документа {document} на языке {lang}",
    },
    "templates.unknown_document": {
        "en": "no document of the program uses this template (names are <document>.<kk|ru>.docx)",
        "kk": "бұл үлгіні бағдарламаның ешбір құжаты қолданбайды (атауы: <құжат>.<kk|ru>.docx)",
        "ru": "этот шаблон не используется ни одним документом (имя: <документ>.<kk|ru>.docx)",
    },
    # ------------------------------------------------------------ schema command
    "schema.written": {"en": "wrote {path}", "kk": "жазылды: {path}", "ru": "записан: {path}"},
    # ------------------------------------------------------------ scaffolds
    "scaffold.written": {
        "en": "wrote {path}: fill in the places marked <<...>>, then run: make check",
        "kk": "{path} жазылды: <<...>> белгіленген жерлерді толтырып, make check іске қосыңыз",
        "ru": "записан {path}: заполните места, отмеченные <<...>>, затем запустите make check",
    },
    "scaffold.exists": {
        "en": "{path} already exists: nothing was written (a scaffold never overwrites a file)",
        "kk": "{path} бұрыннан бар: ештеңе жазылған жоқ (дайындама файлды ешқашан қайта жазбайды)",
        "ru": "{path} уже существует: ничего не записано (заготовка никогда не перезаписывает файл)",
    },
    "scaffold.no_body": {
        "en": "body.yaml cannot be read: fix it first (make check)",
        "kk": "body.yaml оқылмайды: алдымен соны түзетіңіз (make check)",
        "ru": "body.yaml не читается: сначала исправьте его (make check)",
    },
    "scaffold.meeting.head": {
        "en": "Meeting No. {number} of {year}: fill in every <<...>>; lines starting with # are comments",
        "kk": "{year} жылғы № {number} отырыс: барлық <<...>> орындарын толтырыңыз; # белгісінен басталатын жол — түсініктеме",
        "ru": "Заседание № {number} за {year} год: заполните все <<...>>; строки, начинающиеся с #, — пояснения",
    },
    "scaffold.meeting.number": {
        "en": "protocol number within the year",
        "kk": "хаттаманың жыл ішіндегі нөмірі",
        "ru": "номер протокола в течение года",
    },
    "scaffold.meeting.date": {
        "en": "date of the meeting, YYYY-MM-DD",
        "kk": "отырыс күні, ЖЖЖЖ-АА-КК",
        "ru": "дата заседания, ГГГГ-ММ-ДД",
    },
    "scaffold.meeting.time": {
        "en": "start time, in quotes",
        "kk": "басталу уақыты, тырнақшада",
        "ru": "время начала, в кавычках",
    },
    "scaffold.meeting.place": {
        "en": "where the meeting is held",
        "kk": "отырыс өтетін орын",
        "ru": "место проведения",
    },
    "scaffold.meeting.approved": {
        "en": "who approved the agenda and when (§22)",
        "kk": "күн тәртібін кім және қашан бекітті (22-тармақ)",
        "ru": "кто и когда утвердил повестку (пункт 22)",
    },
    "scaffold.meeting.sent": {
        "en": "when the agenda and materials were sent to members (§26.4): uncomment",
        "kk": "күн тәртібі мен материалдар мүшелерге қашан жіберілді (26.4-тармақ): # белгісін алып тастаңыз",
        "ru": "когда повестка и материалы разосланы членам (пункт 26.4): уберите #",
    },
    "scaffold.meeting.present": {
        "en": "every voting member is listed: after the meeting, move those who did not come to absent",
        "kk": "дауыс беретін барлық мүше жазылған: отырыстан кейін келмегендерді absent тізіміне көшіріңіз",
        "ru": "перечислены все члены с правом голоса: после заседания перенесите отсутствовавших в absent",
    },
    "scaffold.meeting.absent": {
        "en": "those absent, with the reason",
        "kk": "қатыспағандар және себебі",
        "ru": "отсутствовавшие и причина",
    },
    "scaffold.meeting.items": {
        "en": "the questions the plan schedules for quarter {quarter}",
        "kk": "жоспар бойынша {quarter}-тоқсанға белгіленген мәселелер",
        "ru": "вопросы, запланированные на {quarter} квартал",
    },
    "scaffold.meeting.no_plan": {
        "en": "no plan question for this quarter: type the question, or link it with plan: 2026-H1/1",
        "kk": "осы тоқсанға жоспарда мәселе жоқ: мәселені жазыңыз немесе plan: 2026-H1/1 арқылы байланыстырыңыз",
        "ru": "в плане нет вопросов на этот квартал: впишите вопрос или укажите plan: 2026-H1/1",
    },
    "scaffold.meeting.responsible": {
        "en": "responsible under the plan",
        "kk": "жоспар бойынша жауаптылар",
        "ru": "ответственные по плану",
    },
    "scaffold.meeting.after": {
        "en": "after the meeting: uncomment and fill in speakers, heard, decisions and the vote",
        "kk": "отырыстан кейін: # белгісін алып, баяндамашыларды, тыңдалғанын, шешімдерді және дауыс беруді толтырыңыз",
        "ru": "после заседания: уберите # и заполните докладчиков, заслушанное, решения и голосование",
    },
    "scaffold.meeting.protocol": {
        "en": "the protocol: at most one day after the meeting (§23), signed by the chair (§15)",
        "kk": "хаттама: отырыстан кейін бір күннен кешіктірмей (23-тармақ), төрағалық етуші қол қояды (15-тармақ)",
        "ru": "протокол: не позднее одного дня после заседания (пункт 23), подписывает председательствующий (пункт 15)",
    },
    "scaffold.plan.head1": {
        "en": "Work plan of the Штаб for the first half of {year} (§16-18): fill in every <<...>>; lines starting with # are comments",
        "kk": "Штабтың {year} жылдың бірінші жартыжылдығына арналған жұмыс жоспары (16-18-тармақтар): барлық <<...>> орындарын толтырыңыз; # белгісінен басталатын жол — түсініктеме",
        "ru": "План работы Штаба на первое полугодие {year} года (пункты 16-18): заполните все <<...>>; строки, начинающиеся с #, — пояснения",
    },
    "scaffold.plan.head2": {
        "en": "Work plan of the Штаб for the second half of {year} (§16-18): fill in every <<...>>; lines starting with # are comments",
        "kk": "Штабтың {year} жылдың екінші жартыжылдығына арналған жұмыс жоспары (16-18-тармақтар): барлық <<...>> орындарын толтырыңыз; # белгісінен басталатын жол — түсініктеме",
        "ru": "План работы Штаба на второе полугодие {year} года (пункты 16-18): заполните все <<...>>; строки, начинающиеся с #, — пояснения",
    },
    "scaffold.plan.approved": {
        "en": "the plan is approved by the head of the Штаб (§16): type the date of approval",
        "kk": "жоспарды Штаб басшысы бекітеді (16-тармақ): бекітілген күнін жазыңыз",
        "ru": "план утверждает руководитель Штаба (пункт 16): впишите дату утверждения",
    },
    "scaffold.plan.sent": {
        "en": "when the approved plan was sent to the members (§17)",
        "kk": "бекітілген жоспар мүшелерге қашан жіберілді (17-тармақ)",
        "ru": "когда утверждённый план разослан членам Штаба (пункт 17)",
    },
    "scaffold.plan.items": {
        "en": "the questions of the half-year, each in quarter {first} or {second} or in a month of them (§17)",
        "kk": "жартыжылдықтың мәселелері: әрқайсысы {first}- немесе {second}-тоқсанда не солардың бір айында (17-тармақ)",
        "ru": "вопросы полугодия: каждый в {first} или {second} квартале либо в одном из их месяцев (пункт 17)",
    },
    "scaffold.plan.carried": {
        "en": "postponed to {to} from plan item {ref} by the head's decision of {date} (§18): it stays in its own plan; the meeting that hears it cites plan: \"{ref}\"",
        "kk": "{ref} жоспар тармағы басшының {date} шешімімен {to} мерзіміне ауыстырылған (18-тармақ): ол өз жоспарында қалады, оны қарайтын отырыс plan: \"{ref}\" деп көрсетеді",
        "ru": "вопрос {ref} перенесён на {to} решением руководителя от {date} (пункт 18): он остаётся в своём плане, заседание, на котором его рассмотрят, указывает plan: \"{ref}\"",
    },
    "scaffold.plan.new_item": {
        "en": "a new question, from a member's proposal (§16): fill it in; copy the block for each further question",
        "kk": "мүшенің ұсынысы бойынша жаңа мәселе (16-тармақ): толтырыңыз; әр келесі мәселе үшін блокты көшіріңіз",
        "ru": "новый вопрос по предложению члена Штаба (пункт 16): заполните; для каждого следующего вопроса скопируйте блок",
    },
    "scaffold.plan.responsible": {
        "en": "the bodies that report on the question",
        "kk": "мәселе бойынша баяндайтын органдар",
        "ru": "органы, которые докладывают по вопросу",
    },
    "scaffold.plan.proposed_by": {
        "en": "id of the member who proposed it, from body.yaml",
        "kk": "ұсынған мүшенің body.yaml ішіндегі id-і",
        "ru": "id предложившего члена Штаба из body.yaml",
    },
    "scaffold.plan.quarter": {
        "en": "{first} or {second}; or instead month: YYYY-MM",
        "kk": "{first} немесе {second}; не оның орнына month: ЖЖЖЖ-АА",
        "ru": "{first} или {second}; либо вместо этого month: ГГГГ-ММ",
    },
    "scaffold.plan.month": {
        "en": "the month the question was postponed to",
        "kk": "мәселе ауыстырылған ай",
        "ru": "месяц, на который перенесён вопрос",
    },
    "scaffold.plan.changes": {
        "en": "changes decided by the head later (§18): exclude, postpone or add, on a justification note",
        "kk": "кейін басшы шешетін өзгерістер (18-тармақ): негіздеме-анықтама бойынша алып тастау, ауыстыру немесе қосу",
        "ru": "изменения, которые позже решает руководитель (пункт 18): исключение, перенос или добавление по обоснованию-справке",
    },
    "placeholder.quarter": {"en": "<<quarter, {first} or {second}>>", "kk": "<<тоқсан, {first} немесе {second}>>",
                            "ru": "<<квартал, {first} или {second}>>"},
    "placeholder.member": {"en": "<<member id>>", "kk": "<<мүшенің id-і>>", "ru": "<<id члена Штаба>>"},
    "placeholder.responsible": {"en": "<<reporting body>>", "kk": "<<баяндайтын орган>>",
                                "ru": "<<докладывающий орган>>"},
    "placeholder.time": {"en": "<<time, e.g. 10:00>>", "kk": "<<уақыты, мысалы 10:00>>",
                         "ru": "<<время, например 10:00>>"},
    "placeholder.place": {"en": "<<place of the meeting>>", "kk": "<<отырыс өтетін орын>>",
                          "ru": "<<место проведения>>"},
    "placeholder.date": {"en": "<<date, YYYY-MM-DD>>", "kk": "<<күні, ЖЖЖЖ-АА-КК>>", "ru": "<<дата, ГГГГ-ММ-ДД>>"},
    "placeholder.title": {"en": "<<title of the question>>", "kk": "<<мәселенің атауы>>",
                          "ru": "<<название вопроса>>"},
    # ------------------------------------------------------------ the most common input errors
    "input.placeholder": {
        "en": "not filled in: replace {placeholder} with the real value",
        "kk": "толтырылмаған: {placeholder} орнына нақты мәнді жазыңыз",
        "ru": "не заполнено: замените {placeholder} настоящим значением",
    },
    "input.missing_translation": {
        "en": "the {lang} text{where} is missing: the {document} in {lang} needs it",
        "kk": "{lang} мәтіні{where} жоқ: {lang} тіліндегі {document} құжатына ол қажет",
        "ru": "нет текста на языке {lang}{where}: он нужен для документа {document} на языке {lang}",
    },
    "grammar.unsure": {
        "en": "the Russian {case} of '{key}' is uncertain ({reason}); the documents print «{form}»: if that is wrong,"
              " type the right form in body.yaml as {typed_key}: {{ru: ...}}",
        "kk": "'{key}' атауының орысша {case} формасы сенімсіз ({reason}); құжаттарда «{form}» басылады: қате болса,"
              " body.yaml ішінде дұрыс форманы {typed_key}: {{ru: ...}} деп жазыңыз",
        "ru": "форма '{key}' в {case} падеже не определена уверенно ({reason}); в документах печатается «{form}»:"
              " если она неверна, впишите правильную форму в body.yaml как {typed_key}: {{ru: ...}}",
    },
    "grammar.case.gent": {"en": "genitive", "kk": "ілік септік", "ru": "родительном"},
    "grammar.case.datv": {"en": "dative", "kk": "барыс септік", "ru": "дательном"},
    "grammar.case.ablt": {"en": "instrumental", "kk": "көмектес септік", "ru": "творительном"},
    "input.missing_translation.where": {"en": " of '{key}'", "kk": " ('{key}')", "ru": " ('{key}')"},
    "input.unknown_member": {
        "en": "unknown member id '{member}' (not in body.yaml)",
        "kk": "'{member}' деген мүше жоқ (body.yaml ішінде көрсетілмеген)",
        "ru": "неизвестный член штаба '{member}' (нет в body.yaml)",
    },
    "input.no_quorum": {
        "en": "no quorum: {present} of {total} members present, at least {needed} needed",
        "kk": "кворум жоқ: Штабтың {total} мүшесінен {present} мүше қатысты, кемінде {needed} мүше қажет",
        "ru": "нет кворума: присутствовали {present} из {total} членов, нужно не менее {needed}",
    },
    # ------------------------------------------------------------ pdf (issue 5)
    "pdf.converted": {"en": "converted {path}", "kk": "PDF жасалды: {path}", "ru": "преобразован: {path}"},
    "pdf.up_to_date": {"en": "up to date {path}", "kk": "PDF өзекті: {path}", "ru": "PDF актуален: {path}"},
    "pdf.summary": {
        "en": "{total} PDF(s), {changed} converted, {unchanged} up to date",
        "kk": "PDF саны: {total}, жасалғаны: {changed}, өзектісі: {unchanged}",
        "ru": "PDF: {total}, преобразовано: {changed}, актуальны: {unchanged}",
    },
    "pdf.no_libreoffice": {
        "en": "LibreOffice is not installed (no soffice on PATH); PDFs need it. Install it:\n  {hint}",
        "kk": "LibreOffice орнатылмаған (PATH ішінде soffice жоқ); PDF үшін ол қажет. Орнату:\n  {hint}",
        "ru": "LibreOffice не установлен (soffice не найден в PATH); он нужен для PDF. Установите:\n  {hint}",
    },
    "pdf.no_outputs": {
        "en": "{path}: no outputs folder yet; write the documents first (python -m pipeline all)",
        "kk": "{path}: құжаттар қалтасы әлі жоқ; алдымен құжаттарды жазыңыз (python -m pipeline all)",
        "ru": "{path}: папки с документами ещё нет; сначала создайте документы (python -m pipeline all)",
    },
}
