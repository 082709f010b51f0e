/* Redaction review: place the boxes over the page image, link boxes and list items, and let the
   reviewer draw a manual box with the mouse. Boxes are in PDF points; the image is drawn at
   data-zoom pixels per point, so pixels = points * zoom. */
(function () {
  "use strict";
  var canvas = document.getElementById("page-canvas");
  if (!canvas) { return; }
  var zoom = parseFloat(canvas.getAttribute("data-zoom")) || 1.5;
  var pageW = parseFloat(canvas.getAttribute("data-width"));
  var pageH = parseFloat(canvas.getAttribute("data-height"));

  function place(el, b) {
    el.style.left = (b[0] * zoom) + "px";
    el.style.top = (b[1] * zoom) + "px";
    el.style.width = Math.max(2, (b[2] - b[0]) * zoom) + "px";
    el.style.height = Math.max(2, (b[3] - b[1]) * zoom) + "px";
  }

  var boxes = canvas.querySelectorAll(".rbox[data-box]");
  Array.prototype.forEach.call(boxes, function (el) {
    place(el, el.getAttribute("data-box").split(",").map(parseFloat));
  });

  function select(rid, scroll) {
    Array.prototype.forEach.call(document.querySelectorAll(".rbox--selected, .is-selected"), function (el) {
      el.classList.remove("rbox--selected"); el.classList.remove("is-selected");
    });
    Array.prototype.forEach.call(canvas.querySelectorAll('.rbox[data-rid="' + rid + '"]'), function (el) {
      el.classList.add("rbox--selected");
    });
    var item = document.getElementById("r" + rid);
    if (item) {
      item.classList.add("is-selected");
      if (scroll) { item.scrollIntoView({block: "nearest"}); }
    }
  }

  canvas.addEventListener("click", function (ev) {
    var rid = ev.target.getAttribute && ev.target.getAttribute("data-rid");
    if (rid) { select(rid, true); }
  });
  Array.prototype.forEach.call(document.querySelectorAll("#redaction-list > li[data-rid]"), function (li) {
    li.addEventListener("mouseenter", function () { select(li.getAttribute("data-rid"), false); });
    li.addEventListener("focusin", function () { select(li.getAttribute("data-rid"), false); });
  });
  if (window.location.hash && /^#r\d+$/.test(window.location.hash)) {
    select(window.location.hash.slice(2), true);
  }

  /* Drawing a manual box. */
  var hidden = document.getElementById("manual-boxes");
  var status = document.getElementById("manual-status");
  var draft = null, start = null;

  function point(ev) {
    var rect = canvas.getBoundingClientRect();
    var x = Math.min(Math.max(ev.clientX - rect.left, 0), rect.width);
    var y = Math.min(Math.max(ev.clientY - rect.top, 0), rect.height);
    return [x / zoom, y / zoom];
  }

  canvas.addEventListener("mousedown", function (ev) {
    if (ev.button !== 0 || (ev.target.classList && ev.target.classList.contains("rbox") &&
        !ev.target.classList.contains("rbox--draft"))) { return; }
    ev.preventDefault();
    start = point(ev);
    if (!draft) {
      draft = document.createElement("div");
      draft.className = "rbox rbox--draft";
      canvas.appendChild(draft);
    }
    place(draft, [start[0], start[1], start[0], start[1]]);
  });

  document.addEventListener("mousemove", function (ev) {
    if (!start) { return; }
    var p = point(ev);
    place(draft, [Math.min(start[0], p[0]), Math.min(start[1], p[1]), Math.max(start[0], p[0]), Math.max(start[1], p[1])]);
  });

  document.addEventListener("mouseup", function (ev) {
    if (!start) { return; }
    var p = point(ev);
    var b = [Math.min(start[0], p[0]), Math.min(start[1], p[1]), Math.max(start[0], p[0]), Math.max(start[1], p[1])];
    start = null;
    if (b[2] - b[0] < 2 || b[3] - b[1] < 2) {
      draft.remove(); draft = null; hidden.value = "";
      status.textContent = "No box drawn yet: drag on the page.";
      return;
    }
    b = b.map(function (v, i) { return Math.round(Math.min(v, i % 2 ? pageH : pageW) * 100) / 100; });
    place(draft, b);
    hidden.value = b.join(",");
    status.textContent = "Box drawn at " + b.map(function (v) { return v.toFixed(0); }).join(", ") +
      " (points). Choose a code and give a reason, then add it.";
    var code = document.querySelector("#manual-form select");
    if (code) { code.focus(); }
  });

  /* Typed coordinates (keyboard users) show the same preview box. */
  hidden.addEventListener("input", function () {
    var b = hidden.value.split(",").map(parseFloat);
    if (b.length !== 4 || b.some(isNaN)) { return; }
    if (!draft) {
      draft = document.createElement("div");
      draft.className = "rbox rbox--draft";
      canvas.appendChild(draft);
    }
    place(draft, [Math.min(b[0], b[2]), Math.min(b[1], b[3]), Math.max(b[0], b[2]), Math.max(b[1], b[3])]);
    status.textContent = "Box typed: " + hidden.value + " (points).";
  });

  /* Jump to another document from the select. */
  var jump = document.querySelector("[data-jump]");
  if (jump) {
    jump.addEventListener("change", function () { window.location.href = jump.value; });
  }
})();
