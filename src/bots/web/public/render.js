// The Answer JSON as DOM: the same model the Teams card and Slack blocks render.
import { clockOf, copyText, el, MSG, toast } from "./dom.js";

const BADGE = { open: MSG.open, closed: MSG.closed, uncertain: MSG.uncertain };

function badge(state) {
  return el("span", {
    class: `badge badge-${state}`,
    text: BADGE[state] ?? MSG.uncertain,
    attrs: { "data-badge": "" },
  });
}

function copyButton(line) {
  const button = el("button", {
    class: "copy",
    text: MSG.copy,
    attrs: { type: "button", "aria-label": `${line.shortName} ${line.phone} ${MSG.copy}` },
  });
  button.addEventListener("click", async () => {
    const ok = await copyText(line.phone);
    toast(ok ? `${MSG.copied}: ${line.phone}` : MSG.copyFailed);
    if (!ok) return;
    button.textContent = MSG.copied;
    button.classList.add("done");
    setTimeout(() => {
      button.textContent = MSG.copy;
      button.classList.remove("done");
    }, 2000);
  });
  return button;
}

/** 「14:05 時点：受付中（18:00まで）」: a status read later must say when it was true. */
function statusOf(line) {
  return line.asOf ? `${MSG.at(line.asOf)}：${line.statusText}` : line.statusText;
}

/** One phone line: name, number with a copy button, open/closed badge, hours. */
export function renderLine(line) {
  const status = el("p", { class: "line-status", text: statusOf(line), attrs: { "data-status": "" } });
  return el(
    "li",
    { class: `line line-${line.state}`, attrs: { "data-line": line.id } },
    el("div", { class: "line-head" }, el("span", { class: "line-name", text: line.name }), badge(line.state)),
    el(
      "div",
      { class: "line-phone" },
      el("a", { class: "phone", text: line.phone, attrs: { href: line.tel } }),
      line.tollFree ? el("span", { class: "free", text: "無料" }) : null,
      copyButton(line),
    ),
    status,
    el("p", { class: "line-hours", text: line.hoursText }),
    line.tellFirst.length > 0 ? el("p", { class: "line-tell", text: MSG.tellFirst + line.tellFirst.join("、") }) : null,
    ...line.caveats.map((c) => el("p", { class: "line-caveat", text: c })),
  );
}

/** Refreshes every shown badge and status sentence from /api/lines. */
export function updateLines(root, lines) {
  for (const line of lines) {
    for (const card of root.querySelectorAll(`[data-line="${CSS.escape(line.id)}"]`)) {
      card.className = `line line-${line.state}`;
      card.querySelector("[data-badge]")?.replaceWith(badge(line.state));
      const status = card.querySelector("[data-status]");
      if (status) status.textContent = statusOf(line);
    }
  }
}

function section(title, ...children) {
  return el("section", { class: "block" }, el("h3", { class: "block-title", text: title }), ...children);
}

function renderStep(step) {
  return el(
    "li",
    {},
    el("p", { text: step.text }),
    step.substeps.length > 0 ? el("ul", { class: "sub" }, ...step.substeps.map((s) => el("li", { text: s }))) : null,
    ...step.notes.map((n) => el("p", { class: "note", text: `※ ${n}` })),
  );
}

function pickButton(label, payload, onPick, cls = "chip") {
  const button = el("button", { class: cls, text: label, attrs: { type: "button" } });
  button.addEventListener("click", () => onPick(payload, true));
  return button;
}

function renderCrossRef(ref, onPick) {
  const steps =
    ref.steps.length > 0
      ? el(
          "details",
          {},
          el("summary", { text: MSG.showSteps }),
          el("ol", { class: "steps" }, ...ref.steps.map(renderStep)),
        )
      : null;
  return el(
    "li",
    {},
    pickButton(`${ref.section} ${ref.title}`, { topic: ref.topic }, onPick, "link-button"),
    el("p", { text: ref.text }),
    steps,
  );
}

function renderSource(source) {
  const where = [source.guide, source.section, source.pages.join("・")].filter(Boolean).join(" ");
  return el(
    "footer",
    { class: "source" },
    el("p", { text: `${MSG.source}: ${where}` }),
    source.quotes.length > 0
      ? el(
          "details",
          {},
          el("summary", { text: MSG.quotes }),
          ...source.quotes.map((q) => el("blockquote", { text: q })),
        )
      : null,
  );
}

