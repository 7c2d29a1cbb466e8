"""Keys a schema names but does not declare: `paciente_id` beside a `pacientes` table."""

from __future__ import annotations

from cnsnt.classify import classify_tables
from cnsnt.classify.implied import with_implied_keys
from cnsnt.evidence import ForeignKey, Table
from tests.unit.schema_entry import typed_table


def _table(name: str, *columns: str, keys: tuple[ForeignKey, ...] = (), primary: str = "id") -> Table:
    """A table of INT columns."""
    return typed_table(name, [(c, "INT") for c in columns], keys, (primary,))


def _implied(tables: list[Table]) -> dict[tuple[str, str], str]:
    return {
        (t.name, k.columns[0]): k.ref_table
        for t in with_implied_keys(tables)
        for k in t.foreign_keys
        if k.implied
    }


def test_a_key_named_after_a_table_points_at_it() -> None:
    tables = [
        _table("pacientes", "id", "nombre"),
        _table("tbl_alunni", "idalunno", "cognome", primary="idalunno"),
        _table("users", "id", "email"),
        _table("account_users", "id", "user_id", "account_id"),
        _table("visitas", "id", "paciente_id", "id_alunno", "PATIENTID", "userId", "valid"),
    ]
    got = _implied(tables)
    assert got[("visitas", "paciente_id")] == "pacientes"  # plural
    assert got[("visitas", "id_alunno")] == "tbl_alunni"  # a prefix and a shared stem
    assert got[("visitas", "userId")] == "users"  # the table named so in full wins
    assert got[("account_users", "user_id")] == "users"
    assert ("visitas", "valid") not in got  # a word, not a key
    assert ("visitas", "PATIENTID") not in got  # no table of patients


def test_a_declared_key_and_a_tables_own_key_imply_nothing() -> None:
    declared = ForeignKey(("user_id",), "accounts")
    tables = [
        _table("users", "id"),
        _table("accounts", "id"),
        _table("posts", "id", "user_id", keys=(declared,)),
    ]
    assert _implied(tables) == {}
    own = [_table("users", "user_id", primary="user_id"), _table("user", "id")]
    assert ("users", "user_id") not in _implied(own)


def test_an_ambiguous_name_implies_nothing() -> None:
    tables = [_table("app_clients", "id"), _table("crm_clients", "id"), _table("calls", "id", "client_id")]
    assert _implied(tables) == {}


def test_an_implied_key_links_rows_to_people_and_says_so() -> None:
    members = _keyed("socios", ("id", "INT"), ("nombre", "VARCHAR(40)"), ("apellidos", "VARCHAR(80)"))
    fees = _keyed("cuotas_cobradas", ("id", "INT"), ("socio_id", "INT"), ("observaciones", "TEXT"))
    got = classify_tables([members, fees])
    assert got["cuotas_cobradas.observaciones"].personal
    assert "(by its name)" in got["cuotas_cobradas.observaciones"].reasons[0]


def test_a_shared_stem_is_found_among_many_tables_sharing_a_prefix() -> None:
    """`id_alunno` finds `tbl_alunni` past `alunni_voti` and its kin; a longer word is no stem of it."""
    decoys = [_table(f"alunni_{suffix}", "id") for suffix in ("voti", "assenze", "note", "classi")]
    tables = [
        _table("tbl_alunni", "idalunno", primary="idalunno"),
        *decoys,
        _table("registro", "id", "id_alunno", "alunnato_id"),
    ]
    got = _implied(tables)
    assert got[("registro", "id_alunno")] == "tbl_alunni"
    assert ("registro", "alunnato_id") not in got


def test_a_name_many_tables_end_with_implies_nothing_unless_one_is_named_so_in_full() -> None:
    """`type_id` beside `order_type` and `user_type`: ambiguous; a table named `types` settles it."""
    tables = [
        _table("order_type", "id", "type_id"),
        _table("user_type", "id", "type_id"),
        _table("item", "id", "type_id"),
    ]
    assert ("item", "type_id") not in _implied(tables)
    got = _implied([*tables, _table("types", "id")])
    assert got[("item", "type_id")] == "types"
    assert got[("order_type", "type_id")] == "types"
    # a table's own name never makes a key to itself, even when it is the only one
    assert ("types", "type_id") not in _implied([_table("types", "id", "type_id")])


