"""The permission matrix: every route × every role × own / another organization.

Routes come from the server's own OpenAPI document, so a new route cannot escape the matrix:
a route without an expectation here fails the test until someone decides who may use it.
A refused combination must answer 403 or 404; an allowed one must not be refused. Request
bodies are empty objects, so allowed writes stop at validation (400) and change nothing.

The restricted-person dimension tries every route that reaches a person on a woman with a
restricted case, as a case worker who is not hers (refused: 403 break_glass_required, or
nothing of her in a list), her supervisor, her assigned worker and a break-glass holder; every
route must say whether it reaches a person (REACHES_HER).
"""

import http.client
import time
import unittest

from harness import Response, Server
from test_accounts import reauth
from network import PASSWORD, ROLES, add_org, add_user, advance, build_network, server_now, sign_in, totp

USERS = "/api/v1/organizations/{id}/users"
USER = USERS + "/{user_id}"
PERSON = "/api/v1/people/{id}"
CASE = "/api/v1/cases/{id}"
CASE_ROLES = ("case_worker", "supervisor")
HELP = "/api/v1/emergency/requests/{id}"
REFERRAL = "/api/v1/referrals/{id}"
EXCLUSIONS = PERSON + "/exclusions"
DISPATCH_ROLES = ("dispatcher", "supervisor")


STAY = "/api/v1/shelter/stays/{id}"
BED = "/api/v1/shelter/beds/{id}"
SHELTER_ROOMS = ("shelter_staff", "org_admin")
# The records a shelter's routes address by id, under the path that names them.
SHELTER_RECORDS = ("shelter/beds", "shelter/stays", "shelter/outings", "shelter/follow-ups",
                   "shelter/extensions", "shelter/waitlist")


FUND_SOURCES = ("org_admin", "finance", "supervisor", "case_worker")
FUND_RULES = ("org_admin", "finance")
FUND_READ = ("finance", "case_worker", "supervisor")
FUND_WRITE = ("finance", "supervisor")
FUNDING_SOURCE = "/api/v1/funding-sources/{id}"
DISBURSEMENT = "/api/v1/disbursements/{id}"
# The records the funds' routes address by id.
FUND_RECORDS = ("funding-sources", "fund-applications", "disbursements", "receipts")
RECEIPT_WRITE = ("finance", "org_admin", "case_worker")
RECEIPT_READ = (*RECEIPT_WRITE, "supervisor")
PROGRAM_DEFINE = ("org_admin", "case_worker", "supervisor")
# The records the programs' routes address by id.
PROGRAM_RECORDS = ("programs", "enrollments", "program-sessions", "outcome-follow-ups")


REPORT = "/api/v1/reports/{id}"
POLICY = "/api/v1/policy"
# The policy monitor's records are the network's (no organization owns them): the secretariat's
# advocates and network admins edit, everyone signed in reads, in every scope.
POLICY_EDIT = lambda role, scope: role in ("advocate", "network_admin")  # noqa: E731
POLICY_RECORDS = ("policy/items", "policy/documents", "policy/tasks", "policy/events",
                  "policy/submissions", "policy/statements")

EVENT = "/api/v1/events/{id}"
EVENT_STAFF = ("advocate", "org_admin", "network_admin")
TRAINING = "/api/v1/training/courses/{id}"
TRAINEE = TRAINING + "/enrollments/{eid}"

CAMPAIGN = "/api/v1/campaigns/{id}"
PARTNER = "/api/v1/partners/{id}"
# Campaigns and partners (api-campaigns.md) are their organization's: everyone of it reads, its
# advocates and administrators edit; the secretariat's staff see every organization's and its
# advocates and network admins edit them (the matrix's network admin is the secretariat's).
SEES = lambda role, scope: scope == "own" or role == "network_admin"  # noqa: E731
EDITS = lambda role, scope: role in EVENT_STAFF and (  # noqa: E731
    scope == "own" or role == "network_admin")
# The sub-records the campaign and partner routes address, and how a fresh one is made (a
# removal takes a fresh one each call, made by the secretariat's network admin).
SUB_RECORDS = {
    "{sid}": ("/stops", lambda today, n: {"date": today, "region": "KR-11", "city": "서울",
                                         "venue": f"matrix-{n}", "activities": ["rally"]}),
    "{mid}": ("/materials", lambda today, n: {"title": f"matrix-{n}",
                                             "url": "https://example.org/m"}),
    "{pid}": ("/press", lambda today, n: {"date": today, "outlet": "matrix", "title": f"m-{n}",
                                         "url": "https://example.org/p"}),
    "{cid}": ("/contacts", lambda today, n: {"name": f"matrix-{n}", "phone": "010-0000-0000"}),
    "{aid}": ("/agreements", lambda today, n: {"title": f"matrix-{n}", "signed_on": today}),
}
ALLIANCE_BODY = lambda today, n: {"name": f"matrix-{n}", "since": today}  # noqa: E731


def report_reader(role, scope):
    """Its own organization's report, or for the secretariat a member's filed one."""
    return (role in ("org_admin", "supervisor") and scope == "own") or \
        (role == "network_admin" and scope == "other")


def own(*allowed):
    return lambda role, scope: role in allowed and scope == "own"


def anyone(role, scope):
    return True


def NOBODY(role, scope):
    return False


def roles(*allowed):
    return lambda role, scope: role in allowed


def user_admin(list_or_create):
    """Org admins in their own organization; network admins in their own organization, and
    elsewhere only to list and create (organization administrators)."""
    def check(role, scope):
        if role == "org_admin":
            return scope == "own"
        if role == "network_admin":
            return scope == "own" or list_or_create
        return False
    return check


def own_case_roles(role, scope):
    return role in CASE_ROLES and scope == "own"


def own_shelter_staff(role, scope):
    return role == "shelter_staff" and scope == "own"


