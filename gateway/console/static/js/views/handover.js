// 客户移交: a manager hands one customer to another developer (the 转移客户 button, offered by the customer's
// `actions`), or every customer of someone leaving (移交客户, area customers.transfer). Who may receive them
// (an active developer, not the owner already) is the server's rule: its 422 and 409 show at the field.
import { api, customerName, forgetCustomers, learnCustomerNames } from "../api.js";
import { button, h, section, toast } from "../dom.js";
import { dialogForm, form } from "../forms.js";
import { t } from "../i18n.js";

async function developers() {
  const { items } = await api.get("/api/users");
  return items.filter((user) => user.role === "developer");
}

const named = (user) => [user.id, user.disabled ? `${user.display_name}（${t("users.disabled")}）` : user.display_name];

function receiverField(people) {
  return { name: "to_owner_id", label: t("handover.to"), type: "select", blank: true,
    options: people.filter((user) => !user.disabled).map(named), problemCodes: ["already_owner"] };
}

const reasonField = { name: "reason", label: t("handover.reason"), type: "textarea", wide: true, required: true };

export function transferButton(customer) {
  if (!(customer.actions || []).includes("transfer")) return null;
  return button(t("handover.one"), async () => {
    const people = await developers();
    const done = await dialogForm(t("handover.one"), [receiverField(people), reasonField],
      (values) => api.post(`/api/customers/${customer.id}/transfer`, values), { submitLabel: t("handover.one") });
    if (done) { forgetCustomers(); toast(t("handover.done", { name: customer.name })); window.kamRender(); }
  }, "small");
}

export async function handoverView() {
  const people = await developers();
  const result = h("div", { id: "handover-result", role: "status" });
  const { form: element } = form([
    { name: "from_owner_id", label: t("handover.from"), type: "select", blank: true, options: people.map(named) },
    receiverField(people),
    reasonField,
  ], { id: "handover-all", submitLabel: t("handover.all"), onSubmit: async (values) => {
    const answer = await api.post("/api/customers/transfers", values);
    forgetCustomers();
    await learnCustomerNames(answer.customer_ids).catch(() => null);
    const to = people.find((user) => user.id === answer.to_owner_id)?.display_name || "—";
    result.replaceChildren(
      h("p", { class: "handover-count" }, t("handover.count", { count: answer.transferred, name: to })),
      h("ul", { class: "plain" }, answer.customer_ids.map((id) => h("li", {}, h("a", { href: `#/customers/${id}` }, customerName(id))))));
    toast(t("common.saved"));
  } });
  return h("div", { class: "grid" },
    section(t("handover.title"), h("p", { class: "muted" }, t("handover.hint")),
      element, result));
}
