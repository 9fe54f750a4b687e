// The page's loader: an inline classic script in every page's head (written
// there by crates/build/src/site/page.rs, minified by scripts/minify.mjs),
// run before the body is drawn. The page's module and its glue are named on
// the script element itself (data-wasm, data-glue): the script is the same
// text on every page, so one hash in the Content-Security-Policy allows it.
//
// In order:
// 1. From a file (file://), where module scripts are refused, it only marks
//    the page (data-file: the stylesheet then says how to open it instead)
//    and points its links at files (`fiches/x/` is `fiches/x/index.html`
//    there), and starts nothing.
// 2. It sends the visitor to the page in the language asked for: `lang=en`
//    on a French page (or no `lang`, outside an embed, and a browser that
//    prefers English to French) leads to the same page under `en/`, and
//    `lang=fr` on an English page back to the root, before anything is
//    drawn. A click on the header's language switch points it at the page
//    the address shows, in the other language (same path, same query,
//    `lang` the other).
// 3. A view other than the prerendered one (any query string) is marked
//    (data-other) so the stylesheet hides the prerender and shows the app's
//    loading state; an embed is marked (data-embed).
// 4. When the document is parsed, the prerendered view is made inert until
//    the app takes it over (a box ticked there would be lost), or removed
//    when it stands for another view; once that view is painted, it starts
//    the glue's and the wasm's downloads, then the app. The first paint
//    needs nothing but this HTML: a download that ended before it would be
//    counted in it by a model of a slow phone (Lighthouse's LCP, BENCHMARKS.md,
//    "Results first on a phone (issue 24)"), and it would compete with it
//    for the line on a real one.
// 5. What the first paint does without comes after it: once the app has
//    drawn (the event passerelles:drawn) and that frame is painted, the
//    print stylesheet; once it has drawn the list's panel (#map), the map
//    and the timeline (assets/wherewhen.mjs). A failure to load them is
//    reported on the console: the checkboxes and the date fields still do
//    everything.
(function (document, location) {
  var root = document.documentElement;
  var script = document.currentScript;

  if (location.protocol === 'file:') {
    root.setAttribute('data-file', '');
    document.addEventListener('DOMContentLoaded', function () {
      document.querySelectorAll('a[href]').forEach(function (a) {
        var href = a.getAttribute('href');
        if (/^[^:?#]*\/$/.test(href)) a.setAttribute('href', href + 'index.html');
        else if (href.charAt(0) === '?') a.setAttribute('href', 'index.html' + (href.length > 1 ? href : ''));
      });
    });
    return;
  }

  var query = location.search;
  var asked = /[?&]lang=(fr|en)(&|$)/.exec(query);
  var want = asked && asked[1];
  var embedded = /[?&]embed=1(&|$)/.test(query);
  // A query without its `lang`: the view itself.
  var withoutLang = function (q) {
    return q.replace(/([?&])lang=[^&]*&?/, '$1').replace(/[?&]$/, '');
  };
  var view = withoutLang(query);
  // The site's root: the folder of the page's base (a record page's <base>
  // is the root; the English pages' too).
  var base = new URL(document.baseURI).pathname;
  base = base.slice(0, base.lastIndexOf('/') + 1);
  if (location.pathname.indexOf(base) === 0) {
    var rest = location.pathname.slice(base.length);
    var english = rest.slice(0, 3) === 'en/';
    if (!want && !english && !embedded) {
      var languages = navigator.languages || [navigator.language || ''];
      for (var i = 0; i < languages.length; i++) {
        var code = String(languages[i]).slice(0, 2).toLowerCase();
        if (code === 'fr' || code === 'en') {
          want = code;
          break;
        }
      }
    }
    if (want === 'en' && !english) {
      location.replace(base + 'en/' + rest + query + location.hash);
      return;
    }
    if (want === 'fr' && english) {
      location.replace(base + rest.slice(3) + query + location.hash);
      return;
    }
    document.addEventListener(
      'click',
      function (e) {
        var link = e.target.closest('#lang-switch');
        if (!link) return;
        var path = location.pathname.slice(base.length);
        var inEnglish = path.slice(0, 3) === 'en/';
        var target = withoutLang(location.search);
        link.href =
          base + (inEnglish ? path.slice(3) : 'en/' + path) + target + (target ? '&' : '?') + 'lang=' + (inEnglish ? 'fr' : 'en');
      },
      true,
    );
  }

  // A file of the site, by its whole address: WebKit resolves an import()
  // made from a callback (a timer, an event) against the page's own
  // address, not its <base>, which points at the site's root from a record
  // page or an English one (tests/engines/: the English journey).
  var from = function (file) {
    return new URL(file, document.baseURI).href;
  };

  if (view) root.setAttribute('data-other', '');
  if (embedded) root.setAttribute('data-embed', '');

  // Runs `then` once the page's content is on screen: the first contentful
  // paint reported, then the next frame (a paint before the end of the
  // document may have shown only its top). In a hidden tab nothing is
  // painted: at once; for another view than the prerendered one (data-other:
  // a filtered link, an embed, ?data=) the visitor waits for the app, and
  // the page may paint nothing contentful before it: at once too (waiting
  // for a paint there held every such link for the three seconds below,
  // `make bench`'s startup at 10k and 100k records); a frame out of view is
  // not drawn either: after three seconds at most.
  function painted(then) {
    var done;
    var go = function () {
      if (!done) {
        done = true;
        then();
      }
    };
    var next = function () {
      requestAnimationFrame(function () {
        setTimeout(go);
      });
    };
    if (document.visibilityState === 'hidden' || root.hasAttribute('data-other')) return go();
    setTimeout(go, 3000);
    if (!window.PerformanceObserver || (PerformanceObserver.supportedEntryTypes || []).indexOf('paint') < 0) return next();
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName('first-contentful-paint').length) {
        observer.disconnect();
        next();
      }
    }).observe({ type: 'paint', buffered: true });
  }

  function start() {
    var printed, island;
    addEventListener('passerelles:drawn', function drawn() {
      requestAnimationFrame(function () {
        setTimeout(function () {
          if (!printed) {
            printed = true;
            var print = document.createElement('link');
            print.rel = 'stylesheet';
            print.media = 'print';
            print.href = 'print.css';
            document.head.append(print);
          }
          if (!island && document.getElementById('map')) {
            island = true;
            removeEventListener('passerelles:drawn', drawn);
            import(from('wherewhen.mjs')).catch(function (error) {
              console.error('Passerelles: the map and the timeline could not start.', error);
            });
          }
        });
      });
    });
    var prerendered = document.getElementById('app');
    if (prerendered) {
      if (root.hasAttribute('data-other')) prerendered.remove();
      else prerendered.inert = true;
    }
    painted(function () {
      var wasm = fetch(from(script.dataset.wasm));
      import(from(script.dataset.glue)).then(function (module) {
        return module.default({ module_or_path: wasm }).then(function (instance) {
          // The page's raw exports, for the map and the timeline
          // (assets/wherewhen.mjs); its bound ones, for `make bench`.
          window.passerellesWasm = instance;
          window.wasmBindings = module;
        });
      });
    });
  }
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', start) : start();
})(document, location);
