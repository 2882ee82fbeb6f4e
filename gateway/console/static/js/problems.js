// A failed request as words for the user, in their language: the server's localised `detail`, or ours.
import { t } from "./i18n.js";

export function problemMessage(error) {
  if (!error) return t("common.failed");
  if (error.status === 503) return t("common.unavailable");
  if (error instanceof TypeError) return t("common.offline");
  const body = error.body;
  if (body && typeof body.detail === "string" && body.detail) return body.detail;
  if (body && typeof body.title === "string" && body.title) return body.title;
  return error.status ? t("common.failedStatus", { status: error.status }) : t("common.failed");
}

// {"source": {"channel": ["…"]}, "items": {"0": {"amount": ["…"]}}} → [["source.channel", "…"], ["items.0.amount", "…"]]
export function fieldErrors(errors, prefix = "") {
  if (errors === null || errors === undefined) return [];
  if (typeof errors === "string") return [[prefix, errors]];
  if (Array.isArray(errors)) return errors.flatMap((item) => fieldErrors(item, prefix));
  return Object.entries(errors).flatMap(([key, value]) => fieldErrors(value, prefix ? `${prefix}.${key}` : key));
}
