#!/usr/bin/python3
"""Makes the workbooks the editors' page is tested with
(tests/e2e/editors.test.mjs), the way tests/workbooks/make.py makes its
own: the workbook exported from tests/workbooks/base.json, opened in
LibreOffice Calc, edited through LibreOffice's own API as a person types,
then saved by LibreOffice. So each file is a real LibreOffice file:

- plusieurs-erreurs.xlsx: several mistakes at once (a French date, a
  theme's label for its id, a row of a record that does not exist, a
  decimal comma, a region's name for its code);
- hostile.ods: cells an attacker would fill (markup, a javascript: link,
  a formula, bidirectional controls, a very long text);
- mot-de-passe.ods and mot-de-passe.xlsx: the correct workbook saved with
  a password ("secret"): the ODS as LibreOffice encrypts it; the XLSX as
  Excel does (a compound file holding an EncryptedPackage, ECMA-376 agile
  encryption), which LibreOffice 7.4 cannot write, so by msoffcrypto-tool
  from the XLSX LibreOffice saved.

Run again only to change them (the files are committed):

    python3 -m venv /tmp/msoffcrypto && /tmp/msoffcrypto/bin/pip install msoffcrypto-tool==6.1.0
    MSOFFCRYPTO=/tmp/msoffcrypto/bin/msoffcrypto-tool /usr/bin/python3 tests/editors/make.py

It needs Debian's python3 with python3-uno (see tests/workbooks/make.py).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "workbooks"))

import make as workbooks  # noqa: E402  (tests/workbooks/make.py: Sheet, the edits, prop)
from make import Sheet, prop  # noqa: E402

import uno  # noqa: E402
from com.sun.star.connection import NoConnectException  # noqa: E402


def several_mistakes(doc):
    workbooks.french_date(doc)
    workbooks.theme_label(doc)
    workbooks.unknown_record(doc)
    workbooks.decimal_comma(doc)
    t = Sheet(doc, "Territoires")
    t.type("région", t.row_of("région", "11"), "Île-de-France")


def hostile(doc):
    a = Sheet(doc, "Accords")
    r = a.row_of("identifiant", "ag-2019-cpme-reunion-ursiae")
    a.type("titre", r, "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>")
    a.type("description", r, "\u202egnp.exe\u202c " + "très long texte " * 400)
    a.type("source : adresse web", r, "javascript:document.title='pwned'")
    a.type("lieu : commune", r, "Saint-André\u200b")
    cell = a.cell("source : titre", r)
    cell.setFormula('=HYPERLINK("javascript:document.title=1";"cliquez")')


def password(doc):
    pass


CASES = [
    ("plusieurs-erreurs.xlsx", several_mistakes, None),
    ("hostile.ods", hostile, None),
    ("mot-de-passe.ods", password, "secret"),
    ("mot-de-passe.xlsx", password, "secret"),
]


def main():
    subprocess.run(["cargo", "build", "--quiet", "-p", "passerelles-build", "--bin", "workbook"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="passerelles-editors-")
    base = os.path.join(work, "base.ods")
    subprocess.run([os.path.join(ROOT, "target/debug/workbook"), "export", os.path.join(ROOT, "tests", "workbooks", "base.json"), "--out", base], check=True)
    profile = os.path.join(work, "profile")
    office = subprocess.Popen([
        "soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible",
        "--norestore", "--accept=pipe,name=passerelles-editors;urp;",
    ])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                ctx = resolver.resolve("uno:pipe,name=passerelles-editors;urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                time.sleep(0.5)
        else:
            sys.exit("make.py: LibreOffice did not answer")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for name, edit, secret in CASES:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(base), "_blank", 0, (prop("Hidden", True),))
            edit(doc)
            out = os.path.join(HERE, name)
            ext = name.rsplit(".", 1)[1]
            options = [prop("FilterName", workbooks.FILTERS[ext])]
            if secret and ext == "ods":
                options.append(prop("Password", secret))
            plain = os.path.join(work, name) if secret and ext == "xlsx" else out
            doc.storeToURL(uno.systemPathToFileUrl(plain), tuple(options))
            doc.close(True)
            if plain != out:
                tool = os.environ.get("MSOFFCRYPTO", "msoffcrypto-tool")
                subprocess.run([tool, "-e", "-p", secret, plain, out], check=True)
            print("make.py:", name)
        try:
            desktop.terminate()
        except Exception:  # the bridge closes as LibreOffice quits
            pass
    finally:
        office.wait(timeout=60)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
