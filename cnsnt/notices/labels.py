"""The fixed text of a notice (headings, rights, legal bases), translated through gettext.

Every English string here is a msgid of the catalogs in `locales/`; `python -m
cnsnt.notices.catalog check` lists any the catalogs lack. The text is written
to pass the plain-language check itself (a test measures every translation).
"""

from __future__ import annotations

from .i18n import Lang

BASES = (
    "consent",
    "explicit_consent",
    "contract",
    "legal_obligation",
    "vital_interests",
    "public_task",
    "legitimate_interests",
)


def basis_name(L: Lang, basis: str) -> str:
    """The legal basis, named as the law names it, in short."""
    names = {
        "consent": L._("Your consent"),
        "explicit_consent": L._("Your explicit consent"),
        "contract": L._("Our contract with you"),
        "legal_obligation": L._("A legal obligation"),
        "vital_interests": L._("Protecting someone's life"),
        "public_task": L._("A task in the public interest"),
        "legitimate_interests": L._("Our legitimate interests"),
    }
    return names.get(basis, basis)


def basis_explanation(L: Lang, basis: str) -> str:
    """What the legal basis means for the customer, in plain words."""
    texts = {
        "consent": L._("You agreed to it, and you can withdraw your consent at any time."),
        "explicit_consent": L._(
            "You agreed to it expressly, and you can withdraw your consent at any time."
        ),
        "contract": L._("We need it to give you what you asked for."),
        "legal_obligation": L._("The law requires us to do it."),
        "vital_interests": L._("We need it to protect your life or someone else's."),
        "public_task": L._("We need it for a task in the public interest or set by law."),
        "legitimate_interests": L._(
            "We need it for a reason of our own, which must not outweigh your interests. "
            "You can object."
        ),
    }
    return texts.get(basis, "")


def condition_name(L: Lang, condition: str | None) -> str | None:
    """The GDPR Art. 9(2) condition (or Art. 10 ground) a special category relies on, in plain words."""
    if condition is None:
        return None
    names = {
        "explicit_consent": L._("your explicit consent"),
        "employment": L._("duties under employment and social security law"),
        "vital_interests": L._("protecting your life or someone else's when you cannot consent"),
        "nonprofit": L._("the work of a non-profit body you belong to"),
        "made_public": L._("you made the data public yourself"),
        "legal_claims": L._("bringing or defending legal claims"),
        "substantial_public_interest": L._("an important public interest set by law"),
        "health_care": L._("providing health or social care"),
        "public_health": L._("public health"),
        "archiving_research": L._("archiving, research or statistics"),
        # GDPR Art. 10's grounds for criminal convictions and offences data
        "official_authority": L._("the control of an official authority"),
        "authorised_by_law": L._("a law that allows it and protects your rights"),
    }
    return names.get(condition, condition)


#: Second-level data categories (fideslang keys) -> English msgid; deeper keys use their ancestor.
CATEGORY_KEYS = (
    "user.account", "user.authorization", "user.behavior", "user.biometric", "user.biometrics",
    "user.childrens", "user.children", "user.contact", "user.content", "user.demographic",
    "user.location", "user.device", "user.payment", "user.social", "user.social_activity",
    "user.settings", "user.unique_id", "user.telemetry", "user.user_sensor", "user.sensor",
    "user.financial", "user.government_id", "user.health_and_medical", "user.health", "user.name",
    "user.criminal_history", "user.privacy_preferences", "user.job_title", "user.workplace",
    "user.professional_information",
)


