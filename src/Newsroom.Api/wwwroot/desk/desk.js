// Newsroom desk: keyboard shortcuts. No framework; the pages work without it.
(() => {
  "use strict";
  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

  // Board: j / k move between cards, Enter opens the focused one (a link).
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typing(document.activeElement)) return;
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
  source.addEventListener("changed", (event) => {
    if (article && event.data !== "*" && !event.data.split(",").includes(article)) return;
    clearTimeout(timer);
    timer = setTimeout(refresh, 150);
  });
})();
