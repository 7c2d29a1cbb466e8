"""The fixes of CN001 warnings about parts that were read after all, only less exactly.

CN001's general fix ends "what cannot be read is not audited". For these warnings the
table or column was read and is audited (with a default name, without its type, with
every branch of a condition), so that fix would be false: each says what is left to check.
"""

from __future__ import annotations

#: Every branch of an undecided condition replayed (Alembic's `if`/`match`).
EVERY_BRANCH = (
    "nothing is left out: what each branch adds is audited; if the database lacks it, list it "
    "under ignore:, or accept this with a CN001 waiver"
)
#: A column whose type is not a literal: read by its name.
UNTYPED_COLUMN = (
    "the column is audited by its name, without its type: write the type as a literal if it "
    "matters, or accept this with a CN001 waiver"
)
#: A column whose referenced table is not a literal: read without its foreign key.
UNLINKED_COLUMN = (
    "the column is audited, without its link to the other table (a link to a people table makes "
    "its rows about people): write the table as a literal, or accept this with a CN001 waiver"
)
#: A name that is computed: the framework's default name is used.
DEFAULT_NAME = (
    "it is audited under the default name: if the database names it otherwise, write the name as "
    "a literal so the policy's keys match, or accept this with a CN001 waiver"
)
#: Django's SeparateDatabaseAndState: the database's side is replayed.
DATABASE_SIDE = (
    "nothing is left out: the tables are read as the database has them; accept this with a CN001 waiver"
)
#: Another argument that is computed (a length, a comment, a strategy): its default is used.
DEFAULT_VALUE = (
    "the mapping is read and audited with the default in place of this value: write it as a "
    "literal if it matters, or accept this with a CN001 waiver"
)