def category_name(L: Lang, key: str) -> str | None:
    """A customer-facing name of a data category, or None when cnsnt has none for it."""
    names = {
        "user.account": L._("Account details"),
        "user.authorization": L._("Log-in details"),
        "user.behavior": L._("What you do with us"),
        "user.biometric": L._("Biometric data"),
        "user.biometrics": L._("Biometric data"),
        "user.childrens": L._("Children's data"),
        "user.children": L._("Children's data"),
        "user.contact": L._("Contact details"),
        "user.content": L._("What you write or upload"),
        "user.demographic": L._("Personal characteristics"),
        "user.location": L._("Location"),
        "user.device": L._("Device details"),
        "user.payment": L._("Payment details"),
        "user.social": L._("Social media data"),
        "user.social_activity": L._("Social media data"),
        "user.settings": L._("Your settings"),
        "user.unique_id": L._("Identifiers"),
        "user.telemetry": L._("How you use our services"),
        "user.user_sensor": L._("Sensor data"),
        "user.sensor": L._("Sensor data"),
        "user.financial": L._("Financial details"),
        "user.government_id": L._("Official ID numbers"),
        "user.health_and_medical": L._("Health data"),
        "user.health": L._("Health data"),
        "user.name": L._("Name"),
        "user.criminal_history": L._("Criminal records"),
        "user.privacy_preferences": L._("Your privacy choices"),
        "user.job_title": L._("Work details"),
        "user.workplace": L._("Work details"),
        "user.professional_information": L._("Work details"),
    }
    if key == "user":
        # the category of personal data of no more precise kind (what `cnsnt init` gives
        # a field it cannot name): the taxonomy's English name would show in every language
        return L._("Personal data")
    parts = key.split(".")
    for n in range(len(parts), 1, -1):
        prefix = ".".join(parts[:n])
        if prefix in names:
            return names[prefix]
    return None


def fine_category_name(L: Lang, key: str) -> str | None:
    """A name finer than `category_name`'s for the categories starters hold side by side.

    A draft shows several starter entries of one coarse category (`user.contact.email`,
    `user.contact.address.city`: both "Contact details") by these names, so they differ
    by more than a number. The keys are the ones `cnsnt init` writes (its classifier's
    vocabulary). None when the category (or a parent below the coarse one) has none.
    """
    names = {
        "user.contact.email": L._("Email address"),
        "user.contact.phone_number": L._("Phone number"),
        "user.contact.fax_number": L._("Fax number"),
        "user.contact.address": L._("Postal address"),
        "user.contact.address.street": L._("Street address"),
        "user.contact.address.city": L._("City"),
        "user.contact.address.postal_code": L._("Postal code"),
        "user.contact.address.state": L._("Region or state"),
        "user.contact.address.country": L._("Country"),
        "user.contact.social_url": L._("Social media profile"),
        "user.name.first": L._("First name"),
        "user.name.last": L._("Last name"),
        "user.demographic.date_of_birth": L._("Date of birth"),
        "user.demographic.age_range": L._("Age group"),
        "user.demographic.gender": L._("Gender"),
        "user.demographic.marital_status": L._("Marital status"),
        "user.demographic.citizenship_or_immigration_status": L._(
            "Nationality or immigration status"
        ),
        "user.demographic.language": L._("Language"),
        "user.demographic.profile": L._("Profile details"),
        "user.demographic.race_ethnicity": L._("Racial or ethnic origin"),
        "user.demographic.religious_belief": L._("Religious beliefs"),
        "user.demographic.political_opinion": L._("Political opinions"),
        "user.demographic.sexual_orientation": L._("Sexual orientation"),
        "user.demographic.union_membership": L._("Trade union membership"),
        "user.job_title": L._("Job title"),
        "user.professional_information.job_title": L._("Job title"),
        "user.workplace": L._("Workplace"),
        "user.professional_information.workplace": L._("Workplace"),
        "user.government_id.national_identification_number": L._("National ID number"),
        "user.government_id.passport_number": L._("Passport number"),
        "user.government_id.drivers_license_number": L._("Driving licence number"),
        "user.device.ip_address": L._("IP address"),
        "user.device.device_id": L._("Device ID"),
        "user.device.cookie_id": L._("Cookie identifier"),
        "user.account.username": L._("Username"),
        "user.authorization.password": L._("Password"),
        "user.authorization.credentials": L._("Log-in codes and keys"),
        "user.financial.bank_account": L._("Bank account details"),
        "user.financial.credit_card": L._("Card details"),
        "user.health.condition": L._("Health conditions"),
        "user.health.medications": L._("Medicines"),
        "user.health.insurance_beneficiary_id": L._("Health insurance number"),
        "user.health.genetic": L._("Genetic data"),
        "user.location.precise": L._("Precise location"),
        "user.content.self_image": L._("Photos of you"),
    }
    parts = key.split(".")
    for n in range(len(parts), 1, -1):
        prefix = ".".join(parts[:n])
        if prefix in names:
            return names[prefix]
    return None


