"""The multilingual lexicon: words in identifiers and comments, and what they mean.

Everything is written normalised: lower case, accents folded (`data nascita`,
`szuletesi ido`, `дата рождения`), words separated by one space. Cyrillic words
are stems (`парол` matches `пароль`, `пароля`).

A *term* names a kind of personal data. Its strength says how much context it needs:

- `S` (strong): personal wherever it appears (`email`, `data_nascita`, `cpf`).
- `P` (person-context): personal only in a table about people (`users`, `pessoa`,
  `szulo`) or next to a word that names a person (`nome_mae`, `contact_name`):
  `name` of a product or `city` of a warehouse are not personal.

Other word lists say what a word rules out (ids, timestamps, flags, counters),
which tables are about people, about health, or about messages.
"""

from __future__ import annotations

from typing import Final


def _set(text: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(text.split())


# Categories whose value is often stored as a code or a foreign key to a lookup
# table (`genero_id`, `ref_cod_religiao`): there an id does not make it technical.
CODED: Final = frozenset(
    {
        "user.demographic.gender",
        "user.demographic.marital_status",
        "user.demographic.religious_belief",
        "user.demographic.race_ethnicity",
        "user.demographic.citizenship_or_immigration_status",
        "user.demographic.place_of_birth",
        "user.professional_information.job_title",
        "user.demographic.profile",
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
    "user.demographic.date_of_death": "a date of death",
    "user.demographic.gender": "gender or sex",
    "user.demographic.language": "a person's language",
    "user.demographic.marital_status": "marital status",
    "user.demographic.place_of_birth": "a place of birth",
    "user.demographic.political_opinion": "political opinions",
    "user.demographic.profile": "a personal profile",
    "user.demographic.race_ethnicity": "racial or ethnic origin",
    "user.demographic.religious_belief": "religion",
    "user.demographic.sexual_orientation": "sexual orientation",
    "user.demographic.union_membership": "trade-union membership",
    "user.device": "device data",
    "user.device.device_id": "a device identifier",
    "user.device.ip_address": "an IP address",
    "user.financial": "financial data",
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
    "user.name.first": "a first name",
    "user.name.last": "a last name",
    "user.professional_information.job_title": "a job title or occupation",
    "user.professional_information.workplace": "an employer or workplace",
    "user.professional_information": "professional information",
    "user.biometrics": "biometric data",
    "user.criminal_history": "criminal records",
    "user.unique_id": "a personal identifier",
}

# Some labels above are finer than fideslang: these map them back to real keys.
CATEGORY_KEYS: Final[dict[str, str]] = {
    "user.demographic.place_of_birth": "user.demographic",
    "user.demographic.date_of_death": "user.demographic",
}

# category -> {strength -> {language -> phrases}}; phrases separated by commas.
_TERMS: Final[dict[str, dict[str, dict[str, str]]]] = {
    "user.contact.email": {
        "S": {
            "en": "email, e mail, emailaddress, email address, mail address",
            "it": "posta elettronica, indirizzo email",
            "pt": "correio eletronico, endereco eletronico",
            "es": "correo electronico, correo",
            "fr": "courriel, adresse electronique, adresse mail",
            "de": "emailadresse, mailadresse",
            "hu": "emailcim, email cim",
            "ru": "электронн почт, емейл, эл почт",
            "tr": "eposta, e posta",
            "ca": "correu electronic, correu",
        },
        "P": {"en": "mail", "it": "pec", "fr": "mel", "ru": "почт"},
    },
    "user.contact.phone_number": {
        "S": {
            "en": "phone, telephone, phonenumber, tel, cellphone, msisdn, emergency number, "
            "mobile phone, mobile number, phone number",
            "it": "telefono, cellulare, numero telefono",
            "pt": "telefone, celular, ddd, fone",
            "es": "movil",
            "fr": "portable, tel port",
            "de": "telefon, handy, handynummer, mobilnummer, rufnummer, festnetz, telefonnummer",
            "hu": "telefonszam",
            "ru": "телефон, мобильн",
            "tr": "cep telefonu",
            "ca": "telefon",
        },
        "P": {
            "en": "mobile, cell, ext, extension",
            "it": "cell, recapito telefonico",
            "pt": "ramal",
            "fr": "gsm",
            "de": "mobil",
            "hu": "mobil",
            "tr": "cep",
        },
    },
    "user.contact.fax_number": {"S": {"en": "fax, faxnumber, fax number"}},
    "user.name": {
        "S": {
            "en": "fullname, full name, display name, displayname, realname, real name, "
            "preferred name, official name, middle name, maiden name, birth name, "
            "contact person, salutation",
            "it": "nome cognome, ragione sociale, referente",
            "pt": "pessoa contato, nome social",
            "es": "persona contacto",
            "fr": "civilite, nom prenom",
            "de": "ansprechpartner, anrede, vollstandiger name",
            "hu": "szuleteskori nev, anyja neve, viselt nev",
            "ru": "фио, отчеств",
            "tr": "ad soyad, adi soyadi",
        },
        "P": {
            "en": "name, title, initials, nick",
            "it": "nome, nominativo, nome completo",
            "pt": "nome, nm, nome completo",
            "es": "nombre, nomb, nombres, nombre completo",
            "fr": "nom, nom complet",
            "de": "name",
            "hu": "nev, titulus, elotag",
            "ru": "имя, имени",
            "tr": "ad, adi, isim",
            "ca": "nom",
        },
    },
    "user.name.first": {
        "S": {
            "en": "firstname, first name, forename, given name, givenname, fname",
            "pt": "prenome, primeiro nome",
            "es": "primer nombre",
            "fr": "prenom",
            "de": "vorname",
            "hu": "utonev, keresztnev",
        },
    },
    "user.name.last": {
        "S": {
            "en": "lastname, last name, surname, family name, familyname, lname",
            "it": "cognome",
            "pt": "sobrenome, apelido",
            "es": "apellido, apellidos, apell",
            "fr": "nom famille, nom de famille, patronyme",
            "de": "nachname, familienname, zuname",
            "hu": "csaladinev, vezeteknev, csaladi nev",
            "ru": "фамил",
            "tr": "soyad, soyadi",
            "ca": "cognom",
        },
    },
    "user.account.username": {
        "S": {
            "en": "username, user name, nickname, screen name, screenname, user login, userlogin",
            "fr": "pseudo, identifiant connexion",
            "de": "benutzername, nutzername",
            "hu": "felhasznalonev, felhasznalo nev",
            "ru": "логин, никнейм",
            "tr": "kullanici adi",
        },
        "P": {
            "en": "login, slug, handle, account, user account, userid",
            "pt": "login externo",
        },
    },
    "user.authorization.password": {
        "S": {
            "en": "password, passwd, pwd, password hash, passphrase",
            "it": "parola chiave",
            "pt": "senha",
            "es": "contrasena, pasw, clave acceso",
            "fr": "mot de passe, motdepasse",
            "de": "passwort, kennwort",
            "hu": "jelszo",
            "ru": "парол",
            "tr": "sifre, parola",
            "ca": "contrasenya",
        },
        "P": {"en": "pw", "fr": "mdp"},
    },
    "user.contact.address": {
        "S": {
            "en": "home address, postal address, mailing address, residential address, "
            "street address",
            "it": "indirizzo residenza",
            "pt": "endereco residencial",
            "es": "direccion residencia",
            "fr": "adresse postale",
            "de": "wohnadresse, wohnanschrift",
            "hu": "lakcim",
            "ru": "адрес проживан",
        },
        "P": {
            "en": "address, addr, residence",
            "it": "indirizzo, residenza, domicilio",
            "pt": "endereco, bairro, residencia",
            "es": "direccion, barrio, domicilio",
            "fr": "adresse, adr, domicile",
            "de": "adresse, anschrift, wohnort",
            "hu": "cim, lakhely, tartozkodasi hely",
            "ru": "адрес",
            "tr": "adres",
            "ca": "adreca",
        },
    },
    "user.contact.address.street": {
        "P": {
            "en": "street, house number",
            "it": "via, civico",
            "pt": "logradouro, rua, numero casa",
            "es": "calle",
            "fr": "rue",
            "de": "strasse, hausnummer, hausnr",
            "hu": "kozterulet, kozterulet nev, hazszam, emelet, ajto, utca",
            "ru": "улиц",
            "tr": "sokak, cadde",
        },
    },
    "user.contact.address.city": {
        "P": {
            "en": "city, town, municipality",
            "it": "citta, comune, localita",
            "pt": "cidade, municipio, mun",
            "es": "ciudad, municipio, muni, localidad",
            "fr": "ville, commune, localite",
            "de": "stadt, ort",
            "hu": "helyseg, varos, telepules",
            "ru": "город, населенн пункт",
            "tr": "sehir",
            "ca": "ciutat",
        },
    },
    "user.contact.address.postal_code": {
        "S": {
            "en": "zipcode, zip code, postcode, postal code, post code",
            "it": "codice postale",
            "pt": "codigo postal",
            "es": "codigo postal",
            "fr": "code postal",
            "de": "postleitzahl",
            "hu": "iranyitoszam",
            "ru": "почтов индекс",
            "tr": "posta kodu",
            "ca": "codi postal",
        },
        "P": {
            "en": "zip",
            "it": "cap",
            "pt": "cep",
            "es": "cp",
            "fr": "cp",
            "de": "plz",
            "hu": "irsz, irszam",
            "ru": "индекс",
        },
    },
    "user.contact.address.state": {
        "P": {
            "en": "province, county",
            "it": "provincia, regione",
            "pt": "uf",
            "es": "provincia, departamento, dpto",
            "fr": "departement, region",
            "de": "bundesland",
            "hu": "megye",
            "ru": "област, регион",
            "tr": "ilce",
        },
    },
    "user.contact.address.country": {
        "P": {
            "en": "country",
            "it": "nazione, paese, stato residenza",
            "pt": "pais",
            "es": "pais",
            "fr": "pays",
            "de": "land",
            "hu": "orszag",
            "ru": "стран",
            "tr": "ulke",
        },
    },
    "user.contact.social_url": {
        "P": {
            "en": "website, homepage, url, web, twitter, github, facebook, linkedin, instagram, "
            "skype, blog",
            "it": "sito web, sito",
            "pt": "site",
            "es": "sitio web",
            "fr": "site web",
        },
    },
    "user.contact": {
        "P": {
            "en": "contact, relationship, relation",
            "it": "contatto, recapito",
            "pt": "contato, parentesco",
            "es": "contacto, parentesco",
            "fr": "contact, lien parente",
            "de": "kontakt",
            "hu": "elerhetoseg",
            "ru": "контакт",
        },
    },
    "user.demographic.date_of_birth": {
        "S": {
            "en": "dob, birthdate, birth date, date of birth, birthday, birth, birth year, "
            "year of birth, born",
            "it": "data nascita, data di nascita, nascita, anno nascita, compleanno",
            "pt": "data nascimento, data nasc, nascimento, dt nasc, aniversario",
            "es": "fecha nacimiento, fecha nac, nacimiento, nacim, cumpleanos",
            "fr": "date naissance, date de naissance, naissance, anniversaire",
            "de": "geburtsdatum, geb datum, gebdatum, geburtstag, geburt, geburtsjahr",
            "hu": "szuletesi, szuletesi ido, szuletesi datum, szuletes, szulido, szuletesnap",
            "ru": "рожден",
            "tr": "dogum tarihi, dogum",
            "ca": "naixement, data naixement",
        },
    },
    "user.demographic.date_of_death": {
        "S": {
            "en": "dod, death, deathtime, date of death, death date, deceased",
            "it": "decesso, data decesso, data morte",
            "pt": "obito, data obito, falecido, falecimento",
            "es": "defuncion, fallecido, fallecimiento",
            "fr": "deces, date deces",
            "de": "sterbedatum, todesdatum, verstorben",
            "hu": "halalozas, elhunyt",
            "ru": "смерт",
        },
    },
    "user.demographic.place_of_birth": {
        "S": {
            "en": "place of birth, birth place, birthplace, country of birth, birth country, "
            "city of birth, country of origin",
            "it": "luogo nascita, luogo di nascita, comune nascita, citta nascita, "
            "provincia nascita, nazione nascita",
            "pt": "local nascimento, municipio nascimento, mun nascimento, cidade nascimento, "
            "naturalidade",
            "es": "lugar nacimiento, lugar de nacimiento, pais nacimiento",
            "fr": "lieu naissance, lieu de naissance, ville naissance, pays naissance",
            "de": "geburtsort, geb ort, geburtsland",
            "hu": "szuletesi hely, szuletesi orszag",
            "ru": "место рожден",
            "tr": "dogum yeri",
            "ca": "lloc naixement",
        },
    },
    "user.demographic.age_range": {
        "P": {
            "en": "age",
            "it": "eta",
            "pt": "idade",
            "es": "edad",
            "fr": "age",
            "de": "alter",
            "hu": "eletkor, kor",
            "ru": "возраст",
            "tr": "yas",
            "ca": "edat",
        },
    },
    "user.demographic.gender": {
        "S": {
            "en": "gender, sex",
            "it": "sesso",
            "pt": "sexo",
            "es": "sexo",
            "fr": "sexe",
            "de": "geschlecht",
            "tr": "cinsiyet",
            "ca": "sexe, genere",
        },
        "P": {
            "it": "genere",
            "pt": "genero",
            "es": "genero",
            "fr": "genre",
            "hu": "nem",
            "ru": "пол",
        },
    },
    "user.demographic.marital_status": {
        "S": {
            "en": "marital status, marital, civil status, marriage, wedding",
            "it": "stato civile",
            "pt": "estado civil, uniao, casamento, eciv",
            "es": "estado civil, matrimonio",
            "fr": "etat civil, situation familiale, situation matrimoniale, mariage",
            "de": "familienstand",
            "hu": "csaladi allapot",
            "ru": "семейн положен",
            "tr": "medeni hal, medeni durum",
            "ca": "estat civil",
        },
    },
    "user.demographic.race_ethnicity": {
        "S": {
            "en": "ethnicity, ethnic, ethnic origin, race ethnicity",
            "it": "etnia, razza",
            "pt": "raca, etnia, cor raca",
            "es": "raza, etnia",
            "fr": "ethnie, origine ethnique",
            "hu": "etnikum, nemzetiseg",
            "ru": "национальност",
        },
        "P": {"en": "race"},
    },
    "user.demographic.religious_belief": {
        "S": {
            "en": "religion, religious, faith, denomination",
            "it": "religione",
            "pt": "religiao",
            "es": "religion",
            "fr": "religion, confession",
            "de": "religion, konfession, religionszugehorigkeit",
            "hu": "vallas, felekezet",
            "ru": "вероисповедан, религи",
            "tr": "din",
        },
    },
    "user.demographic.political_opinion": {
        "S": {
            "en": "political, political party, party affiliation",
            "it": "partito politico",
            "es": "partido politico",
        },
    },
    "user.demographic.sexual_orientation": {
        "S": {
            "en": "sexual orientation, sexuality",
            "it": "orientamento sessuale",
            "pt": "orientacao sexual",
            "es": "orientacion sexual",
        },
    },
    "user.demographic.union_membership": {
        "S": {
            "en": "trade union, union membership",
            "de": "gewerkschaft",
            "hu": "szakszervezet",
            "it": "sindacato",
            "es": "sindicato",
            "pt": "sindicato",
        },
    },
    "user.demographic.citizenship_or_immigration_status": {
        "S": {
            "en": "nationality, citizenship, immigration, foreigner",
            "it": "nazionalita, cittadinanza",
            "pt": "nacionalidade, cidadania, estrangeiro",
            "es": "nacionalidad, ciudadania, extranjero",
            "fr": "nationalite, citoyennete",
            "de": "staatsangehorigkeit, nationalitat",
            "hu": "allampolgarsag",
            "ru": "гражданств",
            "tr": "uyruk",
        },
    },
    "user.demographic.language": {
        "P": {
            "en": "language, mother tongue",
            "it": "lingua",
            "pt": "idioma, lingua",
            "es": "idioma, lengua",
            "fr": "langue",
            "de": "sprache, muttersprache",
            "hu": "nyelv, anyanyelv",
            "ru": "язык",
            "tr": "dil",
        },
    },
    "user.demographic.profile": {
        "S": {
            "en": "biography, bio, about me, personal background, aboutme, education level, "
            "previous school, last school",
            "it": "titolo studio, titolo di studio",
            "pt": "escolaridade, grau instrucao, esco",
            "es": "nivel educativo, escolaridad",
            "fr": "niveau etude, niveau d etudes",
            "hu": "szocialis helyzet, iskolai vegzettseg, elozo iskola",
            "de": "uber mich, schulabschluss",
            "ru": "образован",
        },
        "P": {
            "en": "school, education",
            "it": "scuola",
            "pt": "escola",
            "es": "escuela",
            "fr": "ecole",
            "de": "schule",
            "hu": "iskola",
        },
    },
    "user.government_id.national_identification_number": {
        "S": {
            "en": "ssn, social security, social security number, national id, nationalid, "
            "tax id, taxid, tax number, tin, national insurance, nino",
            "it": "codice fiscale, codfisc, cod fiscale",
            "pt": "cpf, cpf cnpj, rg, nis, pis, pasep, nis pis pasep, ctps, titulo eleitor",
            "es": "cedula, dni, nif, nie, curp, rut, cuit, numero documento, documento identidad",
            "fr": "numero securite sociale, securite sociale, nir, numero secu, insee",
            "de": "steuer id, steuerid, steuernummer, sozialversicherungsnummer, "
            "personalausweis, ausweisnummer",
            "hu": "adoazonosito, ado azonosito, szemelyi igazolvany, szemelyi szam, "
            "szemelyi igazolvany szam, szemelyiszam",
            "ru": "снилс, инн",
            "tr": "tc kimlik, kimlik no, tckn, vergi no",
            "ca": "nif, dni",
        },
        "P": {"it": "cf", "es": "doc, documento", "pt": "documento", "fr": "numero national"},
    },
    "user.government_id": {
        "S": {
            "en": "id card, identity card, identity number",
            "it": "partita iva, piva, p iva, carta identita",
            "pt": "carteira identidade, carteira trabalho, cart trabalho",
            "hu": "igazolvany, diakigazolvany",
        },
        "P": {"en": "vat, vat number", "pt": "cnpj"},
    },
    "user.government_id.passport_number": {
        "S": {
            "en": "passport",
            "it": "passaporto",
            "pt": "passaporte",
            "es": "pasaporte",
            "fr": "passeport",
            "de": "reisepass",
            "hu": "utlevel",
            "ru": "паспорт",
            "tr": "pasaport",
        },
    },
    "user.government_id.drivers_license_number": {
        "S": {
            "en": "drivers license, driver license, driving licence, driving license",
            "pt": "cnh",
            "es": "licencia conducir",
            "fr": "permis conduire",
            "de": "fuhrerschein",
            "hu": "jogositvany",
            "it": "patente guida",
        },
    },
    "user.government_id.vehicle_registration": {
        "S": {
            "en": "vehicle registration, license plate, licence plate, number plate",
            "it": "targa",
            "hu": "rendszam",
        },
    },
    "user.government_id.birth_certificate": {
        "S": {
            "en": "birth certificate",
            "it": "certificato nascita",
            "pt": "certidao nascimento",
            "es": "partida nacimiento",
        },
    },
    "user.government_id.immigration": {
        "S": {
            "en": "residence permit, visa number",
            "it": "permesso soggiorno",
            "hu": "tartozkodasi okirat",
        },
    },
    "user.health.insurance_beneficiary_id": {
        "S": {
            "en": "medicare, nhs number, health insurance, insurance number, mrn",
            "it": "tessera sanitaria",
            "pt": "cartao sus",
            "hu": "taj, taj szam",
            "de": "krankenversicherung, versichertennummer",
            "fr": "carte vitale",
        },
        "P": {"pt": "sus", "en": "insurance"},
    },
    "user.health": {
        "S": {
            "en": "health, medical, diagnosis, allergy, allergies, disability, handicap, "
            "illness, disease, symptom, symptoms, blood type, blood group, vaccination, "
            "vaccine, pregnancy, pregnant, psychological, psychiatric, mental health, "
            "therapy, bmi, chronic",
            "it": "salute, allergia, allergie, malattia, disabilita, diagnosi, sanitario, "
            "gruppo sanguigno, intolleranze",
            "pt": "saude, alergia, doenca, deficiencia, diagnostico, tipo sanguineo, sangue, "
            "psicologico, medico psicologico",
            "es": "salud, alergia, enfermedad, discapacidad, diagnostico, grupo sanguineo",
            "fr": "sante, allergie, maladie, handicap, diagnostic, groupe sanguin",
            "de": "gesundheit, allergie, krankheit, behinderung, diagnose, blutgruppe",
            "hu": "egeszseg, allergia, betegseg, fogyatekossag, fogyatekos",
            "ru": "здоров, аллерг, болезн, инвалидн, диагноз",
            "tr": "saglik, alerji, engel",
        },
        "P": {"en": "discharge", "pt": "medica", "es": "medica", "it": "medico"},
    },
    "user.health.medications": {
        "S": {
            "en": "medication, medications, medicine, prescription, drug allergy",
            "it": "farmaco, farmaci",
            "pt": "medicamento, medicacao",
            "es": "medicamento, medicacion",
            "fr": "medicament, traitement medical",
            "de": "medikament, medikamente",
            "hu": "gyogyszer",
            "ru": "лекарств",
        },
    },
    "user.financial.bank_account": {
        "S": {
            "en": "iban, bank account, account number, bank details, sort code, routing number",
            "it": "conto corrente, codice iban, coordinate bancarie, appoggio bancario",
            "pt": "conta bancaria, conta corrente, agencia conta",
            "es": "cuenta bancaria, numero cuenta, cuenta corriente",
            "fr": "rib, compte bancaire, coordonnees bancaires",
            "de": "bankverbindung, kontonummer, bankkonto",
            "hu": "bankszamla, szamlaszam, bankszamlaszam",
            "ru": "расчетн счет, банковск",
        },
        "P": {"it": "bancario, banca", "en": "bank", "de": "bank", "pt": "banco"},
    },
    "user.financial.credit_card": {
        "S": {
            "en": "credit card, card number, cardnumber, cc number, cvv, cvc, card expiry",
            "it": "carta credito",
            "pt": "cartao credito",
            "es": "tarjeta credito",
            "fr": "carte bancaire, carte credit",
            "de": "kreditkarte",
            "hu": "bankkartya",
        },
    },
    "user.financial": {
        "S": {
            "en": "income, salary, monthly income, wage",
            "it": "reddito, stipendio",
            "pt": "renda mensal, salario, renda familiar",
            "es": "salario, ingresos",
            "fr": "salaire, revenu",
            "de": "gehalt, einkommen",
            "hu": "fizetes, jovedelem",
            "ru": "зарплат, доход",
        },
        "P": {"pt": "renda"},
    },
    "user.device.ip_address": {
        "S": {
            "en": "ip, ip address, ipaddress, ip addr, ipaddr, remote addr, remote ip, "
            "client ip, ipv4, ipv6, last ip"
        },
    },
    "user.device": {
        "S": {
            "en": "user agent, useragent, mac address, imei, device name, browser, "
            "device fingerprint, browser fingerprint"
        },
    },
    "user.device.device_id": {
        "S": {"en": "gcm, apns, push token, idfa, advertising id, fcm"},
    },
    "user.location.precise": {
        "S": {"en": "geolocation, gps, geo location"},
        "P": {
            "en": "lat, lon, lng, geo, latitude, longitude, coordinates",
            "es": "latitud, longitud",
        },
    },
    "user.location": {
        "P": {
            "en": "location, area",
            "it": "posizione",
            "pt": "localizacao",
            "es": "ubicacion",
            "fr": "localisation",
            "de": "standort",
        },
    },
    "user.content.self_image": {
        "S": {
            "en": "avatar, selfie, profile picture, profile photo, profile image",
            "ru": "аватар",
        },
        "P": {
            "en": "photo, picture, image, img, portrait",
            "it": "foto, immagine",
            "pt": "foto, imagem",
            "es": "foto, imagen",
            "fr": "photo, image",
            "de": "foto, bild",
            "hu": "foto, kep, fenykep",
            "ru": "фото",
        },
    },
    "user.content.public": {
        "S": {"en": "status text, status message", "ru": "текст статус"},
    },
    "user.content.private": {
        "P": {"en": "signature", "it": "firma", "pt": "assinatura", "es": "firma"},
    },
    "user.professional_information.job_title": {
        "S": {
            "en": "job title, jobtitle, job position",
            "it": "qualifica professionale",
            "de": "berufsbezeichnung",
        },
        "P": {
            "en": "profession, occupation, position, job, role title, qualification, "
            "qualifications",
            "it": "professione, mansione, qualifica, occupazione",
            "pt": "profissao, ocupacao, ocup, cargo",
            "es": "profesion, ocupacion, cargo",
            "fr": "profession, metier, poste, fonction",
            "de": "beruf, position, tatigkeit",
            "hu": "foglalkozas, beosztas, munkakor",
            "ru": "должност, професс",
            "tr": "meslek",
        },
    },
    "user.professional_information.workplace": {
        "P": {
            "en": "employer, workplace, company, organisation, organization",
            "it": "datore lavoro, azienda",
            "pt": "empresa, local trabalho, trabalho",
            "es": "empresa, empleador, lugar trabajo",
            "fr": "employeur, entreprise",
            "de": "arbeitgeber, firma",
            "hu": "munkahely",
            "ru": "мест работ",
        },
    },
    "user.biometrics": {
        "S": {"en": "fingerprint, biometric, biometrics, face template, voiceprint"},
    },
    "user.criminal_history": {
        "S": {
            "en": "criminal record, conviction, convictions",
            "it": "casellario giudiziale",
            "de": "fuhrungszeugnis",
            "hu": "erkolcsi bizonyitvany",
        },
    },
}


def _terms() -> dict[tuple[str, ...], tuple[str, str, str]]:
    """Phrase (a tuple of words) -> (category, strength, language)."""
    out: dict[tuple[str, ...], tuple[str, str, str]] = {}
    for category, strengths in _TERMS.items():
        for strength in ("S", "P"):  # a strong entry wins over a weak one for the same words
            for lang, phrases in strengths.get(strength, {}).items():
                for phrase in phrases.split(","):
                    words = tuple(phrase.split())
                    if words and words not in out:
                        out[words] = (category, strength, lang)
    return out


TERMS: Final = _terms()

# Words that make a column technical rather than personal, by kind.
NEGATORS: Final[dict[str, str]] = {
    **dict.fromkeys(_set("id ids pk fk uuid guid gid oid ref key keys idx fid uid"), "identifier"),
    **dict.fromkeys(
        _set(
            "date time ts at timestamp datetime dt data fecha datum ido hora horario heure zeit "
            "created updated modified deleted since until expires expiry expiration seen "
            "day month year anno ano jahr ev nap dia jour"
        ),
        "timestamp",
    ),
    **dict.fromkeys(
        _set(
            "is has can show hide hidden visible allow allowed enabled disabled active activo "
            "ativo aktiv attivo locked verified confirmed confirm validated valid want flag "
            "opt optin optout send sent receive notify notification notifications consent "
            "newsletter force reset change subscribe subscribed accept accepted agree agreed "
            "banned blocked lock deactivated view required mandatory obligatorio obbligatorio"
        ),
        "flag",
    ),
    **dict.fromkeys(
        _set(
            "count cnt counter total sum qty amount rating score karma points rank stat stats "
            "priority size length width views hits clicks attempts"
        ),
        "counter",
    ),
    **dict.fromkeys(
        _set(
            "type kind tipo typ tipus status statut statusz stato situacao mode format version "
            "seq sequence order ordering level nivel role rolle group grupo perm perms privs "
            "permission permissions token tokens salt secret otp mfa 2fa nonce session sesion "
            "ticket cache config setting settings preference preferences option options "
            "template tpl theme style color colour css class icon path file filename mime "
            "unit uom units itemid category categoria provider state estado template"
        ),
        "technical",
    ),
}

# Flag words that only rule a column out when its type is boolean or numeric
# (`photo_public TINYINT` is a flag, `about_me_public TEXT` is text).
FLAG_IF_NUMERIC: Final = _set("public private publico privado privat")

# Words in a table name that make it a table about people.
PERSON_TABLES: Final = _set(
    # en
    "user users person persons people customer customers client clients member members "
    "employee employees staff student students pupil pupils patient patients contact "
    "contacts account accounts profile profiles teacher teachers parent parents guardian "
    "guardians applicant applicants candidate candidates subscriber subscribers author "
    "authors editor editors volunteer volunteers guest guests visitor visitors driver "
    "drivers passenger passengers owner owners tenant tenants buyer buyers citizen "
    "citizens resident residents respondent respondents participant participants "
    "admission admissions artist artists actor actors recipient recipients foodsaver "
    "foodsavers family families individual individuals device devices "
    # it
    "utente utenti persona persone cliente anagrafica anagrafiche referente referenti "
    "dipendente dipendenti studente studenti alunno alunni socio soci paziente pazienti "
    "tecnico tecnici contatti "
    # pt
    "pessoa pessoas fisica usuario usuarios aluno alunos servidor servidores responsavel "
    "funcionario funcionarios professor professores pes "
    # es
    "ciudadano ciudadanos usuaria empleado empleados alumno alumnos paciente pacientes "
    "pensionado pensionados remitente remitentes contacto contactos "
    # fr
    "utilisateur utilisateurs personne personnes eleve eleves responsable responsables "
    "resp pers professeur professeurs salarie salaries adherent adherents "
    # de
    "benutzer nutzer kunde kunden mitglied mitglieder mitarbeiter person personen "
    "schuler lehrer teilnehmer "
    # hu
    "szemely szemelyek diak diakok tanar tanarok szulo szulok felhasznalo felhasznalok "
    "ugyfel ugyfelek dolgozo dolgozok tanulo tanulok "
    # tr, ca, ru (transliterated table names)
    "kullanici kullanicilar musteri ogrenci usuari usuaris alumne alumnes"
)

# Last words of a table name that keep it about people when a person word comes
# earlier (`user_profiles`, `gibbonPersonUpdate`, `resp_adr`); any other last word
# makes it about a thing (`user_groups`, `gibbonStaffDuty`, `editor_collection`).
PERSON_SUFFIXES: Final = _set(
    "contact contacts profile profiles address addresses adr addr endereco enderecos "
    "direccion direcciones indirizzo indirizzi adresse adressen cim info infos "
    "information detail details data dados datos dati donnees update updates archive "
    "archives history directory identity identities threepid threepids phone phones "
    "fone fones telefone telefones email emails mail application applications form "
    "registration registrations medical personal privat private"
)

# Words in a column name that name a person, so a weak term next to them is personal
# (`nome_mae`, `contact_name`, `sgd_ciu_nombre`, `usua_nomb`, `emergency1Name`).
QUALIFIERS: Final = _set(
    "user customer client contact emergency mother father spouse parent guardian "
    "patient student employee owner sender recipient applicant member person personal "
    "home billing shipping delivery payment private holder cardholder guest "
    "mae pai conjuge responsavel resp contato pessoa aluno "
    "madre padre conyuge ciu ciudadano usua usu usuario contacto "
    "madre padre coniuge referente utente cliente "
    "mere pere conjoint eleve "
    "mutter vater ehepartner kunde benutzer "
    "anya apa szulo diak gondviselo magan"
)

# Words in a table name that make it a table of health records: there every
# column that is not technical holds health data (`prescriptions.route`).
HEALTH_TABLES: Final = _set(
    "medical medication medications prescription prescriptions pharmacy diagnosis "
    "diagnoses diagnosis_icd allergy allergies vaccination vaccinations immunization "
    "immunizations health clinical microbiology microbiologyevents labevents chartevents "
    "icu icustays emar drg drgcodes hcpcsevents illness disease patient_condition "
    "medica medico saude salud sante gesundheit egeszseg sanitaria sanitario firstaid "
    "symptom symptoms treatment treatments therapy procedure procedures procedureevents"
)
HEALTH_TABLE_PHRASES: Final = frozenset({("first", "aid"), ("ficha", "medica")})

# Tables of messages: their text columns are private communications.
MESSAGE_TABLES: Final = _set(
    "message messages msg msgs mail mails conversation conversations chat chats dm inbox "
    "mensagem mensagens mensaje mensajes messaggio messaggi nachricht nachrichten uzenet "
    "uzenetek"
)
# Tables of what people publish: their text columns are content by a person.
POST_TABLES: Final = _set(
    "post posts comment comments statuses review reviews wallpost wallposts tweet "
    "tweets reply replies"
)
MESSAGE_COLUMNS: Final = _set(
    "content body text message msg subject corpo testo cuerpo texte inhalt"
)

# Column words of generic objects: with them a weak term is about a thing
# (`file name`, `имя файла`, `nome_grupo`).
OBJECT_WORDS: Final = _set(
    "file product item category tag page group grupo gruppo menu widget template module "
    "plugin room server host domain bucket queue table column index file файл файла "
    "группы группа страниц шаблон модул виджет"
)

# Extra words that help split glued identifiers (`codiceiban`, `sitoweb`,
# `charttime`) but mean nothing by themselves.
GLUE_WORDS: Final = _set(
    "first last strong alternate primary secondary current new old other main "
    "code codice codigo cod codi num number no nr numero szam display preferred official "
    "store enter chart start end begin link order item line info detail details short "
    "long full web sito appoggio idpes mun pes prefix suffix short lang "
    "residence fixo fijo celular ultima ultimo proxima in of de di da do du del "
    "my your his her per hrs hours fail rovid value"
)