def test_numbers_codes_parents_and_words_imply_no_key() -> None:
    """`card_nr`, `tax_code`, `identity`, `parent_id` beside `cards`, `taxes`, `entities`, `parents`."""
    tables = [
        _table("cards", "id"),
        _table("taxes", "id"),
        _table("entities", "id"),
        _table("parents", "id"),
        _table("customers", "id", "card_nr", "tax_code", "identity", "parent_id"),
    ]
    assert _implied(tables) == {}


def test_a_name_that_fits_its_own_table_too_is_ambiguous() -> None:
    """`order_type.type_id` beside `user_type`: `type` fits both, so neither."""
    tables = [_table("order_type", "id", "type_id"), _table("user_type", "id", "type_id")]
    assert _implied(tables) == {}


def test_accented_names_match() -> None:
    tables = [_table("öğrenciler", "id"), _table("notlar", "id", "öğrenci_id")]
    assert _implied(tables) == {("notlar", "öğrenci_id"): "öğrenciler"}


def test_cyrillic_names_match() -> None:
    tables = [_table("Призывники", "id"), _table("Заключения", "id", "ID_призывника")]
    assert _implied(tables) == {("Заключения", "ID_призывника"): "Призывники"}


def test_a_key_behind_the_tables_column_prefix_points_at_the_table_it_names() -> None:
    tables = [
        _table("family_fam", "fam_ID", "fam_Name", "fam_City", primary="fam_ID"),
        _table("empr", "id_empr", "empr_nom", primary="id_empr"),
        _table("pledge_plg", "plg_ID", "plg_FamID", "plg_amount", "plg_date", primary="plg_ID"),
        _table("pret_archive", "arc_id", "arc_id_empr", "arc_debut", "arc_fin", primary="arc_id"),
        # no prefix most columns share: `arc_id_empr` names no table
        _table("mixed", "id", "arc_id_empr", "debut", "fin", "note"),
    ]
    got = _implied(tables)
    assert got[("pledge_plg", "plg_FamID")] == "family_fam"
    assert got[("pret_archive", "arc_id_empr")] == "empr"
    assert ("mixed", "arc_id_empr") not in got
    assert ("pledge_plg", "plg_ID") not in got  # the table's own key


def test_past_prefix_keeps_what_follows_the_shared_prefix_when_enough_is_left() -> None:
    """One helper for both readers: a name (`least=1`) and a key column's name (`least=2`)."""
    from cnsnt.classify.classifier import past_prefix

    assert past_prefix(("gestib", "professor"), "gestib") == ("professor",)
    assert past_prefix(("gestib",), "gestib") is None  # nothing left: the name is the prefix
    assert past_prefix(("plg", "id"), "plg", least=2) is None  # `plg_ID`: the table's own key
    assert past_prefix(("plg", "fam", "id"), "plg", least=2) == ("fam", "id")
    assert past_prefix(("fam", "id"), "plg") is None and past_prefix(("fam", "id"), None) is None


def _keyed(name: str, *columns: tuple[str, str], primary: tuple[str, ...] = ("id",)) -> Table:
    return typed_table(name, columns, primary=primary)


def test_each_column_of_a_composite_key_names_its_table() -> None:
    """`team_member(team_id, staff_id)` joins teams and staff; a one-column key is the row's own."""
    tables = [
        _keyed("team", ("id", "INT")),
        _keyed("staff", ("id", "INT")),
        _keyed("team_member", ("team_id", "INT"), ("staff_id", "INT"), primary=("team_id", "staff_id")),
    ]
    got = _implied(tables)
    assert got[("team_member", "team_id")] == "team"
    assert got[("team_member", "staff_id")] == "staff"


