/* Poll a background job's progress (JSON from /staff/jobs/<id>) and update the <progress> bar.
   When the job finishes the page reloads so the redaction counts are current. */
(function () {
  "use strict";
  var box = document.getElementById("job-progress");
  if (!box) { return; }
  var status = box.getAttribute("data-status");
  if (status !== "queued" && status !== "running") { return; }
  var bar = document.getElementById("job-bar");
  var text = document.getElementById("job-text");
  var url = box.getAttribute("data-job-url");
  var unit = box.getAttribute("data-unit") || "pages";
  var failures = 0;

  function show(job) {
    if (job.total) {
      bar.max = job.total;
      bar.value = job.done;
    }
    box.setAttribute("data-status", job.status);
    if (job.status === "done") {
      bar.max = 1; bar.value = 1;
      text.textContent = "Done";
    } else if (job.status === "failed" || job.status === "dead") {
      // "dead": every retry failed; the message carries the last error and a manager can re-queue it.
      text.textContent = "Failed: " + (job.message || "see the audit trail");
    } else {
      text.textContent = (job.total ? job.done + " of " + job.total + " " + unit : "Starting") +
        (job.message ? " – " + job.message : "");
    }
  }

  function poll() {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", url, true);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.onload = function () {
      if (xhr.status !== 200) { failures += 1; return again(); }
      var job = JSON.parse(xhr.responseText);
      show(job);
      if (job.finished) {
        window.setTimeout(function () { window.location.reload(); }, 600);
      } else {
        again();
      }
    };
    xhr.onerror = function () { failures += 1; again(); };
    xhr.send();
  }

  function again() {
    if (failures > 20) { text.textContent = "Lost contact with the server; reload the page."; return; }
    window.setTimeout(poll, 1000);
  }

  poll();
})();
