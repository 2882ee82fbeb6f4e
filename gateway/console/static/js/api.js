// The public HTTP API, and nothing else: a bearer token, JSON in and out, problem+json errors.
const TOKEN_KEY = "kam.token";

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export const session = {
  get token() { return localStorage.getItem(TOKEN_KEY); },
  set token(value) { value ? localStorage.setItem(TOKEN_KEY, value) : localStorage.removeItem(TOKEN_KEY); },
  me: null,
};

export async function request(method, path, body, { raw = false } = {}) {
  const headers = { Accept: "application/json" };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  const init = { method, headers };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) { headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
  const response = await fetch(path, init);
  if (response.status === 401 && path !== "/api/auth/token") {
    session.token = null;
    window.dispatchEvent(new Event("kam:logout"));
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
  const { access_token } = await request("POST", "/api/auth/token", { username, password });
  session.token = access_token;
  session.me = await api.get("/api/me");
  return session.me;
}

export async function restore() {
  if (!session.token) return null;
  try { session.me = await api.get("/api/me"); } catch { session.token = null; session.me = null; }
  return session.me;
}

export function logout() {
  session.token = null;
  session.me = null;
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
