"""Validates an E-ARK SIP folder with what the PyPI package eark-validator
ships, without its network: prints a JSON report and exits 1 on an error
or a warning (a SHOULD the package does not meet).

- structure: eark-validator's own check of the folders (CSIPSTR rules);
- XSD: every METS.xml (the root's and each representation's) against the
  METS schema with the CSIP and SIP extension schemas
  (mets.sip.local.v2-0.xsd), with lxml;
- Schematron: the root METS against the CSIP and the SIP rules of version
  2.1.0, with lxml's isoschematron. The rules name placeholders that
  eark-validator fills at start-up from vocabularies on the web; here they
  are filled from the copies of those vocabularies it ships
  (ipxml/resources/vocabs), so no rule is left out. Its IANA list has CRLF
  line ends, which eark-validator keeps in each type and so matches none;
  here they are stripped;
  One rule is left out, SIP14, which no METS can meet: it asks the note of
  every agent with ROLE="CREATOR" for an attribute NOTETYPE without a
  namespace, which the METS schema does not allow on mets:note (only
  attributes of other namespaces), while CSIP16 asks the software agent,
  a CREATOR too, for csip:NOTETYPE="SOFTWARE VERSION". A METS with both
  fails the XSD. Its findings are reported under "left_out";
- references: every file and mdRef a METS names exists, with the SIZE and
  SHA-256 CHECKSUM given, and every file of the package is named by one.

Usage: python3 eark.py PACKAGE_FOLDER
"""

import hashlib
import json
import os
import pathlib
import re
import sys
from importlib.resources import files

from lxml import etree
from lxml.isoschematron import Schematron

import eark_validator
from eark_validator import structure

RESOURCES = files(eark_validator).joinpath("ipxml", "resources")
SCHEMATRON_NS = "{http://purl.oclc.org/dsdl/schematron}"
SVRL_NS = "{http://purl.oclc.org/dsdl/svrl}"
METS_NS = "http://www.loc.gov/METS/"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

# Where eark-validator reads each vocabulary from the web, by the
# placeholder the rules use; the same files ship under vocabs/.
VOCABULARIES = {
    "@TYPE": "CSIPVocabularyContentCategory.xml",
    "@csip:CONTENTINFORMATIONTYPE": "CSIPVocabularyContentInformationType.xml",
    "@csip:OAISPACKAGETYPE": "CSIPVocabularyOAISPackageType.xml",
    "@STATUS": "CSIPVocabularyStatus.xml",
}
# Rules no METS can meet, with why (see the module's comment).
LEFT_OUT = {
    "SIP14": "asks mets:note for an unqualified NOTETYPE, which the METS schema forbids",
}
SECTIONS = [
    "metsRootElement",
    "metsHdr",
    "dmdSec",
    "amdSec",
    "fileSec",
    "structMap",
    "structLink",
    "behaviorSec",
]


def vocabulary_test(attribute, name):
    text = RESOURCES.joinpath("vocabs", name).read_text(encoding="utf-8")
    terms = re.findall(r"<Term[^>]*>([^<]*)</Term>", text)
    return " or ".join(f"({attribute} = '{term}')" for term in terms)


def iana_test():
    text = RESOURCES.joinpath("vocabs", "IANA.txt").read_text(encoding="utf-8")
    types = [line.strip() for line in text.splitlines() if line.strip()]
    return " or ".join(f"(@MIMETYPE = '{t}')" for t in types)


def rules(spec, section):
    text = (
        RESOURCES.joinpath("schematron", "V2.1.0", spec, f"mets_{section}_rules.xml")
        .read_text(encoding="utf-8")
    )
    for attribute, name in VOCABULARIES.items():
        text = text.replace(attribute + "_vocabulary_test", vocabulary_test(attribute, name))
    text = text.replace("@MIMETYPE_IANA_test", iana_test())
    return Schematron(etree.XML(text.encode("utf-8")), store_report=True)


