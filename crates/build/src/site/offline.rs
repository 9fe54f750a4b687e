//! `passerelles.html`: the whole app in one file, for a disk, a USB key or
//! a mail attachment. Opened from a file, a page may not load module
//! scripts, fetch, or read anything beside it; so everything is inside:
//! the style as a `<style>`, the wasm-bindgen glue as a classic script, the
//! wasm and the dataset (a pack with its details inline) as base64 data
//! blocks. A small script hands the dataset to the app
//! (`window.passerellesPack`, read by ui::browser) and starts it.

use crate::site::html::Assets;

/// Where the page's own loader starts; the offline file gets another.
const LOADER_START: &str = "<script>(function(d,l){";

/// The offline page made of the built `index` page and its assets (`read`
/// gives a built file's bytes by the name the page uses).
pub fn page(
    index: &str,
    assets: &Assets,
    read: &dyn Fn(&str) -> Vec<u8>,
    inline_pack: &[u8],
) -> Result<String, String> {
    let mut html = index.to_string();
    // The online loader out.
    let start = html.find(LOADER_START).ok_or("no loader in index.html")?;
    let end = start
        + html[start..]
            .find("</script>")
            .ok_or("unterminated loader")?
        + 9;
    html.replace_range(
        start..end,
        // A view other than the default one (after a reload) hides the
        // prerender until the app draws its own, as online.
        "<script>if(location.search)document.documentElement.setAttribute('data-other','');\
document.documentElement.setAttribute('data-offline','')</script>",
    );
    // Paper too: what the online pages link after their first paint.
    let print = String::from_utf8(read("print.css")).map_err(|_| "print.css is not UTF-8")?;
    let head_end = html.find("</head>").ok_or("no </head>")?;
    html.insert_str(
        head_end,
        &format!(
            "<style media=\"print\">{}</style>",
            print.replace("</", "<\\/")
        ),
    );
    // The glue, the wasm and the dataset in, then what starts them.
    let glue = String::from_utf8(read(&assets.glue)).map_err(|_| "the glue is not UTF-8")?;
    let body_end = html.rfind("</body>").ok_or("no </body>")?;
    let tail = format!(
        "<script type=\"application/octet-stream\" id=\"passerelles-wasm\">{}</script>\
<script type=\"application/octet-stream\" id=\"passerelles-pack\">{}</script>\
<script>{}</script>\
<script>(function(){{function b(id){{return Uint8Array.from(atob(document.getElementById(id).textContent),function(c){{return c.charCodeAt(0)}})}}\
window.passerellesPack=b('passerelles-pack');var a=document.getElementById('app');\
if(a){{if(document.documentElement.hasAttribute('data-other'))a.remove();else a.inert=true}}\
window.passerellesInit({{module_or_path:b('passerelles-wasm')}})}})()</script>",
        base64(&read(&assets.wasm)),
        base64(inline_pack),
        classic(&glue)?,
    );
    html.insert_str(body_end, &tail);
    Ok(html)
}

/// wasm-bindgen's glue (an ES module, minified) as a classic script that
/// leaves its initialiser in `window.passerellesInit`: the one `export {…}`
/// statement taken out, `import.meta.url` (where the glue would look for
/// the wasm when given none) read from the document instead.
pub fn classic(glue: &str) -> Result<String, String> {
    let start = glue.rfind("export{").ok_or("the glue exports nothing")?;
    let end = start + glue[start..].find('}').ok_or("unterminated export")? + 1;
    let init = glue[start + 7..end - 1]
        .split(',')
        .find_map(|e| e.trim().strip_suffix(" as default"))
        .ok_or("the glue has no default export")?
        .to_string();
    // The module's own exports (what the map and the timeline read, which
    // the offline file does not have) become plain functions.
    let head = glue[..start].replace("export function ", "function ");
    if head.contains("export ") || glue[end..].contains("export") {
        return Err("the glue exports in a way this conversion does not know".into());
    }
    let mut body = head;
    body.push_str(glue[end..].trim_start_matches(';'));
    let body = body.replace("import.meta.url", "document.baseURI");
    if body.contains("import.meta") || body.contains("</script") {
        return Err("the glue uses import.meta or holds </script>".into());
    }
    Ok(format!(
        "(function(){{{body};window.passerellesInit={init}}})()"
    ))
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * k)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_rfc_4648_writes_it() {
        for (raw, b64) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(raw.as_bytes()), b64, "{raw}");
        }
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    #[test]
    fn the_glue_becomes_a_classic_script() {
        let glue = "let w;function O(e){return new URL('x.wasm',import.meta.url)}function M(){}export{M as initSync,O as default};";
        let out = classic(glue).unwrap();
        assert_eq!(
            out,
            "(function(){let w;function O(e){return new URL('x.wasm',document.baseURI)}function M(){};window.passerellesInit=O})()"
        );
        assert_eq!(
            classic("export function f(){}function O(){}export{O as default}").unwrap(),
            "(function(){function f(){}function O(){};window.passerellesInit=O})()"
        );
        assert!(classic("export const f=1;export{f as default}").is_err());
        assert!(classic("function f(){}").is_err());
    }
}
