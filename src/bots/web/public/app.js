// The agents' page: answers as you type; keyboard first (/ ↑ ↓ Enter Esc). Plain ES2020, no build step.
import { api } from "./api.js";
import { clear, clockOf, el, MSG } from "./dom.js";
import { renderAnswer, renderLine, updateLines } from "./render.js";
import { setupTabs } from "./tabs.js";

const DEBOUNCE_MS = 40;
/** After this pause the question counts as asked (recorded if the guide has no answer); keystrokes before it are not. */
const SETTLE_MS = 1500;
const LINES_REFRESH_MS = 60000; // ES2020: no numeric separators
const QUICK_TOPICS = ["1-2", "1-3", "2-2", "2-4", "2-5", "3-callcenter"];

const $ = (id) => document.getElementById(id);
const input = $("q");
const status = $("status");
const list = $("candidates");
const answerBox = $("answer");
const start = $("start");

const showTab = setupTabs(["search", "topics", "lines"]);
/** This page's conversation: follow-ups (「それって土曜もやってる？」) are read after the last answer. */
const SESSION = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
const state = { query: "", candidates: [], active: -1, opened: -1, timer: 0, settle: 0, controller: null, seq: 0 };

/** Sends one request at a time: a newer keystroke aborts the older fetch, and a late reply is dropped. */
async function request(body) {
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  const seq = ++state.seq;
  try {
    const answer = await api("/api/ask", { ...body, session: SESSION }, controller.signal);
    return seq === state.seq ? answer : undefined;
  } catch (err) {
    if (err?.name !== "AbortError" && seq === state.seq) status.textContent = err?.userMessage ?? MSG.error;
    return undefined;
  }
}

/** A greeting, thanks or "what can you do" gets a short reply, not a guide answer. */
function showReply(reply) {
  answerBox.replaceChildren(el("p", { class: "reply", text: reply }));
  delete answerBox.dataset.topic;
  answerBox.hidden = false;
  start.hidden = true;
  status.textContent = reply;
}

function showAnswer(answer, query) {
  answerBox.replaceChildren(...renderAnswer(answer, pick));
  answerBox.dataset.topic = answer.topic;
  answerBox.dataset.query = query;
  answerBox.hidden = false;
  start.hidden = true;
}

function renderCandidates() {
  clear(list);
  state.candidates.forEach((c, i) => {
    const option = el(
      "div",
      {
        class: "option",
        attrs: { id: `opt-${i}`, role: "option", "aria-selected": i === state.active ? "true" : "false" },
      },
      el("span", { class: "sec", text: c.section }),
      el("span", { class: "option-title", text: c.title }),
      el("span", { class: "option-tag", text: i === state.opened ? "表示中" : i === 0 ? MSG.best : MSG.candidate }),
    );
    option.addEventListener("mousedown", (e) => e.preventDefault());
    option.addEventListener("click", () => openCandidate(i));
    list.append(option);
  });
  const shown = state.candidates.length > 1;
  list.hidden = !shown;
  input.setAttribute("aria-expanded", shown ? "true" : "false");
  if (shown && state.active >= 0) input.setAttribute("aria-activedescendant", `opt-${state.active}`);
  else input.removeAttribute("aria-activedescendant");
}

async function search(text) {
  const answer = await request({ text, typing: true });
  if (!answer) return;
  clearTimeout(state.settle);
  // The settled question is the conversation's turn: remembered, and recorded if the guide has no answer.
  state.settle = setTimeout(() => api("/api/ask", { text, session: SESSION }).catch(() => undefined), SETTLE_MS);
  if (answer.reply !== undefined) return showReply(answer.reply);
  state.query = text;
  state.candidates = [
    { topic: answer.topic, title: answer.title, section: answer.section },
    ...answer.alternatives.filter((a) => a.topic !== answer.topic),
  ];
  state.active = 0;
  state.opened = 0;
  renderCandidates();
  showAnswer(answer, text);
  status.textContent =
    answer.topic === "none" ? MSG.noAnswer : MSG.showing(answer.title, answer.section, state.candidates.length - 1);
}

