// The idle session, on the page (CJIS AC-11): typing keeps the session alive; five minutes before an
// idle session ends, a warning offers to stay logged in; when it ends, what was typed in the page's
// forms is kept in this tab (sessionStorage, never a password or a file) and put back after logging
// in again on the same page. The server decides (outreach.lib.middleware.SessionTimeoutMiddleware).
(function () {
  "use strict";
  var body = document.body;
  var idle = Number(body.dataset.sessionIdle || 0) * 1000;
  var KEY = "outreach-draft:" + window.location.pathname;
  var WARN_BEFORE = Math.min(5 * 60 * 1000, idle / 5);
  var PING_EVERY = Math.min(5 * 60 * 1000, idle / 3);

  function fields() {
    return Array.prototype.filter.call(
      document.querySelectorAll("form[method='post'] input, form[method='post'] textarea, form[method='post'] select"),
      function (field) {
        var type = (field.type || "").toLowerCase();
        return field.name && field.name !== "csrfmiddlewaretoken" && ["password", "file", "hidden", "submit"].indexOf(type) < 0;
      }
    );
  }

  function keep() {
    var values = {};
    fields().forEach(function (field) {
      if (field.type === "checkbox" || field.type === "radio") {
        if (field.checked) { values[field.name + "=" + field.value] = true; }
      } else if (field.value) {
        values[field.name] = field.value;
      }
    });
    if (Object.keys(values).length) { window.sessionStorage.setItem(KEY, JSON.stringify(values)); }
  }

  function putBack() {
    var kept = window.sessionStorage.getItem(KEY);
    if (!kept) { return; }
    window.sessionStorage.removeItem(KEY);
    var values = JSON.parse(kept);
    var restored = false;
    fields().forEach(function (field) {
      if (field.type === "checkbox" || field.type === "radio") {
        if (values[field.name + "=" + field.value]) { field.checked = true; restored = true; }
      } else if (values[field.name] !== undefined && !field.value) {
        field.value = values[field.name];
        restored = true;
      }
    });
    if (restored) { notice(body.dataset.sessionRestored || "", "alert-info"); }
  }

  function notice(text, kind) {
    var box = document.createElement("div");
    box.className = "alert " + kind + " session-notice d-flex flex-wrap gap-2 align-items-center";
    box.setAttribute("role", "alert");
    var words = document.createElement("span");
    words.textContent = text;
    box.appendChild(words);
    (document.querySelector("main") || body).prepend(box);
    return box;
  }

  if (!idle) { putBack(); return; }

  var warnTimer, endTimer, lastPing = Date.now(), warning = null;

  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    warnTimer = window.setTimeout(warn, idle - WARN_BEFORE);
    endTimer = window.setTimeout(end, idle + 2000);
  }

  function ping() {
    lastPing = Date.now();
    return fetch(body.dataset.sessionKeepalive, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": body.dataset.csrf },
    }).then(function (response) {
      if (response.ok) { schedule(); }
    });
  }

  function warn() {
    if (warning) { return; }
    warning = notice(body.dataset.sessionWarning || "", "alert-warning");
    var stay = document.createElement("button");
    stay.type = "button";
    stay.className = "btn btn-sm btn-primary";
    stay.textContent = body.dataset.sessionStay || "OK";
    stay.addEventListener("click", function () {
      ping().then(function () { warning.remove(); warning = null; });
    });
    warning.appendChild(stay);
    stay.focus();
  }

  function end() {
    keep();
    window.location.reload();  // the server has ended the session: it asks to log in, then comes back here
  }

  document.addEventListener("input", function () {
    if (Date.now() - lastPing > PING_EVERY) { ping(); }
  });
  putBack();
  schedule();
})();
