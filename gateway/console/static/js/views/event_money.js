// An event's money and its support of visits (issue 14): the claims on an event, filed by the one who
// runs it with the existing claim form; the support a visit was given (提升拜访等级) and the dialog that
// adds it; the event a development plan invites its customer to. Rules stay on the server: who may do
// what comes from `actions` and /api/me's areas, the codes from /api/vocabularies.
import { api, may, query, session } from "../api.js";
import { badge, formatMoney, formatTime, h, section, table } from "../dom.js";
import { t } from "../i18n.js";
import { label, options } from "../vocab.js";
import { claimFormFor } from "./claims.js";
import { optional } from "./common.js";

// Approved events still to come, for a visit's invitation and a plan's event.
export async function openEvents() {
  const page = await optional(api.get("/api/events" + query({ status: "approved", limit: 200 })));
  const now = Date.now();
  return (page?.items || []).filter((event) => new Date(event.ends_at).getTime() > now);
}

const eventText = (event) => `${formatTime(event.starts_at)} · ${event.title}`;

// The event page's claims: its runner files them (claim form, subject event); everyone it shows them to
// sees the list with its status and over-funding flag.
export async function eventClaimsSection(event) {
  const runs = event.planner_id === session.me.id && may("claims.event");
  if (!runs && !may("claims")) return null;
  const page = await optional(api.get("/api/expense-claims" + query({ subject_type: "event", subject_id: event.id, limit: 50 })));
  const list = table(page?.items || [], [
    { label: t("common.when"), value: (c) => h("a", { href: `#/claims/${c.id}` }, formatTime(c.created_at)) },
    { label: t("claim.total"), value: (c) => formatMoney(c.total) },
    { label: t("common.status"), value: (c) => [badge(c.status, "claim_statuses"),
      c.over_funded ? h("span", { class: "badge warn" }, t("claim.overFunded")) : ""] },
  ], { empty: t("eventMoney.noClaims") });
  const filing = runs && ["approved", "reported"].includes(event.status);
  return section(t("eventMoney.claims"), list,
    filing && event.status !== "reported" ? h("p", { class: "muted" }, t("eventMoney.reportFirst")) : null,
    filing ? claimFormFor("event", event.id) : null);
}

// The "提升拜访等级" action of a visit (offered by its `actions`): the kind, and what that kind names.
export async function supportHandler(visit) {
  if (!(visit.actions || []).includes("support")) return null;
  const events = await openEvents();
  return {
    label: t("action.support"),
    fields: [
      { name: "kind", label: t("eventMoney.kind"), type: "select", vocabulary: "visit_support_kinds", required: true },
      { name: "leader_name", label: t("eventMoney.leader"), placeholder: t("eventMoney.leaderHint") },
      { name: "event_id", label: t("eventMoney.event"), type: "select", optional: true,
        options: events.map((event) => [event.id, eventText(event)]) },
      { name: "note", label: t("common.notes"), type: "textarea", wide: true },
    ],
    path: (object) => `/api/visits/${object.id}/support`,
  };
}

// What the visitor sees: the support the planner or a manager added to the visit.
export async function supportSection(visit) {
  const items = visit.support || [];
  if (!items.length) return null;
  const titles = {};
  for (const id of new Set(items.map((item) => item.event_id).filter(Boolean))) {
    const event = await optional(api.get(`/api/events/${id}`));
    titles[id] = event ? h("a", { href: `#/events/${id}` }, eventText(event)) : id;
  }
  return section(t("eventMoney.support"), table(items, [
    { label: t("eventMoney.kind"), value: (s) => label("visit_support_kinds", s.kind) },
    { label: t("eventMoney.detail"), value: (s) => (s.leader_name || (s.event_id ? titles[s.event_id] : "") || "—") },
    { label: t("common.notes"), value: (s) => s.note || "—" },
    { label: t("common.when"), value: (s) => formatTime(s.added_at) },
  ], { empty: t("common.empty") }));
}

// A plan's event: offered when one of the chosen methods is an event method (the server's list).
export async function planEventField() {
  const events = await openEvents();
  const eventMethods = new Set(options("event_development_methods").map(([code]) => code));
  const select = h("select", { name: "event_id", "aria-label": t("eventMoney.planEvent") },
    h("option", { value: "" }, "—"), events.map((event) => h("option", { value: event.id }, eventText(event))));
  const holder = h("div", { class: "plan-event", hidden: true }, select);
  const follow = (form) => {
    const chosen = [...form.querySelectorAll('input[name="methods"]:checked')].map((box) => box.value);
    const open = chosen.some((method) => eventMethods.has(method));
    holder.closest("[data-field]")?.toggleAttribute("hidden", !open);
    holder.hidden = !open;
    if (!open) select.value = "";
  };
  return { name: "event_id", label: t("eventMoney.planEvent"), type: "custom", element: holder, wide: true,
    read: () => (holder.hidden ? null : select.value || null), follow };
}

export function planEventText(plan, events) {
  if (!plan.event_id) return "—";
  const event = events.find((candidate) => candidate.id === plan.event_id);
  return h("a", { href: `#/events/${plan.event_id}` }, event ? eventText(event) : label("claim_subject_types", "event"));
}
