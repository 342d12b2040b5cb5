/* "Salin kutipan": copy a clause's citation to the clipboard.
   Progressive enhancement: without JavaScript the citation is plain, selectable
   text and the buttons stay hidden. Loaded from /static (the CSP forbids inline
   scripts). */
(function () {
  "use strict";

  function announce(section, message) {
    var status = section.querySelector(".salin-kabar");
    if (status) { status.textContent = message; }
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "tersembunyi";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function copy(button) {
    var source = document.getElementById(button.getAttribute("data-salin"));
    var section = button.closest(".kutipan") || document.body;
    if (!source) { return; }
    var text = source.textContent.trim();
    var done = function () { announce(section, "Kutipan disalin: " + text); };
    var failed = function () {
      if (fallbackCopy(text)) { done(); } else { announce(section, "Gagal menyalin; pilih teks kutipan lalu salin manual."); }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("button.salin[data-salin]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button); });
    });
  });
}());