def schematron(mets):
    findings = []
    document = etree.parse(mets)
    for spec in ["CSIP", "SIP"]:
        for section in SECTIONS:
            checker = rules(spec, section)
            checker.validate(document)
            report = checker.validation_report
            for failed in report.iter(SVRL_NS + "failed-assert"):
                findings.append(
                    {
                        "rule": failed.get("id"),
                        "role": failed.get("role", "ERROR"),
                        "location": failed.get("location"),
                        "text": (failed.findtext(SVRL_NS + "text") or "").strip(),
                    }
                )
    return findings


def xsd(mets):
    schema = etree.XMLSchema(
        file=str(RESOURCES.joinpath("schema", "mets.sip.local.v2-0.xsd"))
    )
    document = etree.parse(mets)
    if schema.validate(document):
        return []
    return [f"{mets}:{e.line}: {e.message}" for e in schema.error_log]


def references(root, mets, named):
    problems = []
    base = os.path.dirname(mets)
    document = etree.parse(mets)
    for element in document.iter(f"{{{METS_NS}}}file", f"{{{METS_NS}}}mdRef"):
        if element.tag.endswith("}file"):
            locator = element.find(f"{{{METS_NS}}}FLocat")
            href = locator.get(XLINK_HREF) if locator is not None else None
        else:
            href = element.get(XLINK_HREF)
        if not href:
            problems.append(f"{mets}: a {element.tag} without an href")
            continue
        path = os.path.normpath(os.path.join(base, href))
        named.add(os.path.relpath(path, root))
        if not os.path.isfile(path):
            problems.append(f"{mets}: {href} does not exist")
            continue
        data = open(path, "rb").read()
        if int(element.get("SIZE", "-1")) != len(data):
            problems.append(f"{mets}: {href} has {len(data)} bytes, not {element.get('SIZE')}")
        if element.get("CHECKSUMTYPE") != "SHA-256":
            problems.append(f"{mets}: {href} has checksum type {element.get('CHECKSUMTYPE')}")
        elif element.get("CHECKSUM", "").lower() != hashlib.sha256(data).hexdigest():
            problems.append(f"{mets}: {href}: the SHA-256 differs")
    for mptr in document.iter(f"{{{METS_NS}}}mptr"):
        href = mptr.get(XLINK_HREF)
        path = os.path.normpath(os.path.join(base, href or ""))
        if not os.path.isfile(path):
            problems.append(f"{mets}: the mptr {href} does not exist")
    return problems


def main():
    root = os.path.abspath(sys.argv[1])
    report = {"structure": [], "xsd": [], "schematron": [], "references": []}
    valid, results = structure.validate(pathlib.Path(root))
    for message in results.messages:
        if str(message.severity).split(".")[-1].upper() in ("ERROR", "WARNING"):
            report["structure"].append(f"{message.rule_id}: {message.message}")
    if not valid and not report["structure"]:
        report["structure"].append(f"not well formed: {results.status}")
    metses = [os.path.join(root, "METS.xml")]
    representations = os.path.join(root, "representations")
    if os.path.isdir(representations):
        for name in sorted(os.listdir(representations)):
            metses.append(os.path.join(representations, name, "METS.xml"))
    named = {"METS.xml"}
    for mets in metses:
        report["xsd"].extend(xsd(mets))
        report["references"].extend(references(root, mets, named))
    for folder, _, names in os.walk(root):
        for name in names:
            relative = os.path.relpath(os.path.join(folder, name), root)
            if relative not in named:
                report["references"].append(f"{relative} is in no METS")
    findings = schematron(metses[0])
    report["schematron"] = [f for f in findings if f["rule"] not in LEFT_OUT]
    report["left_out"] = [
        dict(f, why=LEFT_OUT[f["rule"]]) for f in findings if f["rule"] in LEFT_OUT
    ]
    errors = (
        report["structure"]
        + report["xsd"]
        + report["references"]
        + [f for f in report["schematron"] if f["role"] in ("ERROR", "WARN")]
    )
    print(json.dumps(report, indent=2, ensure_ascii=False))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
