//! `passerelles.html`: the whole app in one file, for a disk, a USB key or
//! a mail attachment. Opened from a file, a page may not load module
//! scripts, fetch, or read anything beside it; so everything is inside:
//! the style as a `<style>` (the print one too), the app's glue as a
//! classic script, the wasm and the dataset (a pack with its details and
//! exports inline) as base64 data blocks, and a small script that hands
//! the dataset to the app (`window.passerellesPack`, read by the page's
//! browser.rs) and starts it.
//!
//! The glue is wasm-bindgen's own output for classic scripts (`--target
//! no-modules`, which defines the global `wasm_bindgen`), made by
//! scripts/post-build.sh from the same compiled page as the online glue:
//! nothing here rewrites a script. The page itself is the site's template
//! (`super::page`, `Run::Offline`) around the French front page's view.

use passerelles_core::wording::Lang;

use super::page::{Page, Run, Site};

/// What the offline file carries inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inside {
    /// wasm-bindgen's glue for classic scripts, minified.
    pub glue: String,
    /// The page's wasm, as that glue expects it.
    pub wasm: Vec<u8>,
    /// The dataset, details and exports inline.
    pub pack: Vec<u8>,
    /// The print stylesheet (the online pages link it after their first paint).
    pub print: String,
}

impl Inside {
    /// In the head, where the online pages have their loader: a view other
    /// than the default one (after a reload) hides the prerender until the
    /// app draws its own, as online; the page says it is the offline file.
    pub(crate) fn head(&self) -> String {
        format!(
            "<script>if(location.search)document.documentElement.setAttribute('data-other','');\
document.documentElement.setAttribute('data-offline','')</script><style media=print>{}</style>",
            self.print.replace("</", "<\\/")
        )
    }

    /// At the end of the body: the data blocks, the glue, and what starts it.
    pub(crate) fn body(&self) -> String {
        format!(
            "<script type=application/octet-stream id=passerelles-wasm>{}</script>\
<script type=application/octet-stream id=passerelles-pack>{}</script>\
<script>{}</script>\
<script>(function(){{function b(id){{return Uint8Array.from(atob(document.getElementById(id).textContent),function(c){{return c.charCodeAt(0)}})}}\
window.passerellesPack=b('passerelles-pack');var a=document.getElementById('app');\
if(a){{if(document.documentElement.hasAttribute('data-other'))a.remove();else a.inert=true}}\
wasm_bindgen({{module_or_path:b('passerelles-wasm')}})}})()</script>",
            base64(&self.wasm),
            base64(&self.pack),
            self.glue.replace("</script", "<\\/script"),
        )
    }
}

/// The offline page: the French front page's view, with everything inside.
pub fn page(
    site: &Site,
    inside: &Inside,
    title: &str,
    description: &str,
    notices: &str,
    view: &str,
) -> String {
    site.page(&Page {
        lang: Lang::Fr,
        depth: 0,
        title,
        description,
        head: "",
        notices,
        view,
        run: Run::Offline {
            head: &inside.head(),
            body: &inside.body(),
        },
        styles: &[],
        after: "",
    })
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
    fn the_glue_cannot_close_its_element() {
        let inside = Inside {
            glue: "let s='</script>';".into(),
            wasm: vec![0, 97, 115, 109],
            pack: vec![1, 2, 3],
            print: "a{}".into(),
        };
        let body = inside.body();
        assert!(body.contains("<script>let s='<\\/script>';</script>"));
        assert!(body.contains("id=passerelles-wasm>AGFzbQ==</script>"));
        assert!(body.ends_with("wasm_bindgen({module_or_path:b('passerelles-wasm')})})()</script>"));
    }
}