def test_a_number_or_code_names_a_table_only_plainly() -> None:
    """`demographic_no`, `ENTITAT_CODI`, `cdnPaciente` are keys; `passport_no` is a datum."""
    tables = [
        _keyed("demographic", ("demographic_no", "INT"), primary=("demographic_no",)),
        _keyed("NOT_USUARI", ("CODI", "VARCHAR(64)"), primary=("CODI",)),
        _keyed("NOT_ENTITAT", ("ID", "INT"), primary=("ID",)),
        _keyed("NOT_GRUP", ("ID", "INT"), primary=("ID",)),
        _keyed("paciente", ("cdnPaciente", "INT"), primary=("cdnPaciente",)),
        _keyed("passport", ("id", "INT")),
        _keyed("encounter_types", ("id", "INT")),
        _keyed(
            "NOT_NOTIFICACIO",
            ("ID", "INT"),
            ("ENTITAT_CODI", "INT"),
            ("demographic_no", "INT"),
            ("cdnPaciente", "INT"),
            ("passport_no", "VARCHAR(20)"),
            ("encounter_nr", "INT"),
            primary=("ID",),
        ),
    ]
    got = _implied(tables)
    assert got[("NOT_NOTIFICACIO", "ENTITAT_CODI")] == "NOT_ENTITAT"  # past the schema's prefix
    assert got[("NOT_NOTIFICACIO", "demographic_no")] == "demographic"
    assert got[("NOT_NOTIFICACIO", "cdnPaciente")] == "paciente"
    assert ("NOT_NOTIFICACIO", "passport_no") not in got
    assert ("NOT_NOTIFICACIO", "encounter_nr") not in got  # not plainly `encounter_types`
    assert ("paciente", "cdnPaciente") not in got  # its own key


def test_a_code_with_an_id_is_the_key_of_a_table_of_codes() -> None:
    """`vouchers.code_id` beside `codes`: a number word before `id` is the noun, not a number."""
    tables = [_table("codes", "id"), _table("vouchers", "id", "code_id", "no_id")]
    assert _implied(tables) == {("vouchers", "code_id"): "codes"}


def test_a_column_named_as_a_table_holds_its_key_when_the_types_agree() -> None:
    """`status INT` beside `status(id INT)`; not `status VARCHAR`, a datum (`email`), nor a count."""
    tables = [
        _keyed("status", ("id", "INT")),
        _keyed("failed_jobs", ("id", "BIGINT")),
        _keyed("email", ("id", "INT")),
        _keyed("apex_usuario", ("usuario", "VARCHAR(60)"), primary=("usuario",)),
        _keyed("apex_proyecto", ("proyecto", "VARCHAR(15)"), primary=("proyecto",)),
        _keyed("apex_log", ("id", "INT"), ("proyecto", "VARCHAR(15)")),
        _keyed("apex_item", ("id", "INT"), ("proyecto", "INT")),
        _keyed("job_batches", ("id", "INT"), ("failed_jobs", "INT"), ("status", "INT"), ("email", "INT")),
        _keyed("tickets", ("id", "INT"), ("status", "VARCHAR(20)")),
    ]
    got = _implied(tables)
    assert got[("job_batches", "status")] == "status"
    assert got[("apex_log", "proyecto")] == "apex_proyecto"  # the schema's prefix, then the name
    assert ("apex_item", "proyecto") not in got  # INT is not the key's type
    assert ("job_batches", "failed_jobs") not in got
    assert ("job_batches", "email") not in got
    assert ("tickets", "status") not in got


def test_a_glued_id_names_a_plural_only_when_the_types_agree() -> None:
    tables = [
        _keyed("alunos", ("id", "INT")),
        _keyed("propinas", ("id", "INT"), ("idaluno", "INT"), ("idfuncionario", "VARCHAR(9)")),
        _keyed("funcionarios", ("id", "INT")),
    ]
    got = _implied(tables)
    assert got[("propinas", "idaluno")] == "alunos"
    assert ("propinas", "idfuncionario") not in got


def test_a_column_prefix_then_a_glued_id_is_a_key() -> None:
    """`pret_idempr` in `pret` (whose columns start `pret_`) names `empr`."""
    tables = [
        _keyed("empr", ("id_empr", "INT"), primary=("id_empr",)),
        _keyed(
            "pret", ("pret_id", "INT"), ("pret_idempr", "INT"), ("pret_date", "DATE"), ("pret_retour", "DATE")
        ),
    ]
    assert _implied(tables)[("pret", "pret_idempr")] == "empr"
    # the table's own name is a prefix however few columns carry it
    loans = _keyed(
        "pret", ("pret_idexpl", "INT"), ("pret_idempr", "INT"), ("printed", "INT"), ("niveau", "INT")
    )
    assert _implied([tables[0], loans])[("pret", "pret_idempr")] == "empr"


