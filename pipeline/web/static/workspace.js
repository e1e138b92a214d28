/* The workspace's one script: no keystroke of hers is lost, and every save or failure is said where she looks.

   - A form that edits a file (`form[data-draft]`) is kept as a draft in this browser (localStorage) while
     it has unsaved changes; leaving the page asks first (beforeunload); coming back restores the draft.
   - Every answer to a save, and every failure (the workspace stopped or restarted, the session ended, a
     form too large), is written into #status: an aria-live region fixed in the viewport.
   - A field the browser cannot read (an <input type=date> holding 31.02.2026 sends "") is named to the
     server in `__invalid`, so an empty value is never written over the file's; the server's reason is
     shown beside the field.
   - A live check says which finding slots the page has, so that each finding lands beside a field it has.
   - The page asks the workspace whether it still answers (every 20 s and when she comes back to the tab).
   - Each cell of a table is given its column's heading (data-label): in a narrow window the rows stack and
     the stylesheet writes the heading before the value, so «12 / 16» still says what it counts.
   The words come from the page (#ui-messages), in her language. No inline script: a CSP may forbid it. */
(function () {
  "use strict";
  var words = {};
  try { words = JSON.parse(document.getElementById("ui-messages").textContent); } catch (e) { words = {}; }
  var dirty = false;
  var draftTimer = null;
  var down = null;          // null while the workspace answers; "offline" or "session" when it does not

  function say(key, values) {
    var text = words[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }

  function status() { return document.getElementById("status"); }

  function announce(text, kind, actions) {
    var box = status();
    if (!box) { return; }
    box.textContent = "";
    var p = document.createElement("p");
    p.className = "announce " + (kind || "");
    p.appendChild(document.createTextNode(text));
    (actions || []).forEach(function (action) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = action.label;
      button.addEventListener("click", action.run);
      p.appendChild(document.createTextNode(" "));
      p.appendChild(button);
    });
    box.appendChild(p);
  }

  function draftForm() { return document.querySelector("form[data-draft]"); }
  function draftKey() { return "shtab-draft:" + location.pathname; }
  function baseOf(form) { var b = form.querySelector("input[name=base]"); return b ? b.value : ""; }

  function entries(form) {
    var out = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrf" && name !== "base" && name.indexOf("keep.") !== 0 && typeof value === "string") {
        out.push([name, value]);
      }
    });
    return out;
  }

  function keepDraft() {
    var form = draftForm();
    if (!form || !dirty) { return; }
    try {
      localStorage.setItem(draftKey(), JSON.stringify({ base: baseOf(form), at: new Date().toISOString(),
                                                        fields: entries(form) }));
    } catch (e) { /* a full or forbidden storage: the beforeunload warning still guards */ }
  }

  function dropDraft() {
    try { localStorage.removeItem(draftKey()); } catch (e) { /* nothing kept */ }
  }

  function restore(form, fields) {
    var byName = {};
    fields.forEach(function (pair) { (byName[pair[0]] = byName[pair[0]] || []).push(pair[1]); });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "hidden" || el.name === "csrf" || el.name.indexOf("keep.") === 0) { return; }
      var values = byName[el.name];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = !!values && values.indexOf(el.value || "on") >= 0;
      } else if (values && values.length) {
        el.value = values.shift();
      }
    });
    dirty = true;
    if (window.htmx) { window.htmx.trigger(form, "change"); }
  }

  function when(iso) {
    var d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString(document.documentElement.lang === "ru" ? "ru-RU" : "kk-KZ");
  }

  function offerDraft() {
    var form = draftForm();
    if (!form) { return; }
    var kept = null;
    try { kept = JSON.parse(localStorage.getItem(draftKey()) || "null"); } catch (e) { kept = null; }
    if (!kept || !kept.fields) { return; }
    var discard = { label: say("draft_discard"), run: function () { dropDraft(); dirty = false; location.reload(); } };
    if (kept.base === baseOf(form)) {
      restore(form, kept.fields);
      announce(say("draft_restored", { time: when(kept.at) }), "warn", [discard]);
    } else {
      announce(say("draft_older", { time: when(kept.at) }), "warn", [
        { label: say("draft_restore"), run: function () { restore(form, kept.fields); status().textContent = ""; } },
        discard]);
    }
  }

  function accessibleName(el) {
    var ids = el.getAttribute("aria-labelledby");
    if (ids) {
      return ids.split(/\s+/).map(function (id) {
        var node = document.getElementById(id); return node ? node.textContent.trim() : "";
      }).join(" — ");
    }
    if (el.getAttribute("aria-label")) { return el.getAttribute("aria-label"); }
    return el.labels && el.labels.length ? el.labels[0].textContent.trim() : el.name;
  }

  function longestField(form) {
    var best = null;
    Array.prototype.forEach.call(form ? form.elements : [], function (el) {
      if ((el.tagName === "TEXTAREA" || el.type === "text") && (!best || el.value.length > best.value.length)) { best = el; }
    });
    return best;
  }

  function placeProblems() {
    var form = draftForm();
    if (!form) { return; }
    Array.prototype.forEach.call(form.querySelectorAll(".field-problem"), function (node) { node.remove(); });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid=true]"), function (el) {
      el.removeAttribute("aria-invalid");
      var described = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
        return id && id.indexOf("problem-") !== 0;
      });
      if (described.length) { el.setAttribute("aria-describedby", described.join(" ")); } else { el.removeAttribute("aria-describedby"); }
    });
    var seen = {};
    var lists = document.querySelectorAll("#not-saved li[data-field], #findings li[data-field]");
    Array.prototype.forEach.call(lists, function (item, index) {
      var name = item.getAttribute("data-field");
      if (seen[name]) { return; }
      seen[name] = true;
      var el = form.querySelector("[name='" + name.replace(/'/g, "") + "']");
      if (!el) { return; }
      var note = document.createElement("p");
      note.className = "field-problem finding error";
      note.id = "problem-" + index;
      note.textContent = item.textContent;
      (el.closest("label") || el).insertAdjacentElement("afterend", note);
      el.setAttribute("aria-invalid", "true");
      el.setAttribute("aria-describedby", ((el.getAttribute("aria-describedby") || "") + " " + note.id).trim());
    });
  }

  function isSave(detail) {
    var path = (detail.requestConfig && detail.requestConfig.path) || (detail.pathInfo && detail.pathInfo.requestPath) || "";
    return /\/save$/.test(path.split("?")[0]);
  }

  function failed(kind, status) {
    var form = draftForm();
    keepDraft();
    if (kind === "offline") {
      announce(say("offline"), "bad");
    } else if (status === 403) {
      announce(say("session"), "bad");
    } else if (status === 413) {
      var el = longestField(form);
      announce(say("too_large", { field: el ? accessibleName(el) : "", count: el ? el.value.length.toLocaleString() : "" }), "bad");
    } else {
      announce(say("refused", { status: String(status) }), "bad");
    }
  }

  document.addEventListener("input", function (event) {
    if (event.target.closest && event.target.closest("form[data-draft]") && event.target.name && event.target.name.indexOf("keep.") !== 0) {
      dirty = true;
      clearTimeout(draftTimer);
      draftTimer = setTimeout(keepDraft, 400);
    }
  });
  document.addEventListener("change", function (event) {   // signing is confirmed with what the gate checks
    var box = event.target;
    if (box.name === "protocol.signed" && box.checked) {
      var list = document.getElementById("sign-confirm");
      if (list && !window.confirm(list.innerText)) { box.checked = false; }
    }
  }, true);
  document.addEventListener("change", function (event) {   // an extraordinary meeting shows who called it (§12)
    var kind = event.target;
    var initiators = document.getElementById("initiators");
    if (kind.name === "kind" && initiators && kind.value === "extraordinary") { initiators.open = true; }
  });
  document.addEventListener("change", function (event) {
    if (event.target.closest && event.target.closest("form[data-draft]") && event.target.name && event.target.name.indexOf("keep.") !== 0) {
      dirty = true;
      keepDraft();
    }
  });
  window.addEventListener("beforeunload", function (event) {
    if (!dirty) { return undefined; }
    keepDraft();
    event.preventDefault();
    event.returnValue = say("unsaved");
    return event.returnValue;
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-discard]");
    if (link) { dropDraft(); dirty = false; }
    var skip = event.target.closest && event.target.closest("a.skip");
    var target = skip ? document.querySelector(skip.getAttribute("href")) : null;
    if (target) { event.preventDefault(); target.focus(); target.scrollIntoView({ block: "center" }); }
  });
  document.addEventListener("keydown", function (event) {     // Ctrl+S saves the form, as in an editor
    if ((event.ctrlKey || event.metaKey) && (event.key === "s" || event.key === "S" || event.key === "ы")) {
      var save = document.getElementById("save");
      if (save && draftForm()) { event.preventDefault(); save.click(); }
    }
  });

  document.addEventListener("htmx:configRequest", function (event) {
    var form = event.detail.elt.closest ? event.detail.elt.closest("form") : null;
    if (!form) { return; }
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.validity && el.validity.badInput) { event.detail.formData.append("__invalid", el.name); }
    });
    if (isSave(event.detail)) { announce(say("saving"), ""); }
    // the live check places each finding beside the nearest field slot this page has (`__slots`)
    if (/\/check$/.test(event.detail.path || "")) {
      var slots = Array.prototype.map.call(document.querySelectorAll(".fd[id]"), function (el) { return el.id; });
      event.detail.formData.append("__slots", slots.join(" "));
    }
  });
  document.addEventListener("htmx:sendError", function (event) {
    down = "offline";
    if (isSave(event.detail) || dirty) { failed("offline"); }
  });
  document.addEventListener("htmx:responseError", function (event) {
    var code = event.detail.xhr ? event.detail.xhr.status : 0;
    if (code === 403) { down = "session"; }
    if (isSave(event.detail) || code === 403 || code === 413) { failed("refused", code); }
  });
  function labelCells() {
    Array.prototype.forEach.call(document.querySelectorAll("main table"), function (table) {
      var heads = table.querySelectorAll("thead th");
      if (!heads.length) { return; }
      Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
        var shift = heads.length - row.cells.length;     // the first cells of a row under a rowspan are above it
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          var head = heads[i + Math.max(shift, 0)];
          var text = head ? head.textContent.trim() : "";
          if (text && !cell.hasAttribute("data-label") && !cell.querySelector(".sr-only")) {
            cell.setAttribute("data-label", text);
          }
        });
      });
    });
  }

  document.addEventListener("htmx:afterSwap", function () {
    labelCells();
    placeProblems();
    var conflict = document.getElementById("conflict") || document.getElementById("not-saved");
    if (conflict && !conflict.dataset.shown) {
      conflict.dataset.shown = "1";
      conflict.scrollIntoView({ block: "start" });
      conflict.focus({ preventScroll: true });
    }
  });
  document.body.addEventListener("shtab-saved", function () { dirty = false; dropDraft(); });
  document.body.addEventListener("shtab-saved-reload", function () { dirty = false; dropDraft(); location.reload(); });

  function alive() {
    fetch("/alive", { cache: "no-store", credentials: "same-origin" }).then(function (answer) {
      if (answer.status === 403) {
        if (down !== "session") { down = "session"; keepDraft(); announce(say("session"), "bad"); }
      } else if (down) {
        down = null; announce(say("back"), "good");
      }
    }).catch(function () {
      if (down !== "offline") { down = "offline"; keepDraft(); announce(say("offline"), "bad"); }
    });
  }
  setInterval(alive, 20000);
  window.addEventListener("focus", alive);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { alive(); } });

  offerDraft();
  placeProblems();
  labelCells();
})();
