/**
 * What the renderer bench runs inside the page, as source text: bench/ is
 * typed for Node without the DOM, and a string keeps the bundler's helpers
 * out of code that is serialized into the browser.
 *
 * "Painted" is approximated the usual way: a requestAnimationFrame callback
 * runs just before the frame's style, layout and paint, and a MessageChannel
 * message posted from it is delivered after that frame has been produced.
 */
export const PROBE = `(() => {
  const LIST = '[role="listbox"][aria-label="Conversations"]';
  /** A row whose page has not been read yet is an empty placeholder. */
  const shown = (option) => option !== null && option.childElementCount > 0;
  const afterPaint = (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = callback;
    channel.port2.postMessage(null);
  };
  const probe = { paintedAt: null, timing: false, presses: [] };
  window.__benchProbe = probe;

  // Cold start: the first row of the first page with its content, painted, on the wall clock.
  const observer = new MutationObserver(() => {
    if (!shown(document.querySelector(LIST + ' [role="option"]'))) return;
    observer.disconnect();
    requestAnimationFrame(() => afterPaint(() => (probe.paintedAt = performance.timeOrigin + performance.now())));
  });
  observer.observe(document, { childList: true, subtree: true });

  // Key press: the active option, identified by id and label (e closes the row and the next one takes its place).
  const active = () => {
    const list = document.querySelector(LIST);
    const id = list && list.getAttribute('aria-activedescendant');
    const option = id ? document.getElementById(id) : null;
    return { key: option ? id + '\\n' + option.getAttribute('aria-label') : '', shown: shown(option) };
  };
  /** Two seconds at 60 Hz: a press that changes nothing by then is recorded as not moving. */
  const MAX_FRAMES = 120;
  // Typing: the reply box's text, from keydown to the frame that shows the new character.
  probe.typing = false;
  probe.typed = [];
  window.addEventListener('keydown', (event) => {
    const box = event.target;
    if (!probe.typing || !(box instanceof HTMLTextAreaElement)) return;
    const startedAt = event.timeStamp;
    const before = box.value;
    let frames = 0;
    const onFrame = () => {
      frames++;
      const moved = box.value !== before;
      if (!moved && frames < MAX_FRAMES) return requestAnimationFrame(onFrame);
      afterPaint(() => probe.typed.push({ ms: performance.now() - startedAt, moved, frames }));
    };
    requestAnimationFrame(onFrame);
  }, true);
  window.addEventListener('keydown', (event) => {
    if (!probe.timing) return;
    const startedAt = event.timeStamp;
    const before = active().key;
    let frames = 0;
    const onFrame = () => {
      frames++;
      const now = active();
      const moved = now.key !== before && now.shown;
      if (!moved && frames < MAX_FRAMES) return requestAnimationFrame(onFrame);
      afterPaint(() => probe.presses.push({ ms: performance.now() - startedAt, moved, frames }));
    };
    requestAnimationFrame(onFrame);
  }, true);
})();`;

/**
 * The floor under any key-to-paint figure: a bare listbox whose j handler
 * moves aria-activedescendant to a new option, measured by the same probe.
 * What is left is the input pipeline and waiting for the next frame.
 */
export const FLOOR_PAGE = `<!doctype html>
<div role="listbox" aria-label="Conversations" tabindex="0" aria-activedescendant="row-0"><div role="option" id="row-0"><span>row 0</span></div></div>
<script>
  let index = 0;
  const list = document.querySelector('[role="listbox"]');
  list.addEventListener('keydown', (event) => {
    if (event.code !== 'KeyJ') return;
    index++;
    list.innerHTML = '<div role="option" id="row-' + index + '"><span>row ' + index + '</span></div>';
    list.setAttribute('aria-activedescendant', 'row-' + index);
  });
</script>`;

/** The floor under typing: a bare textarea of the same size, no app. */
export const FLOOR_TEXTAREA = `<!doctype html><textarea aria-label="Reply" rows="4" style="width: 700px; font: 14px sans-serif"></textarea>`;

/**
 * Scrolls the inbox down from `fromTop` px in up to `steps` steps of
 * `stepRows` rows, waiting at each step until the rows in view have their
 * content (or `stepTimeoutMs` passes). Called in chunks so the bench can log
 * progress and honour Ctrl-C between them.
 */
export const SCROLL_CHUNK = `async ({ fromTop, steps, stepRows, stepTimeoutMs }) => {
  const list = document.querySelector('[role="listbox"][aria-label="Conversations"]');
  const rowHeight = list.querySelector('[role="option"]').offsetHeight;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const inView = () => {
    const box = list.getBoundingClientRect();
    return [...list.querySelectorAll('[role="option"]')].filter((option) => {
      const row = option.getBoundingClientRect();
      return row.bottom > box.top && row.top < box.bottom;
    });
  };
  // The list re-renders for a new scroll position a task or two after the scroll event, so an empty view is still waiting.
  const waiting = () => {
    const rows = inView();
    return rows.length === 0 || rows.some((option) => option.childElementCount === 0);
  };
  let top = fromTop;
  let stalls = 0;
  let atEnd = false;
  for (let step = 0; step < steps && !atEnd; step++, top += stepRows * rowHeight) {
    list.scrollTop = top;
    const stepStarted = performance.now();
    do await frame();
    while (waiting() && performance.now() - stepStarted < stepTimeoutMs);
    if (waiting()) stalls++;
    atEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - 1;
  }
  const lastRow = Math.max(0, ...inView().map((option) => Number(option.getAttribute('aria-posinset'))));
  return { nextTop: top, atEnd, stalls, lastRow };
}`;