def test_a_one_column_key_naming_the_table_it_extends_is_that_tables_key() -> None:
    """`paciente_responsavel.cdnPaciente` and `user_usr.usr_per_ID` extend their people; `wizyty_odbyte.id_wizyty` is its own id."""
    tables = [
        _keyed("paciente", ("cdnPaciente", "INT"), primary=("cdnPaciente",)),
        _keyed(
            "paciente_responsavel", ("cdnPaciente", "INT"), ("nome", "VARCHAR(50)"), primary=("cdnPaciente",)
        ),
        _keyed(
            "person_per", ("per_ID", "INT"), ("per_Name", "TEXT"), ("per_Email", "TEXT"), primary=("per_ID",)
        ),
        _keyed(
            "user_usr",
            ("usr_per_ID", "INT"),
            ("usr_Password", "TEXT"),
            ("usr_Login", "TEXT"),
            primary=("usr_per_ID",),
        ),
        _keyed("cele_wizyty", ("id", "INT")),
        _keyed("wizyty_odbyte", ("id_wizyty", "INT"), ("data", "DATE"), primary=("id_wizyty",)),
    ]
    got = _implied(tables)
    assert got[("paciente_responsavel", "cdnPaciente")] == "paciente"
    assert got[("user_usr", "usr_per_ID")] == "person_per"
    assert ("wizyty_odbyte", "id_wizyty") not in got


def test_a_two_letter_key_names_only_a_table_named_just_so() -> None:
    """`pl_id` beside `lo3_pl` (the schema's prefix `lo3`), not beside `people_pl_map`."""
    tables = [
        _keyed("lo3_pl", ("pl_id", "INT"), primary=("pl_id",)),
        _keyed("lo3_pl_persoon", ("id", "INT"), ("pl_id", "INT")),
        _keyed("lo3_pl_verblijfplaats", ("id", "INT"), ("pl_id", "INT")),
        _keyed("other_map", ("id", "INT"), ("xy_id", "INT")),
        _keyed("people_xy_map", ("id", "INT")),
    ]
    got = _implied(tables)
    assert got[("lo3_pl_persoon", "pl_id")] == "lo3_pl"
    assert got[("lo3_pl_verblijfplaats", "pl_id")] == "lo3_pl"
    assert ("other_map", "xy_id") not in got


def test_a_column_named_and_typed_as_another_tables_key_holds_it() -> None:
    """`dni` beside `info_general(dni)`, `kapcs_id` beside `kapcsolatok(kapcs_id)`, whatever the names say."""
    tables = [
        _keyed("info_general", ("dni", "VARCHAR(9)"), ("nom", "VARCHAR(50)"), primary=("dni",)),
        _keyed("lmp_kapcsolatok", ("kapcs_id", "INT"), ("nev", "TEXT"), primary=("kapcs_id",)),
        _keyed("lmp_kampany_kapcs", ("id", "INT")),
        _keyed("password_resets", ("email", "VARCHAR(255)"), ("token", "TEXT"), primary=("email",)),
        _keyed("notification_preferences", ("user_id", "INT"), ("daily", "BOOLEAN"), primary=("user_id",)),
        _keyed(
            "necessitat",
            ("id", "INT"),
            ("dni", "VARCHAR(9)"),
            ("kapcs_id", "INT"),
            ("email", "VARCHAR(255)"),
            ("user_id", "INT"),
        ),
        _keyed("visita", ("id", "INT"), ("dni", "INT")),
    ]
    got = _implied(tables)
    assert got[("necessitat", "dni")] == "info_general"
    assert got[("necessitat", "kapcs_id")] == "lmp_kapcsolatok"  # not `lmp_kampany_kapcs`
    assert ("necessitat", "email") not in got  # a table keyed by a datum gives out no key
    assert ("necessitat", "user_id") not in got  # nor one that extends another's id
    assert ("visita", "dni") not in got  # the types differ


