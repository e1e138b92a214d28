// Signing a sealed PDF with the head's ЭЦП through NCALayer (kz.gov.pki.knca.basics / sign) on her computer.
// NCALayer answers a WebSocket (SHTAB_NCALAYER_URL, else wss://127.0.0.1:13579); its answer goes to the
// workspace, which checks the signature before it keeps it. Every word shown is from #ecp-messages (kk or ru).
(function () {
  "use strict";
  const box = document.getElementById("ecp");
  if (!box) { return; }
  const words = JSON.parse(document.getElementById("ecp-messages").textContent);
  const status = document.getElementById("ecp-status");
  const csrf = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRF-Token"] || "";
  const meeting = box.dataset.meeting;
  function say(text, kind) { status.textContent = text; status.className = kind || ""; }
  function busy(on) { box.querySelectorAll("button.ecp-sign").forEach(function (b) { b.disabled = on; }); }

  function askNcalayer(pdf, lang) {
    return new Promise(function (resolve) {
      let socket;
      try { socket = new WebSocket(box.dataset.ncalayer); } catch (e) { resolve({ kind: "unreachable" }); return; }
      let answered = false;
      const finish = function (outcome) { if (!answered) { answered = true; resolve(outcome); } try { socket.close(); } catch (e) { /* closed */ } };
      socket.onerror = function () { finish({ kind: "unreachable" }); };
      socket.onclose = function () { finish({ kind: "unreachable" }); };
      socket.onopen = function () {
        const signingParams = { decode: true, encapsulate: false, digested: false };
        if (document.getElementById("ecp-tsa").checked) { signingParams.tsaProfile = {}; }
        const signerParams = { extKeyUsageOids: ["1.3.6.1.5.5.7.3.4"] };
        if (box.dataset.iin) { signerParams.iin = box.dataset.iin; }
        socket.send(JSON.stringify({ module: "kz.gov.pki.knca.basics", method: "sign", args: {
          allowedStorages: null, format: "cms", data: pdf, signingParams: signingParams,
          signerParams: signerParams, locale: box.dataset.locale } }));
      };
      socket.onmessage = function (event) {
        let answer;
        try { answer = JSON.parse(event.data); } catch (e) { finish({ kind: "error", text: String(event.data) }); return; }
        if (answer.result && answer.result.version !== undefined && answer.status === undefined) { return; }  // its hello
        if (answer.status === true) {
          const result = answer.body ? answer.body.result : undefined;
          const empty = result === undefined || result === null || (Array.isArray(result) && result.length === 0);
          finish(empty ? { kind: "cancel" } : { kind: "signed", result: result });
        } else if (answer.code === "500" && answer.message === "action.canceled") {
          finish({ kind: "cancel" });                                    // the older commonUtils module
        } else {
          finish({ kind: "error", text: [answer.code, answer.message, answer.details].filter(Boolean).join(": ") });
        }
      };
    });
  }

  async function sign(lang) {
    busy(true);
    say(words.preparing);
    try {
      const sealed = await fetch("/meetings/" + encodeURIComponent(meeting) + "/sealed/" + lang, { credentials: "same-origin" });
      const pdf = await sealed.json();
      if (!sealed.ok) { say(pdf.error || words.failed, "error"); return; }
      say(words.waiting);
      const outcome = await askNcalayer(pdf.data, lang);
      if (outcome.kind === "unreachable") { say(words.unreachable, "error"); return; }
      if (outcome.kind === "cancel") { say(words.canceled, "error"); return; }
      if (outcome.kind === "error") { say(words.ncalayer_error + " " + outcome.text, "error"); return; }
      say(words.checking);
      const stored = await fetch("/meetings/" + encodeURIComponent(meeting) + "/signatures", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ lang: lang, version: pdf.version, result: outcome.result }) });
      const verdict = await stored.json();
      if (verdict.ok) {
        say(verdict.lines.join(" "), "done");
        window.setTimeout(function () { window.location.reload(); }, 1500);
      } else {
        say(words.refused + " " + verdict.lines.join(" "), "error");
      }
    } catch (e) {
      say(words.failed, "error");
    } finally {
      busy(false);
    }
  }

  box.querySelectorAll("button.ecp-sign").forEach(function (button) {
    button.addEventListener("click", function () { sign(button.dataset.lang); });
  });
}());
