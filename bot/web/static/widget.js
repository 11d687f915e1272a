/* The chat on a charity's own site, from one script tag:
 *
 *   <script src="https://chat.example.org/static/widget.js" async
 *           data-name="Ask about NET trials" data-colour="#005eb8"
 *           data-helpline="0808 808 0000" data-helpline-hours="Monday to Friday, 9am to 5pm"></script>
 *
 * It adds a floating button; the button opens the chat page (/embed on the server the script
 * came from) in a frame, and closes it again. Escape closes it from anywhere in the chat, and
 * the focus goes back to the button. On a small screen the chat covers the page, so there it
 * is a modal dialog: the page behind cannot be reached by Tab, pointer or screen reader. The
 * server must list the site's origin in CHAT_EMBED_ORIGINS, or the browser refuses to show
 * the frame.
 *
 * Optional attributes: data-name (on the button and the chat's heading), data-colour (the
 * button, the chat's header and your messages, as #rrggbb), data-text-colour (the text on it;
 * ignored when it would be hard to read), data-helpline and data-helpline-hours (the number
 * people can call instead, shown at the top of the chat).
 * Everything is built as DOM nodes with text: nothing from the attributes is read as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector("script[src*='/static/widget.js']");
  if (!script || window.__netChatWidget) { return; }
  window.__netChatWidget = true;

  var DEFAULT_NAME = "NET Trials Assistant";
  var DEFAULT_COLOUR = "#2e1a6b";
  var MIN_CONTRAST = 4.5;  // WCAG AA for text
  var HEX = /^#[0-9a-f]{6}$/i;
  var origin = new URL(script.src, document.baseURI).origin;

  function attribute(name, limit) {
    return (script.getAttribute(name) || "").replace(/\s+/g, " ").trim().slice(0, limit);
  }

  // --- Colours that stay readable ------------------------------------------------------------

  function hex(value) {
    var text = String(value || "").trim();
    if (/^#[0-9a-f]{3}$/i.test(text)) { text = "#" + text[1] + text[1] + text[2] + text[2] + text[3] + text[3]; }
    return HEX.test(text) ? text.toLowerCase() : null;
  }

  function luminance(colour) {
    var channels = [1, 3, 5].map(function (i) {
      var c = parseInt(colour.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  }

  function contrast(a, b) {
    var la = luminance(a);
    var lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /* The colour given, the text on it (the one given if readable, else black or white,
   * whichever reads better) and the colour for text on white (the colour given when it is
   * dark enough, else the default). */
  function palette() {
    var colour = hex(script.getAttribute("data-colour")) || DEFAULT_COLOUR;
    var ink = hex(script.getAttribute("data-text-colour"));
    if (!ink || contrast(ink, colour) < MIN_CONTRAST) {
      ink = contrast("#ffffff", colour) >= contrast("#000000", colour) ? "#ffffff" : "#000000";
    }
    var accent = contrast(colour, "#ffffff") >= MIN_CONTRAST ? colour : DEFAULT_COLOUR;
    return { colour: colour, ink: ink, accent: accent };
  }

  var name = attribute("data-name", 60) || DEFAULT_NAME;
  var colours = palette();

  function frameAddress() {
    var url = new URL("/embed", origin);
    url.searchParams.set("name", name);
    url.searchParams.set("colour", colours.colour);
    url.searchParams.set("ink", colours.ink);
    url.searchParams.set("accent", colours.accent);
    var helpline = attribute("data-helpline", 30);
    if (helpline) {
      url.searchParams.set("helpline", helpline);
      var hours = attribute("data-helpline-hours", 80);
      if (hours) { url.searchParams.set("hours", hours); }
    }
    return url.href;
  }

  // --- The button and the panel, in a shadow root so the site's styles leave them alone ------

  var SMALL_SCREEN = "(max-width: 30rem), (max-height: 32rem)";  // where the open chat covers the page
  var STYLE = [
    ":host { all: initial; }",
    "aside { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }",
    ".launcher { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483000; display: flex; align-items: center;",
    "  gap: .5rem; min-height: 2.75rem; padding: .6rem 1.1rem; border: 2px solid var(--ink); border-radius: 2rem;",
    "  background: var(--colour); color: var(--ink); font-family: inherit; font-size: 1rem; font-weight: 600;",
    "  line-height: 1.25; cursor: pointer;",
    "  box-shadow: 0 .15rem .6rem rgba(0, 0, 0, .35); }",
    ".launcher svg { width: 1.25rem; height: 1.25rem; flex: none; }",
    ".launcher:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; box-shadow: 0 0 0 5px #1a1a1a; }",
    ".panel { position: fixed; inset: auto 1rem 4.75rem auto; z-index: 2147483001; width: min(26rem, calc(100vw - 2rem));",
    "  height: min(44rem, calc(100vh - 6rem)); max-width: none; max-height: none; margin: 0; padding: 0;",
    "  background: #ffffff; border: 1px solid #5a5a5a; border-radius: .75rem;",
    "  overflow: hidden; box-shadow: 0 .3rem 1.5rem rgba(0, 0, 0, .35); }",
    ".panel:not([open]) { display: none; }",
    ".panel::backdrop { background: rgba(0, 0, 0, .5); }",
    ".panel iframe { display: block; width: 100%; height: 100%; border: 0; }",
    "@media " + SMALL_SCREEN + " {",
    "  .panel { inset: 0; width: 100%; height: 100%; border: 0; border-radius: 0; }",
    "}"
  ].join("\n");

  var ICON = "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z";

  function icon() {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", ICON);
    path.setAttribute("fill", "currentColor");
    svg.appendChild(path);
    return svg;
  }

  function styleInto(root) {
    try {
      var sheet = new CSSStyleSheet();  // not blocked by a site's Content-Security-Policy
      sheet.replaceSync(STYLE);
      root.adoptedStyleSheets = [sheet];
    } catch (unsupported) {
      var style = document.createElement("style");
      style.textContent = STYLE;
      root.appendChild(style);
    }
  }

  function build() {
    var host = document.createElement("div");
    host.id = "net-chat-widget";
    host.style.setProperty("--colour", colours.colour);
    host.style.setProperty("--ink", colours.ink);
    var root = host.attachShadow({ mode: "open" });
    styleInto(root);

    var aside = document.createElement("aside");
    aside.setAttribute("aria-label", name);
    var launcher = document.createElement("button");
    launcher.type = "button";
    launcher.className = "launcher";
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-controls", "net-chat-panel");
    launcher.appendChild(icon());
    var label = document.createElement("span");
    label.textContent = name;
    launcher.appendChild(label);

    var panel = document.createElement("dialog");
    panel.id = "net-chat-panel";
    panel.className = "panel";
    panel.setAttribute("aria-label", name);
    aside.appendChild(launcher);
    aside.appendChild(panel);
    root.appendChild(aside);
    document.body.appendChild(host);

    var frame = null;
    var frameReady = false;
    var smallScreen = window.matchMedia(SMALL_SCREEN);

    function focusChat() {
      frame.focus();
      if (frameReady) { frame.contentWindow.postMessage({ netChat: "opened" }, origin); }
    }

    function open() {
      if (!frame) {  // made on first use, so a visit that never opens the chat never connects
        frame = document.createElement("iframe");
        frame.title = name + ": chat";
        frame.src = frameAddress();
        frame.addEventListener("load", function () { frameReady = true; if (panel.open) { focusChat(); } });
        panel.appendChild(frame);
      }
      // Modal where it covers the page: the browser then makes the page behind inert (the
      // button too, which it hides), so Tab goes round the chat, and Escape closes it.
      if (smallScreen.matches) { panel.showModal(); } else { panel.show(); }
      launcher.setAttribute("aria-expanded", "true");
      focusChat();
    }

    // At once, not only on the "close" event, which comes a moment later; that event still
    // matters when the browser closes a modal dialog itself (Escape).
    function closed() {
      if (panel.open || launcher.getAttribute("aria-expanded") === "false") { return; }
      launcher.setAttribute("aria-expanded", "false");
      launcher.focus();
    }

    function close() {
      if (!panel.open) { return; }
      panel.close();
      closed();
    }

    panel.addEventListener("close", closed);
    smallScreen.addEventListener("change", function () {
      if (!panel.open) { return; }
      panel.close();  // reopened as the new screen size needs (the conversation stays)
      open();
    });
    launcher.addEventListener("click", function () {
      if (panel.open) { close(); } else { open(); }
    });
    aside.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { close(); }
    });
    window.addEventListener("message", function (event) {
      var fromChat = frame && event.source === frame.contentWindow && event.origin === origin;
      if (fromChat && event.data && event.data.netChat === "close") { close(); }
    });
  }

  if (document.body) { build(); } else { document.addEventListener("DOMContentLoaded", build); }
}());