def test_a_persons_national_id_says_whom_a_row_is_about() -> None:
    """A table with a person's national id and nothing else of theirs is about that person."""
    needs = _keyed(
        "necessitat_alimentacio",
        ("id", "INT"),
        ("dni", "VARCHAR(9)"),
        ("dieta", "VARCHAR(50)"),
        ("observacions", "TEXT"),
    )
    got = classify_tables([needs])
    assert got["necessitat_alimentacio.observacions"].personal
    assert "national id" in got["necessitat_alimentacio.observacions"].reasons[0]
    plain = _keyed("menus", ("id", "INT"), ("dieta", "VARCHAR(50)"), ("observacions", "TEXT"))
    assert not classify_tables([plain])["menus.observacions"].personal


def test_a_row_keyed_by_another_tables_key_is_that_rows_extension() -> None:
    """`pagamenti(AB_CODI)` beside `anagrafica(AB_CODI)`; `char` and `varchar` keys agree."""
    tables = [
        _keyed(
            "anagrafica", ("AB_CODI", "varchar(10)"), ("NOMINATIVO", "varchar(255)"), primary=("AB_CODI",)
        ),
        _keyed("pagamenti", ("AB_CODI", "varchar(10)"), ("IMPORTO", "decimal(10,2)"), primary=("AB_CODI",)),
        _keyed("opusers", ("UKennung", "varchar(10)"), ("Vorname", "varchar(100)"), primary=("UKennung",)),
        _keyed("syslogin", ("id", "INT"), ("UKennung", "char(10)"), ("login", "datetime")),
        _keyed("users", ("user_id", "INT"), ("email", "TEXT"), primary=("user_id",)),
        _keyed("profiles", ("user_id", "INT"), ("bio", "TEXT"), primary=("user_id",)),
    ]
    got = _implied(tables)
    assert got[("pagamenti", "AB_CODI")] == "anagrafica"
    assert got[("syslogin", "UKennung")] == "opusers"
    assert got[("profiles", "user_id")] == "users"
    assert ("users", "user_id") not in got  # its own key


def test_a_copied_national_number_stays_one() -> None:
    """`socle_eleves.ine` holds `archivage_eleves(ine)`, a pupil's national number: personal, not a mere link."""
    pupils = _keyed(
        "archivage_eleves",
        ("ine", "varchar(255)"),
        ("nom", "varchar(255)"),
        ("prenom", "varchar(255)"),
        ("naissance", "date"),
        primary=("ine",),
    )
    marks = _keyed("socle_eleves_lvr", ("id", "INT"), ("ine", "varchar(255)"), ("niveau", "varchar(10)"))
    got = classify_tables([pupils, marks])
    assert got["socle_eleves_lvr.ine"].personal
    assert (got["socle_eleves_lvr.ine"].category or "").startswith("user.government_id")


def test_a_key_named_for_no_other_table_is_given_out_by_its_own() -> None:
    """`tbl_classi(idclasse)`, `usuarios(user_id)`: another table's column of that name and type holds it.

    The key names its table in another number (`classe`/`classi`) or in another language
    (`user_id` in `usuarios`); no other table is called so, so it is the table's own id.
    Beside a table `users`, `user_id` would be that table's key, extended, not given out.
    """
    tables = [
        _keyed("tbl_classi", ("idclasse", "INT(11)"), ("anno", "INT"), primary=("idclasse",)),
        _keyed("usuarios", ("user_id", "INT(4)"), ("nome", "VARCHAR(50)"), primary=("user_id",)),
        _keyed("tbl_alunni", ("idalunno", "INT(11)"), ("idclasse", "INT(11)"), primary=("idalunno",)),
        _keyed("access_tokens", ("id", "INT"), ("user_id", "INT(11)"), ("token", "TEXT")),
    ]
    got = _implied(tables)
    assert got[("tbl_alunni", "idclasse")] == "tbl_classi"
    assert got[("access_tokens", "user_id")] == "usuarios"
    named = _implied([*tables, _keyed("users", ("id", "INT"))])
    assert named[("access_tokens", "user_id")] == "users"  # named so, `users` is the one
    assert named[("usuarios", "user_id")] == "users"  # and `usuarios` extends it


