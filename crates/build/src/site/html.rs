//! The surgery on the HTML trunk writes: the loader swapped for one that
//! also works from a file, the views put in their slots, a record page's
//! head. Trunk's minifier drops optional quotes and tags (`<div id=app>`,
//! no `<head>`), so every search here accepts both spellings.

/// What the page loads, as trunk named it (content-hashed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assets {
    /// The wasm-bindgen glue, e.g. `./passerelles-0123abcd.js`.
    pub glue: String,
    /// The module it instantiates, e.g. `./passerelles-0123abcd_bg.wasm`.
    pub wasm: String,
    /// The stylesheet, e.g. `./main-0123abcd.css`.
    pub css: String,
}

/// Escapes text for an element's content.
pub fn text(s: &str) -> String {
    escape(s, false)
}

/// Escapes text for a double-quoted attribute value.
pub fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The element that starts at `at` (its `<`), up to and including its end.
fn element_end(html: &str, at: usize, closing: Option<&str>) -> Option<usize> {
    match closing {
        Some(close) => html[at..].find(close).map(|k| at + k + close.len()),
        None => html[at..].find('>').map(|k| at + k + 1),
    }
}

/// The value of `name=` in a start tag, quoted or not.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(k) = tag[from..].find(name) {
        let at = from + k;
        from = at + name.len();
        let before = tag[..at].chars().last();
        if !matches!(before, Some(' ' | '\n' | '\t')) || !tag[from..].starts_with('=') {
            continue;
        }
        let value = &tag[from + 1..];
        return Some(match value.chars().next()? {
            q @ ('"' | '\'') => &value[1..1 + value[1..].find(q)?],
            _ => &value[..value.find([' ', '>', '\n', '\t']).unwrap_or(value.len())],
        });
    }
    None
}

/// Takes trunk's loader out of `html` (its inline module script, and the
/// preloads of the glue and the wasm), and says what it loaded. The page
/// gets [`loader`] instead.
pub fn take_loader(html: &str) -> Result<(String, Assets), String> {
    let mut out = html.to_string();
    let start = out
        .find("<script type=module>")
        .or_else(|| out.find("<script type=\"module\">"))
        .ok_or("no trunk loader (<script type=module>) in index.html")?;
    let end = element_end(&out, start, Some("</script>")).ok_or("unterminated loader")?;
    let script = out[start..end].to_string();
    let quoted = |after: &str| -> Option<String> {
        let at = script.find(after)? + after.len();
        let rest = &script[at..];
        let q = rest.find(['\'', '"'])?;
        let rest = &rest[q + 1..];
        Some(rest[..rest.find(['\'', '"'])?].to_string())
    };
    let glue = quoted(" from ").ok_or("the loader imports no glue")?;
    let wasm = quoted("module_or_path:").ok_or("the loader names no wasm")?;
    out.replace_range(start..end, "");
    // The preloads would fail, with console errors, on a page opened from a
    // file; the loader starts both downloads itself, as early.
    for target in [&glue, &wasm] {
        while let Some(at) = find_link(&out, |tag| attribute(tag, "href") == Some(target.as_str()))
        {
            let end = element_end(&out, at, None).ok_or("unterminated link")?;
            out.replace_range(at..end, "");
        }
    }
    let css_at = find_link(&out, |tag| attribute(tag, "rel") == Some("stylesheet"))
        .ok_or("no stylesheet link")?;
    let css_tag = &out[css_at..element_end(&out, css_at, None).ok_or("unterminated link")?];
    let css = attribute(css_tag, "href")
        .ok_or("a stylesheet without href")?
        .to_string();
    Ok((out, Assets { glue, wasm, css }))
}

/// Where the first `<link …>` whose start tag passes `keep` begins.
fn find_link(html: &str, keep: impl Fn(&str) -> bool) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = html[from..].find("<link") {
        let at = from + k;
        let end = element_end(html, at, None)?;
        if keep(&html[at..end]) {
            return Some(at);
        }
        from = end;
    }
    None
}

