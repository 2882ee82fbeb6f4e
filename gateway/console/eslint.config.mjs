// The console has no build step; eslint only checks that every name a module uses is defined or
// imported (a lost import made every visit page fail once). `make lint` runs it (scripts/lint-console).
const browser = Object.fromEntries([
  "window", "document", "navigator", "location", "history", "console", "fetch", "localStorage",
  "sessionStorage", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "requestAnimationFrame",
  "URL", "URLSearchParams", "FormData", "Blob", "File", "FileReader", "Headers", "Response", "Request",
  "AbortController", "TextDecoder", "TextEncoder", "atob", "btoa", "crypto", "Intl", "Event", "CustomEvent",
  "HTMLElement", "Node", "alert", "confirm", "prompt", "matchMedia", "getComputedStyle", "structuredClone",
  "queueMicrotask", "performance", "DOMParser", "MutationObserver", "ResizeObserver", "Image", "XMLHttpRequest",
].map((name) => [name, "readonly"]));

export default [{
  files: ["**/*.js"],
  languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: browser },
  rules: { "no-undef": "error", "no-unused-vars": "error" },
}];
