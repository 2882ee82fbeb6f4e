// 报告检查: the manager accepts a visit's or a reception's report, or returns it with a comment; the
// developer revises a returned one. Buttons come from `actions` ("review", "revise"), statuses from the
// review_statuses vocabulary; the versions of the report are listed as the server keeps them.
import { api } from "../api.js";
import { badge, formatTime, h, section, table, toast } from "../dom.js";
import { dialogForm, form } from "../forms.js";
import { t } from "../i18n.js";
import { problemMessage } from "../problems.js";

const refresh = () => { toast(t("common.saved")); window.kamRender(); };

// The two decisions of the "review" action: accept at once, return with what to revise.
export function reviewButtons(object, basePath, { after = refresh } = {}) {
  if (!(object.actions || []).includes("review")) return null;
  const path = `${basePath}/${object.id}/review`;
  const message = h("span", { class: "action-error", role: "alert" });
  const accept = h("button", { type: "button", class: "primary small", dataset: { action: "accept" }, onclick: async () => {
    message.textContent = "";
    try { await api.post(path, { decision: "accepted" }); after(); } catch (error) { message.textContent = problemMessage(error); }
  } }, t("review.accept"));
  const giveBack = h("button", { type: "button", class: "small", dataset: { action: "return" }, onclick: async () => {
    const done = await dialogForm(t("review.return"), [{ name: "comment", label: t("review.comment"), type: "textarea", wide: true, required: true }],
      (values) => api.post(path, { decision: "returned", ...values }));
    if (done) after();
  } }, t("review.return"));
  return h("div", { class: "action-bar review-buttons" }, accept, giveBack, message);
}

// The review as it stands, its buttons, and each version of the report with the review it had.
export function reviewSection(object, basePath, describe) {
  if (!object.review) return null;
  const review = object.review;
  return section(t("review.title"),
    h("p", { class: "review-status" }, badge(review.status, "review_statuses"),
      review.comment ? h("span", { class: "review-comment" }, ` ${review.comment}`) : "",
      review.at ? h("small", {}, ` · ${formatTime(review.at)}`) : ""),
    reviewButtons(object, basePath),
    (object.versions || []).length > 1 ? table(object.versions, [
      { label: t("review.version"), value: (v) => `#${v.version}` },
      { label: t("common.when"), value: (v) => formatTime(v.at) },
      { label: t("review.content"), value: describe },
      { label: t("review.title"), value: (v) => v.review ? [badge(v.review.status, "review_statuses"), v.review.comment ? ` ${v.review.comment}` : ""] : "" },
    ]) : null);
}

// The revision form of a returned report: the fields given, filled with what the report now says.
export function reviseSection(object, basePath, fields) {
  if (!(object.actions || []).includes("revise")) return null;
  return section(t("review.revise"), form(fields, { id: "revise-form", submitLabel: t("review.resubmit"),
    onSubmit: (values) => api.post(`${basePath}/${object.id}/revise`, values).then(refresh) }).form);
}
