/* The website chat widget: Rasa's socket.io channel, no build step, no CDN.
 *
 * Every message is shown with textContent, never as HTML, so nothing in a message or a trial
 * record can run. The conversation (session id and messages) is kept in localStorage, so a
 * page reload shows the history and carries on the same Rasa conversation.
 */
(function () {
  "use strict";

  var config = window.NET_CHAT_CONFIG || {};
  var SOCKET_URL = config.socketUrl || "http://localhost:5005";
  var SOCKET_PATH = config.socketPath || "/socket.io/";
  var STORE_KEY = "net-trials-chat-v1";
  var MAX_KEPT = 200;          // messages kept for the reload
  var TYPING_TIMEOUT_MS = 20000;

  var log = document.getElementById("chat-log");
  var form = document.getElementById("chat-form");
  var input = document.getElementById("chat-input");
  var typing = document.getElementById("chat-typing");
  var status = document.getElementById("chat-status");
  var reset = document.getElementById("chat-reset");
  var typingTimer = null;

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORE_KEY) || "null");
      if (saved && Array.isArray(saved.messages)) { return saved; }
    } catch (ignored) { /* a broken store starts a new conversation */ }
    return { sessionId: null, messages: [] };
  }

  function save() {
    state.messages = state.messages.slice(-MAX_KEPT);
    try { window.localStorage.setItem(STORE_KEY, JSON.stringify(state)); } catch (ignored) { }
  }

  var state = load();

  function buttonsOf(message) {
    var list = message.quick_replies || message.buttons || [];
    return Array.isArray(list) ? list.filter(function (b) { return b && b.title && b.payload; }) : [];
  }

  function render(message) {
    var item = document.createElement("div");
    item.className = "msg " + (message.from === "user" ? "user" : "bot");
    var who = document.createElement("span");
    who.className = "who";
    who.textContent = message.from === "user" ? "You said: " : "Assistant: ";
    item.appendChild(who);
    var text = document.createElement("span");
    text.textContent = message.text || "";
    item.appendChild(text);
    var buttons = message.buttons || [];
    if (buttons.length) {
      var row = document.createElement("div");
      row.className = "buttons";
      buttons.forEach(function (button) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = button.title;
        b.addEventListener("click", function () { send(button.payload, button.title); });
        row.appendChild(b);
      });
      item.appendChild(row);
    }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  function add(message) {
    state.messages.push(message);
    save();
    render(message);
  }

  function setTyping(on) {
    typing.hidden = !on;
    window.clearTimeout(typingTimer);
    if (on) { typingTimer = window.setTimeout(function () { typing.hidden = true; }, TYPING_TIMEOUT_MS); }
  }

  state.messages.forEach(render);

  var socket = window.io(SOCKET_URL, { path: SOCKET_PATH, transports: ["websocket"] });

  socket.on("connect", function () {
    status.textContent = "";
    socket.emit("session_request", { session_id: state.sessionId });
  });
  socket.on("session_confirm", function (sessionId) {
    var fresh = state.sessionId !== sessionId;
    state.sessionId = typeof sessionId === "string" ? sessionId : (sessionId && sessionId.session_id);
    save();
    if (fresh && state.messages.length === 0) { send("/greet", null); }
  });
  socket.on("connect_error", function () {
    status.textContent = "Can't reach the assistant just now. Trying again… " +
      "You can call the nurses free on 0808 800 4040 (Monday to Friday, 9am to 5pm).";
  });
  socket.on("bot_uttered", function (message) {
    setTyping(false);
    add({ from: "bot", text: String(message.text || ""), buttons: buttonsOf(message) });
  });

  function send(payload, shown) {
    var text = String(payload || "").trim();
    if (!text) { return; }
    if (shown !== null) { add({ from: "user", text: shown === undefined ? text : shown, buttons: [] }); }
    setTyping(true);
    socket.emit("user_uttered", { message: text, session_id: state.sessionId });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    send(text);
    input.focus();
  });

  reset.addEventListener("click", function () {
    try { window.localStorage.removeItem(STORE_KEY); } catch (ignored) { }
    state = { sessionId: null, messages: [] };
    log.textContent = "";
    socket.emit("session_request", { session_id: null });
    input.focus();
  });
}());