def test_of_several_tables_keyed_alike_the_one_the_name_names_is_held() -> None:
    """`cdnUsuario` keys `usuario` and the tables extending it; a `sms.cdnUsuario` holds `usuario`'s."""
    tables = [
        _keyed("usuario", ("cdnUsuario", "int(10) unsigned"), ("nome", "TEXT"), primary=("cdnUsuario",)),
        _keyed("dentista", ("cdnUsuario", "int(10) unsigned"), ("cro", "TEXT"), primary=("cdnUsuario",)),
        _keyed("colaborador", ("cdnUsuario", "int(10) unsigned"), ("cargo", "TEXT"), primary=("cdnUsuario",)),
        _keyed("sms", ("id", "INT"), ("cdnUsuario", "int(10) unsigned"), ("texto", "TEXT")),
        _keyed("acesso", ("uid", "VARCHAR(4)"), ("ip", "TEXT"), primary=("uid",)),
        _keyed("perfil", ("uid", "VARCHAR(4)"), ("nome", "TEXT"), primary=("uid",)),
        _keyed("log", ("id", "INT"), ("uid", "VARCHAR(4)")),
        _keyed("adherents", ("id_adh", "INT"), ("nom", "TEXT"), primary=("id_adh",)),
        _keyed("pictures", ("id_adh", "INT"), ("picture", "BLOB"), primary=("id_adh",)),
        _keyed("tmppasswds", ("id_adh", "INT"), ("passwd", "TEXT"), primary=("id_adh",)),
        _keyed("reminders", ("id", "INT"), ("id_adh", "INT")),
    ]
    got = _implied(tables)
    assert got[("reminders", "id_adh")] == "adherents"  # the one the name abbreviates
    assert got[("sms", "cdnUsuario")] == "usuario"
    assert got[("dentista", "cdnUsuario")] == "usuario"
    assert ("log", "uid") not in got  # two tables keyed by `uid`, neither named so: no guess


def test_a_key_after_its_own_tables_name_names_the_table_after_it() -> None:
    """`cash_moves.cash_moves_account_id`, `vouchers.voucher_account_id`: `<table>_<key>`."""
    tables = [
        _table("account", "id", "name"),
        _table("cash_moves", "id", "cash_moves_account_id", "cash_moves_amount"),
        _table("vouchers", "id", "voucher_account_id", "voucher_no"),
        _table("notes", "id", "other_account_id"),  # not its own name: nothing to strip
    ]
    got = _implied(tables)
    assert got[("cash_moves", "cash_moves_account_id")] == "account"
    assert got[("vouchers", "voucher_account_id")] == "account"
    assert ("notes", "other_account_id") not in got


def test_a_key_shared_by_one_entitys_parts_names_its_main_table() -> None:
    """`rol` keys a member table and its one-to-one parts: a `rol` elsewhere is the member's.

    The main table is the one with the most columns; its parts' own keys extend it.

    A name that keys most of the schema's tables (`sys_id`) is how it names every table's own
    key, no entity's; two parts of the same size leave the choice open.
    """
    member = _keyed(
        "membro",
        ("rol", "INT"),
        ("nome", "VARCHAR(200)"),
        ("sexo", "CHAR(1)"),
        ("email", "VARCHAR(200)"),
        ("celular", "VARCHAR(50)"),
        primary=("rol",),
    )
    church = _keyed("eclesiastico", ("rol", "INT"), ("batismo", "DATE"), ("congregacao", "INT"), primary=("rol",))
    civil = _keyed("est_civil", ("rol", "INT"), ("estado", "VARCHAR(20)"), primary=("rol",))
    tithes = _keyed("dizimo", ("id", "INT"), ("rol", "INT"), ("valor", "DECIMAL(10,2)"))
    other = [_keyed(f"caixa{n}", ("id", "INT"), ("saldo", "DECIMAL(10,2)")) for n in range(3)]
    got = _implied([member, church, civil, tithes, *other])
    assert got[("dizimo", "rol")] == "membro"
    assert got[("eclesiastico", "rol")] == "membro"  # a part extends the main table
    assert got[("est_civil", "rol")] == "membro"
    assert ("membro", "rol") not in got  # which extends nothing

    twins = [
        _keyed("ficha_a", ("rol", "INT"), ("x", "INT"), primary=("rol",)),
        _keyed("ficha_b", ("rol", "INT"), ("y", "INT"), primary=("rol",)),
    ]
    assert ("dizimo", "rol") not in _implied([*twins, tithes, *other])

    def everyone(name: str, *columns: str) -> Table:
        return _keyed(name, ("sys_id", "INT"), *((c, "VARCHAR(50)") for c in columns), primary=("sys_id",))

    convention = [
        everyone("pessoas", "nome", "sobrenome", "email", "fone"),
        everyone("cargos", "titulo"),
        everyone("setores", "nome"),
        everyone("turnos", "inicio", "fim"),
        *(everyone(f"tabela{n}", "valor") for n in range(4)),
        _keyed("log_dados", ("id", "INT"), ("sys_id", "INT"), ("campo", "VARCHAR(50)")),
    ]
    assert ("log_dados", "sys_id") not in _implied(convention)


