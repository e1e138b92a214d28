"""JSON Schemas of the input kinds, so that an editor completes keys and flags mistakes as the secretary types.

Each input kind is listed once, in `pipeline/wiring.py`, with its pydantic type and
the files that hold it; the `schema` command writes `schemas/<kind>.schema.json` from the
models themselves, so a schema can never disagree with what `check` accepts
(a test compares the committed files with what this module generates).
An input file points to its schema with its first line:

    # yaml-language-server: $schema=../../schemas/meeting.schema.json

which VS Code (YAML extension), and other editors using yaml-language-server, follow.
"""

from __future__ import annotations

import fnmatch
import json
import os
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from ..wiring import INPUTS, InputKind

ROOT = Path(__file__).resolve().parents[2]
# the program's schemas: inside the package when installed (setup.py ships them), else schemas/ of the checkout
SCHEMAS = ROOT / "pipeline" / "schemas" if (ROOT / "pipeline" / "schemas").is_dir() else ROOT / "schemas"
SCHEMA_LINE = "# yaml-language-server: $schema="


def input_kinds() -> dict[str, InputKind]:
    """The input kinds with an editor schema (`wiring.INPUTS`, those with a schema title), by name."""
    return {kind.name: kind for kind in INPUTS if kind.schema_title is not None}


