// The caller's inbox.
import { api } from "../api.js";
import { badge, button, formatTime, section } from "../dom.js";
import { t } from "../i18n.js";
import { pagedList } from "./common.js";

export async function notificationsView() {
  return section(t("notifications.title"), await pagedList("/api/notifications", {}, [
    { label: t("common.when"), value: (n) => formatTime(n.created_at) },
    { label: "", value: (n) => n.title || n.subject || "" },
    { label: "", value: (n) => n.body || n.message || "" },
    { label: "", value: (n) => (n.read_at || n.read ? "" : [badge("open"), " ", button(t("notifications.markRead"), async () => {
      await api.post(`/api/notifications/${n.id}/read`);
      window.kamRender();
    }, "small")]) },
  ]));
}
