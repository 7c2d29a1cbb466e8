"""The multilingual lexicon: words in identifiers and comments, and what they mean.

The words live in `cnsnt/classify/vocab/*.yaml` (one file per language, read by
`cnsnt.classify.vocabulary`); this module names the lists the classifier reads, and
keeps what is about categories rather than words (labels, coded categories).
Everything is normalised: lower case, accents folded (`data nascita`,
`szuletesi ido`), Cyrillic transliterated (`дата рождения` -> `data rozhden`); Cyrillic
words are stems (`парол` matches `пароль`, `пароля`).

A *term* names a kind of personal data. Its strength says how much context it needs:

- `S` (strong): personal wherever it appears (`email`, `data_nascita`, `cpf`).
- `P` (person-context): personal only in a table about people (`users`, `pessoa`,
  `szulo`) or next to a word that names a person (`nome_mae`, `contact_name`):
  `name` of a product or `city` of a warehouse are not personal.

Other word lists say what a word rules out (ids, timestamps, flags, counters),
which tables are about people, about health, or about messages.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from cnsnt.classify.vocabulary import load_vocabulary

# Categories whose value is often stored as a code or a foreign key to a lookup
# table (`genero_id`, `ref_cod_religiao`): there an id does not make it technical.
CODED: Final = frozenset(
    {
        "user.demographic.gender",
        "user.demographic.marital_status",
        "user.demographic.religious_belief",
        "user.demographic.race_ethnicity",
        "user.demographic.citizenship_or_immigration_status",
        "user.demographic#place_of_birth",
        "user.demographic#kinship",
        "user.name#salutation",
        "user.professional_information.job_title",
        "user.demographic.profile",
        "user#assessment",
        "user.demographic.protected_classifications",
        # special categories: the id of a diagnosis, a party or a union is the datum
        "user.health",
        "user.health.condition",
        "user.demographic.political_opinion",
        "user.demographic.union_membership",
        "user.demographic.sexual_orientation",
    }
)

# What a reason says for each category.
LABELS: Final[dict[str, str]] = {
    "user.account.username": "a user name or login",
    "user.authorization.credentials": "login credentials",
    "user.authorization.password": "a password",
    "user.contact": "contact details",
    "user.contact.address": "a postal address",
    "user.contact.address.city": "a city of residence",
    "user.contact.address.country": "a country of residence",
    "user.contact.address.postal_code": "a postal code",
    "user.contact.address.state": "a region or province of residence",
    "user.contact.address.street": "a street address",
    "user.contact.email": "an email address",
    "user.contact.fax_number": "a fax number",
    "user.contact.phone_number": "a phone number",
    "user.contact.social_url": "a personal website or social profile",
    "user.content.private": "private messages",
    "user.content.public": "content a person publishes",
    "user.content.self_image": "a photo of the person",
    "user.demographic": "demographic data",
    "user.demographic.age_range": "an age",
    "user.demographic.citizenship_or_immigration_status": "citizenship or immigration status",
    "user.demographic.date_of_birth": "a date of birth",
    "user.demographic#date_of_death": "a date of death",
    "user.demographic.gender": "gender or sex",
    "user.demographic.language": "a person's language",
    "user.demographic.marital_status": "marital status",
    "user.demographic#place_of_birth": "a place of birth",
    "user.demographic#kinship": "a family relationship",
    "user.demographic.political_opinion": "political opinions",
    "user.demographic.profile": "a personal profile",
    "user#assessment": "a mark or an assessment of the person",
    "user.demographic.race_ethnicity": "racial or ethnic origin",
    "user.demographic.religious_belief": "religion",
    "user.demographic.sexual_orientation": "sexual orientation",
    "user.demographic.union_membership": "trade-union membership",
    "user.device": "device data",
    "user.device.device_id": "a device identifier",
    "user.device.ip_address": "an IP address",
    "user.financial": "financial data",
    "user.payment": "how a person pays",
    "user.financial.bank_account": "a bank account",
    "user.financial.credit_card": "a payment card",
    "user.government_id": "a government-issued identifier",
    "user.government_id.drivers_license_number": "a driving licence number",
    "user.government_id.immigration": "an immigration document",
    "user.government_id.national_identification_number": "a national id or tax number",
    "user.government_id.passport_number": "a passport number",
    "user.government_id.vehicle_registration": "a vehicle registration",
    "user.government_id.birth_certificate": "a birth certificate",
    "user.health": "health data",
    "user.health.condition": "a health condition",
    "user.health.insurance_beneficiary_id": "a health insurance number",
    "user.health.medications": "medication",
    "user.location": "a location",
    "user.location.precise": "a precise geolocation",
    "user.name": "a person's name",
    "user.name#salutation": "a salutation or courtesy title",
    "user.name.first": "a first name",
    "user.name.last": "a last name",
    "user.professional_information.job_title": "a job title or occupation",
    "user.professional_information.workplace": "an employer or workplace",
    "user.professional_information": "professional information",
    "user.biometrics": "biometric data",
    "user.criminal_history": "criminal records",
    "user.unique_id": "a personal identifier",
    "user.behavior": "a score or inference about a person",
    "user.behavior#activity": "when a person was last active",
    "user.demographic.protected_classifications": "veteran or military status",
}

# Some labels above are finer than fideslang: these map them back to real keys.
CATEGORY_KEYS: Final[dict[str, str]] = {
    "user.behavior#activity": "user.behavior",
    "user.demographic#place_of_birth": "user.demographic",
    "user.demographic#date_of_death": "user.demographic",
    # fideslang has no kinship: labellers file it as `user.demographic` or `user` (review33 D4)
    "user.demographic#kinship": "user.demographic",
    # fideslang has no education record: labellers file a mark as plain `user` (review32 D7)
    "user#assessment": "user",
    # a salutation states a title or a gender; the labels file it with the name (review37 D7)
    "user.name#salutation": "user.name",
}

_VOCAB = load_vocabulary()

TERMS: Final = _VOCAB.terms
"""Phrase (a tuple of words) -> (category, strength `S`/`P`, language)."""

# Words that make a column technical rather than personal, by kind.
NEGATORS: Final = _VOCAB.negators

# Flag words that only rule a column out when its type is boolean or numeric
# (`photo_public TINYINT` is a flag, `about_me_public TEXT` is text).
FLAG_IF_NUMERIC: Final = _VOCAB.lists["flag_if_numeric"]

# Words in a table name that make it a table about people.
PERSON_TABLES: Final = _VOCAB.people

# Last words of a table name that keep it about people when a person word comes
# earlier (`user_profiles`, `gibbonPersonUpdate`, `resp_adr`); any other last word
# makes it about a thing (`user_groups`, `gibbonStaffDuty`, `editor_collection`).
PERSON_SUFFIXES: Final = _VOCAB.lists["person_suffixes"]

# Words in a column name that name a person, so a weak term next to them is personal
# (`nome_mae`, `contact_name`, `sgd_ciu_nombre`, `usua_nomb`, `emergency1Name`).
QUALIFIERS: Final = _VOCAB.qualifiers

# Words in a table name that make it a table of health records: there every
# column that is not technical holds health data (`prescriptions.route`).
HEALTH_TABLES: Final = _VOCAB.lists["health_tables"]
AMBIGUOUS_HEALTH_TABLES: Final = _VOCAB.lists["ambiguous_health_tables"]
HEALTH_TABLE_PHRASES: Final = _VOCAB.phrases

# Tables of messages: their text columns are private communications.
MESSAGE_TABLES: Final = _VOCAB.lists["message_tables"]
# Tables of what people publish: their text columns are content by a person.
POST_TABLES: Final = _VOCAB.lists["post_tables"]
MESSAGE_COLUMNS: Final = _VOCAB.lists["message_columns"]

# Column words of generic objects: with them a weak term is about a thing
# (`file name`, `имя файла`, `nome_grupo`).
OBJECT_WORDS: Final = _VOCAB.lists["object_words"]


def names_a_thing(word: str) -> bool:
    """Whether a table named with `word` last holds things, not people.

    A `job`, a `task`, or a setting of the software (`permissions`, `roles`, `groups`):
    its display name is its own.
    """
    return word in OBJECT_WORDS or NEGATORS.get(word) == "technical"

# Extra words that help split glued identifiers (`codiceiban`, `sitoweb`,
# `charttime`) but mean nothing by themselves.
GLUE_WORDS: Final = _VOCAB.lists["glue_words"]
# An account named alone (`conta`): beside a bank in a person's row, its number.
ACCOUNT_WORDS: Final = _VOCAB.lists["account_words"]
# The whole names of the columns of an identity document besides its number (`series`,
# `date_of_issue`) and, among them, of the office that issued it (`authority`).
DOCUMENT_ISSUE_WORDS: Final = _VOCAB.lists["document_issue_words"]
DOCUMENT_ISSUERS: Final = _VOCAB.lists["document_issuers"]
# Counter words that count how many (`qtd`, `anzahl`): beside people, how many people.
COUNT_WORDS: Final = _VOCAB.lists["count_words"]
# Abbreviations of "number of" (`nb_demandes`, `nbre_enfants`) and words of a sum (`somme`,
# `summe`): a name that starts with one is a count. Each language file lists its own.
NUMBER_OF: Final = _VOCAB.lists["number_of"]
SUM_WORDS: Final = _VOCAB.lists["sum_words"]
# Words for a number (`numero`, `nr`, `szam`): what numbers a thing or a person. Each language
# file lists its own.
NUMBER_WORDS: Final = _VOCAB.lists["number_words"]
# Words for a number that number an identity document only, beside its issuing office and series
# (Russian `nomer`): not a number word elsewhere. Each language file lists its own.
DOCUMENT_NUMBER_WORDS: Final = _VOCAB.lists["document_number_words"]
# Words for a reference (`ref`, `riferimento`) and a number's short `n`: with a number word or a
# code word, what numbers a criminal case (`n_dossier`). Each language file lists its own.
REFERENCE_WORDS: Final = _VOCAB.lists["reference_words"]
# Words for a title (`titre`, `tytul`): a weak term's, which on a form about a thing is that
# thing's title. Each language file lists its own.
TITLE_WORDS: Final = _VOCAB.lists["title_words"]
# Words for a name's prefix (`prefijo`, `onek`): beside a name word, part of the name (the Dutch
# tussenvoegsel, 'van'). Each language file lists its own.
NAME_PREFIX_WORDS: Final = _VOCAB.lists["name_prefix_words"]
# Words of "of" and "of the" (`of`, `dos`, `della`) and articles after them (`the`, `la`): glue
# between a word and what it is of, skipped when reading on (`number_of_the_children`, `name of
# the program`). Each language file lists its own.
OF_WORDS: Final = _VOCAB.lists["of_words"]
# Number words of languages whose plurals end in -s (`numero_de_hijos`, `num_habitants`,
# `nr_medewerkers`): before a plural, what they count. Each language file lists its own.
S_PLURAL_NUMBERS: Final = _VOCAB.lists["s_plural_numbers"]
# Money words that also name a measurement (a lab result's `valor`, a `total` of hours slept): in a
# care record, no money. Each language file lists its own.
MEASURE_WORDS: Final = _VOCAB.lists["measure_words"]
# Words of a registration (`kayit`, `cadastro`, `alta`): after a word for the people a table is
# named for, their own joining (`UyeKayitTarihi`). Each language file lists its own.
REGISTRATION_WORDS: Final = _VOCAB.lists["registration_words"]
# Words that name a form itself, not what it is about (`registration_form`, `signup-page`): left
# out when a form's name is read. Each language file lists its own.
FORM_WORDS: Final = _VOCAB.lists["form_words"]
# Number and code words that make a key's name only with one table's exact name (`encounter_nr`,
# `USUARI_CODI`, `cdnPaciente`), not with a part of one (`card_nr` is no key to `cards`). Each
# language file lists its own.
KEY_NUMBER_WORDS: Final = _VOCAB.lists["key_number_words"]
# Words of results and marks (`exam_results`, `avaliacao_resultado`, `notas`): a table named with
# one keeps them. Each language file lists its own.
RESULT_WORDS: Final = _VOCAB.lists["result_words"]
# Plurals without an -s (`children`, `people`): after a number word, what it counts (`num_children`).
# Each language file lists its own.
IRREGULAR_PLURALS: Final = _VOCAB.lists["irregular_plurals"]
# A registration number's words (`immatriculation`, `matricula`): a vehicle's in a table of
# vehicles, a person's or a body's registration elsewhere. Each language file lists its own.
REGISTRATION_NUMBERS: Final = _VOCAB.lists["registration_numbers"]
# A server's word (`smtp_server`, `serveradresse`, `sunucu`): a row that connects to one holds the
# software's login, no person's. Each language file lists its own; the protocol words are in
# common.yaml (`connection_words`).
SERVER_WORDS: Final = _VOCAB.lists["server_words"]
# The network words of a row that connects to a server (`smtp_host`, `port`): no language's.
CONNECTION_WORDS: Final = _VOCAB.lists["connection_words"]
# A language's words that make a column's name a key or a number beside a noun (`cod_cliente`,
# `codigo_pais`, `member_no`, `pacjent_nr`): the noun names what the key picks. Each language
# file lists its own; the marks no language owns (`id`, `fk`, `uid`) are `key_marks` in common.yaml.
ID_WORDS: Final = _VOCAB.lists["id_words"]
# The marks of a key beside a noun (`id`, `fk`, `uid`, `ref`): no language's.
KEY_MARKS: Final = _VOCAB.lists["key_marks"]
# The words of a document's number (`numero_documento`, `document_number`, `num_doc`): an identity
# card's in a person's row, an invoice's in an invoice. Each language file lists its own.
DOCUMENT_NUMBERS: Final = _VOCAB.lists["document_numbers"]
# Words of a file a person sends (`uploadCV`): a record word only beside a time word. Each
# language file lists its own.
UPLOAD_WORDS: Final = _VOCAB.lists["upload_words"]
# A process (`processes`): a table named so alone is the software's; after another word often a
# person's (`nursingprocess`, `hiring_process`). Each language file lists its own.
PROCESS_WORDS: Final = _VOCAB.lists["process_words"]
# Words of a form a person fills in about themselves, whatever thing it names (`club-registration`,
# `team-invite`, `product-review`): with the transaction words, a form about a person. Each
# language file lists its own.
ENROLMENT_FORMS: Final = _VOCAB.lists["enrolment_forms"]
# What each language's word for a login session contains (`ses` in `sessions`, `sesje`, `sesiones`;
# `sitzung`, `oturum`, `munkamenet`): a cheap test before a table's name is split. Each
# language file lists its own.
SESSION_STEMS: Final = _VOCAB.lists["session_stems"]
# How a word that says when a login session ends begins (`expire_date`, `lifetime`, Polish
# `wygasa_at`): the session's own time, no act of a person's. Each language file lists its own.
SESSION_ENDS: Final = _VOCAB.lists["session_ends"]
# A language's short word for a code that makes a key's name standing apart from its noun
# (`cod_cliente`, `ref_cod_religiao`), never glued on. Each language file lists its own; the
# marks no language owns are `apart_key_marks` and `glued_key_marks` in common.yaml.
APART_KEY_WORDS: Final = _VOCAB.lists["apart_key_words"]
# The marks of a key's name standing apart from its target's (`paciente_id`, `ref_order`) and
# glued on too (`idalunno`): no language's.
APART_KEY_MARKS: Final = _VOCAB.lists["apart_key_marks"]
GLUED_KEY_MARKS: Final = _VOCAB.lists["glued_key_marks"]
# Counter words of a sum or a mark (`amount`, `score`): with COUNT_WORDS, a person's in their record.
TALLY_WORDS: Final = _VOCAB.lists["tally_words"]
# A role word (`users.role`): in a person's own row, their account's role.
ACCOUNT_ROLES: Final = _VOCAB.lists["account_roles"]
# Glue words of what is known about someone (`user_info`): with a person word, text about them.
ABOUT_WORDS: Final = _VOCAB.lists["about_words"]

# Bodies people belong to (`committee`, `kerk`, `dernek`): organisations as tables,
# a person's membership as a column of their row.
BODIES: Final = _VOCAB.lists["bodies"]
# Words of tables about organisations, not people (`companies`, `empresa`, `shop`).
ORG_TABLES: Final = _VOCAB.lists["org_tables"] | BODIES
# Tables of animals (`pets`, `mascotas`) and the columns that say a row is one (`breed`,
# `species`): no animal is a data subject, so its traits are no one's.
ANIMAL_TABLES: Final = _VOCAB.lists["animal_tables"]
ANIMAL_COLUMNS: Final = _VOCAB.lists["animal_columns"]
# Things a form names (`program`, `buffet`, `maquina`) besides the object, organisation,
# place and animal words: a name word beside one is the thing's.
NAMED_THINGS: Final = _VOCAB.lists["named_things"]
# Things a person's row may point at one to one (`avatar_id -> media`, `cart_id -> carts`):
# a row of one is a thing they have, never the rest of their row (CR27b F1).
HELD_THINGS: Final = _VOCAB.lists["held_things"]
# Words of a key that name who teaches or leads a group (`teacher_id`, `docente_id`), and
# of the things they give it (`lessons`, `horarios`): such a key there names the staff
# member who runs the row, not whom it is about (cls31c).
TEACHING_ROLES: Final = _VOCAB.lists["teaching_roles"]
TAUGHT_THINGS: Final = _VOCAB.lists["taught_things"]
# Tables of access tokens, and the columns that are a token's own there (`name`,
# `abilities`, `scopes`): its label and grants, no fact about its holder (cls31c).
TOKEN_TABLES: Final = _VOCAB.lists["token_tables"]
TOKEN_PARTS: Final = _VOCAB.lists["token_parts"]
# Tables of places (`docs_location`, `grr_site`): their contact details are the place's.
PLACE_TABLES: Final = _VOCAB.lists["place_tables"]
# Organisation words that mean something else in some languages (`firma`: a signature).
FALSE_FRIENDS: Final = _VOCAB.false_friends


def org_words(words: Collection[str], languages: Collection[str] | None) -> frozenset[str]:
    """The words that name an organisation in a schema written in `languages`."""
    found = frozenset(words) & ORG_TABLES
    if not languages:
        return found
    return frozenset(w for w in found if not FALSE_FRIENDS.get(w, frozenset()) & set(languages))


# Words for a kind (`type`, `tipos`, `soort`): a column's, a table name's first or last word.
KIND_WORDS: Final = _VOCAB.lists["kind_words"]
# Words of lookup and reference tables (`types`, `codes`, `lookup`, `tipo`).
LOOKUP_WORDS: Final = _VOCAB.lists["lookup_words"]
# First words of a table's name that say it lists entries (`dictionary_olympic_profiles`).
LIST_HEADS: Final = _VOCAB.lists["list_heads"]
# Units of an organisation in a table's name (`wydzial`, `setores`): the unit's rows.
ORG_UNITS: Final = _VOCAB.lists["org_units"]
# A person's works that have a title (`thesis_title`, `titre_lecon_inaug`): the title is the
# work's, no name of theirs (trial34).
PERSON_WORKS: Final = _VOCAB.lists["person_works"]
# Teams and units people work in (`equipe`, `squadra`, `unidade`), read beside a name or a
# register number in a column: `nome_equipe` is the team's name, no one's (cls34a).
WORK_UNITS: Final = _VOCAB.lists["work_units"]
# Words of columns that link a row to a person when they end in an id
# (`author_id`, `created_by` does not: it records who edited a thing).
LINK_WORDS: Final = _VOCAB.lists["link_words"]
# Columns of free text a person writes (`body`, `comment`, `note`, `observacao`).
FREE_TEXT: Final = _VOCAB.lists["free_text"]
# Words of a record's own life (`created`, `olusturma`): such a timestamp is technical.
RECORD_WORDS: Final = _VOCAB.lists["record_words"]
EXPIRY_WORDS: Final = _VOCAB.lists["expiry_words"]
# Flag words that are a person's own choice (`consent`, `zgoda`): such a flag is personal.
CONSENT_WORDS: Final = _VOCAB.lists["consent_words"]
# Words that name a person or a thing (`name`, `nome`, `ad`).
NAME_WORDS: Final = _VOCAB.lists["name_words"]
# Words of the columns of a list of values (`adi`, `descripcion`, `kod`); the words of a code
# (`code`, `codice`, `kod`) each language file lists its own.
CODE_WORDS: Final = _VOCAB.lists["code_words"]
LABEL_WORDS: Final = _VOCAB.lists["label_words"] | CODE_WORDS
# Words of a column that points at who made or handles a record (`creator_id`).
ACTOR_WORDS: Final = _VOCAB.lists["actor_words"]
# Words of who made a record or when: its maker, its own times (`created_by`, `operatore`).
MAKER_WORDS: Final = RECORD_WORDS | ACTOR_WORDS
# "By" (`created_by`, `creat_per`, `erstellt_von`): with a word of a record's life it names who changed it.
BY_WORDS: Final = _VOCAB.lists["by_words"]
# Tables of addresses (`addresses`, `enderecos`): each row is where someone lives.
ADDRESS_TABLES: Final = _VOCAB.lists["address_tables"]
ADDRESS_ABBREVIATIONS: Final = _VOCAB.lists["address_abbreviations"]
PEOPLE_RECORDS: Final = _VOCAB.lists["people_records"]
SPECIALITIES: Final = _VOCAB.lists["specialities"]
# Tables of what a person bought, paid or booked (`invoices`, `vendas`).
TRANSACTION_WORDS: Final = _VOCAB.lists["transaction_words"]
# Amounts of money (`valor`, `importe`, `total`).
MONEY_WORDS: Final = _VOCAB.lists["money_words"]
# Tables of money, a till or stock (`cajas`, `pagos`, `stok`): a patient's, never their care.
LEDGER_TABLES: Final = _VOCAB.lists["ledger_tables"]
# Tables of a price quoted or a discount granted (`orcamento`, `descuentos`): an offer of
# money, no care; unless the name also names the care offered (`OFFERED_CARE`: `procedimento`).
OFFER_TABLES: Final = _VOCAB.lists["offer_tables"]
OFFERED_CARE: Final = _VOCAB.lists["offered_care"]
# Column words that name or register a company (`bedrijfsnaam`, `cnpj`).
ORG_COLUMNS: Final = _VOCAB.lists["org_columns"]
# Those of them that name a company, not its number: after a kind (`energie_bedrijf`), a supplier.
COMPANY_NOUNS: Final = _VOCAB.lists["company_nouns"]
# Tables of what people did (`logs`, `sessions`, `login_attempts`).
ACTIVITY_TABLES: Final = _VOCAB.lists["activity_tables"]
# Tables that log acts as they happen (`audit_logs`, `sessions`): a row's creation is the act.
LOG_TABLES: Final = _VOCAB.lists["log_tables"]
# Words of a row's creation (`created`, `olusturma`), a subset of `RECORD_WORDS`.
CREATION_WORDS: Final = _VOCAB.lists["creation_words"]
# What the software does by itself (`sync`, `notification`): a log of it logs no person's act.
SOFTWARE_ACTS: Final = _VOCAB.lists["software_acts"]
# Address words that also mean a record's state (`state`, `estado`).
AMBIGUOUS_ADDRESS: Final = _VOCAB.lists["ambiguous_address"]
# Tables of care givers (a clinical application) and of its visits (care encounters).
CARE_GIVERS: Final = _VOCAB.lists["care_givers"]
# Who provides care, as a care record's key names them (`providerNo`); see `care_providers`.
CARE_PROVIDERS: Final = _VOCAB.lists["care_providers"]
VISIT_TABLES: Final = _VOCAB.lists["visit_tables"]
# Words of a record's life that date a step of a patient's care in their care record (`alta`).
CARE_EVENTS: Final = _VOCAB.lists["care_events"]
# Values a column declares (an enum's) that say what it holds, by category; those that say nothing.
DECLARED_VALUES: Final = _VOCAB.values
UNSTATED_VALUES: Final = _VOCAB.lists["unstated_values"]
# Words after `ip` that keep it an IP address (`ip_address`, `ip_v6`), not an abbreviation.
IP_TAILS: Final = _VOCAB.lists["ip_tails"]
# Table words of placeholder rows (`tbn_person`): no real person is behind them.
PLACEHOLDER_WORDS: Final = _VOCAB.lists["placeholder_words"]
# People who receive care (`paciente`, `hasta`): a row kept about one records their care.
PATIENT_WORDS: Final = _VOCAB.lists["patient_words"]
# People under a criminal sentence (`convicts`, `condannati`): their rows hold Art. 10 data, and
# a criminal case's number (`prosecutor_number`, `aktenzeichen`) there is such data.
SENTENCED_PEOPLE: Final = _VOCAB.lists["sentenced_people"]
CRIMINAL_CASES: Final = _VOCAB.lists["criminal_cases"]
CASE_REFERENCES: Final = _VOCAB.lists["case_references"]
# Words of a table of statistics (`stats`, `statistiques`): counts there are about no one.
STATISTICS_WORDS: Final = _VOCAB.lists["statistics_words"]
# Words of a table that translates another's rows (`symptom_translations`): the rows it
# translates are a catalogue's entries, shown in several languages, no one's record.
TRANSLATION_WORDS: Final = _VOCAB.lists["translation_words"]
# Words of vehicles (`vehicules`, `cotxes`): a registration number in such a table is theirs.
VEHICLE_WORDS: Final = _VOCAB.lists["vehicle_words"]
# A link's campaign parameters (`utm_content`): a campaign's, at most a person's behaviour.
CAMPAIGN_PARAMETERS: Final = _VOCAB.lists["campaign_parameters"]
# Administrative territories (`city`, `departement`): a register's code beside one is a place's.
TERRITORIES: Final = _VOCAB.lists["territories"]
# One bound of a range (`_from`, `bis`): a birth word's, in a rule, is no one's birth date.
RANGE_BOUNDS: Final = _VOCAB.lists["range_bounds"]
# A tree's parent row (`parent_id`, `id_padre`): a key to the row above, not a person.
TREE_WORDS: Final = _VOCAB.lists["tree_words"]
# Stems of a polymorphic `*_type` + `*_id` pair besides Rails' `-able` (`record_type`).
POLYMORPHIC_WORDS: Final = _VOCAB.lists["polymorphic_words"]
# Weak terms that name whatever the row is (`slug`): a person's only in their own row.
OBJECT_NAMES: Final = _VOCAB.lists["object_names"]
# Protocol words that make the client after them software (`oauth_clients`).
SOFTWARE_QUALIFIERS: Final = _VOCAB.lists["software_qualifiers"]
SOFTWARE_CLIENTS: Final = _VOCAB.lists["software_clients"]
# A record's own on/off state (`is_active`, `is_done`): not a patient's care.
STATE_FLAGS: Final = _VOCAB.lists["state_flags"]
# A row's own place, origin or progress (`is_main`, `is_imported`): the row's, no trait of its person.
ROW_FLAGS: Final = _VOCAB.lists["row_flags"]
# Steps of work on a row (`approval_status`, `sync_status`): a state named so is the row's.
WORKFLOW_WORDS: Final = _VOCAB.lists["workflow_words"]
# Where a row is shown among its siblings (`position`, `posicio`, `sequencia`): in a care
# record a whole number so named is the form's display order, not care.
DISPLAY_ORDER: Final = _VOCAB.lists["display_order"]
# Foods a bare yes/no may leave out by choice (`gluten BOOLEAN`): no condition by itself.
DIET_CHOICES: Final = _VOCAB.lists["diet_choices"]
# Words joining a head to what qualifies it (`Ort der Impfung`): a place of care is named so.
JOINING_WORDS: Final = _VOCAB.lists["joining_words"]
# State words a qualifier makes a fact of a person's own row (`odeme_durumu`).
STATE_WORDS: Final = _VOCAB.lists["state_words"]
# Level words a qualifier makes a fact of a person's row (`edu_level`, `nivel_dominio`).
LEVEL_WORDS: Final = _VOCAB.lists["level_words"]
# Words of a sign-in kept open: a time of one in a person's row is theirs (`remember_created_at`).
REMEMBER_WORDS: Final = _VOCAB.lists["remember_words"]
# Words of work before `post` (`job_posts`): a post there is a job to fill, not what someone wrote.
JOB_POST_WORDS: Final = _VOCAB.lists["job_post_words"]
# Enum values that name the software as who made a row (`enum('user', 'system')`).
SOFTWARE_ACTORS: Final = _VOCAB.lists["software_actors"]
# Kind words that start many a table's name in another sense (`art_students`): no list of kinds.
NOT_KIND_HEADS: Final = _VOCAB.lists["not_kind_heads"]
# What before a kind word makes a noun of its own (`fenotipo`, `genotype`): no list of kinds.
KIND_COMPOUNDS: Final = _VOCAB.lists["kind_compounds"]
# Words for a document: a kind of one in a person's row is theirs (`tipo_documento`).
DOCUMENT_WORDS: Final = _VOCAB.lists["document_words"]
# A person's own profile on the web (`facebook`, `site_perso`): no office's way to be reached.
PERSONAL_SITES: Final = _VOCAB.lists["personal_sites"]
# `sent_to`, `enviar_para`: a verb of sending and a direction, in text, name an address.
SEND_WORDS: Final = _VOCAB.lists["send_words"]
DIRECTION_WORDS: Final = _VOCAB.lists["direction_words"]
# Yes/no words of a person's payment state (`pagada`, `overdue`): financial in their row.
PAYMENT_STATES: Final = _VOCAB.lists["payment_states"]
# What a person picks for themselves (`theme`, `currency`): their setting in their own row.
OWN_SETTINGS: Final = _VOCAB.lists["own_settings"]
# Tables of one person's preferences (`user_prefs`): each fact in them is their setting.
SETTINGS_TABLES: Final = _VOCAB.lists["settings_tables"]
# Tables of an application's configuration (`parameters`, `config`): its contacts are its own.
CONFIG_TABLES: Final = _VOCAB.lists["config_tables"]
# Where a file is kept (`photo_filename`, `foto_link`): the photo it points at is still theirs.
STORAGE_WORDS: Final = _VOCAB.lists["storage_words"]
FILE_TABLES: Final = _VOCAB.lists["file_tables"]
FILE_PARTS: Final = _VOCAB.lists["file_parts"]
# A permission and a way of contacting make a consent to be contacted (`allow_contact`).
PERMISSION_WORDS: Final = _VOCAB.lists["permission_words"]
# Roles and permissions of an account (`role`, `rolle`, `uprawnienie`): a join of a person
# and one gives their account that role.
ACCESS_WORDS: Final = _VOCAB.lists["access_words"]
# Attendance and presence (`attendances`, `anwesenheit`, `czy_obecny`) and the state words of
# such a row (`status`): in one keyed to a person, whether they came.
ATTENDANCE_WORDS: Final = _VOCAB.lists["attendance_words"]
ATTENDANCE_STATES: Final = _VOCAB.lists["attendance_states"]
CONTACT_WORDS: Final = _VOCAB.lists["contact_words"]
# A way to reach a person (`sms`), and the words beside it that make a yes/no say whether they
# may be reached so (`flag_sms`, `rebre_sms`): a contact preference in their own row.
CONTACT_CHANNELS: Final = _VOCAB.lists["contact_channels"]
#: A flag word or a word of receiving: beside a contact channel, whether they may be reached so.
REACH_WORDS: Final = _VOCAB.lists["reach_flags"] | _VOCAB.lists["reach_words"]
#: Words of being told or sent something: a yes/no of them is a setting of the person's.
NOTICE_WORDS: Final = _VOCAB.lists["reach_words"] | _VOCAB.lists["notice_words"]
# The customer a multi-tenant schema partitions its data by (`tenant_id` in most tables).
TENANCY_WORDS: Final = _VOCAB.lists["tenancy_words"]
# A change log's copy of the record it logs (`object_changes`, `audited_changes`).
SNAPSHOT_WORDS: Final = _VOCAB.lists["snapshot_words"]
# Words of a cryptographic key or certificate: a fingerprint beside one is the key's (review37 D1).
KEY_WORDS: Final = _VOCAB.lists["key_words"]
# What a hash is a digest of when it opens nothing (`description_hash`, `hash_fitxer`).
DIGESTED: Final = _VOCAB.lists["digested"]
CREDENTIAL_TABLES: Final = _VOCAB.lists["credential_tables"]
# Tables of the software's own machinery (`cache_locks`, `user_tokens`): a role word there
# names a process or a service (a lock's owner, a token's driver), not a person.
MACHINERY_TABLES: Final = _VOCAB.lists["machinery_tables"]
# Tables of the application's user accounts (`users`, `benutzer`): a key to one beside a key to
# another people table says who used the application, not whom the row is about (review37 D6).
ACCOUNT_TABLES: Final = _VOCAB.lists["account_tables"]
# Tables of the software's jobs (`processes`, `delayed_jobs`): their times and progress are the job's.
JOB_TABLES: Final = _VOCAB.lists["job_tables"]
# Words for a login session of the software (`django_session`): its text id is a cookie.
SESSION_TABLES: Final = _VOCAB.lists["session_tables"]
# A date's parts in columns of their own (`day`, `month`, `year`), and tables of a person's
# dates (`contact_important_dates`): a date kept so there is a birthday or an anniversary.
DATE_PARTS: Final = _VOCAB.lists["date_parts"]
# Whom a message goes to or comes from (`recipient`, `mittente`): in a table of e-mails, their address.
MESSAGE_ROLES: Final = _VOCAB.lists["message_roles"]
DATE_TABLES: Final = _VOCAB.lists["date_tables"]
LEGAL_PERSON_WORDS: Final = _VOCAB.lists["legal_person_words"]
CONTRACT_PHRASES: Final = _VOCAB.lists["contract_phrases"]
LAST_WORDS: Final = _VOCAB.lists["last_words"]
BANK_ACCOUNTS: Final = _VOCAB.lists["bank_accounts"]
STANDARDS_BODIES: Final = _VOCAB.lists["standards_bodies"]
SESSION_WORDS: Final = _VOCAB.lists["session_words"]
SESSION_DATA: Final = _VOCAB.lists["session_data"]
VALUE_WORDS: Final = _VOCAB.lists["value_words"]
GLUED_TIMES: Final = _VOCAB.lists["glued_times"]
CLOSURE_WORDS: Final = _VOCAB.lists["closure_words"]
LOCK_WORDS: Final = _VOCAB.lists["lock_words"]
SOFTWARE_PARTS: Final = _VOCAB.lists["software_parts"]
SOFTWARE_PART_WORDS: Final = _VOCAB.lists["software_part_words"]
