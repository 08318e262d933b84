// Newsroom desk: keyboard shortcuts. No framework; the pages work without it.
(() => {
  "use strict";
  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

  // ? lists the shortcuts; e edits the open article; on the board j / k move between cards, Enter opens one.
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typing(document.activeElement)) return;
    if (event.key === "?") {
      const dialog = document.getElementById("shortcuts");
      if (dialog) { dialog.open ? dialog.close() : dialog.showModal(); event.preventDefault(); }
      return;
    }
    if (event.key === "e") {
      const edit = document.querySelector("a[data-shortcut='e']");
      if (edit) { location.href = edit.href; event.preventDefault(); }
      return;
    }
    if (event.key !== "j" && event.key !== "k") return;
    const cards = [...document.querySelectorAll("a[data-card]")];
    if (cards.length === 0) return;
    const at = cards.indexOf(document.activeElement);
    const next = event.key === "j" ? Math.min(at + 1, cards.length - 1) : Math.max(at - 1, 0);
    cards[at === -1 ? 0 : next].focus();
    event.preventDefault();
  });
})();

// Live: regions marked data-live are fetched again when an article changes anywhere (server-sent events from
// /desk/live). An article screen (data-article) only listens for its own article.
(() => {
  "use strict";
  const regions = () => [...document.querySelectorAll("[data-live]")];
  if (regions().length === 0 || !window.EventSource) return;
  const article = document.querySelector("[data-article]")?.getAttribute("data-article");
  let timer;

  const refresh = async () => {
    const response = await fetch(location.href, { headers: { Accept: "text/html" }, credentials: "same-origin" });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const region of regions()) {
      const next = fresh.getElementById(region.id);
      if (!next || next.innerHTML === region.innerHTML) continue;
      const focused = region.contains(document.activeElement) ? document.activeElement.getAttribute("href") : null;
      region.replaceChildren(...next.childNodes);
      if (focused) region.querySelector(`[href="${CSS.escape(focused)}"]`)?.focus();
    }
  };

  const source = new EventSource("/desk/live");
  // The stream ends when its node stops (a restart behind a load balancer); EventSource reconnects, to any node.
  // Changes made in between were not heard: refresh once on every reconnect.
  let opened = false;
  source.addEventListener("open", () => {
    if (opened) { clearTimeout(timer); timer = setTimeout(refresh, 150); }
    opened = true;
  });
  source.addEventListener("changed", (event) => {
    if (article && event.data !== "*" && !event.data.split(",").includes(article)) return;
    clearTimeout(timer);
    timer = setTimeout(refresh, 150);
  });
})();

// Edit: unsaved text is kept in this browser until it is saved; the preview is rendered by the service exactly
// as the public page renders it; the page tells the service every 10 s that it is still open (presence).
(() => {
  "use strict";
  const form = document.querySelector("form[data-autosave]");
  const cleared = document.querySelector("[data-clear-draft]");
  if (cleared) localStorage.removeItem(cleared.getAttribute("data-clear-draft"));
  if (!form) return;

  const key = form.getAttribute("data-autosave");
  const fields = [...form.querySelectorAll("input[name], textarea[name], select[name]")].filter((f) => f.type !== "hidden");
  const values = () => Object.fromEntries(fields.map((f) => [f.name, f.value]));

  const stored = localStorage.getItem(key);
  // After a refused save the form already holds the person's text; otherwise restore what was never saved.
  if (stored && !document.querySelector(".refusal")) {
    const saved = JSON.parse(stored);
    const differs = fields.some((f) => f.name in saved && saved[f.name] !== f.value);
    if (differs) {
      fields.forEach((f) => { if (f.name in saved) f.value = saved[f.name]; });
      const note = document.getElementById("restored");
      if (note) note.textContent = "Your unsaved changes were restored from this browser.";
    }
  }
  form.addEventListener("input", () => localStorage.setItem(key, JSON.stringify(values())));

  const token = form.querySelector("input[name='__RequestVerificationToken']")?.value ?? "";
  const body = form.querySelector("[data-preview]");
  const preview = body && document.getElementById(body.getAttribute("data-preview"));
  let timer;
  const render = async () => {
    const response = await fetch("/desk/preview", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "text/plain; charset=utf-8", RequestVerificationToken: token },
      body: body.value
    });
    if (response.ok) preview.innerHTML = await response.text();
  };
  if (body && preview) {
    body.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(render, 250); });
    if (stored) render();
  }

  const article = form.getAttribute("data-article");
  if (article) {
    const beat = () => fetch(`/desk/presence/${article}`, { method: "POST", credentials: "same-origin", headers: { RequestVerificationToken: token } });
    setInterval(beat, 10_000);
  }
})();
