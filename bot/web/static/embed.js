/* The chat page inside a charity's site (at /embed, framed by static/widget.js): the name,
 * colours and helpline from the address (checked here again: anyone can make such an address),
 * a compact layout, and a "Close" button and the Escape key that ask the site to close the
 * frame. At / it does nothing. Text goes in as text only; a colour only as #rrggbb.
 */
(function () {
  "use strict";

  if (window.location.pathname !== "/embed") { return; }

  var params = new URLSearchParams(window.location.search);
  var root = document.documentElement;
  var HEX = /^#[0-9a-f]{6}$/i;
  var PHONE = /^\+?[0-9][0-9 ()-]{5,24}[0-9]$/;

  function text(key, limit) {
    return (params.get(key) || "").replace(/\s+/g, " ").trim().slice(0, limit);
  }

  root.classList.add("embedded");
  [["colour", "--brand"], ["colour", "--user-bg"], ["ink", "--brand-ink"], ["ink", "--user-ink"],
    ["accent", "--accent"]].forEach(function (pair) {
    var value = params.get(pair[0]);
    if (value && HEX.test(value)) { root.style.setProperty(pair[1], value); }
  });

  var name = text("name", 60);
  if (name) {
    document.getElementById("chat-name").textContent = name;
    document.title = name;
  }

  var helpline = text("helpline", 30);
  if (PHONE.test(helpline)) {
    var intro = document.getElementById("chat-intro");
    var call = document.createElement("a");
    call.href = "tel:" + helpline.replace(/[^0-9+]/g, "");
    call.textContent = helpline;
    var hours = text("hours", 80);
    intro.textContent = "This is an automated guide, not a doctor. To talk to a person, call ";
    intro.appendChild(call);
    intro.appendChild(document.createTextNode(hours ? " (" + hours + ")." : "."));
  }

  function askToClose() {
    if (window.parent !== window) { window.parent.postMessage({ netChat: "close" }, "*"); }
  }

  var close = document.getElementById("chat-close");
  close.hidden = false;
  close.addEventListener("click", askToClose);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { askToClose(); }
  });
  window.addEventListener("message", function (event) {
    if (event.source === window.parent && event.data && event.data.netChat === "opened") {
      // without scrolling: the header and the privacy notice stay in view above it
      document.getElementById("chat-input").focus({ preventScroll: true });
    }
  });
}());