/// The page's loader: an inline classic script, run before the body is
/// drawn. Over http(s) it starts the glue's and the wasm's downloads at
/// once and starts the app when the document is parsed; it marks a view
/// the prerendered one is not (any query string) so the stylesheet hides
/// the prerender and shows the app's loading state instead (and removes it
/// once parsed: it stands for nothing there), and makes the prerendered
/// view inert until the app takes it over (a box ticked there would be
/// lost). From a file, where module scripts are refused, it only
/// marks the page (the stylesheet then says how to open it instead) and
/// points its links at files (`fiches/x/` is `fiches/x/index.html` there).
/// Before all that, it sends the visitor to the page in the language
/// asked for: `lang=en` on a French page (or no `lang` and a browser that
/// prefers English to French, outside an embed, whose snippet says its
/// language) leads to the same page under `en/`, `lang=fr` on an English
/// page back to the root, before anything is drawn. A click on the
/// header's language switch points it at the page the address shows, in
/// the other language (same path, same query, `lang` the other). What the
/// first paint does without comes after it: once the app has drawn
/// (`passerelles:drawn`) and that frame is painted, the print stylesheet
/// ([`PRINT_LINK`]); once it has drawn the list's panel, the map and the
/// timeline (assets/wherewhen.mjs; src/ui/where_when.rs).
pub fn loader(assets: &Assets) -> String {
    format!(
        "<script>(function(d,l){{var h=d.documentElement;\
if(l.protocol==='file:'){{h.setAttribute('data-file','');\
d.addEventListener('DOMContentLoaded',function(){{d.querySelectorAll('a[href]').forEach(function(a){{\
var r=a.getAttribute('href');if(/^[^:?#]*\\/$/.test(r))a.setAttribute('href',r+'index.html');\
else if(r.charAt(0)==='?')a.setAttribute('href','index.html'+(r.length>1?r:''))}})}});return}}\
var q=l.search,m=/[?&]lang=(fr|en)(&|$)/.exec(q),want=m&&m[1],em=/[?&]embed=1(&|$)/.test(q),\
nl=function(x){{return x.replace(/([?&])lang=[^&]*&?/,'$1').replace(/[?&]$/,'')}},s=nl(q),b=new URL(d.baseURI).pathname;\
b=b.slice(0,b.lastIndexOf('/')+1);\
if(l.pathname.indexOf(b)===0){{var rest=l.pathname.slice(b.length),en=rest.slice(0,3)==='en/';\
if(!want&&!en&&!em){{var ls=navigator.languages||[navigator.language||''];\
for(var i=0;i<ls.length;i++){{var c=String(ls[i]).slice(0,2).toLowerCase();if(c==='fr'||c==='en'){{want=c;break}}}}}}\
if(want==='en'&&!en){{l.replace(b+'en/'+rest+q+l.hash);return}}\
if(want==='fr'&&en){{l.replace(b+rest.slice(3)+q+l.hash);return}}\
d.addEventListener('click',function(e){{var a=e.target.closest('#lang-switch');\
if(a){{var p=l.pathname.slice(b.length),o=p.slice(0,3)==='en/',t=nl(l.search);\
a.href=b+(o?p.slice(3):'en/'+p)+t+(t?'&':'?')+'lang='+(o?'fr':'en')}}}},true)}}\
if(s)h.setAttribute('data-other','');\
if(em)h.setAttribute('data-embed','');\
var w=fetch({wasm}),g=import({glue});\
function go(){{var p,i;addEventListener('passerelles:drawn',function n(){{requestAnimationFrame(function(){{setTimeout(function(){{\
if(!p){{p=1;d.head.insertAdjacentHTML('beforeend','{print}')}}\
if(!i&&d.getElementById('map')){{i=1;removeEventListener('passerelles:drawn',n);import('./wherewhen.mjs').catch(function(){{}})}}}})}})}});\
var a=d.getElementById('app');if(a){{if(h.hasAttribute('data-other'))a.remove();else a.inert=true}}\
g.then(function(m){{return m.default({{module_or_path:w}}).then(function(x){{window.wasmBindings=m;window.passerellesWasm=x;\
dispatchEvent(new CustomEvent('TrunkApplicationStarted',{{detail:{{wasm:x}}}}))}})}})}}\
d.readyState==='loading'?d.addEventListener('DOMContentLoaded',go):go()}})(document,location)</script>",
        wasm = js_string(&assets.wasm),
        glue = js_string(&assets.glue),
        print = PRINT_LINK,
    )
}

