/* The website chat widget: Rasa's socket.io channel, no build step, no CDN.
 *
 * Every message is shown with textContent, never as HTML, so nothing in a message or a trial
 * record can run; web addresses and phone numbers become links built from text (https: and
 * tel: only). The conversation (id, its signed token from the server, messages) is kept in
 * localStorage until the token expires (CHAT_HISTORY_DAYS on the Rasa server, 7 days after the
 * last visit by default), so a reload shows the history and carries on the same conversation.
 * "Clear this chat" deletes it from the browser and from the server.
 *
 * A search's trials come as cards (a message whose one button is "See NCT..."): shown as a list,
 * each with its title as a heading and its status as a chip that says it in words. After a
 * question, the view stays on the first part of the answer, not on its last message.
 */
(function () {
  "use strict";

  var config = window.NET_CHAT_CONFIG || {};
  var SOCKET_URL = config.socketUrl || "http://localhost:5005";
  var SOCKET_PATH = config.socketPath || "/socket.io/";
  var STORE_KEY = "net-trials-chat-v2";
  var OLD_STORE_KEYS = ["net-trials-chat-v1"];  // kept no token: never resumed, so removed
  var MAX_KEPT = 200;              // messages kept for the reload
  var SLOW_MS = 10000;             // then "This is taking longer than usual"
  var REPLY_TIMEOUT_MS = 60000;    // no acknowledgement by then: the message was not sent

  var log = document.getElementById("chat-log");
  var form = document.getElementById("chat-form");
  var input = document.getElementById("chat-input");
  var status = document.getElementById("chat-status");
  var clear = document.getElementById("chat-clear");
  var notice = document.getElementById("chat-notice");
  var suggestions = document.getElementById("chat-suggestions");
  var elements = new WeakMap();    // message -> its element in the log
  var typing = null;               // the typing indicator's element, while one shows
  var typingTimers = [];
  var ready = false;               // a conversation is open on the server
  var everConnected = false;
  var answerStart = null;          // the first reply to the newest question, kept in view
  var awaitingAnswer = false;
  var UNREACHABLE = "Can't reach the assistant just now. Trying again… " +
    "You can call the nurses free on 0808 800 4040 (Monday to Friday, 9am to 5pm).";

  OLD_STORE_KEYS.forEach(function (key) { try { window.localStorage.removeItem(key); } catch (ignored) { } });

  function emptyState() {
    return { sessionId: null, sessionToken: null, expiresAt: null, keepDays: null, messages: [] };
  }

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORE_KEY) || "null");
      if (saved && Array.isArray(saved.messages)) {
        if (typeof saved.expiresAt === "number" && Date.now() / 1000 >= saved.expiresAt) {
          window.localStorage.removeItem(STORE_KEY);
          status.textContent = "Your earlier chat was more than " + (saved.keepDays || 7) +
            " days old, so it has been deleted from this browser.";
          return emptyState();
        }
        return saved;
      }
    } catch (ignored) { /* a broken store starts a new conversation */ }
    return emptyState();
  }

  function save() {
    state.messages = state.messages.slice(-MAX_KEPT);
    try { window.localStorage.setItem(STORE_KEY, JSON.stringify(state)); } catch (ignored) { }
  }

  var state = load();

  // --- Text with links ---------------------------------------------------------------------

  var LINKABLE = /(https?:\/\/[^\s<>"]+|www\.[^\s<>"]+)|((?:\+|\b0)\d[\d -]{6,16}\d)\b/g;
  var TRAILING = /[.,;:!?)\]'"]+$/;

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (href.indexOf("https:") === 0 || href.indexOf("http:") === 0) { a.rel = "noopener noreferrer"; a.target = "_blank"; }
    return a;
  }

  /* The text as text nodes, with web addresses and phone numbers as links. Only the schemes
   * https:, http: and tel: are ever made, from the matched characters alone. */
  function withLinks(text) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    text.replace(LINKABLE, function (match, web, phone, offset) {
      var shown = match;
      var href = null;
      if (web) {
        shown = match.replace(TRAILING, "");
        href = (shown.indexOf("www.") === 0 ? "https://" : "") + shown;
      } else if (phone) {
        var digits = phone.replace(/[ -]/g, "");
        if (digits.replace("+", "").length >= 9 && digits.replace("+", "").length <= 15) { href = "tel:" + digits; }
      }
      if (href === null) { return match; }
      fragment.appendChild(document.createTextNode(text.slice(last, offset)));
      fragment.appendChild(link(href, shown));
      last = offset + shown.length;
      return match;
    });
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  var LABEL = /^([A-Z][A-Za-z0-9 ,'()\/-]{0,38}:) (?=\S)/;  // "Status: ", "Nearest place: "

  /* A bot message's lines, each "Label: ..." with its label in bold. */
  function withLabels(text) {
    var fragment = document.createDocumentFragment();
    text.split("\n").forEach(function (line, index) {
      if (index > 0) { fragment.appendChild(document.createTextNode("\n")); }
      var label = LABEL.exec(line);
      if (label) {
        var strong = document.createElement("strong");
        strong.textContent = label[1];
        fragment.appendChild(strong);
        line = line.slice(label[1].length);
      }
      fragment.appendChild(withLinks(line));
    });
    return fragment;
  }

  // --- Trial cards ---------------------------------------------------------------------------

  var SEE_TRIAL = /^\/show_trial\{"nct_id":"NCT\d{8}"\}$/;
  var STATUS_KINDS = [  // the status's first words -> the chip's colour (its words say it too)
    [/may have changed/i, "check"],
    [/^(open|recruiting)\b/i, "open"],
    [/^(opening soon|not yet recruiting|only for people|enrolling by invitation)/i, "soon"]
  ];

  function isCard(message) {
    var buttons = message.buttons || [];
    return message.from === "bot" && buttons.length === 1 && SEE_TRIAL.test(buttons[0].payload) &&
      (message.text || "").indexOf("\n") > 0;
  }

  function statusKind(status) {
    for (var i = 0; i < STATUS_KINDS.length; i += 1) {
      if (STATUS_KINDS[i][0].test(status)) { return STATUS_KINDS[i][1]; }
    }
    return "closed";
  }

  /* "Open: looking for people to join (as of ...)" -> a chip "Open" and the rest as text. */
  function statusLine(status) {
    var line = document.createElement("p");
    var label = document.createElement("strong");
    label.textContent = "Status: ";
    line.appendChild(label);
    var word = /^[^:(,]+?(?=:| as of\b| \(|,|$)/.exec(status);
    var chip = document.createElement("span");
    chip.className = "chip chip-" + statusKind(status);
    chip.textContent = word ? word[0] : status;
    line.appendChild(chip);
    var rest = status.slice(chip.textContent.length).replace(/^:\s*/, " ").replace(/^,\s*/, ", ");
    line.appendChild(document.createTextNode(rest));
    return line;
  }

  function renderCard(message, item) {
    var lines = message.text.split("\n");
    var title = document.createElement("h3");
    title.className = "card-title";
    title.textContent = lines[0];
    item.appendChild(title);
    lines.slice(1).forEach(function (line) {
      if (line.indexOf("Status: ") === 0) {
        item.appendChild(statusLine(line.slice("Status: ".length)));
        return;
      }
      var part = document.createElement("p");
      part.appendChild(withLabels(line));
      item.appendChild(part);
    });
  }

  /* The list the card goes in: the one just before, or a new one. */
  function cardList() {
    var last = typing ? typing.previousSibling : log.lastChild;
    if (last && last.nodeName === "UL" && last.classList.contains("cards")) { return last; }
    var list = document.createElement("ul");
    list.className = "cards";
    list.setAttribute("aria-label", "Trials found");
    log.insertBefore(list, typing);
    return list;
  }

  // --- The conversation --------------------------------------------------------------------

  function buttonsOf(message) {
    var list = message.quick_replies || message.buttons || [];
    return Array.isArray(list) ? list.filter(function (b) { return b && b.title && b.payload; }) : [];
  }

  /* Buttons of earlier answers stay clickable but leave the tab order once the person asks
   * something else, so Tab goes from the newest answer (all its cards) to the message box. */
  function retireButtons() {
    Array.prototype.forEach.call(log.querySelectorAll(".buttons:not(.used)"), function (row) {
      row.classList.add("used");
      Array.prototype.forEach.call(row.querySelectorAll("button"), function (b) { b.tabIndex = -1; });
    });
  }

  function renderDelivery(message, item) {
    var old = item.querySelector(".delivery");
    if (old) { item.removeChild(old); }
    if (!message.pending && !message.failed) { return; }
    var note = document.createElement("span");
    note.className = "delivery";
    note.appendChild(document.createTextNode(message.failed ? "Not sent. " : "Waiting for the connection…"));
    if (message.failed) {
      var again = document.createElement("button");
      again.type = "button";
      again.className = "try-again";
      again.textContent = "Try again";
      again.addEventListener("click", function () { retry(message); });
      note.appendChild(again);
    }
    item.appendChild(note);
  }

  function render(message) {
    var card = isCard(message);
    var item = document.createElement(card ? "li" : "div");
    item.className = "msg " + (message.from === "user" ? "user" : "bot") + (card ? " card" : "");
    var who = document.createElement("span");
    who.className = "who";
    who.textContent = message.from === "user" ? "You said: " : "Assistant: ";
    item.appendChild(who);
    if (card) {
      renderCard(message, item);
    } else {
      var text = document.createElement("span");
      text.appendChild(message.from === "user" ? withLinks(message.text || "") : withLabels(message.text || ""));
      item.appendChild(text);
    }
    var buttons = message.buttons || [];
    if (message.from === "user") { retireButtons(); }
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
    elements.set(message, item);
    renderDelivery(message, item);
    if (card) { cardList().appendChild(item); } else { log.insertBefore(item, typing); }
    return item;
  }

  /* New messages scroll into view, except the later parts of an answer: the view stays on its
   * first part (a search's heading and first trial, not "There are 5 more"). */
  function reveal(message, item) {
    if (message.from === "user") {
      awaitingAnswer = true;
      answerStart = null;
    } else if (awaitingAnswer) {
      awaitingAnswer = false;
      answerStart = item;
    }
    if (answerStart && message.from !== "user") {
      log.scrollTop = answerStart.offsetTop - log.clientTop - 8;
    } else {
      log.scrollTop = log.scrollHeight;
    }
  }

  function add(message) {
    state.messages.push(message);
    save();
    reveal(message, render(message));
    if (message.from === "user" && notice) { notice.open = false; }
    showSuggestions();
  }

  /* Questions to start with, just under the greeting, while the person has asked nothing yet. */
  function showSuggestions() {
    var started = state.messages.some(function (m) { return m.from === "user"; });
    log.classList.toggle("not-started", !started);
    if (suggestions) { suggestions.hidden = started; }
  }

  function showAll() {
    log.textContent = "";
    typing = null;
    answerStart = null;
    awaitingAnswer = false;
    state.messages.forEach(render);
    log.scrollTop = log.scrollHeight;
    showSuggestions();
    if (notice && state.messages.some(function (m) { return m.from === "user"; })) { notice.open = false; }
    Array.prototype.forEach.call(document.querySelectorAll(".keep-days"), function (span) {
      span.textContent = String(state.keepDays || 7);
    });
  }

  function typingNote(text) {
    var note = document.createElement("div");
    note.className = "typing";
    note.textContent = text;
    if (typing) { log.replaceChild(note, typing); } else { log.appendChild(note); }
    typing = note;
    if (!answerStart) { log.scrollTop = log.scrollHeight; }
  }

  function stopTyping() {
    typingTimers.forEach(window.clearTimeout);
    typingTimers = [];
    if (typing && typing.parentNode) { typing.parentNode.removeChild(typing); }
    typing = null;
  }

  function startTyping() {
    stopTyping();
    typingNote("The assistant is typing…");
    typingTimers.push(window.setTimeout(function () {
      typingNote("This is taking longer than usual. Please wait a little longer.");
    }, SLOW_MS));
  }

  function markDelivery(message, pending, failed) {
    message.pending = pending;
    message.failed = failed;
    save();
    var item = elements.get(message);
    if (item) { renderDelivery(message, item); }
  }

  // --- Talking to the server ---------------------------------------------------------------

  showAll();
  var socket = window.io(SOCKET_URL, { path: SOCKET_PATH, transports: ["websocket"] });

  function emitMessage(payload, message) {
    startTyping();
    socket.timeout(REPLY_TIMEOUT_MS).emit("user_uttered", { message: payload, session_id: state.sessionId },
      function (error) {
        if (!error) { return; }
        stopTyping();
        if (message) { markDelivery(message, false, true); }
      });
  }

  function send(payload, shown) {
    var text = String(payload || "").trim();
    if (!text) { return; }
    var message = null;
    if (shown !== null) {
      message = { from: "user", text: shown === undefined ? text : shown, buttons: [], payload: text };
      add(message);
    }
    if (ready && socket.connected) {
      emitMessage(text, message);
    } else if (message) {
      // Before the chat is ready (connecting, or opening the conversation), it waits and goes
      // once it is; after a lost connection, the person is told at once and can try again.
      var waits = !everConnected || socket.connected;
      markDelivery(message, waits, !waits);
    }
  }

  function retry(message) {
    if (ready && socket.connected) {
      markDelivery(message, false, false);
      emitMessage(message.payload || message.text, message);
    } else if (socket.connected) {
      markDelivery(message, true, false);  // the conversation is opening: it goes once it is open
    } else {
      status.textContent = "Still can't reach the assistant. Please try again in a moment.";
    }
  }

  function sendWaiting() {
    state.messages.filter(function (m) { return m.pending; }).forEach(function (m) {
      markDelivery(m, false, false);
      emitMessage(m.payload || m.text, m);
    });
  }

  function requestSession(resume) {
    ready = false;
    socket.emit("session_request", resume ? { session_id: state.sessionId, session_token: state.sessionToken }
      : { session_id: null });
  }

  socket.on("connect", function () {
    everConnected = true;
    if (status.textContent === UNREACHABLE) { status.textContent = ""; }
    requestSession(true);
  });

  socket.on("session_confirm", function (confirmed) {
    if (!confirmed || typeof confirmed.session_id !== "string") { return; }
    var resumed = confirmed.resumed === true && confirmed.session_id === state.sessionId;
    if (!resumed && state.sessionId) {
      // The earlier chat could not be opened (expired, or cleared): drop its copy here too,
      // keeping only what is still waiting to be sent.
      state.messages = state.messages.filter(function (m) { return m.pending; });
    }
    state.sessionId = confirmed.session_id;
    state.sessionToken = confirmed.session_token;
    state.expiresAt = confirmed.expires_at;
    state.keepDays = confirmed.keep_days;
    save();
    if (!resumed) { showAll(); }
    if (confirmed.notice) { status.textContent = confirmed.notice; }
    ready = true;
    if (!resumed && state.messages.length === 0) { send("/greet", null); }
    sendWaiting();
  });

  socket.on("connect_error", function () { status.textContent = UNREACHABLE; });

  socket.on("disconnect", function () {
    ready = false;
    stopTyping();
    status.textContent = UNREACHABLE;
  });

  socket.on("bot_uttered", function (message) {
    stopTyping();
    add({ from: "bot", text: String(message.text || ""), buttons: buttonsOf(message) });
  });

  socket.on("session_cleared", function (result) {
    var cleared = result && result.cleared === true;
    forgetHere();
    status.textContent = cleared ? "This chat has been deleted from this browser and from our server."
      : "This chat has been deleted from this browser. Our server could not delete its copy just now; " +
        "it will be deleted with other old chats.";
    requestSession(false);
  });

  function forgetHere() {
    try { window.localStorage.removeItem(STORE_KEY); } catch (ignored) { }
    stopTyping();
    state = emptyState();
    showAll();
    if (notice) { notice.open = true; }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    send(text);
    input.focus();
  });

  if (suggestions) {
    Array.prototype.forEach.call(suggestions.querySelectorAll("button"), function (button) {
      button.addEventListener("click", function () {
        send(button.textContent);
        input.focus();  // the suggestions are gone now
      });
    });
  }

  clear.addEventListener("click", function () {
    if (ready && socket.connected) {
      socket.emit("session_clear", {});
    } else {
      forgetHere();
      status.textContent = "This chat has been deleted from this browser. Our server's copy will be " +
        "deleted with other old chats.";
    }
    input.focus();
  });
}());
