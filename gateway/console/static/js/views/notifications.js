// The caller's inbox, and how they want to be told (channels, contact details, the daily digest).
import { api } from "../api.js";
import { button, formatTime, h, section, toast } from "../dom.js";
import { form } from "../forms.js";
import { t } from "../i18n.js";
import { optional, pagedList } from "./common.js";

// A decision's notice opens the item it is about (a plan lives on its customer's file).
const LINKS = { visit: (id) => `#/visits/${id}`, reception: (id) => `#/receptions/${id}`, expense_claim: (id) => `#/claims/${id}`,
  event: (id) => `#/events/${id}`, development_plan: (id, n) => (n.customer_id ? `#/customers/${n.customer_id}` : null) };

function subjectLink(n) {
  return n.subject && LINKS[n.subject.type] ? LINKS[n.subject.type](n.subject.id, n) : null;
}

export async function notificationsView() {
  const [list, preferences] = await Promise.all([pagedList("/api/notifications", {}, [
    { label: t("common.when"), value: (n) => formatTime(n.created_at) },
    { label: "", value: (n) => n.title || "" },
    { label: "", value: (n) => n.body || "" },
    { label: "", value: (n) => (subjectLink(n) ? h("a", { href: subjectLink(n), class: "notice-link" }, t("decision.open")) : "") },
    { label: "", value: (n) => (n.read_at || n.read ? "" : button(t("notifications.markRead"), async () => {
      await api.post(`/api/notifications/${n.id}/read`);
      window.kamRender();
    }, "small")) },
  ]), optional(api.get("/api/notifications/preferences"))]);
  const prefs = preferences || {};
  const { form: element } = form([
    { name: "channels", label: t("notifications.channels"), type: "checks", vocabulary: "notification_channels", value: prefs.channels || ["in_app"], keepEmpty: true, wide: true },
    { name: "email", label: t("customer.email"), type: "email", value: prefs.email },
    { name: "phone", label: t("customer.phone"), type: "tel", value: prefs.phone },
    { name: "wechat", label: t("customer.wechat"), value: prefs.wechat },
    { name: "digest", label: t("notifications.digest"), type: "checkbox", value: prefs.digest ?? true, keepEmpty: true },
  ], { id: "preferences-form", submitLabel: t("common.save"), onSubmit: async (values) => {
    await api.put("/api/notifications/preferences", values);
    toast(t("common.saved"));
  } });
  return h("div", { class: "grid" }, section(t("notifications.title"), list), section(t("notifications.preferences"), element));
}