EXPECTED = {
    ("POST", "/api/v1/session/reauth"): anyone,
    ("GET", "/api/v1/organizations"): anyone,
    ("POST", "/api/v1/organizations"): roles("network_admin"),
    ("GET", "/api/v1/organizations/{id}"): anyone,
    ("GET", USERS): user_admin(True),
    ("POST", USERS): user_admin(True),
    ("GET", USER): user_admin(False),
    ("PATCH", USER): user_admin(False),
    ("POST", USER + "/disable"): user_admin(False),
    ("POST", USER + "/enable"): user_admin(False),
    ("POST", USER + "/unlock"): user_admin(False),
    ("POST", USER + "/reset-mfa"): user_admin(False),
    ("POST", USER + "/reset-password"): user_admin(False),
    ("GET", "/api/v1/audit"): roles("auditor"),
    ("GET", "/api/v1/audit/verification"): roles("auditor"),
    ("GET", "/api/v1/audit/checkpoints"): roles("auditor"),
    # A checkpoint signs the whole network's log: the secretariat's auditors only, so no role
    # of an ordinary organization (the matrix's roles are org A's) may make one.
    ("POST", "/api/v1/audit/checkpoints"): lambda role, scope: False,
    # Survivors' records: the case roles of her own organization (elsewhere: 404, as if absent).
    ("POST", "/api/v1/people"): roles(*CASE_ROLES),
    ("GET", "/api/v1/people"): roles(*CASE_ROLES),
    ("GET", PERSON): lambda role, scope: role in CASE_ROLES and scope == "own",
    ("PATCH", PERSON): lambda role, scope: role in CASE_ROLES and scope == "own",
    ("POST", PERSON + "/erase"): lambda role, scope: role == "supervisor" and scope == "own",
    # Cases: the case roles of her organization; assignment and restriction are supervisors'.
    ("POST", "/api/v1/cases"): roles(*CASE_ROLES),
    ("GET", "/api/v1/cases"): roles(*CASE_ROLES),
    ("GET", CASE): lambda role, scope: role in CASE_ROLES and scope == "own",
    ("PATCH", CASE): lambda role, scope: role in CASE_ROLES and scope == "own",
    ("POST", CASE + "/assign"): lambda role, scope: role == "supervisor" and scope == "own",
    ("POST", CASE + "/restrict"): lambda role, scope: role == "supervisor" and scope == "own",
    ("POST", CASE + "/close"): lambda role, scope: role in CASE_ROLES and scope == "own",
    ("POST", CASE + "/reopen"): lambda role, scope: role in CASE_ROLES and scope == "own",
    ("POST", CASE + "/break-glass"): lambda role, scope: role in CASE_ROLES and scope == "own",
    ("GET", CASE + "/timeline"): lambda role, scope: role in CASE_ROLES and scope == "own",
    # A case's records: the case roles of her organization (another's: 404, as if absent).
    **{(m, CASE + tail): own_case_roles for m, tail in [
        ("POST", "/services"), ("GET", "/services"), ("POST", "/notes"), ("GET", "/notes"),
        ("POST", "/appointments"), ("GET", "/appointments"), ("POST", "/legal-matters"),
        ("GET", "/legal-matters"),
        ("POST", "/assessments"), ("GET", "/assessments"), ("POST", "/goals"), ("GET", "/goals"),
        ("POST", "/files"), ("GET", "/files")]},
    ("GET", "/api/v1/appointments"): roles(*CASE_ROLES),
    ("GET", "/api/v1/caseload"): roles(*CASE_ROLES),
    # Supervision: supervisors of her own organization (the routes take no organization id).
    ("GET", "/api/v1/supervision/team"): roles("supervisor"),
    ("GET", "/api/v1/supervision/waiting"): roles("supervisor"),
    ("POST", "/api/v1/supervision/reviews"): roles("supervisor"),
    ("POST", "/api/v1/appointments/{id}/cancel"): own_case_roles,
    ("POST", "/api/v1/appointments/{id}/done"): own_case_roles,
    ("PATCH", "/api/v1/legal-matters/{id}"): own_case_roles,
    ("POST", "/api/v1/legal-matters/{id}/hearings"): own_case_roles,
    ("PATCH", "/api/v1/goals/{id}"): own_case_roles,
    ("GET", "/api/v1/files/{id}"): own_case_roles,
    ("POST", PERSON + "/consents"): own_case_roles,
    ("GET", PERSON + "/consents"): own_case_roles,
    ("POST", "/api/v1/consents/{id}/revoke"): own_case_roles,
    # One's own notifications: any signed-in user; another's id is 404.
    ("GET", "/api/v1/notifications"): anyone,
    ("POST", "/api/v1/notifications/{id}/read"): lambda role, scope: False,
    # Help requests: the dispatchers (and supervisors) of the organization they are routed to.
    ("GET", "/api/v1/emergency/requests"): roles(*DISPATCH_ROLES),
    ("POST", "/api/v1/emergency/requests"): roles(*DISPATCH_ROLES),
    ("GET", HELP): lambda role, scope: role in DISPATCH_ROLES and scope == "own",
    ("POST", HELP + "/acknowledge"): lambda role, scope: role in DISPATCH_ROLES and scope == "own",
    ("POST", HELP + "/dispatch"): lambda role, scope: role in DISPATCH_ROLES and scope == "own",
    ("POST", HELP + "/police"): lambda role, scope: role in DISPATCH_ROLES and scope == "own",
    ("POST", HELP + "/resolve"): lambda role, scope: role in DISPATCH_ROLES and scope == "own",
    ("POST", HELP + "/link"): lambda role, scope: role in DISPATCH_ROLES and scope == "own",
    ("POST", HELP + "/close"): lambda role, scope: role in DISPATCH_ROLES and scope == "own",
    ("GET", HELP + "/candidates"): lambda role, scope: role in DISPATCH_ROLES and scope == "own",
    ("GET", "/api/v1/emergency/events"): roles(*DISPATCH_ROLES),
    ("GET", "/api/v1/emergency/coverage"): anyone,
    ("PUT", "/api/v1/emergency/coverage"): roles("org_admin"),
    ("GET", "/api/v1/emergency/on-call"): roles("org_admin", *DISPATCH_ROLES),
    ("POST", "/api/v1/emergency/on-call"): roles("org_admin", *DISPATCH_ROLES),
    ("GET", "/api/v1/emergency/measures"): roles("org_admin", "network_admin", *DISPATCH_ROLES),
    # The network directory: every member reads it; its administrator says what it shows.
    ("GET", "/api/v1/directory"): anyone,
    ("GET", "/api/v1/directory/{id}"): anyone,
    ("PUT", "/api/v1/directory/profile"): roles("org_admin"),
    # Her exclusions: the case roles of her organization.
    ("GET", EXCLUSIONS): own_case_roles,
    ("POST", EXCLUSIONS): own_case_roles,
    ("DELETE", EXCLUSIONS + "/{exclusion_id}"): own_case_roles,
    # Referrals: the case roles of the sender or the receiver; anyone else 404.
    ("POST", "/api/v1/referrals"): roles(*CASE_ROLES),
    ("GET", "/api/v1/referrals"): roles(*CASE_ROLES),
    ("GET", "/api/v1/referrals/statistics"): roles(*CASE_ROLES),
    **{(m, REFERRAL + tail): own_case_roles for m, tail in [
        ("GET", ""), ("GET", "/letter"), ("POST", "/accept"), ("POST", "/decline"),
        ("POST", "/withdraw"), ("POST", "/complete")]},
    # Shelters: rooms and beds are set up by the facility's staff or administrator; residents
    # (board, home, stays, outings, follow-ups) are the shelter staff's alone, of their own
    # organization (another's: 404). Everyone signed in sees free-bed counts and the limits.
    ("POST", "/api/v1/shelter/rooms"): roles(*SHELTER_ROOMS),
    ("POST", BED + "/status"): lambda role, scope: role in SHELTER_ROOMS and scope == "own",
    ("GET", BED + "/history"): lambda role, scope: role in SHELTER_ROOMS and scope == "own",
    ("PUT", "/api/v1/shelter/grace"): roles(*SHELTER_ROOMS),
    ("GET", "/api/v1/shelter/board"): roles("shelter_staff"),
    ("GET", "/api/v1/shelter/home"): roles("shelter_staff"),
    ("GET", "/api/v1/shelter/occupancy"): roles("shelter_staff"),
    ("POST", "/api/v1/shelter/stays"): roles("shelter_staff"),
    ("GET", STAY): own_shelter_staff,
    ("POST", STAY + "/move"): own_shelter_staff,
    ("POST", STAY + "/exit"): own_shelter_staff,
    ("POST", STAY + "/outings"): own_shelter_staff,
    ("POST", "/api/v1/shelter/outings/{id}/return"): own_shelter_staff,
    ("POST", "/api/v1/shelter/follow-ups/{id}"): own_shelter_staff,
    ("POST", STAY + "/extensions"): own_shelter_staff,
    ("PUT", STAY + "/readiness/{item}"): own_shelter_staff,
    ("POST", "/api/v1/shelter/waitlist"): roles("shelter_staff"),
    ("GET", "/api/v1/shelter/waitlist"): roles("shelter_staff"),
    ("POST", "/api/v1/shelter/waitlist/{id}/remove"): own_shelter_staff,
    # Extensions are decided by supervisors (case.supervise) of the stay's organization.
    ("GET", "/api/v1/shelter/extensions"): roles("supervisor"),
    ("POST", "/api/v1/shelter/extensions/{id}/decision"):
        lambda role, scope: role == "supervisor" and scope == "own",
    ("GET", "/api/v1/shelter/limits"): anyone,
    ("PUT", "/api/v1/shelter/limits"): roles("network_admin"),
    ("GET", "/api/v1/network/beds"): anyone,
    ("POST", "/api/v1/network/beds/holds"): roles(*DISPATCH_ROLES),
    # Support funds: sources and rules are administrators' and finance's; her ledger is
    # finance's and her case roles'; workers apply, supervisors decide, finance and supervisors
    # pay and approve (of their own organization; another's answers 404).
    ("POST", "/api/v1/funding-sources"): roles(*FUND_RULES),
    ("GET", "/api/v1/funding-sources"): roles(*FUND_SOURCES),
    ("GET", FUNDING_SOURCE): own(*FUND_SOURCES),
    ("PUT", FUNDING_SOURCE): own(*FUND_RULES),
    ("GET", "/api/v1/funds/settings"): roles(*FUND_SOURCES),
    ("PUT", "/api/v1/funds/settings"): roles(*FUND_RULES),
    ("POST", PERSON + "/fund-applications"): own(*CASE_ROLES),
    ("GET", PERSON + "/fund-applications"): own(*FUND_READ),
    ("GET", "/api/v1/fund-applications"): roles("supervisor"),
    ("POST", "/api/v1/fund-applications/{id}/decision"): own("supervisor"),
    ("POST", PERSON + "/disbursements"): own(*FUND_WRITE),
    ("GET", PERSON + "/disbursements"): own(*FUND_READ),
    ("POST", DISBURSEMENT + "/reversal"): own(*FUND_WRITE),
    ("POST", DISBURSEMENT + "/approval"): own(*FUND_WRITE),
    ("GET", "/api/v1/disbursements/pending"): roles(*FUND_WRITE),
    # Receipts of her ledger entries (of their own organization; another's answers 404).
    ("POST", DISBURSEMENT + "/receipts"): own(*RECEIPT_WRITE),
    ("GET", DISBURSEMENT + "/receipts"): own(*RECEIPT_READ),
    ("GET", "/api/v1/receipts/{id}/file"): own(*RECEIPT_READ),
    ("POST", "/api/v1/receipts/{id}/withdrawal"): own(*RECEIPT_WRITE),
    # Double support across members: counts for the secretariat only (no person, no record).
    ("GET", "/api/v1/funds/double-support"): roles("network_admin"),
    # Self-reliance programs: definitions are an administrator's too; the class, attendance,
    # her certificates, outcomes and follow-ups are the case roles'; her page's money is
    # finance's too (of their own organization; another's answers 404).
    ("POST", "/api/v1/programs"): roles(*PROGRAM_DEFINE),
    ("GET", "/api/v1/programs"): roles(*PROGRAM_DEFINE),
    ("GET", "/api/v1/programs/{id}"): own(*CASE_ROLES),
    ("PUT", "/api/v1/programs/{id}"): own(*PROGRAM_DEFINE),
    ("POST", "/api/v1/programs/{id}/sessions"): own(*CASE_ROLES),
    ("POST", "/api/v1/programs/{id}/enrollments"): own(*CASE_ROLES),
    ("POST", "/api/v1/enrollments/{id}/end"): own(*CASE_ROLES),
    ("GET", "/api/v1/program-sessions/{id}/attendance"): own(*CASE_ROLES),
    ("PUT", "/api/v1/program-sessions/{id}/attendance"): own(*CASE_ROLES),
    ("POST", PERSON + "/certificates"): own(*CASE_ROLES),
    ("POST", PERSON + "/outcomes"): own(*CASE_ROLES),
    ("POST", "/api/v1/outcome-follow-ups/{id}"): own(*CASE_ROLES),
    ("GET", "/api/v1/follow-ups"): roles(*CASE_ROLES),
    ("GET", PERSON + "/self-reliance"): own("case_worker", "supervisor", "finance"),
    # Statistics: the network's (consenting women only, small cells hidden) are the
    # secretariat's and researchers'; k is network_admin's; an organization's own figures are its
    # administrator's and supervisors'. Counts only: none reaches a person.
    ("GET", "/api/v1/stats/network"): roles("network_admin", "researcher"),
    ("GET", "/api/v1/stats/settings"): roles("network_admin", "researcher"),
    ("PUT", "/api/v1/stats/settings"): roles("network_admin"),
    ("GET", "/api/v1/stats/own"): roles("org_admin", "supervisor"),
    ("GET", "/api/v1/stats/network.csv"): roles("network_admin", "researcher"),
    ("GET", "/api/v1/stats/own.csv"): roles("org_admin", "supervisor"),
    # Export jobs: whoever reads some statistics may export them (the kind needs the permission
    # of its statistics); a job answers only its creator, here org-a's and org-b's org_admin.
    ("POST", "/api/v1/exports"): roles("org_admin", "supervisor", "network_admin", "researcher"),
    ("GET", "/api/v1/exports"): roles("org_admin", "supervisor", "network_admin", "researcher"),
    **{("GET", "/api/v1/exports/{id}" + tail): lambda role, scope: role == "org_admin"
       and scope == "own" for tail in ("", "/events", "/file")},
    # Periodic reports: an organization's administrator prepares and files, its supervisors read
    # and review; the secretariat reads every member's filed reports (the matrix's records are
    # filed and superseded, so allowed writes answer 409 and change nothing), never a draft.
    ("POST", "/api/v1/reports"): roles("org_admin"),
    ("GET", "/api/v1/reports"): roles("org_admin", "supervisor", "network_admin"),
    ("GET", "/api/v1/reports/filings"): roles("network_admin"),
    ("GET", REPORT): report_reader,
    ("GET", REPORT + "/signed"): report_reader,
    ("POST", REPORT + "/refresh"): own("org_admin"),
    ("PUT", REPORT + "/annotations"): own("org_admin"),
    ("POST", REPORT + "/review"): own("org_admin", "supervisor"),
    ("POST", REPORT + "/file"): own("org_admin"),
    ("POST", REPORT + "/correction"): own("org_admin"),
    # Policy monitor (api-policy.md).
    **{("GET", POLICY + tail): anyone for tail in (
        "/jurisdictions", "/items", "/items/{id}", "/documents/{id}/file", "/criteria",
        "/compare", "/ordinance-amounts", "/map", "/map/{region}", "/timeline", "/tasks",
        "/events", "/submissions", "/statements")},
    ("POST", POLICY + "/items"): POLICY_EDIT,
    ("PATCH", POLICY + "/items/{id}"): POLICY_EDIT,
    ("POST", POLICY + "/items/{id}/status"): POLICY_EDIT,
    ("POST", POLICY + "/items/{id}/documents"): POLICY_EDIT,
    ("PUT", POLICY + "/items/{id}/scores"): POLICY_EDIT,
    ("DELETE", POLICY + "/documents/{id}"): POLICY_EDIT,
    ("POST", POLICY + "/criteria"): POLICY_EDIT,
    ("PATCH", POLICY + "/criteria/{key}"): POLICY_EDIT,
    ("POST", POLICY + "/import"): POLICY_EDIT,
    **{(method, POLICY + "/" + kind + tail): POLICY_EDIT
       for kind in ("tasks", "events", "submissions", "statements")
       for method, tail in (("POST", ""), ("PATCH", "/{id}"))},
    # Events (docs/api-events.md) are their organizing organization's: its advocates and
    # administrators (the secretariat's network admins); another's answer 404.
    ("GET", "/api/v1/events"): roles(*EVENT_STAFF),
    ("POST", "/api/v1/events"): roles(*EVENT_STAFF),
    ("GET", EVENT): own(*EVENT_STAFF),
    ("PATCH", EVENT): own(*EVENT_STAFF),
    ("GET", EVENT + "/attendance"): own(*EVENT_STAFF),
    ("GET", EVENT + "/registrations"): own(*EVENT_STAFF),
    ("POST", EVENT + "/registrations"): own(*EVENT_STAFF),
    ("POST", EVENT + "/registrations/{rid}/cancel"): own(*EVENT_STAFF),
    ("POST", EVENT + "/check-ins"): own(*EVENT_STAFF),
    ("GET", EVENT + "/co-organizers"): own(*EVENT_STAFF),
    ("POST", EVENT + "/co-organizers"): own(*EVENT_STAFF),
    ("DELETE", EVENT + "/co-organizers/{partner_id}"): own(*EVENT_STAFF),
    ("GET", "/api/v1/campaigns"): anyone,
    ("POST", "/api/v1/campaigns"): roles(*EVENT_STAFF),
    ("GET", CAMPAIGN): SEES,
    ("PATCH", CAMPAIGN): EDITS,
    ("POST", CAMPAIGN + "/stops"): EDITS,
    ("PATCH", CAMPAIGN + "/stops/{sid}"): EDITS,
    ("DELETE", CAMPAIGN + "/stops/{sid}"): EDITS,
    ("PUT", CAMPAIGN + "/route"): EDITS,
    ("POST", CAMPAIGN + "/events"): EDITS,
    ("DELETE", CAMPAIGN + "/events/{event_id}"): EDITS,
    ("POST", CAMPAIGN + "/materials"): EDITS,
    ("DELETE", CAMPAIGN + "/materials/{mid}"): EDITS,
    ("GET", CAMPAIGN + "/materials/{mid}/file"): SEES,
    ("POST", CAMPAIGN + "/press"): EDITS,
    ("DELETE", CAMPAIGN + "/press/{pid}"): EDITS,
    ("GET", "/api/v1/partners"): anyone,
    ("POST", "/api/v1/partners"): roles(*EVENT_STAFF),
    ("GET", PARTNER): SEES,
    ("PATCH", PARTNER): EDITS,
    ("GET", PARTNER + "/contacts"): EDITS,
    ("POST", PARTNER + "/contacts"): EDITS,
    ("DELETE", PARTNER + "/contacts/{cid}"): EDITS,
    ("POST", PARTNER + "/alliances"): EDITS,
    ("DELETE", PARTNER + "/alliances/{aid}"): EDITS,
    ("POST", PARTNER + "/agreements"): EDITS,
    ("PUT", PARTNER + "/agreements/{aid}/file"): EDITS,
    ("GET", PARTNER + "/agreements/{aid}/file"): SEES,
    ("DELETE", PARTNER + "/agreements/{aid}"): EDITS,
    ("POST", PARTNER + "/interactions"): EDITS,
    # Activist training (docs/api-training.md) is run like events by its organizing
    # organization; a trainee is not a case.
    ("GET", "/api/v1/training/courses"): roles(*EVENT_STAFF),
    ("POST", "/api/v1/training/courses"): roles(*EVENT_STAFF),
    **{(m, TRAINING + tail): own(*EVENT_STAFF) for m, tail in [
        ("GET", ""), ("PATCH", ""), ("POST", "/modules"), ("PATCH", "/modules/{mid}"),
        ("POST", "/sessions"), ("PATCH", "/sessions/{sid}"),
        ("POST", "/sessions/{sid}/attendance"), ("GET", "/enrollments"),
        ("POST", "/enrollments")]},
    **{(m, TRAINEE + tail): own(*EVENT_STAFF) for m, tail in [
        ("GET", ""), ("POST", "/certificate"), ("POST", "/certificate/revoke"),
        ("GET", "/certificate/pdf")]},
    # The survivors' network (docs/api-survivors.md) exists only inside a survivor_network
    # organization: no role of the matrix's organizations (a counseling center, a support
    # facility, the secretariat) reaches any of it — their org_admin gets 404, the others 403.
    # The network's own roles are proven in test_survivors.py.
    **{(m, "/api/v1/survivors" + p): NOBODY for m, p in [
        ("GET", "/settings"), ("PUT", "/settings"), ("GET", "/groups"), ("POST", "/groups"),
        ("PATCH", "/groups/{id}"), ("GET", "/members"), ("POST", "/members"),
        ("GET", "/members/{id}"), ("PATCH", "/members/{id}"), ("DELETE", "/members/{id}"),
        ("PUT", "/members/{id}/account"), ("GET", "/me"), ("PATCH", "/me/contact"),
        ("GET", "/groups/{id}/meetings"), ("POST", "/groups/{id}/meetings"),
        ("PATCH", "/meetings/{id}"), ("GET", "/meetings/{id}/attendance"),
        ("PUT", "/meetings/{id}/attendance/{member_id}"),
        ("DELETE", "/meetings/{id}/attendance/{member_id}"), ("GET", "/peer-contacts"),
        ("POST", "/peer-contacts"), ("GET", "/statements"), ("POST", "/statements"),
        ("PATCH", "/statements/{id}"), ("POST", "/statements/{id}/open"),
        ("POST", "/statements/{id}/publish"), ("POST", "/statements/{id}/close"),
        ("PUT", "/statements/{id}/signature"), ("DELETE", "/statements/{id}/signature")]},
}

