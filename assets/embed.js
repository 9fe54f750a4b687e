/*
 * Passerelles host script: sizes the Passerelles iframes of this page to
 * their content. Paste it once, after the iframe(s):
 *
 *   <iframe src="https://…/?embed=1" data-passerelles …></iframe>
 *   <script src="https://…/embed.js" async></script>
 *
 * No dependency, no global, nothing sent anywhere. A message is trusted only
 * when it comes from one of this page's iframe[data-passerelles] (its
 * contentWindow, whatever its origin: a sandboxed frame has an opaque one)
 * and has exactly the shape {type: "passerelles:resize", v: 1, height}.
 * Without this script the iframe keeps its height and scrolls inside.
 */
(function () {
  'use strict';
  var TYPE = 'passerelles:resize';
  var MAX_HEIGHT = 50000;
  if (window.__passerellesEmbed) return; // pasted twice: listen once
  window.__passerellesEmbed = true;

  function frameOf(source) {
    if (!source) return null;
    var frames = document.querySelectorAll('iframe[data-passerelles]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function heightOf(data) {
    if (data === null || typeof data !== 'object' || Object.getPrototypeOf(data) !== Object.prototype) return null;
    var keys = Object.keys(data).sort();
    if (keys.length !== 3 || keys[0] !== 'height' || keys[1] !== 'type' || keys[2] !== 'v') return null;
    if (data.type !== TYPE || data.v !== 1) return null;
    var h = data.height;
    if (typeof h !== 'number' || !isFinite(h) || h < 1 || h > MAX_HEIGHT) return null;
    return Math.ceil(h);
  }

  window.addEventListener('message', function (event) {
    var frame = frameOf(event.source);
    if (!frame) return;
    var height = heightOf(event.data);
    if (height === null) return;
    // CSSOM, not a style attribute: allowed by a strict CSP on the host page.
    frame.style.height = height + 'px';
  });
})();
