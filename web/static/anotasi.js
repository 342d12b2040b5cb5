/* Annotating in the reader (staff only).
 *
 * Select text inside one clause (an element .teks[data-unit]; its paragraphs
 * carry data-mulai, their start in the unit's text), press "Anotasi", write,
 * save: the note goes to POST /api/anotasi with the span's offsets. The
 * thread forms (reply, resolve, edit, delete, restore, confirm an anchor) are
 * plain forms that work without this script; with it they call the same
 * JSON API (attribute data-api="METHOD URL"). Plain JavaScript, no build step;
 * served from /static because the Content-Security-Policy allows no inline script.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-anotasi-dokumen]");
  var csrfInput = document.querySelector("input[name=csrf_token]");
  var csrf = (root && root.getAttribute("data-csrf")) || (csrfInput ? csrfInput.value : "");
  var FIELDS = {isi: "body", tag: "tags", jenis: "kind", visibilitas: "visibility", tautan: "links",
                status: "status", unit: "unit_id"};

  function api(method, url, body) {
    return fetch(url, {
      method: method, credentials: "same-origin",
      headers: {"Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrf},
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (data) {
        if (!resp.ok) { throw new Error(data.error || ("Permintaan gagal (" + resp.status + ").")); }
        return data;
      });
    });
  }

  function reloadAt(id) {
    // one navigation: set the address (with the thread's anchor), then load the page again
    history.replaceState(null, "", location.pathname + location.search + (id ? "#anotasi-" + id : location.hash));
    location.reload();
  }

  function showError(form, message) {
    var box = form.querySelector(".galat");
    if (box) { box.textContent = message; box.hidden = false; } else { window.alert(message); }
  }

  function lines(value) {
    return value.split(/\n/).map(function (s) { return s.trim(); }).filter(Boolean);
  }

  function payload(form) {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      var key = FIELDS[el.name];
      if (!key || el.disabled) { return; }
      if (key === "tags") { out.tags = el.value.split(",").map(function (s) { return s.trim(); }).filter(Boolean); }
      else if (key === "links") { out.links = lines(el.value); }
      else { out[key] = el.value; }
    });
    return out;
  }

  /* -- the thread forms: same API as everything else ------------------------ */
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var spec = form.getAttribute("data-api");
    if (!spec || form.id === "form-anotasi-baru") { return; }
    event.preventDefault();
    var parts = spec.split(" ");
    var body = parts[0] === "DELETE" ? undefined : payload(form);
    var thread = form.closest(".utas");
    api(parts[0], parts[1], body).then(function (data) {
      reloadAt((thread && thread.id.replace("anotasi-", "")) || data.parent_id || data.id);
    }).catch(function (err) { showError(form, err.message); });
  });

  /* -- highlights and threads point at each other ---------------------------- */
  document.addEventListener("click", function (event) {
    var mark = event.target.closest ? event.target.closest("mark.sorot[data-anotasi]") : null;
    if (!mark) { return; }
    var thread = document.getElementById("anotasi-" + mark.getAttribute("data-anotasi").split(" ")[0]);
    if (thread) {
      thread.scrollIntoView({behavior: "smooth", block: "center"});
      thread.classList.add("disorot");
      window.setTimeout(function () { thread.classList.remove("disorot"); }, 1600);
    }
  });
  Array.prototype.forEach.call(document.querySelectorAll(".utas[id^=anotasi-]"), function (thread) {
    var id = thread.id.replace("anotasi-", "");
    function toggle(on) {
      Array.prototype.forEach.call(document.querySelectorAll("mark.sorot"), function (m) {
        if ((" " + m.getAttribute("data-anotasi") + " ").indexOf(" " + id + " ") >= 0) {
          m.classList.toggle("aktif", on);
        }
      });
    }
    thread.addEventListener("mouseenter", function () { toggle(true); });
    thread.addEventListener("mouseleave", function () { toggle(false); });
  });

  /* -- selecting text in a clause -------------------------------------------- */
  var form = document.getElementById("form-anotasi-baru");
  if (!root || !form) { return; }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "tombol-anotasi";
  button.textContent = "Anotasi teks terpilih";
  button.hidden = true;
  document.body.appendChild(button);
  var picked = null;

  function unitOf(node) {
    var el = node && (node.nodeType === 1 ? node : node.parentNode);
    return el && el.closest ? el.closest(".teks[data-unit]") : null;
  }

  function offsetIn(teks, node, offset) {
    var paras = teks.querySelectorAll("p[data-mulai]");
    if (node === teks) {  // a boundary between paragraphs
      var p = teks.children[offset];
      if (p && p.hasAttribute("data-mulai")) { return parseInt(p.getAttribute("data-mulai"), 10); }
      var last = paras[paras.length - 1];
      return parseInt(last.getAttribute("data-mulai"), 10) + last.textContent.length;
    }
    var el = node.nodeType === 1 ? node : node.parentNode;
    var para = el.closest("p[data-mulai]");
    var range = document.createRange();
    range.setStart(para, 0);
    range.setEnd(node, offset);
    return parseInt(para.getAttribute("data-mulai"), 10) + range.toString().length;
  }

  function currentPick() {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) { return null; }
    var range = sel.getRangeAt(0);
    var a = unitOf(range.startContainer), b = unitOf(range.endContainer);
    if (!a || !root.contains(a)) { return null; }
    if (a !== b) { return {error: "Pilih teks di dalam satu ayat, huruf, atau pasal saja.", range: range}; }
    var text = range.toString();
    var start = offsetIn(a, range.startContainer, range.startOffset);
    var end = offsetIn(a, range.endContainer, range.endOffset);
    var lead = text.length - text.replace(/^\s+/, "").length;
    var trail = text.length - text.replace(/\s+$/, "").length;
    start += lead; end -= trail;
    if (end <= start) { return null; }
    return {unit: a.getAttribute("data-unit"), start: start, end: end, exact: text.trim(), range: range};
  }

  function placeButton() {
    picked = currentPick();
    if (!picked) { button.hidden = true; return; }
    var rect = picked.range.getBoundingClientRect();
    button.textContent = picked.error ? picked.error : "Anotasi teks terpilih";
    button.disabled = !!picked.error;
    button.style.top = (window.scrollY + rect.bottom + 6) + "px";
    button.style.left = Math.max(8, window.scrollX + rect.left) + "px";
    button.hidden = false;
  }

  var timer = null;
  document.addEventListener("selectionchange", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(placeButton, 120);
  });

  function openForm(pick) {
    form.elements.unit.value = pick.unit;
    form.elements.mulai.value = String(pick.start);
    form.elements.akhir.value = String(pick.end);
    form.elements.kutipan.value = pick.exact;
    form.querySelector(".kutipan-terpilih").textContent = "“" + pick.exact + "”";
    form.hidden = false;
    form.classList.add("melayang");
    button.hidden = true;
    form.elements.isi.focus();
  }

  button.addEventListener("mousedown", function (event) { event.preventDefault(); });
  button.addEventListener("click", function () { if (picked && !picked.error) { openForm(picked); } });
  form.querySelector("[data-batal]").addEventListener("click", function () {
    form.hidden = true;
    form.classList.remove("melayang");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !form.hidden) { form.hidden = true; form.classList.remove("melayang"); }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = payload(form);
    body.doc_id = root.getAttribute("data-anotasi-dokumen");
    body.selector = {start: parseInt(form.elements.mulai.value, 10), end: parseInt(form.elements.akhir.value, 10),
                     exact: form.elements.kutipan.value};
    var save = form.querySelector("button[type=submit]");
    save.disabled = true;
    api("POST", "/api/anotasi", body).then(function (data) { reloadAt(data.id); })
      .catch(function (err) { save.disabled = false; showError(form, err.message); });
  });
}());