# What each key means, in Kazakh and Russian, shown by the editor on hover and completion.
DESCRIPTIONS: dict[str, str] = {
    "name": "Атауы немесе аты-жөні / Наименование или фамилия и инициалы",
    "akimat": "Әкімдік / Акимат",
    "seat": "Орналасқан жері / Местонахождение",
    "established": "Штабты құрған қаулы: нөмірі мен күні / Постановление о создании штаба: номер и дата",
    "working_body": "Жұмыс органы / Рабочий орган",
    "authorized_body": "Жылдық есеп жіберілетін уәкілетті орган / Уполномоченный орган, получающий годовой отчет",
    "authorized_body_dative": "Уәкілетті орган барыс септігінде, егер бағдарлама дұрыс шығармаса / Уполномоченный орган в "
                              "дательном падеже (кому), если программа склоняет неверно",
    "position_genitive": "Лауазымы ілік септігінде, егер бағдарлама дұрыс шығармаса / Должность в родительном падеже "
                         "(кого), если программа склоняет неверно",
    "position_accusative": "Лауазымы табыс септігінде («ТЫҢДАЛДЫ/СЛУШАЛИ: кого»), егер бағдарлама дұрыс шығармаса / "
                           "Должность в винительном падеже («СЛУШАЛИ: кого»), если программа склоняет неверно",
    "position_dative": "Лауазымы барыс септігінде (үзінді мен еске салу хаттың алушысы, «кімге»), егер бағдарлама дұрыс "
                       "шығармаса / Должность в дательном падеже (адресат выписки и напоминания, «кому»), если "
                       "программа склоняет неверно",
    "phone": "Хаттардағы орындаушы жолының телефоны (Орынд.) / Телефон строки исполнителя писем (Исп.)",
    "letters_signed_by": "Хаттарға кім қол қояды: head, deputy_head, secretary немесе мүше id-і; әдепкі — басшы / "
                         "Кто подписывает письма: head, deputy_head, secretary или id члена; по умолчанию руководитель",
    "notices": "Хабарламалар (22-тармақ) / Извещения (пункт 22)",
    "reminders": "Еске салу хаттары және ақпарат сұрау (27.1-тармақ) / Напоминания и запросы информации (пункт 27.1)",
    "annual_report": "Жылдық есеп (26.7-тармақ) / Годовой отчет (пункт 26.7)",
    "periodic_reply": "Мерзімді тапсырмалар бойынша жауап беру тәртібі / Срок ответа по поручениям с периодическим сроком",
    "languages": "Құжат тілдері: kk және/немесе ru (19-тармақ) / Языки документов: kk и/или ru (пункт 19)",
    "members": "Штаб құрамы (1-қосымша) / Состав штаба (приложение 1)",
    "id": "Қысқа белгі: латын әріптері, цифрлар, _ және - / Краткий идентификатор: латиница, цифры, _ и -",
    "position": "Лауазымы / Должность",
    "role": "head — басшы / руководитель; deputy_head — орынбасар / заместитель; secretary — хатшы / секретарь; "
            "member — мүше / член",
    "by_agreement": "«келісім бойынша» / «по согласованию»",
    "voting": "Дауыс бере ме (хатшы әдетте бермейді) / Участвует ли в голосовании (секретарь обычно нет)",
    "from": "Мүшелік басталған күн / Дата начала членства",
    "until": "Мүшелік аяқталған күн / Дата окончания членства",
    "number": "Нөмірі / Номер",
    "date": "Күні, ЖЖЖЖ-АА-КК / Дата, ГГГГ-ММ-ДД",
    "time": "Басталу уақыты, мысалы \"10:00\" / Время начала, например \"10:00\"",
    "place": "Өтетін орны / Место проведения",
    "kind": "regular — кезекті / очередное; extraordinary — кезектен тыс / внеочередное (12-тармақ)",
    "initiated_by": "Кезектен тыс отырысты шақырғандар (12-тармақ) / Инициаторы внеочередного заседания (пункт 12)",
    "urgent": "Шұғыл: материалдар отырыс күні берілуі мүмкін (22-тармақ) / Срочное: материалы в день заседания (пункт 22)",
    "chair": "Төрағалық етуші / Председательствующий",
    "agenda_approved": "Күн тәртібін кім және қашан бекітті (22-тармақ) / Кто и когда утвердил повестку (пункт 22)",
    "documents_sent": "Мүшелерге құжаттар жіберілген күн (26.4-тармақ) / Дата рассылки документов членам (пункт 26.4)",
    "present": "Қатысқан мүшелер / Присутствовавшие члены",
    "absent": "Қатыспаған мүшелер және себебі / Отсутствовавшие члены и причина",
    "stand_ins": "Мүшенің орнына келгендер: кворумға есептелмейді (20-тармақ) / Замещающие: в кворум не входят (пункт 20)",
    "invited": "Шақырылғандар (21-тармақ) / Приглашенные (пункт 21)",
    "items": "Күн тәртібінің мәселелері / Вопросы повестки",
    "plan": "Жоспардың тармағы, мысалы 2026-H1/3 / Пункт плана, например 2026-H1/3",
    "title": "Мәселенің атауы / Название вопроса",
    "speakers": "Баяндамашылар: мүше id-і немесе {name, position} / Докладчики: id члена или {name, position}",
    "materials": "Материалдар (22-тармақ) / Материалы (пункт 22)",
    "heard": "Тыңдалды: баяндаманың қысқаша мазмұны / Слушали: краткое содержание доклада",
    "decisions": "Шешімдер / Решения",
    "text": "Мәтіні / Текст",
    "responsible": "Жауапты органдар / Ответственные органы",
    "due": "Орындау мерзімі: күні немесе мәтін / Срок исполнения: дата или текст",
    "vote": "unanimous — бірауыздан / единогласно; немесе / или {against: [...], abstained: [...]}",
    "dissent": "Ерекше пікір (14-тармақ) / Особое мнение (пункт 14)",
    "protocol": "Хаттама: жасалған күні, қол қоюшы (15, 23-тармақтар) / Протокол: дата, подписант (пункты 15, 23)",
    "drawn_up": "Хаттама жасалған күн (23-тармақ) / Дата оформления протокола (пункт 23)",
    "signed_by": "Қол қоюшы (15-тармақ) / Подписывает (пункт 15)",
    "signed": "Қол қойылды ма: true болса, құжат енді өзгермейді / Подписан ли: при true документ больше не меняется",
    "member": "Мүшенің id-і / Id члена",
    "reason": "Себебі / Причина",
    "for": "Кімнің орнына; немесе «жақтап» дауыс бергендер / Вместо кого; или голосовавшие «за»",
    "against": "«Қарсы» дауыс бергендер / Голосовавшие «против»",
    "abstained": "«Қалыс қалғандар» / «Воздержавшиеся»",
    "submitted": "Материал берілген күн / Дата представления материала",
    "by": "Кім (мүшенің id-і) / Кто (id члена)",
}


def _describe(node: Any) -> None:
    """Give every property named in DESCRIPTIONS its bilingual description (unless it has one)."""
    if isinstance(node, dict):
        for key, prop in (node.get("properties") or {}).items():
            if isinstance(prop, dict) and key in DESCRIPTIONS:
                prop["description"] = DESCRIPTIONS[key]
        for value in node.values():
            _describe(value)
    elif isinstance(node, list):
        for value in node:
            _describe(value)


