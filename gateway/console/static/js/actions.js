// Buttons from an object's `actions` (what the server says this caller may do on it now): the console
// computes none of them. A failure shows next to the buttons, in the user's language.
import { api } from "./api.js";
import { h, toast } from "./dom.js";
import { dialogForm } from "./forms.js";
import { t } from "./i18n.js";
import { problemMessage } from "./problems.js";

// handlers: {action: {label, primary, hidden, fields (asked in the console's modal first), body(values) → body,
// path(object) → where to post, when not `${basePath}/${id}/${action}`}}.
// An action the server offers and no handler names still gets a button, posting an empty body.
export function actionButtons(object, basePath, handlers = {}, { after = rerender } = {}) {
  const message = h("span", { class: "action-error", role: "alert" });
  const buttons = (object.actions || []).map((action) => {
    const handler = handlers[action] || {};
    if (handler.hidden) return null;
    const element = h("button", { type: "button", class: `${handler.primary ?? action !== "reject" ? "primary" : ""} small`,
      dataset: { action } }, handler.label || t(`action.${action}`));
    element.addEventListener("click", async () => {
      if (element.disabled) return;
      message.textContent = "";
      const path = handler.path ? handler.path(object) : `${basePath}/${object.id}/${action}`;
      const fields = typeof handler.fields === "function" ? handler.fields(object) : handler.fields;
      if (fields?.length) {
        const done = await dialogForm(handler.label || t(`action.${action}`), fields,
          (values) => api.post(path, handler.body ? handler.body(values, object) : values));
        if (done) { toast(t("common.saved")); after(); }
        return;
      }
      element.disabled = true;
      try {
        await api.post(path, handler.body ? handler.body({}, object) : {});
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