def gdpr_rights(L: Lang) -> list[tuple[str, str]]:
    """The data-subject rights (GDPR Art. 15-21): (short name, what it lets you do)."""
    return [
        (L._("See your data"), L._("Ask what data we hold about you and get a copy.")),
        (L._("Correct it"), L._("Have wrong or incomplete data corrected.")),
        (L._("Delete it"), L._("Ask us to delete your data.")),
        (
            L._("Pause its use"),
            L._("Ask us to stop using your data for a while, for example while we check it."),
        ),
        (
            L._("Take it with you"),
            L._("Get the data you gave us in a common file format, or have it sent to "
                "another company."),
        ),
        (
            L._("Object"),
            L._("Say no to uses based on our own interests. Say no to direct marketing at "
                "any time."),
        ),
    ]


def ccpa_rights(L: Lang) -> list[tuple[str, str]]:
    """California consumer rights (CCPA §1798.100-125)."""
    return [
        (L._("Know"), L._("Ask what personal information we collect, use and share.")),
        (L._("Delete it"), L._("Ask us to delete your personal information.")),
        (L._("Correct it"), L._("Have wrong personal information corrected.")),
        (L._("Opt out"), L._("Tell us not to sell or share your personal information.")),
        (L._("Limit"), L._("Limit how we use sensitive personal information.")),
        (L._("Fair treatment"), L._("Use these rights without being treated worse for it.")),
    ]


def headings(L: Lang, controller: str) -> dict[str, str]:
    """Every heading and short label the templates and the JSON use.

    `controller` is empty only in a draft (a published notice needs one, CN602): the
    titles then read without a name rather than with a hole where it goes.
    """
    return {
        "title_full": (
            L._("How %(controller)s uses your personal data", controller=controller)
            if controller
            else L._("How we use your personal data")
        ),
        "title_short": L._("Your data at a glance"),
        "title_ccpa": (
            L._("Notice at collection: %(controller)s", controller=controller)
            if controller
            else L._("Notice at collection")
        ),
        "who": L._("Who we are"),
        "purposes": L._("Why we use your data"),
        "data": L._("The data we collect"),
        "recipients": L._("Who sees your data"),
        "retention": L._("How long we keep it"),
        "rights": L._("Your rights"),
        "withdraw": L._("Withdrawing your consent"),
        "complaints": L._("Complaints"),
        "automated": L._("Automated decisions"),
        "about": L._("About this notice"),
        "categories": L._("Categories of personal information we collect"),
        "selling": L._("Selling and sharing"),
        "ccpa_rights": L._("Your California privacy rights"),
        "col_what": L._("What we collect"),
        "col_why": L._("Why"),
        "col_how_long": L._("How long"),
        "col_who": L._("Who sees it"),
        "col_choice": L._("Your choice"),
        "col_category": L._("Category"),
        "col_sold": L._("Sold or shared?"),
        "col_required": L._("Must you give it?"),
        "col_if_not": L._("If you do not"),
        "col_source": L._("Where it comes from"),
        "address": L._("Address"),
        "contact": L._("Contact"),
        "dpo": L._("Data protection officer"),
        "representative": L._("Representative in the EU"),
        "basis": L._("What allows us to do this"),
        "interest": L._("Our interest, in plain words"),
        "data_used": L._("Data we use"),
        "shared_with": L._("Shared with"),
        "decided_by_computer": L._("Decided by computer"),
        "version": L._("Notice version"),
        "effective": L._("Effective date"),
        "full_notice": L._("Full notice"),
        "privacy_policy": L._("Privacy policy"),
        "yes": L._("Yes"),
        "no": L._("No"),
        "required": L._("Required"),
        "optional": L._("Optional"),
        "draft": L._("Draft: not for publication"),
        "only_us": L._("Only us"),
        "gap": L._("To fill in"),
        "sensitive": L._("sensitive"),
        "safeguard": L._("How your data is protected there"),
        "authority": L._("Our data protection authority"),
        "sold_to": L._("We sell or share personal information with"),
    }


