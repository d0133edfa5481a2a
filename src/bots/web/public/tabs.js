// WAI-ARIA tabs: click or ← → to switch; returns showTab(name).
const $ = (id) => document.getElementById(id);

export function setupTabs(names) {
  const showTab = (name) => {
    for (const t of names) {
      const tab = $(`tab-${t}`);
      const on = t === name;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
      $(`panel-${t}`).hidden = !on;
    }
  };
  names.forEach((name, i) => {
    const tab = $(`tab-${name}`);
    tab.addEventListener("click", () => showTab(name));
    tab.addEventListener("keydown", (e) => {
      if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
      const next = names[(i + (e.key === "ArrowRight" ? 1 : names.length - 1)) % names.length];
      showTab(next);
      $(`tab-${next}`).focus();
    });
  });
  return showTab;
}
