"""Tables a platform makes and manages outside a project's own schema: Supabase's `auth.users`.

A Supabase project's migrations (`supabase/migrations/*.sql`) make its `public` tables;
Supabase Auth and Storage make theirs (`auth.users`, `storage.objects`) in schemas of their
own, which no file of the project holds. A query or seed that reads or writes one gets
CN001 "table 'auth.users' is not in any audited schema": true, but bare, it reads as a
mistake in the project. These tables hold personal data (each user's e-mail address,
phone number, sign-ins, uploaded files), so the gap stays a warning; the message says
whose table it is and the fix how to audit it.
"""

from __future__ import annotations

#: (schema, table) -> what it holds, of Supabase's Auth and Storage schemas.
_SUPABASE = {
    ("auth", "users"): "Supabase Auth's table of users (their e-mail addresses, phone numbers and sign-ins)",
    ("auth", "identities"): "Supabase Auth's table of sign-in identities (e-mail, OAuth providers' profiles)",
    ("auth", "sessions"): "Supabase Auth's table of sessions (IP addresses, user agents)",
    ("auth", "refresh_tokens"): "Supabase Auth's table of refresh tokens",
    ("auth", "audit_log_entries"): "Supabase Auth's log of sign-ins and account changes",
    ("auth", "mfa_factors"): "Supabase Auth's table of second factors (phone numbers, authenticator apps)",
    ("auth", "one_time_tokens"): "Supabase Auth's table of one-time tokens (and whom they were sent to)",
    ("storage", "objects"): "Supabase Storage's table of uploaded files (and who owns them)",
    ("storage", "buckets"): "Supabase Storage's table of buckets",
}


def managed_table(name: str) -> str | None:
    """What a platform-managed table holds (`auth.users`), else None; the name as a query writes it."""
    parts = [p.strip('"`[]').casefold() for p in name.split(".")]
    if len(parts) < 2:
        return None
    return _SUPABASE.get((parts[-2], parts[-1]))


def managed_problem(name: str) -> str | None:
    """The CN001 text of an unknown platform-managed table, else None.

    `table 'auth.users' is not in any audited schema: it is Supabase Auth's table of users
    (...), which Supabase makes and manages outside the project's migrations`.
    """
    holds = managed_table(name)
    if holds is None:
        return None
    return (
        f"table '{name}' is not in any audited schema: it is {holds}, which Supabase makes and "
        "manages outside the project's migrations"
    )


#: The fix of `managed_problem`.
MANAGED_FIX = (
    "its personal data is the project's too: to audit it, add a schema-only dump of Supabase's "
    "schema under schemas: (`pg_dump --schema-only --schema=auth --schema=storage` of the project's "
    "database), or accept the gap with a CN001 waiver"
)