# The restricted-person dimension: does a route reach a person? HER: it addresses her (her id,
# her case's, her record's): a case worker who is not hers gets 403 break_glass_required, her
# supervisor, her assigned worker and a break-glass holder get what their role allows.
# LISTS_HER: a list or search that would find her: everyone gets it, the worker who is not hers
# without a trace of her. DOOR: how one asks for her (break-glass): open to every case role.
# OPENS_HER_CASE: opening a case for her. NONE: never reaches a person.
HER, LISTS_HER, DOOR, OPENS_HER_CASE, NONE = "her", "lists_her", "door", "opens", "none"
REACHES_HER = {
    **{key: NONE for key in EXPECTED},
    ("GET", "/api/v1/people"): LISTS_HER,
    ("GET", PERSON): HER,
    ("PATCH", PERSON): HER,
    ("POST", PERSON + "/erase"): HER,
    ("POST", "/api/v1/cases"): OPENS_HER_CASE,
    ("GET", "/api/v1/cases"): LISTS_HER,
    **{(m, CASE + tail): HER for m, tail in [
        ("GET", ""), ("PATCH", ""), ("POST", "/assign"), ("POST", "/restrict"),
        ("POST", "/close"), ("POST", "/reopen"), ("GET", "/timeline"),
        ("POST", "/services"), ("GET", "/services"), ("POST", "/notes"), ("GET", "/notes"),
        ("POST", "/appointments"), ("GET", "/appointments"), ("POST", "/legal-matters"),
        ("GET", "/legal-matters"), ("POST", "/assessments"), ("GET", "/assessments"),
        ("POST", "/goals"), ("GET", "/goals"), ("POST", "/files"), ("GET", "/files")]},
    ("POST", CASE + "/break-glass"): DOOR,
    ("GET", "/api/v1/appointments"): LISTS_HER,
    ("GET", "/api/v1/caseload"): LISTS_HER,
    ("POST", "/api/v1/appointments/{id}/cancel"): HER,
    ("POST", "/api/v1/appointments/{id}/done"): HER,
    ("PATCH", "/api/v1/legal-matters/{id}"): HER,
    ("POST", "/api/v1/legal-matters/{id}/hearings"): HER,
    ("PATCH", "/api/v1/goals/{id}"): HER,
    ("GET", "/api/v1/files/{id}"): HER,
    ("POST", PERSON + "/consents"): HER,
    ("GET", PERSON + "/consents"): HER,
    ("POST", "/api/v1/consents/{id}/revoke"): HER,
    ("GET", EXCLUSIONS): HER,
    ("POST", EXCLUSIONS): HER,
    ("DELETE", EXCLUSIONS + "/{exclusion_id}"): HER,
    # The path names a help request, not her; linking her asks DecidePersonAccess and the
    # candidates of a request show a woman one may not reach as a stub (code only). Both are
    # tried on a restricted woman in test_emergency (docs/security.md, "Restricted survivors").
    ("POST", HELP + "/link"): NONE,
    ("GET", HELP + "/candidates"): NONE,
    # Her applications and her ledger.
    ("POST", PERSON + "/fund-applications"): HER,
    ("GET", PERSON + "/fund-applications"): HER,
    ("POST", PERSON + "/disbursements"): HER,
    ("GET", PERSON + "/disbursements"): HER,
    # Her certificates, outcomes and page. (Class lists and the follow-ups due show a woman one
    # may not reach by her code only: tried in test_programs.)
    ("POST", PERSON + "/certificates"): HER,
    ("POST", PERSON + "/outcomes"): HER,
    ("GET", PERSON + "/self-reliance"): HER,
}
RESTRICTED_PERSON = {"legal_name": "제한 매트릭스", "alias": "숨은별매트릭스",
                     "phone": "010-5555-0199", "safe_contact": "제한-연락-메모-8830"}
