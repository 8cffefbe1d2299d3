// After an answer: scroll the chat so that the question just asked is at its top and the
// best paragraph right below it, instead of the chatbot's scrolling to the answer's end.
// Gradio runs this file's one expression, a function, after each answer (`js=` of an event).
() => setTimeout(() => {
  const asked = document.querySelectorAll("#hrc-chat [data-testid='user']");
  const latest = asked[asked.length - 1];
  if (!latest) return;
  let box = latest.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight + 1 &&
                  /(auto|scroll)/.test(getComputedStyle(box).overflowY))) {
    box = box.parentElement;
  }
  if (box) box.scrollTop += latest.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
}, 100)
