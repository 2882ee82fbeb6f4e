// Hash routes → views, loaded on demand so each area stays its own module.
const lazy = (module, name) => async (...args) => (await import(`./views/${module}.js`))[name](...args);

export const routes = [
  { pattern: /^\/login$/, public: true },
  { pattern: /^\/$/, view: lazy("myday", "myDayView") },
  { pattern: /^\/customers$/, view: lazy("customers", "customersView") },
  { pattern: /^\/customers\/new$/, view: lazy("customers", "newCustomerView") },
  { pattern: /^\/customers\/([\w-]+)$/, view: lazy("customer_file", "customerFileView") },
  { pattern: /^\/visits$/, view: lazy("visits", "visitsView") },
  { pattern: /^\/visits\/new$/, view: lazy("visits", "newVisitView") },
  { pattern: /^\/visits\/([\w-]+)$/, view: lazy("visit", "visitView") },
  { pattern: /^\/receptions$/, view: lazy("receptions", "receptionsView") },
  { pattern: /^\/receptions\/([\w-]+)$/, view: lazy("receptions", "receptionView") },
  { pattern: /^\/deals$/, view: lazy("deals", "dealsView") },
  { pattern: /^\/tickets$/, view: lazy("tickets", "ticketsView") },
  { pattern: /^\/claims$/, view: lazy("claims", "claimsView") },
  { pattern: /^\/claims\/([\w-]+)$/, view: lazy("claims", "claimView") },
  { pattern: /^\/approvals$/, view: lazy("approvals", "approvalsView") },
  { pattern: /^\/logistics$/, view: lazy("logistics", "logisticsView") },
  { pattern: /^\/analytics$/, view: lazy("analytics", "analyticsView") },
  { pattern: /^\/notifications$/, view: lazy("notifications", "notificationsView") },
  { pattern: /^\/users$/, view: lazy("users", "usersView") },
  { pattern: /^\/events(?:\?.*)?$/, view: lazy("events", "eventsView") },
  { pattern: /^\/events\/new$/, view: lazy("events", "newEventView") },
  { pattern: /^\/events\/([\w-]+)$/, view: lazy("event", "eventView") },
  { pattern: /^\/events\/([\w-]+)\/check-in$/, view: lazy("check_in", "checkInView") },
  { pattern: /^\/invite$/, view: lazy("invite_mine", "inviteMineView") },
];
