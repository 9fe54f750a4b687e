#!/usr/bin/python3
"""Makes the workbooks of tests/workbooks/ the way editors fill them: the
workbook exported from base.json, opened in LibreOffice Calc, and edited
through LibreOffice's own API as a person types (setFormula: the cell's
format and LibreOffice's input recognition decide what a typed "2015-11"
or "4" becomes), then saved by LibreOffice as ODS or XLSX. So every file
here is a real LibreOffice file, kept as a test input; cases.json says what
importing each must give, and crates/sheet/tests/workbooks.rs checks it.

Run again only to change the cases (the files are committed):

    apt-get install -y --no-install-recommends libreoffice-calc-nogui python3-uno
    /usr/bin/python3 tests/workbooks/make.py

It needs Debian's python3 with python3-uno (not a virtual environment's).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
    from com.sun.star.table.CellContentType import EMPTY
except ImportError:
    sys.exit("make.py: needs LibreOffice's Python bridge: apt-get install python3-uno, then run it with /usr/bin/python3")


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


FILTERS = {"ods": "calc8", "xlsx": "Calc MS Excel 2007 XML"}


class Sheet:
    """A sheet found by its header row, cells named by header and row."""

    def __init__(self, doc, name):
        self.doc = doc
        self.sheet = doc.Sheets.getByName(name)

    def col(self, header):
        for c in range(0, 64):
            if self.sheet.getCellByPosition(c, 0).getString() == header:
                return c
        raise KeyError(header)

    def row_of(self, header, value):
        c = self.col(header)
        for r in range(1, 2000):
            if self.sheet.getCellByPosition(c, r).getString() == value:
                return r
        raise KeyError(value)

    def last_row(self):
        r = 1
        while self.sheet.getCellByPosition(0, r).getType() != EMPTY:
            r += 1
        return r - 1

    def cell(self, header, row):
        return self.sheet.getCellByPosition(self.col(header), row)

    def type(self, header, row, text):
        """What a person types into the cell. Calc keeps what is typed into
        a cell of the Text format ("@") as text; elsewhere it recognises
        numbers, dates and times. setFormula is that recognition without the
        first rule, so the rule is applied here."""
        cell = self.cell(header, row)
        kind = self.doc.NumberFormats.getByKey(cell.NumberFormat).Type
        if kind & uno.getConstantByName("com.sun.star.util.NumberFormat.TEXT"):
            cell.setString(text)
        else:
            cell.setFormula(text)

    def general(self, header, row):
        """The cell's format set back to 'General', as a pasted cell or a
        new workbook has it: typing there lets LibreOffice recognise dates
        and numbers."""
        self.cell(header, row).NumberFormat = 0

    def add_row(self, values):
        r = self.last_row() + 1
        for header, text in values.items():
            self.type(header, r, text)
        return r


def new_agreement(doc):
    a = Sheet(doc, "Accords")
    a.add_row({
        "identifiant": "ag-2024-cress-occitanie-udes",
        "titre": "Convention entre la CRESS Occitanie et l'UDES Occitanie",
        "nature": "convention de partenariat",
        "date": "2024-03",
        "précision de la date": "mois",
        "date : mots du texte": "en mars 2024",
        "lieu : commune": "Toulouse",
        "lieu : région": "76",
        "source : fichier": "005_exemple.txt",
    })
    Sheet(doc, "Parties").add_row({"fiche": "ag-2024-cress-occitanie-udes", "nom": "Chambre régionale de l'économie sociale et solidaire d'Occitanie", "sigle": "CRESS Occitanie"})
    Sheet(doc, "Parties").add_row({"fiche": "ag-2024-cress-occitanie-udes", "nom": "UDES Occitanie"})
    Sheet(doc, "Territoires").add_row({"fiche": "ag-2024-cress-occitanie-udes", "région": "76"})
    for theme in ("ess", "emploi"):
        Sheet(doc, "Thèmes des fiches").add_row({"fiche": "ag-2024-cress-occitanie-udes", "thème": theme})
    Sheet(doc, "Objectifs").add_row({"fiche": "ag-2024-cress-occitanie-udes", "objectif": "Développer l'emploi dans les entreprises de l'ESS en Occitanie."})
    Sheet(doc, "Chiffres").add_row({"fiche": "ag-2024-cress-occitanie-udes", "sorte": "objectif chiffré", "valeur": "50", "unité": "entreprises", "libellé": "entreprises à accompagner"})
    Sheet(doc, "Extraits").add_row({"fiche": "ag-2024-cress-occitanie-udes", "champs appuyés": "parties, date, place", "texte": "La CRESS et l'UDES Occitanie ont signé une convention en mars 2024 à Toulouse."})


def new_event(doc):
    e = Sheet(doc, "Événements")
    e.add_row({
        "identifiant": "ev-2024-04-12-forum-emploi-ess",
        "titre": "Forum de l'emploi dans l'ESS",
        "nature": "forum",
        "date": "2024-04-12",
        "précision de la date": "jour",
        "heure de début": "09:30",
        "heure de fin": "17:00",
        "lieu : commune": "Lyon",
        "lieu : région": "84",
        "inscription": "Inscription en ligne",
        "inscription : adresse web": "https://exemple.org/forum",
        "source : fichier": "006_exemple.txt",
    })
    Sheet(doc, "Territoires").add_row({"fiche": "ev-2024-04-12-forum-emploi-ess", "région": "84"})
    Sheet(doc, "Thèmes des fiches").add_row({"fiche": "ev-2024-04-12-forum-emploi-ess", "thème": "emploi"})
    Sheet(doc, "Accords liés").add_row({"fiche": "ev-2024-04-12-forum-emploi-ess", "accord": "ag-2019-cpme-reunion-ursiae"})


JOURNEE = "ev-2019-11-21-journee-regionale-iae-reunion"
MOIS = "ev-2015-11-mois-ess-idf"


def french_date(doc):
    e = Sheet(doc, "Événements")
    e.type("date", e.row_of("identifiant", JOURNEE), "21/11/2019")


def date_typed_in_a_general_cell(doc):
    e = Sheet(doc, "Événements")
    r = e.row_of("identifiant", JOURNEE)
    e.general("date", r)
    e.type("date", r, "2019-11-21")


def date_made_a_day(doc):
    """What Excel does to "2015-11" typed into a General cell: the first of
    that month, as a date (Calc in English leaves it text)."""
    e = Sheet(doc, "Événements")
    r = e.row_of("identifiant", MOIS)
    cell = e.cell("date", r)
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    cell.NumberFormat = doc.NumberFormats.getStandardFormat(uno.getConstantByName("com.sun.star.util.NumberFormat.DATE"), locale)
    cell.setValue(42309)  # 2015-11-01


def date_made_a_day_no_precision(doc):
    date_made_a_day(doc)
    e = Sheet(doc, "Événements")
    e.type("précision de la date", e.row_of("identifiant", MOIS), "")


def number_with_space(doc):
    c = Sheet(doc, "Chiffres")
    r = c.row_of("unité", "intentions de recrutement")
    c.cell("valeur", r).NumberFormat = c.cell("unité", r).NumberFormat  # text, as a pasted cell may be
    c.type("valeur", r, "1 000")


def decimal_comma(doc):
    c = Sheet(doc, "Chiffres")
    r = c.row_of("unité", "intentions de recrutement")
    c.cell("valeur", r).NumberFormat = c.cell("unité", r).NumberFormat
    c.type("valeur", r, "1000,5")


def theme_label(doc):
    t = Sheet(doc, "Thèmes des fiches")
    t.type("thème", 1, "Responsabilité sociétale (RSE)")


def unknown_record(doc):
    Sheet(doc, "Personnes").add_row({"fiche": "ag-2019-cpme-reunion-ursia", "nom": "Marie Test", "implication": "citée"})


def moved_and_extra_columns(doc):
    a = Sheet(doc, "Accords")
    cols = a.sheet.Columns
    # "nature" cut and inserted before "titre": drag and drop in Calc.
    nature = a.col("nature")
    cols.insertByIndex(1, 1)
    src = a.sheet.getCellRangeByPosition(nature + 1, 0, nature + 1, 100).RangeAddress
    dst = a.sheet.getCellByPosition(1, 0).CellAddress
    a.sheet.moveRange(dst, src)
    cols.removeByIndex(nature + 1, 1)
    extra = 30
    a.sheet.getCellByPosition(extra, 0).setFormula("remarques")
    a.sheet.getCellByPosition(extra, 3).setFormula("à relire avec la CRESS")


def sheet_removed(doc):
    doc.Sheets.removeByName("Objectifs")


def spaces_and_empty_row(doc):
    a = Sheet(doc, "Accords")
    a.type("lieu : commune", a.row_of("identifiant", "ag-2019-cpme-reunion-ursiae"), " Saint-André ")
    p = Sheet(doc, "Parties")
    p.sheet.Rows.insertByIndex(3, 1)


def duplicate_id(doc):
    """A record's row copied to a new row to start another, its id kept."""
    e = Sheet(doc, "Événements")
    src = e.row_of("identifiant", JOURNEE)
    dst = e.last_row() + 1
    e.sheet.copyRange(e.sheet.getCellByPosition(0, dst).CellAddress, e.sheet.getCellRangeByPosition(0, src, 40, src).RangeAddress)
    e.type("titre", dst, "Journée régionale de l'IAE 2020")


