// One delegated listener for every copy button the chat will ever render: the buttons come
// and go with each answer, and the chatbot's sanitizer strips inline handlers and data-*
// attributes. It keeps a button's `value` (the text to copy) and `lang` (the words to say
// after copying, read from the JSON the page head carries as #hrc-qa-words).
//
// The Clipboard API needs a secure context (https or localhost); elsewhere a selected
// textarea and execCommand("copy") still work. Links are made absolute against the app when
// the app runs as a <gradio-app> web component on someone else's page, where relative links
// would point at that page's site.
(() => {
  if (window.hrcQaListening) return;
  window.hrcQaListening = true;

  function words(language) {
    // Read at click time: as a web component, Gradio adds the head's elements one by one.
    const data = document.getElementById("hrc-qa-words");
    const all = data ? JSON.parse(data.textContent) : {};
    return all[language] || all.zh || ["✓", "✗"];
  }

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      let done = false;
      try { done = document.execCommand("copy"); } catch (ignored) { done = false; }
      area.remove();
      return done;
    }
  }

  document.addEventListener("click", async (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target && target.closest("a.hrc-open");
    if (link) {
      const host = link.closest("gradio-app");
      const root = host && host.getAttribute("src");
      if (root) link.href = new URL(link.getAttribute("href"), root.replace(/\/?$/, "/")).href;
      return;
    }
    const button = target && target.closest("button.hrc-copy");
    if (!button) return;
    event.preventDefault();
    event.stopPropagation();
    if (!button.hrcLabel) button.hrcLabel = button.textContent;
    const done = await copyText(button.value);
    const [copied, failed] = words(button.lang);
    button.textContent = done ? copied : failed;
    button.classList.toggle("hrc-copied", done);
    clearTimeout(button.hrcTimer);
    button.hrcTimer = setTimeout(() => { button.textContent = button.hrcLabel; }, 1500);
  });
})();