def schema_of(kind: InputKind) -> dict:
    """The JSON Schema (draft 2020-12) of one input kind, with descriptions for the editor."""
    schema = TypeAdapter(kind.model).json_schema()
    _describe(schema)
    schema["title"] = kind.schema_title
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text(kind: InputKind) -> str:
    return json.dumps(schema_of(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema_file(kind_name: str, folder: Path = SCHEMAS) -> Path:
    return folder / f"{kind_name}.schema.json"


def all_schemas(folder: Path = SCHEMAS) -> list[tuple[Path, bytes]]:
    """Every schema file with its bytes, ready for `write.write_all`."""
    return [(schema_file(name, folder), schema_text(kind).encode("utf-8")) for name, kind in input_kinds().items()]


def project_schemas(input_file: Path) -> Path:
    """The schemas of the input's project (schemas/ beside its inputs/, as `shtab init` writes), else the program's."""
    for folder in list(input_file.resolve().parents)[:3]:
        if (folder / "schemas").is_dir() and (folder / "inputs").is_dir():
            return folder / "schemas"
    return SCHEMAS


def schema_line(kind_name: str, input_file: Path, folder: Path | None = None) -> str:
    """The first line of an input file: where its schema is, relative to the file itself."""
    schema = schema_file(kind_name, folder or project_schemas(input_file)).resolve()
    try:
        return SCHEMA_LINE + Path(os.path.relpath(schema, input_file.parent.resolve())).as_posix()
    except ValueError:          # Windows: the schema is on another drive
        return SCHEMA_LINE + schema.as_uri()


def kind_of(input_file: Path, inputs: Path) -> InputKind | None:
    """The input kind whose files include this one (by its place under inputs/)."""
    relative = input_file.resolve().relative_to(inputs.resolve()).as_posix()
    return next((k for k in input_kinds().values() if fnmatch.fnmatchcase(relative, k.files)), None)


# ---------------------------------------------------------------- half-year plans (§16-18)

# control/<year>.yaml (§24, §28): how each assignment stands
DESCRIPTIONS.update({
    "assignment": "Тапсырма: отырыс/мәселе.шешім, мысалы 2026-01/1.2 / Поручение: заседание/вопрос.решение, "
                  "например 2026-01/1.2",
    "status": "done — орындалды / исполнено; in_progress — орындалуда / на исполнении; extended — мерзімі "
              "ұзартылды / срок продлен; removed — бақылаудан алынды / снято с контроля",
    "new_due": "Ұзартылған жаңа мерзім (extended кезінде) / Новый срок (при extended)",
    "note": "Орындалу барысы туралы ескертпе / Примечание о ходе исполнения",
})

DESCRIPTIONS.update({
    "approved": "Жоспарды бекіткен Штаб басшысы және күні (16-тармақ) / Кто (руководитель штаба) и когда утвердил "
                "план (пункт 16)",
    "sent_to_members": "Жоспар мүшелерге жіберілген күн (17-тармақ) / Дата направления плана членам (пункт 17)",
    "no": "Мәселенің нөмірі жоспарда / Номер вопроса в плане",
    "proposed_by": "Ұсыныс енгізген мүшенің id-і (16-тармақ) / Id члена, внесшего предложение (пункт 16)",
    "quarter": "Тоқсан: H1 үшін 1-2, H2 үшін 3-4 / Квартал: 1-2 для H1, 3-4 для H2",
    "month": "Немесе ай, мысалы 2026-03 / Или месяц, например 2026-03",
    "changes": "Жоспарға өзгерістер (18-тармақ) / Изменения плана (пункт 18)",
    "item": "Өзгеретін мәселенің нөмірі / Номер изменяемого вопроса",
    "action": "exclude — алып тастау / исключить; postpone — ауыстыру / перенести; add — қосу / включить",
    "to": "Қайда ауыстырылды: ай (2026-09) немесе жартыжылдық (2026-H2) / Куда перенесен: месяц (2026-09) или "
          "полугодие (2026-H2)",
    "basis": "Негіздеме-анықтама: орынбасардың id-і немесе working_body, күні, мәтіні / Обоснование-справка: id "
             "заместителя или working_body, дата, текст",
    "decided": "Штаб басшысының шешімі: кім және қашан / Решение руководителя штаба: кто и когда",
})
