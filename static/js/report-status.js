// Keeps each report's status current while it is queued or being compiled: polls its JSON status
// (reports:report_status) every few seconds, then shows the download link. No inline script: the
// content security policy allows only the app's own files.
(function () {
  "use strict";
  var WAIT = 2000;
  var LONGEST = 15 * 60 * 1000;

  function poll(node, started) {
    fetch(node.dataset.reportStatus, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (report) {
        var label = node.querySelector("[data-report-label]");
        label.textContent = report.label;
        label.className = "badge status-" + report.status;
        if (report.done) {
          var link = node.querySelector("[data-report-download]");
          link.href = report.download_url;
          link.classList.remove("d-none");
        } else if (report.error) {
          label.title = report.error;
        }
        if (report.pending && Date.now() - started < LONGEST) {
          window.setTimeout(function () { poll(node, started); }, WAIT);
        }
      })
      .catch(function () {
        window.setTimeout(function () { poll(node, started); }, WAIT * 5);
      });
  }

  document.querySelectorAll("[data-report-status]").forEach(function (node) {
    window.setTimeout(function () { poll(node, Date.now()); }, WAIT);
  });
})();