# The query that would find her, per list.
LIST_QUERIES = {
    ("GET", "/api/v1/people"): "?code={code}",
    ("GET", "/api/v1/cases"): "?person_id={person}",
    ("GET", "/api/v1/appointments"): "?from=2025-12-29T00:00:00Z&to=2026-01-05T00:00:00Z"
                                     "&scope=organization",
}
# Who must see her in each list (the caseload is one's own cases and appointments).
LISTED_TO = {
    ("GET", "/api/v1/people"): ("supervisor", "assigned", "break_glass"),
    ("GET", "/api/v1/cases"): ("supervisor", "assigned", "break_glass"),
    ("GET", "/api/v1/appointments"): ("supervisor", "assigned", "break_glass"),
    ("GET", "/api/v1/caseload"): ("assigned",),
}

# Routes that answer with an event stream: only the status is read, then the stream is dropped.
STREAMING = {("GET", "/api/v1/emergency/events"), ("GET", "/api/v1/exports/{id}/events")}

# Bodies that are well-formed but can never succeed, so that allowed callers reach the service's
# record-level checks and validation (400) and refused ones get 403/404, and nothing changes.
BODIES = {
    ("POST", "/api/v1/organizations"): {"slug": "-bad-", "name": "x", "kind": "secretariat",
                                        "region": "KR-11"},
    ("POST", USERS): {"username": "x", "display_name": "x", "roles": ["case_worker"]},
    ("PATCH", USER): {"roles": ["not_a_role"]},
    ("PATCH", PERSON): {"categories": ["not_a_category"]},
    ("POST", PERSON + "/erase"): {"reason": " "},
    ("PATCH", CASE): {"risk_level": "extreme"},
    ("POST", CASE + "/assign"): {"user_ids": ["nobody"]},
    ("POST", CASE + "/restrict"): {"restricted": False},
    ("POST", CASE + "/close"): {"reason": "bored"},
    ("POST", CASE + "/reopen"): {"reason": " "},
    ("POST", CASE + "/break-glass"): {"reason": " "},
    # Case records: the right shape with a value the service refuses after finding the record.
    ("POST", CASE + "/services"): {"type": "haircut", "date": "2026-01-01", "minutes": 1},
    ("POST", CASE + "/notes"): {"text": " "},
    ("POST", CASE + "/appointments"): {"starts_at": "2026-01-01T00:00:00Z", "kind": "party"},
    ("POST", CASE + "/legal-matters"): {"kind": "parking", "status": "trial"},
    ("POST", CASE + "/assessments"): {"ratings": {"luck": 1}},
    ("POST", CASE + "/goals"): {"title": " "},
    ("POST", "/api/v1/legal-matters/{id}/hearings"): {"at": "2026-01-01T00:00:00Z",
                                                      "kind": "party"},
    ("PATCH", "/api/v1/legal-matters/{id}"): {"status": "won"},
    ("PATCH", "/api/v1/goals/{id}"): {"status": "someday"},
    ("POST", PERSON + "/consents"): {"kind": "gossip", "method": "verbal"},
    # The appointments and the consent are already cancelled/revoked: 409, nothing changes.
    ("POST", "/api/v1/appointments/{id}/cancel"): {},
    ("POST", "/api/v1/consents/{id}/revoke"): {},
    ("POST", "/api/v1/supervision/reviews"): {"kind": "holiday", "subject_id": "x"},
    ("PUT", "/api/v1/emergency/coverage"): {"regions": ["KR-99"]},
    ("POST", HELP + "/police"): {"station": "x", "notified_at": "not a time"},
    ("POST", HELP + "/resolve"): {"outcome": "rescued"},
    ("POST", HELP + "/link"): {"person_id": "x"},
    ("PUT", "/api/v1/directory/profile"): {"regions": ["KR-99"], "services": [], "languages": [],
                                           "accepting": False, "response_days": 3},
    ("POST", EXCLUSIONS): {"region": "KR-99"},
    # The referrals tried are withdrawn already: every answer is 409 and nothing changes.
    ("POST", REFERRAL + "/decline"): {"reason": "other"},
    ("POST", REFERRAL + "/complete"): {"outcome": "successful"},
    # Shelters: well-formed, refused after the record is found (a date before her admission,
    # her exit or her leaving; she is already out; the bed is already in service), so nothing
    # changes.
    ("POST", "/api/v1/shelter/rooms"): {"name": " ", "beds": 1},
    ("POST", BED + "/status"): {"status": "in_service"},
    ("PUT", "/api/v1/shelter/grace"): {"minutes": 1},
    ("POST", STAY + "/move"): {"bed_id": "0" * 26, "on": "2000-01-01"},
    ("POST", STAY + "/exit"): {"exited_on": "2000-01-01", "reason": "completed",
                               "destination": "family"},
    ("POST", STAY + "/outings"): {"kind": "outing", "left_at": "2026-01-01T00:00:00Z",
                                  "planned_return_at": "2026-01-01T01:00:00Z"},
    ("POST", "/api/v1/shelter/outings/{id}/return"): {"returned_at": "2000-01-01T00:00:00Z"},
    ("POST", "/api/v1/shelter/follow-ups/{id}"): {"done_on": "2000-01-01", "outcome": "stable"},
    ("POST", STAY + "/extensions"): {"until_on": "2000-01-01", "reason": "matrix"},
    ("PUT", STAY + "/readiness/{item}"): {"status": "done"},
    # The extension is refused already: 409, nothing changes.
    ("POST", "/api/v1/shelter/extensions/{id}/decision"): {"approve": True},
    # She is off the waitlist already: 409, nothing changes.
    ("POST", "/api/v1/shelter/waitlist/{id}/remove"): {"reason": "withdrawn"},
    ("PUT", "/api/v1/shelter/limits"): {"general": {"months": 0, "extension_months": 0}},
    ("POST", "/api/v1/network/beds/holds"): {"org_id": "x", "kind": "standard"},
    # Funds: an unknown source or a year out of range (400); the application is decided and the
    # entry is a reversal already (409), so nothing changes.
    ("PUT", FUNDING_SOURCE): {"name": "x", "year": 1999, "budget": 1,
                              "rules": {"training": {"cap": 1}}},
    ("PUT", "/api/v1/funds/settings"): {"two_person_above": -1},
    # k out of range (400): the setting stays as it was.
    ("PUT", "/api/v1/stats/settings"): {"k": 2},
    ("POST", "/api/v1/exports"): {"kind": "stats.own", "format": "docx", "by": "region"},
    ("POST", PERSON + "/fund-applications"): {"source_id": "0" * 26, "kind": "training",
                                              "amount": 1, "reason": "matrix"},
    ("POST", "/api/v1/fund-applications/{id}/decision"): {"approve": True},
    ("POST", PERSON + "/disbursements"): {"source_id": "0" * 26, "kind": "training",
                                         "amount": 1, "paid_on": "2026-01-01"},
    ("POST", DISBURSEMENT + "/reversal"): {"reason": "duplicate"},
    ("POST", DISBURSEMENT + "/approval"): {"approve": True},
    ("POST", "/api/v1/receipts/{id}/withdrawal"): {"reason": "matrix"},
    # Policy monitor: every write stops at validation (an unknown vocabulary word or a missing
    # field), and a change with nothing in it changes nothing.
    ("POST", POLICY + "/items"): {"kind": "treaty", "jurisdiction": "KR", "title": "x",
                                  "stance": "watch", "status": "proposed",
                                  "status_on": "2020-01-01"},
    ("POST", POLICY + "/items/{id}/status"): {"status": "passed", "on": "2020-01-01"},
    ("POST", POLICY + "/items/{id}/documents"): {"title": "x", "url": "ftp://x"},
    ("PUT", POLICY + "/items/{id}/scores"): {"scores": [{"criterion": "nope", "value": 1}]},
    ("POST", POLICY + "/criteria"): {"key": "X", "label_ko": "x", "label_en": "x",
                                     "kind": "yes_no"},
    ("POST", POLICY + "/tasks"): {"title": ""},
    ("POST", POLICY + "/events"): {"kind": "party", "title": "x", "on": "2026-01-01",
                                   "jurisdiction": "KR"},
    ("POST", POLICY + "/submissions"): {"kind": "letter", "title": "x",
                                        "submitted_on": "2026-01-01"},
    ("POST", POLICY + "/statements"): {"title_ko": "", "body_ko": ""},
}

