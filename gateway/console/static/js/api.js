// The public HTTP API, and nothing else: a bearer token, JSON in and out, problem+json errors.
// The access token is short-lived: on a 401 the refresh token is tried once, then the request again.
const TOKEN_KEY = "kam.token";
const REFRESH_KEY = "kam.refresh";
const NO_REFRESH = ["/api/auth/token", "/api/auth/refresh"];

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

function stored(key) {
  return {
    get: () => localStorage.getItem(key),
    set: (value) => (value ? localStorage.setItem(key, value) : localStorage.removeItem(key)),
  };
}
const tokenStore = stored(TOKEN_KEY);
const refreshStore = stored(REFRESH_KEY);

// The console areas the caller's role may use, as the server lists them in /api/me.
export const may = (area) => (session.me?.areas || []).includes(area);

export const session = {
  get token() { return tokenStore.get(); },
  set token(value) { tokenStore.set(value); },
  get refreshToken() { return refreshStore.get(); },
  set refreshToken(value) { refreshStore.set(value); },
  me: null,
};

function keep({ access_token, refresh_token }) {
  session.token = access_token;
  session.refreshToken = refresh_token;
}

// The server answers (problem details, field errors) in the language the console shows.
const language = () => localStorage.getItem("kam.lang") || "zh-CN";

function send(method, path, body) {
  const headers = { Accept: "application/json", "Accept-Language": language() };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  const init = { method, headers };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) { headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
  return fetch(path, init);
}

let refreshing = null;

// Two tabs share the stored pair: a refresh runs under a lock they share, and a tab that finds the pair
// already turned by the other (or by a request of its own) uses the new one instead of replaying the old,
// which the server would take for a stolen token and end the session.
const oneTabAtATime = (work) => (navigator.locks ? navigator.locks.request(REFRESH_KEY, work) : work());

// One refresh at a time: requests that fail together wait for the same new pair.
function refreshTokens(failedWith) {
  refreshing ??= oneTabAtATime(async () => {
    if (session.token && session.token !== failedWith) return true;
    const refreshToken = session.refreshToken;
    if (!refreshToken) return false;
    const response = await send("POST", "/api/auth/refresh", { refresh_token: refreshToken });
    if (!response.ok) return false;
    keep(await response.json());
    return true;
  })
    .catch(() => false)
    .finally(() => { refreshing = null; });
  return refreshing;
}

export async function request(method, path, body, { raw = false } = {}) {
  const sentWith = session.token;
  let response = await send(method, path, body);
  if (response.status === 401 && !NO_REFRESH.includes(path)) {
    if (await refreshTokens(sentWith)) response = await send(method, path, body);
    if (response.status === 401) {
      forgetSession();
      window.dispatchEvent(new Event("kam:logout"));
    }
  }
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  if (raw) return response;
  return response.status === 204 ? null : response.json();
}

export const api = {
  get: (path) => request("GET", path),
  post: (path, body = {}) => request("POST", path, body),
  patch: (path, body) => request("PATCH", path, body),
  put: (path, body) => request("PUT", path, body),
  del: (path) => request("DELETE", path),
  upload: (path, file) => { const data = new FormData(); data.append("file", file); return request("POST", path, data); },
  blob: async (path) => (await request("GET", path, undefined, { raw: true })).blob(),
};

export function query(params) {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== "");
  return entries.length ? "?" + new URLSearchParams(entries).toString() : "";
}

export async function login(username, password) {
  keep(await request("POST", "/api/auth/token", { username, password }));
  session.me = await api.get("/api/me");
  return session.me;
}

export async function restore() {
  if (!session.token) return null;
  try { session.me = await api.get("/api/me"); } catch { forgetSession(); }
  return session.me;
}

function forgetSession() {
  session.token = null;
  session.refreshToken = null;
  session.me = null;
  usersCache = null;
}

// Forgotten here at once; the server ends the session (by the access token, or the refresh token if the
// access token has expired) in the background.
export function logout() {
  const { token, refreshToken } = session;
  forgetSession();
  if (!token && !refreshToken) return;
  const headers = { Accept: "application/json", "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  fetch("/api/auth/logout", { method: "POST", headers, body: JSON.stringify(refreshToken ? { refresh_token: refreshToken } : {}) })
    .catch(() => { /* offline: the session expires by itself */ });
}

let usersCache = null;
export async function userNames() {
  if (!usersCache) {
    const { items } = await api.get("/api/users");
    usersCache = Object.fromEntries(items.map((u) => [u.id, u.display_name]));
  }
  return usersCache;
}

const customerNamesById = {};

// Names of the customers on a page, fetched in one request for the ids not known yet (ids the caller
// may not see, or erased customers, stay unnamed).
export async function learnCustomerNames(ids) {
  const missing = [...new Set(ids)].filter((id) => id && !(id in customerNamesById)).slice(0, 200);
  if (!missing.length) return;
  const { items } = await api.get("/api/customers" + query({ ids: missing.join(","), limit: 200 }));
  for (const id of missing) customerNamesById[id] = null;
  for (const customer of items) customerNamesById[customer.id] = customer.name;
}

export function customerName(id) {
  return customerNamesById[id] || "—";
}

export function forgetCustomers() {
  for (const id of Object.keys(customerNamesById)) delete customerNamesById[id];
}
