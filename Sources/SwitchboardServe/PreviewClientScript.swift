/// The live reload client that `serve` injects into every HTML page it serves.
///
/// It speaks a subset of the LiveReload protocol over a WebSocket: it says `hello`, and on
/// `reload` either swaps a stylesheet (`liveCSS`, matched by its name without the content
/// hash, the new sheet loaded before the old one is removed so nothing flashes) or reloads
/// the page when the page is among `pages` (or `pages` is absent). When the server goes
/// away it retries, and reloads once it is back, since the site may have changed meanwhile.
enum PreviewClientScript {
    static let source = #"""
(function () {
  "use strict";
  var script = document.currentScript;
  var page = (script && script.getAttribute("data-page")) || location.pathname;
  var socketURL = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__switchboard/livereload";
  var lost = false;

  function unhashed(url) {
    var name = url.split(/[?#]/)[0].split("/").pop();
    return name.replace(/\.[0-9a-f]{10}(\.css)$/, "$1");
  }

  function swapStylesheet(path) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      if (unhashed(link.getAttribute("href") || "") !== unhashed(path)) continue;
      var next = link.cloneNode(false);
      next.setAttribute("href", path);
      next.addEventListener("load", function (old) { return function () { old.remove(); }; }(link));
      link.parentNode.insertBefore(next, link.nextSibling);
    }
  }

  function handle(message) {
    if (message.command !== "reload") return;
    if (message.liveCSS && /\.css$/.test(message.path)) { swapStylesheet(message.path); return; }
    if (message.pages && message.pages.indexOf(page) < 0) return;
    location.reload();
  }

  function connect() {
    var socket = new WebSocket(socketURL);
    socket.onopen = function () {
      if (lost) { location.reload(); return; }
      socket.send(JSON.stringify({ command: "hello", protocols: ["http://livereload.com/protocols/official-7"] }));
    };
    socket.onmessage = function (event) {
      try { handle(JSON.parse(event.data)); } catch (error) { console.error("switchboard preview:", error); }
    };
    socket.onclose = function () { lost = true; setTimeout(connect, 1000); };
  }
  connect();
})();
"""#
}