async function openCandidate(index) {
  const c = state.candidates[index];
  if (!c) return;
  state.active = index;
  state.opened = index;
  renderCandidates();
  const answer = await request({ text: state.query, topic: c.topic });
  if (!answer) return;
  showAnswer(answer, state.query);
  status.textContent = MSG.opened(answer.title, answer.section);
}

/** A topic chosen by a button (related, clarifying choice, the lists): focus moves to the new answer. */
async function pick(choice, focusAnswer) {
  showTab("search");
  const body = { text: state.query, topic: choice.topic };
  if (choice.variant) body.variant = choice.variant;
  if (choice.fact) body.fact = choice.fact;
  const answer = await request(body);
  if (!answer) return;
  state.opened = state.candidates.findIndex((c) => c.topic === answer.topic);
  renderCandidates();
  showAnswer(answer, state.query);
  status.textContent = MSG.opened(answer.title, answer.section);
  if (focusAnswer) answerBox.focus();
}

function clearSearch() {
  clearTimeout(state.timer);
  clearTimeout(state.settle);
  state.controller?.abort();
  state.seq++;
  Object.assign(state, { query: "", candidates: [], active: -1, opened: -1 });
  input.value = "";
  renderCandidates();
  answerBox.hidden = true;
  clear(answerBox);
  start.hidden = false;
  status.textContent = MSG.cleared;
}

input.addEventListener("input", () => {
  clearTimeout(state.timer);
  clearTimeout(state.settle);
  const text = input.value.trim();
  if (!text) return clearSearch();
  state.timer = setTimeout(() => search(text), DEBOUNCE_MS);
});

input.addEventListener("keydown", (e) => {
  if (e.isComposing || e.keyCode === 229) return; // IME: Enter confirms the conversion, arrows pick kanji
  const n = state.candidates.length;
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    if (n === 0) return;
    e.preventDefault();
    state.active = (state.active + (e.key === "ArrowDown" ? 1 : n - 1)) % n;
    renderCandidates();
    $(`opt-${state.active}`)?.scrollIntoView({ block: "nearest" });
  } else if (e.key === "Enter") {
    e.preventDefault();
    if (n > 0) openCandidate(state.active < 0 ? 0 : state.active);
  } else if (e.key === "Escape") {
    e.preventDefault();
    clearSearch();
  }
});

$("search-form").addEventListener("submit", (e) => e.preventDefault());

document.addEventListener("keydown", (e) => {
  if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t?.isContentEditable) return;
  e.preventDefault();
  showTab("search");
  input.focus();
  input.select();
});

async function loadTopics() {
  const { topics } = await api("/api/topics");
  const browsable = topics.filter((t) => t.id !== "none");
  $("topic-list").replaceChildren(
    ...browsable.map((t) => {
      const button = el(
        "button",
        { class: "topic", attrs: { type: "button" } },
        el(
          "span",
          { class: "topic-head" },
          el("span", { class: "sec", text: t.section }),
          el("span", { text: t.title }),
        ),
        el("span", { class: "topic-summary", text: t.summary }),
      );
      button.addEventListener("click", () => pick({ topic: t.id, label: t.title }, true));
      return el("li", {}, button);
    }),
  );
  const quick = QUICK_TOPICS.map((id) => browsable.find((t) => t.id === id)).filter(Boolean);
  $("quick").replaceChildren(
    ...quick.map((t) => {
      const button = el("button", { class: "chip", text: `${t.section} ${t.title}`, attrs: { type: "button" } });
      button.addEventListener("click", () => pick({ topic: t.id, label: t.title }, true));
      return button;
    }),
  );
}

async function refreshLines() {
  const data = await api("/api/lines");
  const listBox = $("line-list");
  if (listBox.childElementCount === 0) listBox.replaceChildren(...data.lines.map(renderLine));
  updateLines(document, data.lines);
  $("lines-at").textContent = MSG.at(clockOf(data.now));
}

function quietly(promise) {
  promise.catch((err) => {
    status.textContent = err?.userMessage ?? MSG.error;
  });
}

quietly(loadTopics());
quietly(refreshLines());
setInterval(() => quietly(refreshLines()), LINES_REFRESH_MS);
