/* Review at keyboard speed (issue 11): decide without a page reload, jump to the next undecided proposal
   or unresolved mention, search the bundle and redact a string everywhere. Progressive enhancement: the
   accept/reject forms post normally when this script does not run; here they go to the JSON endpoints
   (web/staff/review_json_routes.py) with the CSRF token from the page's meta tag. No build step. */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute("content") : "";

  function typing(ev) {
    var t = ev.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }

  function send(method, url, body) {
    var opts = {method: method, credentials: "same-origin", headers: {"Accept": "application/json"}};
    if (body !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.headers["X-CSRFToken"] = csrf;
      opts.body = JSON.stringify(body);
    }
    return fetch(url, opts).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) { throw new Error(data.message || data.error || ("error " + r.status)); }
        return data;
      });
    });
  }

  /* The unresolved-mention queue page: j/k move between entries, Enter follows the focused link. */
  var queue = document.querySelectorAll("[data-queue-link]");
  if (queue.length && !document.getElementById("review-keys")) {
    document.addEventListener("keydown", function (ev) {
      if (typing(ev) || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      var links = Array.prototype.slice.call(queue);
      var i = links.indexOf(document.activeElement);
      if (ev.key === "j") { links[Math.min(i + 1, links.length - 1)].focus(); ev.preventDefault(); }
      if (ev.key === "k") { links[Math.max(i - 1, 0)].focus(); ev.preventDefault(); }
    });
    return;
  }

  var panel = document.getElementById("review-keys");
  if (!panel) { return; }
  panel.hidden = false;
  var live = document.getElementById("review-live");
  var list = document.getElementById("redaction-list");
  var itemId = parseInt(panel.getAttribute("data-item"), 10);
  var pageNo = parseInt(panel.getAttribute("data-page"), 10);
  var selected = null;

  function say(text) { live.textContent = text; }

  function rows() { return Array.prototype.slice.call(list.querySelectorAll("li[data-rid]")); }

  function select(li) {
    rows().forEach(function (r) { r.classList.remove("is-selected"); });
    Array.prototype.forEach.call(document.querySelectorAll(".rbox--selected"), function (b) {
      b.classList.remove("rbox--selected");
    });
    selected = li;
    if (!li) { return; }
    li.classList.add("is-selected");
    Array.prototype.forEach.call(document.querySelectorAll('.rbox[data-rid="' + li.getAttribute("data-rid") + '"]'),
      function (b) { b.classList.add("rbox--selected"); });
    li.scrollIntoView({block: "nearest"});
    var tag = li.querySelector(".tag");
    say("Selected: " + (li.querySelector(".rtext") || li).textContent + (tag ? " (" + tag.textContent + ")" : ""));
  }

  function undecided() {
    return rows().filter(function (r) { var t = r.querySelector(".tag"); return t && t.textContent === "proposed"; });
  }

  function decided(li, data) {
    var tag = li.querySelector(".tag");
    tag.textContent = data.status;
    tag.className = "tag tag--" + data.status;
    Array.prototype.forEach.call(document.querySelectorAll('.rbox[data-rid="' + data.id + '"]'), function (b) {
      b.className = b.className.replace(/rbox--(proposed|accepted|rejected)/, "rbox--" + data.status);
    });
    var accept = li.querySelector('[data-action="accept"]');
    var reject = li.querySelector("details.reject");
    if (accept) { accept.closest("form").hidden = data.status === "accepted"; }
    if (reject) { reject.hidden = data.status === "rejected"; reject.open = false; }
    var hint = document.querySelector(".filters .hint");
    if (hint && data.counts) {
      hint.textContent = "This document: " + (data.counts.proposed || 0) + " to decide · " +
        (data.counts.accepted || 0) + " accepted · " + (data.counts.rejected || 0) + " rejected";
    }
    var left = undecided();
    say((data.status === "accepted" ? "Accepted" : "Rejected") + ". " + left.length + " left to decide on this page.");
    if (left.length) { select(left[0]); }
  }

  /* Decisions through the JSON endpoint instead of a page load. */
  list.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!/\/redactions\/\d+$/.test(form.getAttribute("action") || "")) { return; }
    ev.preventDefault();
    var li = form.closest("li[data-rid]");
    var status = form.querySelector('[name="status"]').value;
    var reason = form.querySelector('[name="reason"]');
    if (status === "rejected" && reason && !reason.value.trim()) {
      say("Give a reason for rejecting the redaction."); reason.focus(); return;
    }
    send("POST", form.getAttribute("action") + "/decision.json", {status: status, reason: reason ? reason.value : ""})
      .then(function (data) { decided(li, data); })
      .catch(function (err) { say("Not saved: " + err.message); });
  });

  /* A link to a redaction on this very page only changes the hash (no page load): select it instead. */
  function go(url) {
    var a = document.createElement("a");
    a.href = url;
    if (a.pathname === window.location.pathname && a.search === window.location.search) {
      var target = a.hash && document.getElementById(a.hash.slice(1));
      if (target) { select(target); } else { say("This mention has no proposal on this page: draw a box or mark the page."); }
      return;
    }
    window.location.href = url;
  }

  function nextUndecided() {
    var left = undecided();
    var at = selected ? left.indexOf(selected) : -1;
    if (left.length && at + 1 < left.length) { select(left[at + 1]); return; }
    var q = "?item=" + itemId + "&page=" + pageNo + "&after=" + (left.length ? left[left.length - 1].getAttribute("data-rid") : 999999999);
    send("GET", panel.getAttribute("data-next-url") + q).then(function (data) {
      if (data.done) { say("Every proposal in the bundle has a decision."); return; }
      if (data.item_id === itemId && data.page === pageNo) {
        select(document.getElementById("r" + data.id));
      } else { go(data.url); }
    }).catch(function (err) { say(err.message); });
  }

  function nextUnresolved() {
    send("GET", panel.getAttribute("data-unresolved-url")).then(function (data) {
      var open = data.items.filter(function (e) { return e.decision !== "accepted" && e.decision !== "rejected"; });
      if (!open.length) { say("No unresolved mention is waiting for a decision."); return; }
      var here = open.filter(function (e) {
        return e.item_id === itemId && e.page - 1 === pageNo && e.redaction_id &&
          (!selected || String(e.redaction_id) !== selected.getAttribute("data-rid"));
      });
      if (here.length) { select(document.getElementById("r" + here[0].redaction_id)); return; }
      go(open[0].url);
    }).catch(function (err) { say(err.message); });
  }

  /* Searching the bundle, and redacting a string everywhere. */
  var searchForm = document.getElementById("bundle-search");
  var searchBox = document.getElementById("bundle-search-q");
  var results = document.getElementById("bundle-search-results");

  function showHits(data) {
    results.textContent = "";
    var p = document.createElement("p");
    p.textContent = data.total + " occurrence" + (data.total === 1 ? "" : "s") + " of “" + data.text + "”" +
      (data.truncated ? " (first " + data.hits.length + " shown)" : "");
    results.appendChild(p);
    var ol = document.createElement("ol");
    ol.className = "list";
    data.hits.forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.url;
      a.textContent = h.document + ", page " + (h.page + 1) + ": " + h.snippet;
      li.appendChild(a);
      if (h.redacted) { var s = document.createElement("span"); s.className = "tag tag--accepted"; s.textContent = "redacted"; li.appendChild(s); }
      ol.appendChild(li);
    });
    results.appendChild(ol);
    if (data.total) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "button button--small";
      b.id = "redact-everywhere";
      b.textContent = "Redact “" + data.text + "” everywhere";
      b.addEventListener("click", function () {
        send("POST", panel.getAttribute("data-entity-url"),
             {text: data.text, status: "accepted", code: document.getElementById("bundle-search-code").value})
          .then(function (out) { say(out.count + " redaction" + (out.count === 1 ? "" : "s") + " of “" + data.text + "” accepted across the bundle."); })
          .catch(function (err) { say("Not redacted: " + err.message); });
      });
      results.appendChild(b);
    }
    say(p.textContent);
  }

  searchForm.addEventListener("submit", function (ev) {
    ev.preventDefault();
    send("GET", panel.getAttribute("data-search-url") + "?q=" + encodeURIComponent(searchBox.value))
      .then(showHits).catch(function (err) { say(err.message); });
  });
  document.getElementById("next-undecided").addEventListener("click", nextUndecided);
  document.getElementById("next-unresolved").addEventListener("click", nextUnresolved);

  document.addEventListener("keydown", function (ev) {
    if (typing(ev) || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var all = rows();
    var at = selected ? all.indexOf(selected) : -1;
    var handled = true;
    if (ev.key === "j" && all.length) { select(all[Math.min(at + 1, all.length - 1)]); }
    else if (ev.key === "k" && all.length) { select(all[Math.max(at - 1, 0)]); }
    else if (ev.key === "a" && selected) {
      var accept = selected.querySelector('[data-action="accept"]');
      if (accept && !accept.closest("form").hidden) { accept.closest("form").requestSubmit(); }
    } else if (ev.key === "r" && selected) {
      var details = selected.querySelector("details.reject");
      if (details && !details.hidden) { details.open = true; details.querySelector('[name="reason"]').focus(); }
    } else if (ev.key === "n") { nextUndecided(); }
    else if (ev.key === "u") { nextUnresolved(); }
    else if (ev.key === "/") { searchBox.focus(); }
    else { handled = false; }
    if (handled) { ev.preventDefault(); }
  });

  var firstOpen = window.location.hash && /^#r\d+$/.test(window.location.hash)
    ? document.getElementById(window.location.hash.slice(1)) : undecided()[0];
  if (firstOpen) { select(firstOpen); }
})();
