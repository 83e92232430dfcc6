// Status page (issue 6): adds the reader's own local time after each time
// that the page gives in UTC and the support time zone. Progressive
// enhancement only: without this script the page says everything it needs to.
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat || !document.querySelectorAll) return;
  var format;
  try {
    format = new Intl.DateTimeFormat(undefined, {
      day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
    });
  } catch (e) {
    return;
  }
  function add() {
    var times = document.querySelectorAll("time[data-status-time]");
    for (var i = 0; i < times.length; i++) {
      var element = times[i];
      if (element.getAttribute("data-status-local-added")) continue;
      var date = new Date(element.getAttribute("data-status-time"));
      if (isNaN(date.getTime())) continue;
      var span = document.createElement("span");
      span.className = "status-reader-time";
      span.textContent = " (your time: " + format.format(date) + ")";
      // After the support-time-zone text when there is one, else after the time itself.
      var anchor = element.nextElementSibling && element.nextElementSibling.className === "status-zone"
        ? element.nextElementSibling : element;
      anchor.parentNode.insertBefore(span, anchor.nextSibling);
      element.setAttribute("data-status-local-added", "1");
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", add);
  } else {
    add();
  }
})();