def region_number(doc):
    t = Sheet(doc, "Territoires")
    r = t.row_of("région", "04")
    t.general("région", r)
    t.type("région", r, "04")


def french_time(doc):
    e = Sheet(doc, "Événements")
    e.type("heure de début", e.row_of("heure de début", "09:00"), "9h")


CASES = [
    ("nouvel-accord.ods", new_agreement),
    ("nouvel-evenement.xlsx", new_event),
    ("date-a-la-francaise.xlsx", french_date),
    ("date-du-tableur.ods", date_typed_in_a_general_cell),
    ("date-changee-en-jour.ods", date_made_a_day),
    ("date-changee-en-jour-sans-precision.xlsx", date_made_a_day_no_precision),
    ("nombre-avec-espace.ods", number_with_space),
    ("virgule-decimale.xlsx", decimal_comma),
    ("libelle-au-lieu-de-l-identifiant.xlsx", theme_label),
    ("fiche-inconnue.ods", unknown_record),
    ("colonnes-deplacees-et-en-plus.xlsx", moved_and_extra_columns),
    ("feuille-supprimee.ods", sheet_removed),
    ("espaces-et-ligne-vide.ods", spaces_and_empty_row),
    ("identifiant-en-double.xlsx", duplicate_id),
    ("code-de-region-en-nombre.xlsx", region_number),
    ("heure-a-la-francaise.ods", french_time),
]


def main():
    subprocess.run(["cargo", "build", "--quiet", "-p", "passerelles-build", "--bin", "workbook"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="passerelles-workbooks-")
    base = os.path.join(work, "base.ods")
    subprocess.run([os.path.join(ROOT, "target/debug/workbook"), "export", os.path.join(HERE, "base.json"), "--out", base], check=True)
    profile = os.path.join(work, "profile")
    office = subprocess.Popen([
        "soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible",
        "--norestore", "--accept=pipe,name=passerelles-workbooks;urp;",
    ])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                ctx = resolver.resolve("uno:pipe,name=passerelles-workbooks;urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                time.sleep(0.5)
        else:
            sys.exit("make.py: LibreOffice did not answer")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for name, edit in CASES:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(base), "_blank", 0, (prop("Hidden", True),))
            edit(doc)
            out = os.path.join(HERE, name)
            doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", FILTERS[name.rsplit(".", 1)[1]]),))
            doc.close(True)
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