/** The whole answer, most urgent first: warnings, summary, choices, the sentence to read, whom to call. */
export function renderAnswer(answer, onPick) {
  const about = answer.context ? [answer.context.about, answer.context.stepNote].filter(Boolean).join(" ") : "";
  const parts = [
    ...(about ? [el("p", { class: "context", text: about })] : []),
    el(
      "header",
      { class: "answer-head" },
      el("p", { class: "answer-section" }, el("span", { class: "sec", text: answer.section }), answer.sectionTitle),
      el("h2", { text: answer.title, attrs: { id: "answer-title" } }),
    ),
  ];
  if (answer.warnings.length > 0) {
    parts.push(el("div", { class: "warnings" }, ...answer.warnings.map((w) => el("p", { class: "warning", text: w }))));
  }
  if (answer.variantRow) {
    const row = answer.variantRow;
    parts.push(
      el(
        "div",
        { class: "variant" },
        el("p", { class: "variant-label", text: row.label }),
        row.state ? el("p", { text: row.state }) : null,
      ),
    );
  }
  if (answer.fact) parts.push(el("p", { class: "fact", text: MSG.fact + answer.fact }));
  parts.push(el("p", { class: "summary", text: answer.summary }));
  if (answer.clarify) {
    const c = answer.clarify;
    parts.push(
      el(
        "div",
        { class: "clarify" },
        el("p", { class: "clarify-q", text: c.question }),
        el("div", { class: "chips" }, ...c.choices.map((ch) => pickButton(ch.label, ch, onPick))),
      ),
    );
  }
  if (answer.check) parts.push(el("p", { class: "check", text: answer.check.text }));
  parts.push(
    el(
      "figure",
      { class: "read-aloud" },
      el("figcaption", { text: MSG.readAloud }),
      el("blockquote", { text: answer.readAloud }),
    ),
  );
  if (answer.lines.length > 0) {
    const at = clockOf(answer.now);
    parts.push(
      section(
        at ? `${MSG.contacts}（${MSG.at(at)}）` : MSG.contacts,
        el("ul", { class: "line-list" }, ...answer.lines.map(renderLine)),
      ),
    );
  }
  if (answer.steps.length > 0)
    parts.push(section(MSG.steps, el("ol", { class: "steps" }, ...answer.steps.map(renderStep))));
  if (answer.notes.length > 0) {
    parts.push(section(MSG.notes, el("ul", { class: "notes" }, ...answer.notes.map((n) => el("li", { text: n })))));
  }
  if (answer.knownDifferences) {
    const kd = answer.knownDifferences;
    const items = kd.items.map((i) =>
      el(
        "li",
        { text: i.text },
        i.examples.length > 0
          ? el("ul", { class: "sub" }, ...i.examples.map((e) => el("li", { text: `例）${e}` })))
          : null,
      ),
    );
    parts.push(
      section(
        MSG.knownDifferences,
        el("p", { text: kd.lead }),
        el("ul", { class: "notes", attrs: { "data-known-differences": "" } }, ...items),
      ),
    );
  }
  if (answer.crossRefs.length > 0) {
    parts.push(
      section(MSG.crossRefs, el("ul", { class: "refs" }, ...answer.crossRefs.map((r) => renderCrossRef(r, onPick)))),
    );
  }
  if (answer.parties.length > 0) {
    const items = answer.parties.map((p) =>
      el("li", {}, el("strong", { text: p.name }), el("p", { text: p.description })),
    );
    parts.push(section(MSG.parties, el("ul", { class: "parties" }, ...items)));
  }
  if (answer.links.length > 0) {
    const items = answer.links.map((l) =>
      el(
        "li",
        {},
        /^https:\/\//.test(l.url)
          ? el("a", { text: l.title, attrs: { href: l.url, target: "_blank", rel: "noreferrer noopener" } })
          : el("span", { text: l.title }),
        l.note ? el("p", { class: "note", text: l.note }) : null,
      ),
    );
    parts.push(section(MSG.links, el("ul", { class: "links" }, ...items)));
  }
  if (answer.related.length > 0) {
    const chips = answer.related.map((r) => pickButton(`${r.section} ${r.title}`, { topic: r.topic }, onPick));
    parts.push(section(MSG.related, el("div", { class: "chips" }, ...chips)));
  }
  parts.push(renderSource(answer.source));
  return parts;
}