def make_superseded_report(server, admin, supervisor):
    """A report of 2020 filed and then corrected: the superseded one, on which every write
    answers 409 and changes nothing."""
    r = admin.client.post("/api/v1/reports", body={"period": "2020"})
    assert r.status == 201, r.body
    first = r.json()["id"]
    for report_id in [first, None]:
        if report_id is None:
            r = admin.client.post(f"/api/v1/reports/{first}/correction", body={})
            assert r.status == 201, r.body
            report_id = r.json()["id"]
        r = supervisor.client.post(f"/api/v1/reports/{report_id}/review", body={})
        assert r.status == 200, r.body
        reauth(admin, server)
        r = admin.client.post(f"/api/v1/reports/{report_id}/file", body={})
        assert r.status == 200, r.body
    return first


# Routes of one's own session: any signed-in user, never about anyone else.
OWN_SESSION = "own_session"


def make_records(session, case_id, person_id):
    """A record of each kind on a case (and a consent of its person), for the routes that
    address records by their own id. The appointment is cancelled and the consent revoked
    already, so that allowed callers get 409 and nothing changes."""
    case = f"/api/v1/cases/{case_id}"
    c = session.client
    made = {
        "appointments": c.post(case + "/appointments", body={
            "starts_at": "2026-01-01T00:00:00Z", "kind": "visit"}),
        "legal-matters": c.post(case + "/legal-matters", body={"kind": "family", "status": "trial"}),
        "goals": c.post(case + "/goals", body={"title": "matrix"}),
        "files": c.request("POST", case + "/files?kind=other&name=m.txt", raw=b"matrix",
                           headers={"Content-Type": "application/octet-stream"}),
        "consents": c.post(f"/api/v1/people/{person_id}/consents",
                           body={"kind": "statistics", "method": "verbal"}),
        "exclusions": c.post(f"/api/v1/people/{person_id}/exclusions", body={"region": "KR-49"}),
    }
    ids = {}
    for kind, r in made.items():
        assert r.status == 201, (kind, r.body)
        ids[kind] = r.json()["id"]
    assert c.post(f"/api/v1/appointments/{ids['appointments']}/cancel").status == 200
    assert c.post(f"/api/v1/consents/{ids['consents']}/revoke").status == 200
    assert c.delete(f"/api/v1/people/{person_id}/exclusions/{ids['exclusions']}").status == 204
    return ids


def make_shelter_records(staff, worker, supervisor):
    """A room with two beds, a resident who is out on an outing (with an extension her
    supervisor refused), and a woman who has left (with her follow-ups), for the shelter routes
    that address records by id. Both stays began in 2025, so the matrix's dates of 2000 are
    refused after the record is found."""
    c = staff.client
    r = c.post("/api/v1/shelter/rooms", body={"name": "매트릭스", "beds": 2})
    assert r.status == 201, r.body
    beds = [b["id"] for b in r.json()["beds"]]
    stays = []
    for i, bed in enumerate(beds):
        p = worker.client.post("/api/v1/people", body={"legal_name": f"입소 매트릭스 {i}"})
        assert p.status == 201, p.body
        s = c.post("/api/v1/shelter/stays", body={
            "person_id": p.json()["id"], "bed_id": bed, "admitted_on": "2025-01-01"})
        assert s.status == 201, s.body
        stays.append(s.json()["id"])
    o = c.post(f"/api/v1/shelter/stays/{stays[0]}/outings", body={
        "kind": "outing", "left_at": "2025-02-01T00:00:00Z",
        "planned_return_at": "2025-02-01T03:00:00Z"})
    assert o.status == 201, o.body
    e = c.post(f"/api/v1/shelter/stays/{stays[1]}/exit", body={
        "exited_on": "2025-06-01", "reason": "completed", "destination": "family"})
    assert e.status == 200, e.body
    x = c.post(f"/api/v1/shelter/stays/{stays[0]}/extensions", body={
        "until_on": "2026-06-01", "reason": "매트릭스 연장"})
    assert x.status == 201, x.body
    d = supervisor.client.post(f"/api/v1/shelter/extensions/{x.json()['id']}/decision",
                               body={"approve": False})
    assert d.status == 200, d.body
    p = worker.client.post("/api/v1/people", body={"legal_name": "대기 매트릭스"})
    assert p.status == 201, p.body
    w = c.post("/api/v1/shelter/waitlist", body={
        "person_code": p.json()["code"], "urgency": "high", "source": "referral"})
    assert w.status == 201, w.body
    assert c.post(f"/api/v1/shelter/waitlist/{w.json()['id']}/remove",
                  body={"reason": "placed_elsewhere"}).status == 200
    return {"shelter/beds": beds[0], "shelter/stays": stays[0],
            "shelter/outings": o.json()["id"],
            "shelter/follow-ups": e.json()["follow_ups"][0]["id"],
            "shelter/extensions": x.json()["id"], "shelter/waitlist": w.json()["id"]}


def make_fund_records(admin, finance, worker, supervisor, person_id, year):
    """A funding source, a refused application for her, and a paid entry reversed in full: the
    matrix's calls on them answer 409 (or 400) and change nothing."""
    r = admin.client.post("/api/v1/funding-sources", body={
        "name": "매트릭스 재원", "year": year, "budget": 1_000_000,
        "rules": {"training": {"cap": 1_000_000}}})
    assert r.status == 201, r.body
    source = r.json()["id"]
    a = worker.client.post(f"/api/v1/people/{person_id}/fund-applications", body={
        "source_id": source, "kind": "training", "amount": 1000, "reason": "매트릭스"})
    assert a.status == 201, a.body
    d = supervisor.client.post(f"/api/v1/fund-applications/{a.json()['id']}/decision",
                               body={"approve": False})
    assert d.status == 200, d.body
    p = finance.client.post(f"/api/v1/people/{person_id}/disbursements", body={
        "source_id": source, "kind": "training", "amount": 1000, "paid_on": f"{year}-01-02"})
    assert p.status == 201, p.body
    x = finance.client.post(f"/api/v1/disbursements/{p.json()['id']}/reversal",
                            body={"reason": "entry_error"})
    assert x.status == 201, x.body
    # A receipt, withdrawn already: a second withdrawal answers 409 and changes nothing.
    rc = finance.client.request("POST", f"/api/v1/disbursements/{x.json()['id']}/receipts"
                                "?name=m.pdf", raw=b"%PDF-1.4 matrix",
                                headers={"Content-Type": "application/pdf"})
    assert rc.status == 201, rc.body
    w = finance.client.post(f"/api/v1/receipts/{rc.json()['id']}/withdrawal",
                            body={"reason": "matrix"})
    assert w.status == 200, w.body
    return {"funding-sources": source, "fund-applications": a.json()["id"],
            "disbursements": x.json()["id"], "receipts": rc.json()["id"]}