/// The print stylesheet (styles/print.css): never needed for the first
/// paint, so the loader links it once the app has drawn (this link, in a
/// single-quoted string of the loader: no `'` in it); the pages without a
/// loader (the glossary's) link it in their head.
pub const PRINT_LINK: &str = "<link rel=\"stylesheet\" media=\"print\" href=\"print.css\">";

/// The glossary page's own rules (styles/glossary.css): no other page
/// carries them.
pub const GLOSSARY_LINK: &str = "<link rel=\"stylesheet\" href=\"glossary.css\">";

/// A JavaScript string literal (the asset names are trunk's: letters,
/// digits, `-`, `_`, `.`, `/`; anything else is escaped anyway).
fn js_string(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || "-_./".contains(c) {
            out.push(c);
        } else {
            out.push_str(&format!("\\u{:04x}", c as u32));
        }
    }
    out.push('\'');
    out
}

/// Puts the stylesheet `css` (at `href`) into the page as a `<style>`: one
/// round trip less before the first paint (the pages are small, and a slow
/// phone line spends more on a request than on 3 KB). Allowed by its hash
/// (scripts/csp.mjs).
pub fn inline_style(html: &mut String, href: &str, css: &str) -> Result<(), String> {
    let at = find_link(html, |tag| attribute(tag, "href") == Some(href))
        .ok_or("no link to the stylesheet")?;
    let end = element_end(html, at, None).ok_or("unterminated link")?;
    // A stylesheet cannot close its own element early.
    html.replace_range(
        at..end,
        &format!("<style>{}</style>", css.replace("</", "<\\/")),
    );
    Ok(())
}

/// Inserts `text` just before `</head>`.
pub fn into_head(html: &mut String, text: &str) -> Result<(), String> {
    let at = html.find("</head>").ok_or("no </head> in the page")?;
    html.insert_str(at, text);
    Ok(())
}

/// Puts the prerendered `view` into the page's empty `<div id="app">`.
pub fn fill_view(html: &mut String, view: &str) -> Result<(), String> {
    const SLOTS: [&str; 2] = ["<div id=app></div>", "<div id=\"app\"></div>"];
    let slot = SLOTS
        .into_iter()
        .find(|s| html.contains(s))
        .ok_or("no empty <div id=app> in the page")?;
    let filled = format!("<div id=app>{view}</div>");
    *html = html.replacen(slot, &filled, 1);
    Ok(())
}

/// Takes the page's `<noscript>` out, for a page that runs no script and
/// so has nothing to say without one.
pub fn drop_noscript(html: &mut String) -> Result<(), String> {
    let start = html.find("<noscript>").ok_or("no <noscript>")?;
    let end = start
        + html[start..]
            .find("</noscript>")
            .ok_or("unterminated <noscript>")?
        + "</noscript>".len();
    html.replace_range(start..end, "");
    Ok(())
}

/// Marks the page's root element with the attribute `name` (a flag the
/// style sheet and the tests read).
pub fn mark_root(html: &mut String, name: &str) -> Result<(), String> {
    let at = html.find("<html").ok_or("no <html>")? + "<html".len();
    html.insert_str(at, &format!(" {name}"));
    Ok(())
}

/// Replaces the content of the page's `<title>`.
pub fn set_title(html: &mut String, title: &str) -> Result<(), String> {
    let start = html.find("<title>").ok_or("no <title>")? + "<title>".len();
    let end = start
        + html[start..]
            .find("</title>")
            .ok_or("unterminated <title>")?;
    html.replace_range(start..end, &text(title));
    Ok(())
}

