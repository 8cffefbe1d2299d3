// The draft check page (/check): sends the draft to POST api/v1/check asking for JSON lines,
// so that each paragraph is shown, and the progress bar moves, as soon as it is checked.
// Everything from the draft or the index is put in as text (textContent), never as HTML.
(() => {
  const words = JSON.parse(document.getElementById("hrc-check-words").textContent);
  const ui = document.body.dataset.ui;
  const form = document.getElementById("hrc-check-form");
  const progress = document.getElementById("hrc-check-progress");
  const bar = progress.querySelector("progress");
  const status = progress.querySelector(".hrc-check-status");
  const failure = document.getElementById("hrc-check-error");
  const done = document.getElementById("hrc-check-done");
  const results = document.getElementById("hrc-check-results");
  const notes = document.getElementById("hrc-check-notes");
  let lastDraft = null;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  }

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  function readFile(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).split(",", 2)[1] || "");
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
  }

  async function draftOf() {
    const file = document.getElementById("hrc-draft-file").files[0];
    if (file) return { file: { name: file.name, content: await readFile(file) } };
    return { text: document.getElementById("hrc-draft").value };
  }

  function showError(message) {
    failure.textContent = message;
    failure.hidden = false;
    progress.hidden = true;
  }

  async function errorOf(response) {
    try { return (await response.json()).message; } catch (ignored) { return response.statusText; }
  }

  async function copy(button, text) {
    let copied = true;
    try { await navigator.clipboard.writeText(text); } catch (error) { copied = false; }
    const before = button.textContent;
    button.textContent = copied ? words.copied : words.copy_failed;
    setTimeout(() => { button.textContent = before; }, 1500);
  }

  function renderSource(source, verdict) {
    const box = element("div", "hrc-source");
    const head = element("div", "hrc-source-head");
    const citation = source.citation[ui] || source.citation.en;
    head.append(element("strong", "hrc-citation", citation), " ", element("span", "hrc-symbol", source.symbol), " ");
    const figures = `${words.check_similarity} ${source.similarity.toFixed(2)}`;
    const changes = fill(words.check_changes, { inserted: source.inserted, deleted: source.deleted });
    head.append(element("span", "hrc-figures", verdict === "adapted" ? `${figures} · ${changes}` : figures), " ");
    const button = element("button", "hrc-copy-source", words.copy_citation);
    button.type = "button";
    button.addEventListener("click", () => copy(button, citation));
    const link = element("a", "hrc-source-link", words.check_open_source);
    link.href = source.url;
    link.target = "_blank";
    link.rel = "noopener";
    head.append(button, " ", link);
    box.append(head);
    if (verdict === "adapted") {
      const diff = element("p", "hrc-diff");
      for (const piece of source.diff) {
        const tag = piece.op === "insert" ? "ins" : piece.op === "delete" ? "del" : "span";
        diff.append(element(tag, "", piece.text));
      }
      box.append(diff);
    }
    return box;
  }

  function renderParagraph(checked) {
    const article = element("article", `hrc-check-paragraph hrc-${checked.verdict}`);
    article.dataset.verdict = checked.verdict;
    article.id = `paragraph-${checked.index}`;
    const header = element("header");
    header.append(
      element("span", "hrc-check-index", String(checked.index)), " ",
      element("span", `hrc-verdict hrc-verdict-${checked.verdict}`, words[`verdict_${checked.verdict}`]),
    );
    article.append(header);
    const text = element("p", "hrc-check-text");
    if (checked.label) text.append(element("span", "label", checked.label), " ");
    text.append(checked.text);
    article.append(text);
    if (!checked.sources.length) article.append(element("p", "hrc-no-source", words.check_no_source));
    for (const source of checked.sources) article.append(renderSource(source, checked.verdict));
    return article;
  }

  function onLine(record) {
    if (record.status === "checking") {
      notes.replaceChildren(...record.notes.map((note) => element("li", "", note)));
      notes.hidden = !record.notes.length;
      bar.max = record.total;
      bar.value = 0;
      status.textContent = fill(words.check_progress, { done: 0, total: record.total });
    } else if (record.status === "ok") {
      document.getElementById("hrc-check-summary").textContent = fill(words.check_summary, record.summary);
      progress.hidden = true;
      done.hidden = false;
    } else if (record.status === "error") {
      showError(record.message);
    } else {
      results.append(renderParagraph(record));
      bar.value = record.index;
      status.textContent = fill(words.check_progress, { done: record.index, total: bar.max });
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    failure.hidden = true;
    done.hidden = true;
    results.replaceChildren();
    notes.hidden = true;
    progress.hidden = false;
    bar.removeAttribute("value");  // indeterminate until the draft is read
    status.textContent = "";
    const button = document.getElementById("hrc-check-run");
    button.disabled = true;
    try {
      lastDraft = await draftOf();
      const response = await fetch(`api/v1/check?lang=${ui}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/x-ndjson" },
        body: JSON.stringify({ ...lastDraft, language: ui }),
      });
      if (!response.ok) { showError(await errorOf(response)); return; }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let pending = "";
      for (;;) {
        const { value, done: finished } = await reader.read();
        pending += decoder.decode(value || new Uint8Array(), { stream: !finished });
        const lines = pending.split("\n");
        pending = lines.pop();
        for (const line of lines) if (line.trim()) onLine(JSON.parse(line));
        if (finished) break;
      }
    } catch (error) {
      showError(String(error));
    } finally {
      button.disabled = false;
    }
  });

  for (const button of document.querySelectorAll("[data-format]")) {
    button.addEventListener("click", async () => {
      if (!lastDraft) return;
      const format = button.dataset.format;
      const response = await fetch(`api/v1/check?lang=${ui}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ...lastDraft, format, language: ui }),
      });
      if (!response.ok) { showError(await errorOf(response)); return; }
      const link = element("a");
      link.href = URL.createObjectURL(await response.blob());
      link.download = `draft-check.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    });
  }
})();
