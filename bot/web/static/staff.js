/* The staff lookup's small extras. Everything works without this script: the copy-to-send
   text can be selected and copied by hand, and the browser's own print works. With it, a
   "Copy the message" button and a "Print this page" button appear. */
(function () {
  "use strict";

  function announce(block, text) {
    var status = block && block.querySelector(".copy-status");
    if (status) { status.textContent = text; }
  }

  function copyByHand(area) {
    area.focus();
    area.select();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function setUpCopy(button) {
    var area = document.getElementById(button.getAttribute("data-copy-target"));
    if (!area) { return; }
    var block = button.closest(".copy-block");
    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function () { announce(block, "Copied. Paste it into your email or text message."); };
      var failed = function () {
        if (copyByHand(area)) { done(); return; }
        area.focus();
        area.select();
        announce(block, "Could not copy automatically. The text is selected: press Ctrl+C (or Cmd+C) to copy it.");
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(area.value).then(done, failed);
      } else {
        failed();
      }
    });
  }

  /* The message box as tall as its text, so none of it is hidden on a narrow screen. */
  function fitToText(area) {
    if (window.CSS && CSS.supports("field-sizing", "content")) { return; }
    var fit = function () {
      area.style.height = "auto";
      area.style.height = (area.scrollHeight + area.offsetHeight - area.clientHeight) + "px";
    };
    fit();
    window.addEventListener("resize", fit);
  }

  function setUpPrint(button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".copy-button[data-copy-target]"), setUpCopy);
    Array.prototype.forEach.call(document.querySelectorAll(".print-button"), setUpPrint);
    Array.prototype.forEach.call(document.querySelectorAll(".copy-block textarea"), fitToText);
  });
})();