def sentences(L: Lang, *, controller: str, contact: str) -> dict[str, str]:
    """Whole sentences of fixed text.

    `controller` and `contact` are empty only in a draft (CN602): the sentences that
    name them then read without them ("contact us") rather than with a hole.
    """
    return {
        "controller_intro": (
            L._("%(controller)s is responsible for your personal data.", controller=controller)
            if controller
            else L._("We are responsible for your personal data.")
        ),
        "choice_consent": L._("Only if you agree. You can withdraw your consent at any time."),
        "choice_object": L._("You can object at any time."),
        "choice_mixed": L._("Needed for the service. For the rest, only if you agree."),
        "choice_optional": L._("Optional. You can leave it out."),
        "choice_required": L._("Required."),
        "no_recipients": L._("We do not give your data to anyone else."),
        "recipients_not_stated": L._("The policy does not say yet who receives your data."),
        "controller_not_stated": L._(
            "The policy does not say yet who is responsible for your data."
        ),
        "purposes_not_stated": L._("The policy does not say yet why your data is used."),
        "consent_not_stated": L._(
            "The policy does not say yet whether we ask for your consent."
        ),
        "outside_eea": L._("This is outside the European Economic Area."),
        "retention_intro": L._("We keep each kind of data only for this long."),
        "rights_how": (
            L._(
                "To use any of these rights, write to %(contact)s. It is free, and we answer "
                "within one month.",
                contact=contact,
            )
            if contact
            else L._(
                "To use any of these rights, contact us. It is free, and we answer within one month."
            )
        ),
        "ccpa_rights_how": (
            L._("To use any of these rights, write to %(contact)s.", contact=contact)
            if contact
            else L._("To use any of these rights, contact us.")
        ),
        "withdraw_intro": L._(
            "You can withdraw your consent at any time, as easily as you gave it. What we did "
            "before stays lawful."
        ),
        "withdraw_default": (
            L._("Write to %(contact)s.", contact=contact) if contact else L._("Contact us.")
        ),
        "no_consent": L._("We do not ask for your consent for anything."),
        "complaint": L._(
            "If you think we handle your data wrongly, please tell us first. You can also "
            "complain to a data protection authority, for example in the EU country where "
            "you live or work."
        ),
        "not_sold": L._("We do not sell or share your personal information."),
        "sold_opt_out": (
            L._("You can tell us to stop at any time: write to %(contact)s.", contact=contact)
            if contact
            else L._("You can tell us to stop at any time.")
        ),
        "draft_why": L._(
            "This notice is not finished yet. Do not show it to customers until the policy "
            "is complete."
        ),
        "ccpa_intro": L._(
            "This notice tells you what personal information we collect, why, for how long, "
            "and whether we sell or share it."
        ),
    }


def label_fill_in(L: Lang, path: str, line: int) -> str:
    """A draft's mark beside a datum it names by its category: what to write, and where.

    The entry has no label a customer can read (review36 R36b D7): the mark points at the
    policy line where its `label:` goes, which tells the rows apart without the entry's key.
    """
    return L._(
        "To fill in: a name for this data (%(file)s, line %(line)s)", file=path, line=str(line)
    )


def sensitive_note(L: Lang, condition: str | None) -> str:
    """The sentence shown next to special-category data."""
    if condition is None:
        return L._("This is sensitive data.")
    return L._(
        "This is sensitive data. We use it only on this basis: %(condition)s.",
        condition=condition,
    )


def short_intro(L: Lang, count: int) -> str:
    """The first line of the short notice, with the right plural form."""
    return L.n_(
        "We collect %(num)d kind of personal data about you. Here is why, for how long, "
        "who sees it and what you can choose.",
        "We collect %(num)d kinds of personal data about you. Here is why, for how long, "
        "who sees it and what you can choose.",
        count,
    )


def adequacy(L: Lang, country: str) -> str:
    """A transfer covered by an adequacy decision."""
    return L._(
        "The EU has found that personal data is safe enough in %(country)s.",
        country=country,
    )


def untranslated(L: Lang, languages: str) -> str:
    """Said once at the top when some policy texts are shown in another language."""
    return L._(
        "Some parts of this notice are not translated yet. They are shown in %(languages)s.",
        languages=languages,
    )