/// Replaces the page's meta description.
pub fn set_description(html: &mut String, description: &str) -> Result<(), String> {
    let at = find_meta(html, "description").ok_or("no meta description")?;
    let end = element_end(html, at, None).ok_or("unterminated meta")?;
    html.replace_range(
        at..end,
        &format!(
            "<meta name=\"description\" content=\"{}\">",
            attr(description)
        ),
    );
    Ok(())
}

fn find_meta(html: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = html[from..].find("<meta") {
        let at = from + k;
        let end = element_end(html, at, None)?;
        if attribute(&html[at..end], "name") == Some(name) {
            return Some(at);
        }
        from = end;
    }
    None
}

/// Makes every relative address of a page one folder deeper resolve as
/// from the root: a `<base>` first in the head (before any address).
pub fn set_base(html: &mut String, base: &str) -> Result<(), String> {
    let charset = html
        .find("<meta charset")
        .ok_or("no <meta charset> to put the <base> after")?;
    let end = element_end(html, charset, None).ok_or("unterminated meta")?;
    html.insert_str(end, &format!("<base href=\"{}\">", attr(base)));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<!doctype html><html lang=fr><meta charset=utf-8><title>Passerelles</title>\
<meta content=\"x\" name=description><script type=module>import init, * as bindings from './p-1.js';\n\
const wasm = await init({ module_or_path: './p-1_bg.wasm' });</script>\
<link crossorigin href=./main-2.css integrity=sha384-x rel=stylesheet>\
<link crossorigin href=./p-1.js rel=modulepreload><link as=fetch crossorigin href=./p-1_bg.wasm rel=preload type=application/wasm>\
</head><body><div id=app></div><div id=live></div></body></html>";

    #[test]
    fn the_loader_is_taken_out_with_its_preloads() {
        let (html, assets) = take_loader(TRUNK).unwrap();
        assert_eq!(
            assets,
            Assets {
                glue: "./p-1.js".into(),
                wasm: "./p-1_bg.wasm".into(),
                css: "./main-2.css".into()
            }
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(
            !html.contains("modulepreload") && !html.contains("rel=preload"),
            "{html}"
        );
        assert!(html.contains("rel=stylesheet"));
        let script = loader(&assets);
        assert!(script.contains("fetch('./p-1_bg.wasm')") && script.contains("import('./p-1.js')"));
        assert!(!script.contains("</script>") || script.ends_with("</script>"));
        assert!(take_loader("<html></html>").is_err());
    }

    #[test]
    fn views_titles_and_bases_find_their_places() {
        let mut html = TRUNK.to_string();
        fill_view(&mut html, "<main>vue</main>").unwrap();
        assert!(html.contains("<div id=app><main>vue</main></div><div id=live></div>"));
        assert!(
            fill_view(&mut html, "again").is_err(),
            "the slot is filled once"
        );
        set_title(&mut html, "Convention « A & B » — Passerelles").unwrap();
        assert!(html.contains("<title>Convention « A &amp; B » — Passerelles</title>"));
        set_description(&mut html, "Un \"texte\" <b>").unwrap();
        assert!(
            html.contains("<meta name=\"description\" content=\"Un &quot;texte&quot; &lt;b&gt;\">")
        );
        set_base(&mut html, "../../").unwrap();
        assert!(html.starts_with(
            "<!doctype html><html lang=fr><meta charset=utf-8><base href=\"../../\">"
        ));
        into_head(&mut html, "<link rel=canonical href=x>").unwrap();
        assert!(html.contains("<link rel=canonical href=x></head>"));
    }

    #[test]
    fn attributes_read_quoted_or_not() {
        assert_eq!(
            attribute("<link href=./a.css rel=stylesheet>", "href"),
            Some("./a.css")
        );
        assert_eq!(
            attribute("<link rel=\"stylesheet\" href='b'>", "href"),
            Some("b")
        );
        assert_eq!(attribute("<link xhref=c>", "href"), None);
        assert_eq!(js_string("./a'b"), "'./a\\u0027b'");
    }
}