def make_program_records(worker, person_id, now):
    """A program with a past session, her enrollment (ended) and an employment outcome: the
    matrix's empty bodies stop at validation (400) and change nothing."""
    day = time.strftime("%Y-%m-%d", time.gmtime(now + 9 * 3600))
    r = worker.client.post("/api/v1/programs", body={
        "name": "매트릭스 과정", "kind": "vocational_course", "provider": "own",
        "starts_on": day, "capacity": 5})
    assert r.status == 201, r.body
    program = r.json()["id"]
    r = worker.client.post(f"/api/v1/programs/{program}/sessions", body={"sessions": [
        {"starts_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now - 3600)),
         "minutes": 60}]})
    assert r.status == 201, r.body
    session = r.json()["items"][0]["id"]
    r = worker.client.post(f"/api/v1/programs/{program}/enrollments", body={
        "person_id": person_id, "enrolled_on": day})
    assert r.status == 201, r.body
    enrollment = r.json()["id"]
    r = worker.client.post(f"/api/v1/enrollments/{enrollment}/end", body={
        "status": "dropped", "ended_on": day})
    assert r.status == 200, r.body
    r = worker.client.post(f"/api/v1/people/{person_id}/outcomes", body={
        "kind": "employment", "started_on": day})
    assert r.status == 201, r.body
    return {"programs": program, "program-sessions": session, "enrollments": enrollment,
            "outcome-follow-ups": r.json()["follow_ups"][0]["id"]}


class PermissionMatrixTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        # For the restricted-person dimension: a case worker who is not hers, and one who will
        # break the glass.
        add_user(cls.server, "org-a", "org-a-outsider", "case_worker")
        add_user(cls.server, "org-a", "org-a-glass", "case_worker")
        cls.server.start()
        c = cls.server.client()
        doc = c.get("/api/v1/openapi.json").json()
        cls.routes = []
        for path, ops in doc["paths"].items():
            for method, op in ops.items():
                if isinstance(op, dict) and "x-permission" in op:
                    cls.routes.append((method.upper(), path, op["x-permission"]))
        cls.sessions = {}
        for role in ROLES:
            org = "sec" if role == "network_admin" else "org-a"
            s = sign_in(cls.server, cls.users[org][role])
            cls.sessions[role] = s
        # Re-authenticate every session (on a fresh TOTP step), so routes that need a recent
        # re-authentication are judged on permissions alone.
        advance(cls.server.client(), 31)
        now = server_now(cls.server.client())
        for s in cls.sessions.values():
            body = {"password": PASSWORD}
            if s.totp_secret:
                body["totp"] = totp(s.totp_secret, now)
            r = s.client.post("/api/v1/session/reauth", body=body)
            assert r.status == 204, r.body
        cls.org_ids = {}
        admin = cls.sessions["network_admin"]
        for org in admin.client.get("/api/v1/organizations").json()["items"]:
            cls.org_ids[org["slug"]] = org["id"]
        # The user each scope's user routes act on: in A and B found through their own org
        # admins, in the secretariat through the network admin.
        cls.target_ids = {}
        a_admin = cls.sessions["org_admin"]
        for u in a_admin.client.get(f"/api/v1/organizations/{cls.org_ids['org-a']}/users").json()[
                "items"]:
            if u["username"] == "org-a-target":
                cls.target_ids["org-a"] = u["id"]
        b_admin = sign_in(cls.server, cls.users["org-b"]["org_admin"])
        for u in b_admin.client.get(f"/api/v1/organizations/{cls.org_ids['org-b']}/users").json()[
                "items"]:
            if u["username"] == "org-b-target":
                cls.target_ids["org-b"] = u["id"]
        # A case worker of the secretariat, for the network admin's own-organization cases.
        cls.target_ids["sec"] = next(
            u["id"] for u in admin.client.get(
                f"/api/v1/organizations/{cls.org_ids['sec']}/users").json()["items"]
            if u["username"] == "sec-auditor")
        # A person in each organization, for the /api/v1/people/{id} routes. The network admin
        # is refused by role before any lookup, so the secretariat's id needs no real person.
        cls.person_ids = {"sec": "0" * 26}
        b_worker = sign_in(cls.server, cls.users["org-b"]["case_worker"])
        for slug, s in [("org-a", cls.sessions["case_worker"]), ("org-b", b_worker)]:
            r = s.client.post("/api/v1/people", body={"legal_name": "매트릭스 " + slug})
            assert r.status == 201, r.body
            cls.person_ids[slug] = r.json()["id"]
        cls.case_ids = {"sec": "0" * 26}
        for slug, s in [("org-a", cls.sessions["case_worker"]), ("org-b", b_worker)]:
            r = s.client.post("/api/v1/cases", body={
                "person_id": cls.person_ids[slug], "intake_channel": "hotline",
                "risk_level": "low", "summary": "matrix"})
            assert r.status == 201, r.body
            cls.case_ids[slug] = r.json()["id"]

        # A record of each kind in each organization, for the routes that address records by
        # their own id. The appointment is cancelled and the consent revoked already, so that
        # allowed callers get 409 and nothing changes.
        cls.record_ids = {kind: {"sec": "0" * 26} for kind in
                          ("appointments", "legal-matters", "goals", "files", "consents",
                           "exclusions", *SHELTER_RECORDS, *FUND_RECORDS,
                           *PROGRAM_RECORDS, "reports")}
        for slug, s in [("org-a", cls.sessions["case_worker"]), ("org-b", b_worker)]:
            for kind, record_id in make_records(s, cls.case_ids[slug],
                                                cls.person_ids[slug]).items():
                cls.record_ids[kind][slug] = record_id
        b_staff = sign_in(cls.server, cls.users["org-b"]["shelter_staff"])
        b_supervisor = sign_in(cls.server, cls.users["org-b"]["supervisor"])
        for slug, staff, worker, supervisor in [
                ("org-a", cls.sessions["shelter_staff"], cls.sessions["case_worker"],
                 cls.sessions["supervisor"]),
                ("org-b", b_staff, b_worker, b_supervisor)]:
            for kind, record_id in make_shelter_records(staff, worker, supervisor).items():
                cls.record_ids[kind][slug] = record_id
        year = int(time.strftime("%Y", time.gmtime(server_now(cls.server.client()) + 9 * 3600)))
        b_finance = sign_in(cls.server, cls.users["org-b"]["finance"])
        for slug, admin, finance, worker, supervisor in [
                ("org-a", cls.sessions["org_admin"], cls.sessions["finance"],
                 cls.sessions["case_worker"], cls.sessions["supervisor"]),
                ("org-b", b_admin, b_finance, b_worker, b_supervisor)]:
            for kind, record_id in make_fund_records(admin, finance, worker, supervisor,
                                                     cls.person_ids[slug], year).items():
                cls.record_ids[kind][slug] = record_id
        now = server_now(cls.server.client())
        for slug, worker in [("org-a", cls.sessions["case_worker"]), ("org-b", b_worker)]:
            for kind, record_id in make_program_records(worker, cls.person_ids[slug],
                                                        now).items():
                cls.record_ids[kind][slug] = record_id
        for slug, admin, supervisor in [("org-a", cls.sessions["org_admin"],
                                          cls.sessions["supervisor"]),
                                         ("org-b", b_admin, b_supervisor)]:
            cls.record_ids["reports"][slug] = make_superseded_report(cls.server, admin,
                                                                     supervisor)
        # A help request in A and in B, resolved at once so that the matrix's calls (acknowledge
        # takes no body) answer 409 and change nothing.
        cls.help_ids = {"sec": "0" * 26}
        b_dispatcher = sign_in(cls.server, cls.users["org-b"]["dispatcher"])
        for slug, s in [("org-a", cls.sessions["dispatcher"]), ("org-b", b_dispatcher)]:
            r = s.client.post("/api/v1/emergency/requests", body={
                "channel": "hotline", "region": "KR-11", "situation": "매트릭스 " + slug})
            assert r.status == 201, r.body
            cls.help_ids[slug] = r.json()["id"]
            r = s.client.post(f"/api/v1/emergency/requests/{cls.help_ids[slug]}/resolve",
                              body={"outcome": "not_genuine"})
            assert r.status == 200, r.body

        # An export job of each organization's org_admin (only its creator sees it).
        advance(cls.server.client(), 31)  # a fresh TOTP step: codes are single-use
        b_admin_body = {"password": PASSWORD}
        if b_admin.totp_secret:
            b_admin_body["totp"] = totp(b_admin.totp_secret, server_now(cls.server.client()))
        r = b_admin.client.post("/api/v1/session/reauth", body=b_admin_body)
        assert r.status == 204, r.body
        cls.record_ids["exports"] = {"sec": "0" * 26}
        for slug, s in [("org-a", cls.sessions["org_admin"]), ("org-b", b_admin)]:
            r = s.client.post("/api/v1/exports", body={"kind": "stats.own", "format": "csv",
                                                       "by": "region"})
            assert r.status == 202, r.body
            cls.record_ids["exports"][slug] = r.json()["id"]

        cls.build_policy_records()
        cls.build_events()
        cls.build_campaigns()
        cls.build_training()
        cls.build_referrals(b_worker, b_admin)
        cls.build_restricted_person()

    @classmethod
    def build_policy_records(cls):
        """One record of each kind the policy routes address; the network's, so the same id
        answers every organization."""
        advocate = cls.sessions["advocate"]
        r = advocate.client.post(POLICY + "/items", body={
            "kind": "ordinance", "jurisdiction": "KR-41", "title": "매트릭스 조례",
            "stance": "support", "status": "enacted", "status_on": "2020-01-01"})
        assert r.status == 201, r.body
        item = r.json()["id"]
        ids = {"policy/items": item, "policy/documents": cls.policy_file(item)}
        for kind, body in [("tasks", {"title": "매트릭스"}),
                           ("events", {"kind": "hearing", "title": "매트릭스", "on": "2026-01-01",
                                       "jurisdiction": "KR-41"}),
                           ("submissions", {"kind": "opinion", "title": "매트릭스",
                                            "submitted_on": "2026-01-01"}),
                           ("statements", {"title_ko": "매트릭스", "body_ko": "매트릭스"})]:
            r = advocate.client.post(f"{POLICY}/{kind}", body=body)
            assert r.status == 201, r.body
            ids["policy/" + kind] = r.json()["id"]
        for kind, record_id in ids.items():
            cls.record_ids[kind] = {"sec": record_id, "org-a": record_id, "org-b": record_id}
        cls.policy_item = item

    @classmethod
    def policy_file(cls, item):
        r = cls.sessions["advocate"].client.post(
            f"{POLICY}/items/{item}/documents?title=matrix&name=m.pdf", raw=b"%PDF-1.4 m",
            headers={"Content-Type": "application/pdf"})
        assert r.status == 201, r.body
        return r.json()["id"]

    @classmethod
    def build_events(cls):
        """An event of the secretariat, A and B, each with one registration cancelled at once,
        so that the matrix's cancel answers 409 and nothing changes."""
        cls.event_ids, cls.event_registration_ids = {}, {}
        starts = time.strftime("%Y-%m-%dT10:00:00+09:00",
                               time.gmtime(server_now(cls.server.client()) + 9 * 3600 + 86400))
        ends = starts.replace("T10:", "T12:")
        b_advocate = sign_in(cls.server, cls.users["org-b"]["advocate"])
        for slug, s in [("sec", cls.sessions["network_admin"]),
                        ("org-a", cls.sessions["advocate"]), ("org-b", b_advocate)]:
            r = s.client.post("/api/v1/events", body={
                "kind": "forum", "title_ko": "매트릭스 " + slug, "starts_at": starts,
                "ends_at": ends, "venue": "교육장", "region": "KR-11"})
            assert r.status == 201, r.body
            cls.event_ids[slug] = r.json()["id"]
            r = s.client.post(f"/api/v1/events/{cls.event_ids[slug]}/registrations",
                              body={"name": "매트릭스"})
            assert r.status == 201, r.body
            rid = r.json()["id"]
            r = s.client.post(f"/api/v1/events/{cls.event_ids[slug]}/registrations/{rid}/cancel",
                              body={})
            assert r.status == 200, r.body
            cls.event_registration_ids[slug] = rid

    @classmethod
    def build_campaigns(cls):
        """A campaign and a partner of the secretariat, A and B, each with a stop, a material
        file and an agreement with its file, for the routes that address them."""
        cls.today = time.strftime("%Y-%m-%d",
                                  time.gmtime(server_now(cls.server.client()) + 9 * 3600))
        cls.made = 0
        cls.record_ids["campaigns"], cls.record_ids["partners"] = {}, {}
        cls.sub_ids = {}
        b_advocate = sign_in(cls.server, cls.users["org-b"]["advocate"])
        for slug, s in [("sec", cls.sessions["network_admin"]),
                        ("org-a", cls.sessions["advocate"]), ("org-b", b_advocate)]:
            r = s.client.post("/api/v1/campaigns", body={
                "title_ko": "매트릭스 " + slug, "starts_on": cls.today, "ends_on": cls.today})
            assert r.status == 201, r.body
            campaign = r.json()["id"]
            r = s.client.post("/api/v1/partners", body={"kind": "press", "name_ko": "매트릭스"})
            assert r.status == 201, r.body
            partner = r.json()["id"]
            cls.record_ids["campaigns"][slug] = campaign
            cls.record_ids["partners"][slug] = partner
            ids = {"{sid}": cls.make_sub(s, f"/api/v1/campaigns/{campaign}", "{sid}")}
            r = s.client.post(f"/api/v1/campaigns/{campaign}/materials?title=m&name=m.txt",
                              raw=b"matrix", headers={"Content-Type": "text/plain"})
            assert r.status == 201, r.body
            ids["{mid}"] = r.json()["id"]
            ids["{aid}"] = cls.make_sub(s, f"/api/v1/partners/{partner}", "{aid}")
            r = s.client.request("PUT", f"/api/v1/partners/{partner}/agreements/{ids['{aid}']}"
                                 "/file?name=a.txt", raw=b"matrix",
                                 headers={"Content-Type": "text/plain"})
            assert r.status == 200, r.body
            cls.sub_ids[campaign] = ids
            cls.sub_ids[partner] = ids

    @classmethod
    def make_sub(cls, session, base, placeholder):
        """A fresh sub-record under base (a campaign's or a partner's path); its id."""
        cls.made += 1
        if placeholder == "{aid}" and "/alliances/" in base:
            base = base.split("/alliances/")[0]
        tail, body = SUB_RECORDS[placeholder]
        r = session.client.post(base + tail, body=body(cls.today, cls.made))
        assert r.status == 201, r.body
        if placeholder == "{sid}":
            return next(s["id"] for s in r.json()["stops"]
                        if s["venue"] == f"matrix-{cls.made}")
        return r.json()["id"]

    def fill_subs(self, method, template, path):
        """The sub-record placeholders of a campaign's or partner's path: a fresh record for a
        removal, else the record made with the campaign or partner; unknown ids elsewhere."""
        parts = path.split("/")
        if len(parts) < 5 or parts[3] not in ("campaigns", "partners") or "{" not in path:
            return path.replace("{event_id}", "0" * 26).replace("{partner_id}", "0" * 26)
        base = "/".join(parts[:5])
        admin = self.sessions["network_admin"]
        for placeholder in ("{sid}", "{mid}", "{pid}", "{cid}", "{aid}"):
            if placeholder not in path:
                continue
            if method == "DELETE":
                if template.endswith("/alliances/{aid}"):
                    type(self).made += 1
                    r = admin.client.post(base + "/alliances",
                                          body=ALLIANCE_BODY(self.today, self.made))
                    assert r.status == 201, r.body
                    value = r.json()["id"]
                else:
                    value = type(self).make_sub(admin, base, placeholder)
            else:
                value = self.sub_ids.get(parts[4], {}).get(placeholder, "0" * 26)
            path = path.replace(placeholder, value)
        return path.replace("{event_id}", "0" * 26)

    @classmethod
    def build_training(cls):
        """A course of the secretariat, A and B, each with a module, a session and a trainee
        who attended it and whose certificate was issued and revoked at once, so that the
        matrix's issue, revoke and PDF answer 409 and nothing changes (its empty bodies stop at
        validation, its empty changes change nothing)."""
        cls.training_ids = {}
        b_advocate = sign_in(cls.server, cls.users["org-b"]["advocate"])
        for slug, s in [("sec", cls.sessions["network_admin"]),
                        ("org-a", cls.sessions["advocate"]), ("org-b", b_advocate)]:
            c = s.client
            r = c.post("/api/v1/training/courses", body={"title_ko": "매트릭스 " + slug})
            assert r.status == 201, r.body
            course = f"/api/v1/training/courses/{r.json()['id']}"
            ids = {"{id}": r.json()["id"]}
            r = c.post(course + "/modules", body={"title_ko": "매트릭스"})
            assert r.status == 201, r.body
            ids["{mid}"] = r.json()["id"]
            r = c.post(course + "/sessions", body={
                "starts_at": "2026-01-05T10:00:00+09:00", "ends_at": "2026-01-05T12:00:00+09:00",
                "venue": "교육장", "module_id": ids["{mid}"]})
            assert r.status == 201, r.body
            ids["{sid}"] = r.json()["id"]
            r = c.post(course + "/enrollments", body={"name": "매트릭스"})
            assert r.status == 201, r.body
            ids["{eid}"] = r.json()["id"]
            r = c.post(f"{course}/sessions/{ids['{sid}']}/attendance", body={
                "marks": [{"enrollment_id": ids["{eid}"], "status": "present"}]})
            assert r.status == 200, r.body
            for tail in ("", "/revoke"):
                r = c.post(f"{course}/enrollments/{ids['{eid}']}/certificate{tail}", body={})
                assert r.status in (200, 201), r.body
            cls.training_ids[slug] = ids

    @classmethod
    def build_referrals(cls, b_worker, b_admin):
        """A referral from A to B and one from B to C, both withdrawn at once, so that every
        answer the matrix tries is 409 and nothing changes."""
        add_org(cls.server, "org-c", "self_reliance_center", "KR-41", "matrix C")
        add_user(cls.server, "org-c", "org-c-org-admin", "org_admin")
        c_admin = sign_in(cls.server, "org-c-org-admin")
        for admin in (b_admin, c_admin):
            r = admin.client.request("PUT", "/api/v1/directory/profile", body={
                "regions": ["KR-11"], "services": ["counseling"], "languages": ["ko"],
                "accepting": True, "intake_contact": "", "response_days": 3})
            assert r.status == 200, r.body
        cls.referral_ids = {"sec": "0" * 26}
        for slug, s, to in [("org-a", cls.sessions["case_worker"], b_admin.org_id),
                            ("org-b", b_worker, c_admin.org_id)]:
            r = s.client.post(f"/api/v1/people/{cls.person_ids[slug]}/consents", body={
                "kind": "referral_sharing", "scope": {"org_id": to, "fields": []},
                "method": "written"})
            assert r.status == 201, r.body
            r = s.client.post("/api/v1/referrals", body={
                "case_id": cls.case_ids[slug], "to_org_id": to, "kind": "referral",
                "services": ["counseling"], "urgency": "routine", "share": []})
            assert r.status == 201, r.body
            cls.referral_ids[slug] = r.json()["id"]
            r = s.client.post(f"/api/v1/referrals/{cls.referral_ids[slug]}/withdraw")
            assert r.status == 200, r.body

    @classmethod
    def build_restricted_person(cls):
        """A woman of A with an open case (with a record of each kind) and a restricted case,
        both opened by the matrix's case worker (so she is the assigned worker); the glass
        holder broke the glass on the restricted case. Her routes are tried on her open case:
        her restriction, not the case's, must close it."""
        assigned = cls.sessions["case_worker"]
        r = assigned.client.post("/api/v1/people", body=RESTRICTED_PERSON)
        assert r.status == 201, r.body
        cls.her = {"person": r.json()["id"], "code": r.json()["code"]}
        for name, restricted in [("case", False), ("restricted_case", True)]:
            r = assigned.client.post("/api/v1/cases", body={
                "person_id": cls.her["person"], "intake_channel": "hotline", "risk_level": "low",
                "summary": "matrix", "restricted": restricted})
            assert r.status == 201, r.body
            cls.her[name] = r.json()["id"]
        cls.her["records"] = make_records(assigned, cls.her["case"], cls.her["person"])
        cls.actors = {
            "unassigned": ("case_worker", sign_in(cls.server, "org-a-outsider")),
            "supervisor": ("supervisor", cls.sessions["supervisor"]),
            "assigned": ("case_worker", assigned),
            "break_glass": ("case_worker", sign_in(cls.server, "org-a-glass")),
        }
        r = cls.actors["break_glass"][1].client.post(
            f"/api/v1/cases/{cls.her['restricted_case']}/break-glass", body={"reason": "matrix"})
        assert r.status == 200, r.body

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def fill(self, path, org_slug):
        if path.startswith("/api/v1/training/courses/"):
            for name, value in self.training_ids[org_slug].items():
                path = path.replace(name, value)
            return path
        if path.startswith("/api/v1/events/"):
            return path.replace("{id}", self.event_ids[org_slug]).replace(
                "{rid}", self.event_registration_ids[org_slug])
        for kind, ids in self.record_ids.items():
            if path.startswith(f"/api/v1/{kind}/"):
                return path.replace("{id}", ids[org_slug])
        if path.startswith("/api/v1/people/"):
            return path.replace("{id}", self.person_ids[org_slug]).replace(
                "{exclusion_id}", self.record_ids["exclusions"][org_slug])
        if path.startswith("/api/v1/cases/"):
            return path.replace("{id}", self.case_ids[org_slug])
        if path.startswith("/api/v1/referrals/"):
            return path.replace("{id}", self.referral_ids[org_slug])
        if path.startswith("/api/v1/emergency/requests/"):
            return path.replace("{id}", self.help_ids[org_slug])
        return path.replace("{id}", self.org_ids[org_slug]).replace(
            "{user_id}", self.target_ids[org_slug]).replace("{region}", "KR-41").replace(
            "{key}", "living_cost")

    def call(self, client, method, template, path):
        if (method, template) in STREAMING:
            conn = http.client.HTTPConnection("127.0.0.1", client.port, timeout=30)
            cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
            conn.request(method, path, headers={"Cookie": cookie} if cookie else {})
            r = conn.getresponse()
            body = r.read() if r.status != 200 else b""
            conn.close()
            return Response(r.status, {}, body)
        path = self.fill_subs(method, template, path)
        body = BODIES.get((method, template), {} if method in ("POST", "PATCH", "PUT") else None)
        if (method, template) == ("DELETE", POLICY + "/documents/{id}"):
            # Removing a document takes no body: each call removes a fresh one.
            path = template.replace("{id}", self.policy_file(self.policy_item))
        # A checklist item no stay has: refused after her stay is found, so nothing changes.
        return client.request(method, path.replace("{item}", "matrix"), body=body)

    def test_every_route_has_an_expectation(self):
        missing = [(m, p) for m, p, perm in self.routes
                   if perm not in ("public", OWN_SESSION) and (m, p) not in EXPECTED]
        self.assertEqual(missing, [], "decide who may use these routes and add them above")

    def test_anonymous_callers_are_refused_everything_but_public_routes(self):
        anon = self.server.client()
        for method, path, perm in self.routes:
            if perm == "public":
                continue
            r = self.call(anon, method, path, self.fill(path, "org-a"))
            self.assertEqual(r.status, 401, (method, path, r.body))

    def test_every_role_in_every_scope_gets_exactly_its_permissions(self):
        checked = 0
        for method, path, perm in self.routes:
            if perm in ("public", OWN_SESSION) or (method, path) not in EXPECTED:
                continue
            allowed = EXPECTED[(method, path)]
            for role in ROLES:
                own, other = ("sec", "org-a") if role == "network_admin" else ("org-a", "org-b")
                scopes = [("own", own), ("other", other)] if "{id}" in path else [("own", own)]
                for scope, org in scopes:
                    session = self.sessions[role]
                    r = self.call(session.client, method, path, self.fill(path, org))
                    where = (method, path, role, scope, r.status, r.body[:200])
                    if allowed(role, scope):
                        self.assertNotIn(r.status, (401, 403, 404), where)
                    else:
                        self.assertIn(r.status, (403, 404), where)
                        # A caller who may do this in her own organization learns nothing
                        # about another's records: they answer as if absent.
                        if scope == "other" and allowed(role, "own") and r.status != 404:
                            self.fail(("another organization's user must answer 404",) + where)
                    checked += 1
        self.assertGreater(checked, 100)

    # -- the restricted-person dimension ---------------------------------------------------------

    def fill_her(self, method, path):
        records = self.her["records"]
        for kind, record_id in records.items():
            if path.startswith(f"/api/v1/{kind}/"):
                return path.replace("{id}", record_id)
        if path.startswith("/api/v1/people/"):
            return path.replace("{id}", self.her["person"]).replace(
                "{exclusion_id}", records["exclusions"])
        if path.startswith("/api/v1/cases/"):
            return path.replace("{id}", self.her["case"])
        return path + LIST_QUERIES.get((method, path), "").format(**self.her)

    def test_every_route_declares_whether_it_reaches_a_person(self):
        missing = [(m, p) for m, p, perm in self.routes
                   if perm not in ("public", OWN_SESSION) and (m, p) not in REACHES_HER]
        self.assertEqual(missing, [], "decide whether these routes reach a person (REACHES_HER)")

    def test_a_restricted_woman_is_reached_only_by_those_who_are_hers(self):
        checked = 0
        opening = None
        for method, path, perm in self.routes:
            kind = REACHES_HER.get((method, path))
            if kind in (None, NONE):
                continue
            if kind == OPENS_HER_CASE:
                opening = (method, path)  # changes something: tried last
                continue
            for actor, (role, session) in self.actors.items():
                r = self.call(session.client, method, path, self.fill_her(method, path))
                where = (method, path, actor, r.status, r.body[:200])
                by_role = EXPECTED[(method, path)](role, "own")
                if not by_role:
                    self.assertIn(r.status, (403, 404), where)
                elif kind == HER and actor == "unassigned":
                    self.assertEqual(r.status, 403, where)
                    error = r.json()["error"]
                    self.assertEqual(error["code"], "break_glass_required", where)
                    self.assertEqual(error["refs"]["break_glass_cases"],
                                     [self.her["restricted_case"]], where)
                else:
                    self.assertNotIn(r.status, (401, 403, 404), where)
                if kind == LISTS_HER:
                    shown = RESTRICTED_PERSON["alias"] in r.body.decode("utf-8")
                    for secret in RESTRICTED_PERSON.values():
                        if actor == "unassigned":
                            self.assertNotIn(secret, r.body.decode("utf-8"), where)
                    if actor in LISTED_TO.get((method, path), ()):
                        self.assertTrue(shown, where)
                checked += 1
        self.assertIsNotNone(opening)
        # Opening a case for her makes the opener hers: refused to the unassigned, and nothing
        # is opened; the others may (the glass holder last: afterwards she is assigned).
        before = {self.her["case"], self.her["restricted_case"]}
        listed = lambda: {c["id"] for c in self.actors["supervisor"][1].client.get(
            f"/api/v1/cases?person_id={self.her['person']}").json()["items"]}
        body = {"person_id": self.her["person"], "intake_channel": "hotline",
                "risk_level": "low", "summary": "matrix"}
        for actor, (role, session) in self.actors.items():
            r = session.client.post(opening[1], body=body)
            if actor == "unassigned":
                self.assertEqual(r.status, 403, r.body)
                self.assertEqual(listed(), before)
            else:
                self.assertEqual(r.status, 201, (actor, r.body))
        self.assertGreater(checked, 100)


if __name__ == "__main__":
    unittest.main()
