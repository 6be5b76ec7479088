// The admin's rich-text editor (core/rich_text.py): its editable box is named after the field's label, and its
// toolbar's titles and accessible names are put into the page's language (the library's own are English).
const FIELD = "textarea[data-rich-text-labels]";

// Tiptap injects ProseMirror's base styles as an inline <style> unless one marked data-tiptap-style exists. The
// admin's CSP refuses inline styles without the page's nonce, so claim the place first with an empty element
// carrying the nonce; the styles themselves come from static/core/rich_text.css. This module runs before the
// editor's (it comes first in the widget's media, and module scripts run in document order).
function claimTiptapStyle() {
  if (document.querySelector("style[data-tiptap-style]")) return;
  const style = document.createElement("style");
  const carrier = document.querySelector("script[nonce], link[nonce]");
  if (carrier && carrier.nonce) style.nonce = carrier.nonce;
  style.setAttribute("data-tiptap-style", "");
  document.head.appendChild(style);
}

function nameEditableBox(wrapper, textarea) {
  const editable = wrapper.querySelector('[contenteditable="true"]');
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (!editable || !label) return;
  if (!label.id) label.id = `${textarea.id}_label`;
  editable.setAttribute("aria-labelledby", label.id);
  editable.setAttribute("aria-multiline", "true");
}

function translateToolbar(wrapper, labels) {
  for (const element of wrapper.querySelectorAll(".prose-menubar [title], .prose-menubar [aria-label]")) {
    for (const attribute of ["title", "aria-label"]) {
      const value = element.getAttribute(attribute);
      const translated = value && labels[value.toLowerCase()];
      if (translated && translated !== value) element.setAttribute(attribute, translated);
    }
  }
  for (const option of wrapper.querySelectorAll(".prose-menubar__option > *")) {
    const translated = labels[option.textContent.trim().toLowerCase()];
    if (translated && translated !== option.textContent) option.textContent = translated;
  }
}

function enhance(textarea) {
  const wrapper = textarea.closest(".prose-editor");
  if (!wrapper || wrapper.dataset.richTextReady) return;
  if (!wrapper.querySelector('[contenteditable="true"]')) return;
  wrapper.dataset.richTextReady = "true";
  const labels = JSON.parse(textarea.dataset.richTextLabels || "{}");
  nameEditableBox(wrapper, textarea);
  translateToolbar(wrapper, labels);
  // The toolbar redraws its block-type button as the caret moves: translate again after each change.
  new MutationObserver(() => translateToolbar(wrapper, labels)).observe(wrapper.querySelector(".prose-menubar") || wrapper, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["title", "aria-label"],
  });
}

function enhanceAll() {
  for (const textarea of document.querySelectorAll(FIELD)) enhance(textarea);
}

claimTiptapStyle();

// The editors start asynchronously (and in inlines added later): watch the page until each is ready.
new MutationObserver(enhanceAll).observe(document.documentElement, { subtree: true, childList: true });
enhanceAll();
