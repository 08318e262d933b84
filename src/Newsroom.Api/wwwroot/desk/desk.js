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
