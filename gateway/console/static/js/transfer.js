// Long transfers with progress: an upload (XMLHttpRequest reports bytes sent) and a download read as a
// stream (bytes received of Content-Length), both with the session's token and language.
import { ApiError, session } from "./api.js";

const language = () => localStorage.getItem("kam.lang") || "zh-CN";

export function uploadWithProgress(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const data = new FormData();
    data.append("file", file);
    xhr.open("POST", path);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", language());
    if (session.token) xhr.setRequestHeader("Authorization", `Bearer ${session.token}`);
    xhr.upload.addEventListener("progress", (event) => { if (event.lengthComputable) onProgress(event.loaded / event.total, "upload"); });
    xhr.upload.addEventListener("load", () => onProgress(1, "processing"));
    xhr.addEventListener("load", () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body));
    });
    xhr.addEventListener("error", () => reject(new TypeError("network")));
    xhr.send(data);
  });
}

export async function downloadWithProgress(path, filename, onProgress) {
  const headers = { "Accept-Language": language() };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  const response = await fetch(path, { headers });
  if (!response.ok) {
    let body = null;
    try { body = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(response.status, body);
  }
  const total = Number(response.headers.get("Content-Length")) || 0;
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(total ? received / total : null, received);
  }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("Content-Type") || "application/octet-stream" }));
  link.download = attachmentName(response.headers.get("Content-Disposition")) || filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  return link.download;
}

// The file name of a Content-Disposition (RFC 6266): the UTF-8 `filename*` when given (a Chinese name),
// else the plain `filename`, which servers send as an ASCII fallback beside it.
export function attachmentName(disposition) {
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition || "")?.[1];
  if (extended) return decodeURIComponent(extended.trim());
  return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition || "")?.[1] || null;
}