def test_a_key_named_for_a_table_is_its_not_the_key_of_a_table_extending_it() -> None:
    """`care_user_roles(user_id)` extends `care_users`: `user_id` elsewhere names `care_users` (keys33)."""
    tables = [
        _keyed("care_users", ("id", "CHAR(36)"), ("login", "VARCHAR(40)")),
        _keyed("care_user_roles", ("user_id", "CHAR(36)"), ("role", "VARCHAR(20)"), primary=("user_id",)),
        _keyed("care_visit_log", ("id", "INT"), ("user_id", "CHAR(36)")),
        _keyed("lesson", ("id", "INT"), ("topic", "VARCHAR(80)")),
        _keyed("lesson_review", ("lesson", "INT"), ("verdict", "TEXT"), primary=("lesson",)),
        _keyed("homework", ("id", "INT"), ("lesson", "INT")),
    ]
    got = _implied(tables)
    assert got[("care_visit_log", "user_id")] == "care_users"
    assert got[("homework", "lesson")] == "lesson"
    # the extending table's own key is still the key of the table it extends
    assert got[("lesson_review", "lesson")] == "lesson"


def test_who_made_a_row_is_a_key_to_the_accounts_or_the_table_its_name_gives() -> None:
    """`created_by INT` beside the one table with a password; `EKLEYEN_KULLANICI_KODU` names `KULLANICI`."""
    tables = [
        _keyed("operators", ("id", "INT"), ("login", "VARCHAR(40)"), ("password", "VARCHAR(60)")),
        _keyed("KULLANICI", ("KODU", "NVARCHAR(450)"), ("ADI", "NVARCHAR(80)"), primary=("KODU",)),
        _keyed(
            "invoices",
            ("id", "INT"),
            ("created_by", "INT"),
            ("updatedUserId", "INT"),
            ("EKLEYEN_KULLANICI_KODU", "NVARCHAR(max)"),
            ("expires", "INT"),
            ("deleted", "TINYINT(1)"),
            ("imported_operators", "INT"),
            ("modified_by", "VARCHAR(60)"),
        ),
    ]
    got = _implied(tables)
    assert got[("invoices", "created_by")] == "operators"
    assert got[("invoices", "updatedUserId")] == "operators"
    assert got[("invoices", "EKLEYEN_KULLANICI_KODU")] == "KULLANICI"
    assert ("invoices", "expires") not in got  # when, not who
    assert ("invoices", "deleted") not in got  # a flag
    assert ("invoices", "imported_operators") not in got  # how many
    assert ("invoices", "modified_by") not in got  # text beside an integer key: a login or a name


def test_who_holds_a_row_is_a_key_to_the_one_table_of_people() -> None:
    """`owner INT` beside one table of people; with two it names neither (`secretary`: which?)."""
    one = [
        _keyed("members", ("id", "INT"), ("surname", "VARCHAR(80)")),
        _keyed("boats", ("id", "INT"), ("owner", "INT"), ("owner_name", "VARCHAR(80)")),
    ]
    assert _implied(one)[("boats", "owner")] == "members"
    two = [*one, _keyed("users", ("id", "INT"), ("login", "VARCHAR(40)"))]
    assert ("boats", "owner") not in _implied(two)


