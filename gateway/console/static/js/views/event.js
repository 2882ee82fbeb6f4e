// One event: its details and RSVP counts, the buttons its `actions` allow, the guest list, the
// invitations form and the report.
import { api, customerName, learnCustomerNames, query, userNames } from "../api.js";
import { ask, badge, form, formatMoney, formatTime, h, section, table, toast } from "../dom.js";
import { dialogForm } from "../forms.js";
import { t } from "../i18n.js";
import { label, options } from "../vocab.js";
import { actionBar, detailList, draftEditor, rejectionNote } from "./common.js";
import { eventFields } from "./events.js";
import { once } from "./event_common.js";
import { eventOwnFigures } from "./event_figures.js";
import { eventClaimsSection } from "./event_money.js";

const saved = () => { toast(t("common.saved")); window.kamRender(); };

const ASKING = {
  approve: () => ask(t("visit.funded"), "", { type: "number" }).then((funded) => funded && { funded_amount: funded }),
  reject: () => ask(t("common.reason")).then((reason) => reason && { reason }),
  cancel: () => ask(t("event.cancelReason")).then((reason) => reason && { reason }),
  withdraw: () => dialogForm(t("event.do.withdraw"), [], async () => ({}), { intro: t("confirm.withdraw") }),
};
const PLAIN = ["submit", "redraft"];  // posted with no body

export async function eventView(id) {
  const [event, guests, figures] = await Promise.all([
    api.get(`/api/events/${id}`),
    api.get(`/api/events/${id}/invitations${query({ limit: 200 })}`),
    eventOwnFigures(id),
  ]);
  const counts = event.counts || {};
  const editor = draftEditor(event, t("decision.editing"), form(eventFields(event), { id: "edit-event", submitLabel: t("common.save"),
    onSubmit: (values) => api.patch(`/api/events/${id}`, values).then(saved) }).form);
  return h("div", { class: "grid" },
    section(`${label("event_kinds", event.kind)} · ${event.title}`,
      detailList([
        [t("common.status"), badge(event.status, "event_statuses")],
        [t("event.startsAt"), formatTime(event.starts_at)],
        [t("event.endsAt"), formatTime(event.ends_at)],
        [t("event.venue"), event.venue],
        [t("event.seats"), `${event.seats_taken} / ${event.capacity}`],
        [t("customer.budget"), formatMoney(event.budget)],
        [t("visit.funded"), formatMoney(event.funded_amount)],
        [t("event.description"), event.description],
        [t("common.reason"), event.status === "cancelled" ? event.reason || undefined : undefined],
      ]),
      rejectionNote(event, event.reason),
      h("ul", { class: "rsvp-counts" }, ["invited", "accepted", "declined", "attended", "no_show"].map((status) =>
        h("li", { dataset: { count: status } }, h("strong", {}, counts[status] ?? 0), label("invitation_statuses", status)))),
      actionBar(
        ...event.actions.filter((action) => action in ASKING || PLAIN.includes(action)).map((action) =>
          once(t(`event.do.${action}`), async () => {
            const body = ASKING[action] ? await ASKING[action]() : {};
            if (body) await api.post(`/api/events/${id}/${action}`, body).then(saved);
          }, ["cancel", "reject", "withdraw"].includes(action) ? "" : "primary")),
        event.actions.includes("edit") ? once(t("action.edit"), async () => editor.edit.run(), "") : null,
        event.status === "approved" ? h("a", { href: `#/events/${id}/check-in`, class: "button" }, t("event.checkIn")) : null)),
    editor.section,
    figures,
    event.actions.includes("report") ? section(t("event.report"), reportForm(id)) : null,
    event.report ? section(t("event.report"), detailList([
      [t("event.summary"), event.report.summary],
      [t("event.highlights"), (event.report.highlights || []).join("；")],
      [t("event.attendanceNotes"), event.report.attendance_notes],
    ])) : null,
    event.actions.includes("invite") ? section(t("event.invite"), await invitationsForm(id)) : null,
    await eventClaimsSection(event),
    section(`${t("event.guests")} (${guests.items.length})`, guestList(guests.items)));
}

