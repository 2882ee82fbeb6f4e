// Buttons from an object's `actions` (what the server says this caller may do on it now): the console
// computes none of them. A failure shows next to the buttons, in the user's language.
import { api } from "./api.js";
import { h, toast } from "./dom.js";
import { dialogForm } from "./forms.js";
import { t } from "./i18n.js";
import { problemMessage } from "./problems.js";

// handlers: {action: {label, primary, hidden, fields (asked in the console's modal first), body(values) → body,
// path(object) → where to post, when not `${basePath}/${id}/${action}`, askOn: {code: {title, fields(problem)}}
// (when the server refuses with that code, ask those fields and send again with them), send(values, object)
// (instead of the post: a PATCH), run(object) (a step of the page itself, no request), confirm (ask first)}}.
// An action the server offers and no handler names still gets a button, posting an empty body; `edit` (a
// PATCH, not a post) shows only where the page says how, and withdrawing a draft is confirmed first.
const DEFAULTS = { edit: { hidden: true }, withdraw: { confirm: true, primary: false } };

export function actionButtons(object, basePath, handlers = {}, { after = rerender } = {}) {
  const message = h("span", { class: "action-error", role: "alert" });
  const buttons = (object.actions || []).map((action) => {
    const handler = handlers[action] || DEFAULTS[action] || {};
    if (handler.hidden) return null;
    const element = h("button", { type: "button", class: `${handler.primary ?? action !== "reject" ? "primary" : ""} small`,
      dataset: { action } }, handler.label || t(`action.${action}`));
    element.addEventListener("click", async () => {
      if (element.disabled) return;
      message.textContent = "";
      if (handler.run) { handler.run(object); return; }
      const path = handler.path ? handler.path(object) : `${basePath}/${object.id}/${action}`;
      const fields = typeof handler.fields === "function" ? handler.fields(object) : handler.fields;
      const send = handler.send ? (values) => handler.send(values, object)
        : (values) => postAsking(path, handler.body ? handler.body(values, object) : values, handler.askOn);
      if (fields?.length || handler.confirm) {
        const done = await dialogForm(handler.label || t(`action.${action}`), fields || [], send,
          { intro: handler.confirm ? t(`confirm.${action}`) : null });
        if (done) { toast(t("common.saved")); after(); }
        return;
      }
      element.disabled = true;
      try {
        await send({});
        toast(t("common.saved"));
        after();
      } catch (error) {
        message.textContent = problemMessage(error);
      } finally { element.disabled = false; }
    });
    return element;
  });
  return h("div", { class: "action-bar" }, buttons.filter(Boolean), message);
}

function rerender() { window.kamRender(); }

// A refusal the user can answer (409 over_hospitality_cap: the manager's override reason) is asked in a
// second modal and the request sent again with the answer; cancelling it keeps the server's refusal.
async function postAsking(path, body, askOn = {}) {
  try {
    return await api.post(path, body);
  } catch (error) {
    const ask = askOn[error?.body?.code];
    if (!ask) throw error;
    const answered = await dialogForm(ask.title, ask.fields(error.body), (values) => api.post(path, { ...body, ...values }));
    if (answered === null) throw error;
    return answered;
  }
}

// The approve dialogs of visits and receptions: above the hospitality cap the server asks for a reason.
export const overHospitalityCap = {
  over_hospitality_cap: { title: t("hospitality.overrideTitle"), fields: (problem) => [
    { name: "override_reason", label: t("hospitality.overrideReason"), type: "textarea", wide: true, required: true,
      placeholder: problem.detail || "" }] },
};