def test_a_framework_writes_the_integer_key_types_it_makes() -> None:
    """`foreignId` beside Laravel's `id`, `[int]` in a bracketed dump: integers, as the key."""
    tables = [
        _keyed("status", ("id", "id")),
        _keyed("Unit", ("Id", "[int] IDENTITY(1,1)"), primary=("Id",)),
        _keyed("people", ("id", "id"), ("status", "foreignId"), ("Unit", "[int]")),
    ]
    got = _implied(tables)
    assert got[("people", "status")] == "status"
    assert got[("people", "Unit")] == "Unit"


def test_another_tables_name_after_the_rows_own_is_its_key() -> None:
    """`leave.leave_staff` beside `staff`; `pn_cr_uid` (a framework's prefix, "created", a user id)."""
    tables = [
        _keyed("staff", ("id", "INT"), ("surname", "VARCHAR(80)")),
        _keyed("logins", ("id", "INT"), ("uname", "VARCHAR(40)"), ("pass", "VARCHAR(60)"), ("password", "TEXT")),
        _keyed(
            "leave",
            ("id", "INT"),
            ("leave_staff", "INT"),
            ("leave_days", "INT"),
            ("leave_flag", "TINYINT(1)"),
            ("pn_cr_uid", "INT"),
            ("created_at", "INT"),
        ),
    ]
    got = _implied(tables)
    assert got[("leave", "leave_staff")] == "staff"
    assert ("leave", "leave_days") not in got  # no table of days
    assert got[("leave", "pn_cr_uid")] == "logins"
    assert ("leave", "created_at") not in got  # when, not who


def test_a_key_to_the_accounts_says_how_it_was_read() -> None:
    """The reason names the rule, not only the name: the one table that holds passwords."""
    tables = [
        _keyed(
            "operators",
            ("id", "INT"),
            ("login", "VARCHAR(40)"),
            ("password", "VARCHAR(60)"),
            ("first_name", "VARCHAR(40)"),
            ("last_name", "VARCHAR(40)"),
            ("email", "VARCHAR(80)"),
        ),
        _keyed("invoices", ("id", "INT"), ("created_by", "INT"), ("total", "DECIMAL(10,2)")),
    ]
    keyed = {t.name: t for t in with_implied_keys(tables)}
    (key,) = keyed["invoices"].foreign_keys
    assert key.basis == "by its name: who made or changed the row, in the one table that holds passwords"
    verdict = classify_tables(tables)
    reasons = " / ".join(r for v in verdict.values() for r in v.reasons)
    assert "'created_by' references 'operators' (by its name: who made or changed the row" in reasons


def test_a_key_the_orm_generates_for_its_own_rows_copies_no_other_tables() -> None:
    """django-simple-history gives each model a `Historical<Model>` table keyed by its own
    `history_id = AutoField(primary_key=True)` (trial39: 15 of a member register's 30
    tables). A generated key numbers its table's own rows: the history of an office is
    no part of the member's, though the member's history has the most columns."""
    import dataclasses

    def history(name: str, *columns: str) -> Table:
        table = _keyed(name, ("history_id", "INTEGER"), *((c, "VARCHAR(50)") for c in columns), primary=("history_id",))
        generated = tuple(
            dataclasses.replace(c, orm_type="AutoField") if c.name == "history_id" else c for c in table.columns
        )
        return dataclasses.replace(table, columns=generated)

    tables = [
        history("members_historicalmember", "surname", "given_name", "street", "postcode", "mobile"),
        history("offices_historicaloffice", "title"),
        history("offices_historicalunit", "title", "code"),
        history("lists_historicaltask", "title"),
    ]
    got = _implied(tables)
    assert not [k for k in got if k[1] == "history_id"]
    verdicts = classify_tables(with_implied_keys(tables))
    assert not verdicts["offices_historicaloffice.title"].personal
