// What a claim or a deal hangs on, picked instead of typed: the customer (picker), then one of that
// customer's visits, receptions or development plans from the API. Its value is {type, id}.
import { api } from "../api.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { customerPicker } from "../picker.js";
import { formatTime } from "../time.js";
import { label, options } from "../vocab.js";

const SOURCES = {
  visit: { path: "/api/visits", text: (x) => `${formatTime(x.planned_at)} · ${x.place || ""} · ${label("visit_statuses", x.status)}` },
  reception: { path: "/api/receptions", text: (x) => `${formatTime(x.scheduled_at)} · ${x.location || ""} · ${label("reception_statuses", x.status)}` },
  development_plan: { path: "/api/development-plans", text: (x) => `${(x.plan || "").slice(0, 30)} · ${label("plan_statuses", x.status)}` },
};

export function subjectField(name, types, { vocabulary = "claim_subject_types", customerName = "customer_id",
  subjectLabel = t("claim.subject"), typeLabel = t("claim.subjectType") } = {}) {
  const customer = customerPicker({ name: customerName, label: t("common.customer") });
  const type = h("select", { name: `${name}.type`, "aria-label": typeLabel },
    options(vocabulary).filter(([code]) => types.includes(code)).map(([code, text]) => h("option", { value: code }, text)));
  const item = h("select", { name: `${name}.id`, "aria-label": subjectLabel }, h("option", { value: "" }, t("claim.pickCustomerFirst")));
  // A pick and a change of type each load; only the latest load fills the list (an earlier one answering
  // last would replace it and lose the choice made meanwhile), and a choice still listed stays chosen.
  let latest = 0;
  const load = async () => {
    if (!customer.value) return;
    const mine = ++latest;
    const source = SOURCES[type.value];
    const chosen = item.value;
    item.replaceChildren(h("option", { value: "" }, t("common.loading")));
    try {
      const { items } = await api.get(`${source.path}?customer_id=${customer.value}&limit=50`);
      if (mine !== latest) return;
      item.replaceChildren(...(items.length ? items.map((x) => h("option", { value: x.id }, source.text(x)))
        : [h("option", { value: "" }, t("claim.noneForCustomer"))]));
      if (items.some((x) => x.id === chosen)) item.value = chosen;
    } catch { if (mine === latest) item.replaceChildren(h("option", { value: "" }, t("common.unavailable"))); }
  };
  customer.addEventListener("pick", load);
  type.addEventListener("change", load);
  const element = h("div", { class: "subject-picker" }, customer, type, item);
  return { name, label: `${t("common.customer")} · ${subjectLabel}`, type: "custom", element, wide: true,
    errorsFrom: [customerName],
    read: () => (item.value ? { type: type.value, id: item.value } : null),
    customer: () => customer.value };
}