export function guestList(guests) {
  return table(guests, [
    { label: t("common.customer"), value: (g) => g.customer_name || "—" },
    { label: t("customer.phone"), value: (g) => g.customer_phone || "—" },
    { label: t("common.status"), value: (g) => badge(g.status, "invitation_statuses") },
    { label: "", value: (g) => actionBar(...guestButtons(g)) },
  ], { empty: t("event.noGuests") });
}

const RSVP = { accept: "accepted", decline: "declined" };

function guestButtons(guest) {
  return guest.actions.filter((action) => action in RSVP).map((action) =>
    once(label("rsvp_responses", RSVP[action]), () =>
      api.post(`/api/invitations/${guest.id}/rsvp`, { response: RSVP[action] }).then(saved), "ghost"));
}

function reportForm(id) {
  return form([
    { name: "summary", label: t("event.summary"), type: "textarea", wide: true, required: true },
    { name: "highlights", label: t("event.highlightsHint"), type: "textarea", wide: true,
      parse: (raw) => raw.split("\n").map((line) => line.trim()).filter(Boolean) },
    { name: "attendance_notes", label: t("event.attendanceNotes"), type: "textarea", wide: true },
  ], { id: "report-form", submitLabel: t("event.do.report"),
    onSubmit: (values) => api.post(`/api/events/${id}/report`, values).then(saved) }).form;
}

// Inviting by a pick of customers or by a segment; the result tells who was skipped and why.
export async function invitationsForm(id, { ownerId } = {}) {
  const [{ items }, users] = await Promise.all([
    api.get("/api/customers" + query({ limit: 200, owner_id: ownerId })), userNames()]);
  const result = h("div", { class: "invite-result", role: "status" });
  const done = async (reply) => {
    await learnCustomerNames(reply.skipped.map((s) => s.customer_id));
    result.replaceChildren(h("p", {}, t("event.invited", { n: reply.invited })),
      ...reply.skipped.map((s) => h("p", { class: "muted" },
        `${customerName(s.customer_id)}：${label("invitation_skip_reasons", s.reason)}`)));
    toast(t("event.invited", { n: reply.invited }));
    setTimeout(() => window.kamRender(), 1200);
  };
  const picker = h("select", { name: "customer_ids", multiple: true, size: Math.min(8, Math.max(3, items.length)) },
    items.map((c) => h("option", { value: c.id }, `${c.name}${c.phone ? ` · ${c.phone}` : ""}`)));
  const byPick = form([], { id: `invite-customers-${id}`, submitLabel: t("event.inviteChosen"), onSubmit: async () => {
    const ids = [...picker.selectedOptions].map((option) => option.value);
    await api.post(`/api/events/${id}/invitations`, { customer_ids: ids }).then(done);
  } });
  byPick.form.prepend(h("label", { class: "field wide" }, h("span", {}, t("event.chooseCustomers")), picker));
  const blocks = [h("h3", {}, t("event.byCustomers")), byPick.form];
  if (!ownerId) {
    const bySegment = form([
      { name: "category", label: t("customer.category"), type: "select", optional: true, options: options("customer_categories") },
      { name: "stage", label: t("customer.stage"), type: "select", optional: true, options: options("stages") },
      { name: "owner_id", label: t("common.owner"), type: "select", optional: true, options: Object.entries(users) },
      { name: "anniversary_within_days", label: t("event.anniversaryWithin"), type: "number", min: 0, parse: Number },
    ], { id: `invite-segment-${id}`, submitLabel: t("event.inviteSegment"),
      onSubmit: (segment) => api.post(`/api/events/${id}/invitations`, { segment }).then(done) });
    blocks.push(h("h3", {}, t("event.bySegment")), bySegment.form);
  }
  return h("div", { class: "invitations" }, ...blocks, result);
}
